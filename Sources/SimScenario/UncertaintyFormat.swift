import SimCore
import SimWorkforce

/// The `uncertainty` block: for a numeric scenario path, what is known of its value. Designs
/// (`simulate sensitivity`) and `simulate run` (unless `--fixed-inputs`) draw from these.
extension ScenarioFormat {
    static let uncertaintyFields: [Field] = [
        Field(
            "distribution", .choice(["uniform", "triangular", "normal"]), default: .s("uniform"),
            doc:
                "uniform: every value in [low, high] equally plausible; triangular: most plausible at `mode`; normal: `mean` and `sd`, cut to [low, high]"
        ),
        Field("low", .number(minimum: nil, maximum: nil), required: true, doc: "the lowest plausible value (a multiplier when `relative`)"),
        Field(
            "high", .number(minimum: nil, maximum: nil), required: true, doc: "the highest plausible value (a multiplier when `relative`)"),
        Field("mode", .number(minimum: nil, maximum: nil), doc: "triangular: the most plausible value"),
        Field("mean", .number(minimum: nil, maximum: nil), doc: "normal: the mean before truncation"),
        Field("sd", .number(minimum: 0, maximum: nil, aboveMinimum: true), doc: "normal: the standard deviation before truncation"),
        Field(
            "relative", .boolean, default: .bool(false),
            doc: "the numbers are multipliers of the scenario's own value at each path (so `*` can vary units that differ together)"),
        Field("source", .localizedText, required: true, doc: "why this range: the statistic, study or reasoning behind it"),
    ]
}

/// One uncertain input of a scenario, resolved against its tree.
public struct UncertainParameter: Sendable {
    /// The path as written (may contain `*`): the factor's name in outputs.
    public var path: String
    public var distribution: UncertainDistribution
    /// Whether the distribution is of a multiplier of each target's own value.
    public var relative: Bool
    public var source: SourceNote
    /// Every scenario value the factor sets.
    public var targets: [Target]

    public struct Target: Sendable, Equatable {
        public var path: String
        /// The scenario's value there before any draw.
        public var base: Double
        public var isInteger: Bool
    }

    /// The factor's value at quantile `u` (a multiplier when relative).
    public func value(atQuantile u: Double) -> Double { distribution.quantile(u) }

    /// The `--set`-style overrides that put the factor at quantile `u`.
    public func overrides(atQuantile u: Double) -> [Override] {
        let x = value(atQuantile: u)
        return targets.map { target in
            var v = relative ? target.base * x : x
            if target.isInteger { v = v.rounded() }
            return Override(path: target.path, number: v)
        }
    }
}

extension Override {
    /// `PATH=NUMBER`, for draws and grid points.
    public init(path: String, number: Double) {
        self.path = path
        value = JSONNode(.number(number))
        text = NumberText.plain(number)
        isGenerated = true
    }
}

/// Resolves uncertainty paths against the format and a scenario tree filled with defaults.
enum UncertaintyPaths {
    struct Leaf {
        var path: String
        var type: FieldType
        var node: JSONNode?
    }

    /// Every number `path` names (a `*` stands for every id of a table or every field of a group), or a message saying why
    /// the path names none.
    ///
    /// - Parameter scalars: also accept words, ids and booleans (a decision's choices), not only numbers.
    static func leaves(of path: String, in tree: JSONNode, scalars: Bool = false) -> Result<[Leaf], Message> {
        guard let segments = PathSegment.parse(path) else {
            return .failure(Message("'\(path)' is not a path; write keys joined by dots, e.g. regions.sorong.headcount"))
        }
        var found: [Leaf] = []
        if let problem = walk(segments[...], type: .record(ScenarioFormat.root), node: tree, prefix: "", scalars: scalars, into: &found) {
            return .failure(problem)
        }
        return .success(found)
    }

    struct Message: Error {
        var text: String
        /// The path runs into an optional part the scenario leaves out (a `*` skips that id).
        var isAbsent = false
        init(_ text: String, isAbsent: Bool = false) {
            self.text = text
            self.isAbsent = isAbsent
        }
    }

