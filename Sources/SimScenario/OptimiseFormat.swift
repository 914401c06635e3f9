import SimWorkforce

/// The `optimise` block: which decisions `simulate optimise` may change, what it maximises or
/// minimises, the outputs a plan must keep within bounds, and how much searching it may do
/// (docs/optimise.md).
extension ScenarioFormat {
    static let objectiveTermFields: [Field] = [
        Field("metric", .text, required: true, doc: "a metric of summary.csv (e.g. competency.share_at_standard)"),
        Field("region", .reference(.region), doc: "the region (default: the mean over every region)"),
        Field(
            "weight", .number(minimum: nil, maximum: nil), default: .n(1), doc: "its weight in the sum",
            source: "convention: an unweighted sum"),
    ]

    static let constraintFields: [Field] = [
        Field("metric", .text, required: true, doc: "a metric of summary.csv (e.g. service.ikm)"),
        Field("region", .reference(.region), doc: "the region (default: every region, each on its own)"),
        Field("atLeast", .number(minimum: nil, maximum: nil), doc: "the lowest acceptable value"),
        Field("atMost", .number(minimum: nil, maximum: nil), doc: "the highest acceptable value"),
        Field(
            "each", .choice(["horizon", "year"]), default: .s("horizon"),
            doc: "horizon: the value summary.csv reports; year: every simulated year's value (yearly.csv) must meet it",
            source: "convention: the value summary.csv reports"),
    ]

    static let decisionFields: [Field] = [
        Field("path", .text, doc: "the scenario value to decide (a `*` stands for every id of a table: all get one value)"),
        Field("low", .number(minimum: nil, maximum: nil), doc: "a number: the lowest value to try"),
        Field("high", .number(minimum: nil, maximum: nil), doc: "a number: the highest value to try"),
        Field(
            "step", .number(minimum: 0, maximum: nil),
            doc: "a number: try only low + k × step (default 1 for whole numbers, else any value)"),
        Field("choices", .list(.scalar, minimumCount: 2), doc: "a choice: the values to try (words, ids, numbers or true/false)"),
        Field("split", .list(.text, minimumCount: 2), doc: "a split: numbers whose values are shares of `total` (they sum to it)"),
        Field("total", .number(minimum: 0, maximum: nil, aboveMinimum: true), doc: "a split: what the numbers sum to"),
    ]

    static let optimiseFields: [Field] = [
        Field(
            "maximise", .list(.record(objectiveTermFields), minimumCount: 1),
            doc: "the weighted sum of metrics to maximise (or give `minimise`)"),
        Field("minimise", .list(.record(objectiveTermFields), minimumCount: 1), doc: "the weighted sum of metrics to minimise"),
        Field(
            "constraints", .list(.record(constraintFields)), default: .list([]), doc: "outputs a plan must keep within bounds",
            source: "none unless the file names them"),
        Field("decisions", .list(.record(decisionFields), minimumCount: 1), required: true, doc: "what the search may change"),
        Field(
            "evaluations", .integer(minimum: 2, maximum: 100_000), default: .n(60), unit: "plans",
            doc: "distinct plans the search may score (each on `replications` replications)",
            source: "assumption: a search of a few minutes on 2 cores for one region (docs/optimise.md)"),
        Field(
            "replications", .integer(minimum: 2, maximum: 10_000), default: .n(10), unit: "replications",
            doc: "replications each plan is scored on during the search (the same ones for every plan)",
            source: "assumption: enough to rank plans under common random numbers; the selection adds its own (docs/optimise.md)"),
        Field(
            "finalists", .integer(minimum: 2, maximum: 50), default: .n(5), unit: "plans",
            doc: "best plans of the search taken to the final selection, with the scenario as written",
            source: "assumption: a handful, as KN's cost grows with the number of plans (docs/optimise.md)"),
        Field(
            "indifference", .number(minimum: 0, maximum: nil, aboveMinimum: true), required: true,
            doc: "δ of the final selection, in the objective's units: the smallest difference worth finding"),
        Field(
            "confidence", .number(minimum: 0.5, maximum: 0.999, aboveMinimum: true), default: .n(0.95),
            doc: "1 − α of the final selection: the chance of picking the best when it leads by δ or more",
            source: "convention: the 95% of every interval the tool reports"),
    ]
}

/// A resolved `optimise` block.
public struct OptimisationProblem: Sendable {
    public struct Term: Sendable, Equatable {
        public var metric: String
        /// nil: the mean over every region.
        public var region: String?
        public var weight: Double
    }

    public struct Constraint: Sendable, Equatable {
        public var metric: String
        /// nil: every region, each on its own.
        public var region: String?
        public var atLeast: Double?
        public var atMost: Double?
        public var eachYear: Bool
    }

    public struct Decision: Sendable {
        public enum Kind: Sendable {
            /// A number in [low, high] on a grid of `step` (0: continuous).
            case range(low: Double, high: Double, step: Double)
            case choice([JSONValue])
            /// The targets' values are shares of `total`.
            case split(total: Double)
        }
        /// How outputs name it: the path, or the split's paths joined by `+`.
        public var name: String
        public var kind: Kind
        /// The scenario values it sets (a split: one per share, in order).
        public var targets: [UncertainParameter.Target]
        /// The values in the scenario as written (a choice: the first target's value).
        public var current: [JSONValue]
    }

    public var maximise: Bool
    public var objective: [Term]
    public var constraints: [Constraint]
    public var decisions: [Decision]
    public var evaluations: Int
    public var replications: Int
    public var finalists: Int
    public var indifference: Double
    public var confidence: Double
}

extension Override {
    /// `PATH=VALUE` for any JSON value (a decision's choice).
    public init(path: String, json: JSONValue) {
        self.path = path
        value = JSONNode(json)
        text = JSONWriter.render(json, indent: 0)
    }
}

extension OptimisationProblem {
    /// Reads a validated block against the resolved scenario tree (nil when there is none).
    static func resolve(_ root: JSONNode) -> OptimisationProblem? {
        guard let block = root["optimise"], block.members != nil else { return nil }
        let maximise = block["maximise"] != nil
        let terms = (block[maximise ? "maximise" : "minimise"]?.elements ?? []).map {
            Term(metric: $0["metric"]?.string ?? "", region: $0["region"]?.string, weight: $0["weight"]?.number ?? 1)
        }
        let constraints = (block["constraints"]?.elements ?? []).map {
            Constraint(
                metric: $0["metric"]?.string ?? "", region: $0["region"]?.string, atLeast: $0["atLeast"]?.number,
                atMost: $0["atMost"]?.number, eachYear: $0["each"]?.string == "year")
        }
        let decisions = (block["decisions"]?.elements ?? []).compactMap { decision(of: $0, in: root) }
        return OptimisationProblem(
            maximise: maximise, objective: terms, constraints: constraints, decisions: decisions,
            evaluations: Int(block["evaluations"]?.number ?? 60), replications: Int(block["replications"]?.number ?? 10),
            finalists: Int(block["finalists"]?.number ?? 5), indifference: block["indifference"]?.number ?? 0,
            confidence: block["confidence"]?.number ?? 0.95)
    }

    /// Objective and constraint metrics that are not region metrics of this scenario.
    static func unknownMetrics(_ root: JSONNode, file: String, known: [String]) -> [Diagnostic] {
        guard let block = root["optimise"], block.members != nil else { return [] }
        var problems: [Diagnostic] = []
        for list in ["maximise", "minimise", "constraints"] {
            for (index, term) in (block[list]?.elements ?? []).enumerated() {
                guard let metric = term["metric"]?.string, !known.contains(metric) else { continue }
                let hint =
                    suggestion(for: metric, among: known).map { "; did you mean '\($0)'?" } ?? "; the metrics are listed in docs/outputs.md"
                problems.append(
                    Diagnostic(
                        file: file, location: term["metric"]?.location, path: "optimise.\(list)[\(index)].metric",
                        message: "unknown metric '\(metric)'\(hint)"))
            }
        }
        return problems
    }

    static func decision(of node: JSONNode, in root: JSONNode) -> Decision? {
        let paths = node["split"]?.elements?.compactMap(\.string) ?? [node["path"]?.string].compactMap { $0 }
        var targets: [UncertainParameter.Target] = []
        var current: [JSONValue] = []
        for path in paths {
            guard case .success(let leaves) = UncertaintyPaths.leaves(of: path, in: root, scalars: true) else { return nil }
            for leaf in leaves {
                let isInteger: Bool
                if case .integer = leaf.type { isInteger = true } else { isInteger = false }
                targets.append(.init(path: leaf.path, base: leaf.node?.number ?? .nan, isInteger: isInteger))
                current.append(leaf.node?.value ?? .null)
            }
        }
        if let total = node["total"]?.number, node["split"] != nil {
            return Decision(name: paths.joined(separator: "+"), kind: .split(total: total), targets: targets, current: current)
        }
        if let choices = node["choices"]?.elements {
            return Decision(name: paths[0], kind: .choice(choices.map(\.value)), targets: targets, current: Array(current.prefix(1)))
        }
        guard let low = node["low"]?.number, let high = node["high"]?.number else { return nil }
        let step = node["step"]?.number ?? (targets.allSatisfy(\.isInteger) ? 1 : 0)
        return Decision(name: paths[0], kind: .range(low: low, high: high, step: step), targets: targets, current: Array(current.prefix(1)))
    }
}

extension OptimisationProblem.Decision {
    /// The overrides for a number (a range), a choice's index, or shares (a split).
    public func overrides(number: Double) -> [Override] {
        targets.map { Override(path: $0.path, number: $0.isInteger ? number.rounded() : number) }
    }

    public func overrides(choice index: Int) -> [Override] {
        guard case .choice(let values) = kind else { return [] }
        return targets.map { Override(path: $0.path, json: values[index]) }
    }

    /// Shares of the total; whole-number targets are rounded by largest remainder so they still
    /// sum to the total.
    public func overrides(shares: [Double]) -> [Override] {
        guard case .split(let total) = kind else { return [] }
        let exact = shares.map { $0 * total }
        var values = exact
        if targets.allSatisfy(\.isInteger) {
            values = exact.map { $0.rounded(.down) }
            let missing = Int((total.rounded() - values.reduce(0, +)).rounded())
            let order = exact.indices.sorted { (exact[$0] - values[$0], $1) > (exact[$1] - values[$1], $0) }
            for i in order.prefix(max(0, missing)) { values[i] += 1 }
        }
        return zip(targets, values).map { Override(path: $0.path, number: $1) }
    }
}