    static func walk(
        _ rest: ArraySlice<PathSegment>, type: FieldType, node: JSONNode?, prefix: String, scalars: Bool = false,
        into found: inout [Leaf]
    ) -> Message? {
        guard let segment = rest.first else {
            switch type {
            case .number, .integer:
                found.append(Leaf(path: prefix, type: type, node: node))
                return nil
            case .choice where scalars, .boolean where scalars, .reference where scalars:  // `where` binds one pattern each
                found.append(Leaf(path: prefix, type: type, node: node))
                return nil
            case .record(let fields):
                let numbers = fields.filter {
                    if case .number = $0.type { return true }
                    if case .integer = $0.type { return true }
                    return false
                }
                return Message(
                    "'\(prefix)' is a group of settings, not a number"
                        + (numbers.isEmpty
                            ? "" : "; its numbers are \(numbers.prefix(6).map { "\(prefix).\($0.name)" }.joined(separator: ", "))"))
            default:
                return Message(
                    "'\(prefix)' is \(FormatDocs.typeText(type)), not a number; "
                        + (scalars ? "a decision can be a number, a word, an id or true/false" : "only a number can have a range"))
            }
        }
        let next = rest.dropFirst()
        switch (type, segment) {
        case (.record(let fields), .key("*")):
            return walkFields(next, fields: fields, node: node, prefix: prefix, scalars: scalars, into: &found)
        case (.record(let fields), .key(let key)):
            guard let field = fields.first(where: { $0.name == key }) else {
                let known = fields.map(\.name)
                let hint = suggestion(for: key, among: known).map { "; did you mean '\(join(prefix, $0))'?" } ?? ""
                return Message("unknown path: \(prefix.isEmpty ? "the file" : "'\(prefix)'") has no key '\(key)'\(hint)")
            }
            if node != nil && node?[key] == nil && field.defaultValue == nil {
                return Message("'\(prefix)' has no '\(key)': it is optional and this scenario leaves it out", isAbsent: true)
            }
            return walk(next, type: field.type, node: node?[key], prefix: join(prefix, key), scalars: scalars, into: &found)
        case (.table(let kind, let element), .key(let key)):
            return walkKeyed(next, kind: kind, key: key, element: element, node: node, prefix: prefix, scalars: scalars, into: &found)
        case (.weights(let kind), .key(let key)):
            return walkKeyed(
                next, kind: kind, key: key, element: .number(minimum: 0, maximum: nil), node: node, prefix: prefix, scalars: scalars,
                into: &found)
        case (.list(let element, _), .index(let index)):
            let count = node?.elements?.count ?? 0
            guard index < count else { return Message("'\(prefix)' has \(count) element\(count == 1 ? "" : "s"); there is no [\(index)]") }
            return walk(next, type: element, node: node?.elements?[index], prefix: "\(prefix)[\(index)]", scalars: scalars, into: &found)
        default:
            let step: String
            switch segment {
            case .key(let key): step = "'.\(key)'"
            case .index(let index): step = "[\(index)]"
            }
            return Message("'\(prefix)' is \(FormatDocs.typeText(type)); the path cannot go on with \(step)")
        }
    }

    /// A `*` in place of a group's key: every field of the group that the rest of the path names
    /// (after the last key, every number), e.g. `regions.sorong.units.*.service.skm.*`.
    static func walkFields(
        _ next: ArraySlice<PathSegment>, fields: [Field], node: JSONNode?, prefix: String, scalars: Bool, into found: inout [Leaf]
    ) -> Message? {
        let before = found.count
        for field in fields {
            var leaves: [Leaf] = []
            let problem = walk(
                next, type: field.type, node: node?[field.name], prefix: join(prefix, field.name), scalars: scalars, into: &leaves)
            if problem == nil { found += leaves }
        }
        return found.count > before ? nil : Message("no setting in '\(prefix)' is a number the rest of the path can name")
    }

    static func walkKeyed(
        _ next: ArraySlice<PathSegment>, kind: IDKind, key: String, element: FieldType, node: JSONNode?, prefix: String,
        scalars: Bool = false, into found: inout [Leaf]
    ) -> Message? {
        let ids = (node?.members ?? []).filter { $0.value.value != .null }.map(\.key)
        if key == "*" {
            guard !ids.isEmpty else { return Message("'\(prefix)' has no \(kind.noun) for '*' to stand for") }
            let before = found.count
            for id in ids {
                if let problem = walk(next, type: element, node: node?[id], prefix: join(prefix, id), scalars: scalars, into: &found),
                    !problem.isAbsent
                {
                    return problem
                }
            }
            let rest = next.map { segment -> String in
                if case .key(let k) = segment { return k }
                return "[]"
            }
            return found.count > before ? nil : Message("no \(kind.noun) in '\(prefix)' has '\(rest.joined(separator: "."))'")
        }
        guard ids.contains(key) else {
            let hint = suggestion(for: key, among: ids).map { "; did you mean '\(join(prefix, $0))'?" } ?? ""
            return Message("unknown \(kind.noun) '\(key)' in '\(prefix)'\(hint) (or '*' for every \(kind.noun))")
        }
        return walk(next, type: element, node: node?[key], prefix: join(prefix, key), scalars: scalars, into: &found)
    }
}
