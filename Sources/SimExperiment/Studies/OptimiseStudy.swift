import Foundation
import SimCore
import SimOptimise
import SimScenario
import SimWorkforce

/// A scenario's `optimise` block made ready to search: its decisions as a ``SearchSpace``, and
/// how one replication's results become the numbers a plan is judged by.
///
/// Each replication of a plan is measured as `[objective, spent Rupiah, IKM, margin₁, margin₂, …]`:
/// the objective's weighted sum as written (not negated), the development spending over the
/// horizon in every region, the mean IKM over the regions, and per constraint its margin: the
/// worst of its region-year checks, positive when met, in the metric's units.
public struct OptimiseStudy: Sendable {
    public let scenario: Scenario
    public let problem: OptimisationProblem
    public let space: SearchSpace
    public let regionIDs: [String]

    public static let objectiveIndex = 0, spentIndex = 1, ikmIndex = 2, firstMargin = 3

    public init(scenario: Scenario, problem: OptimisationProblem) {
        self.scenario = scenario
        self.problem = problem
        regionIDs = scenario.parameters.regions.map(\.id)
        space = SearchSpace(
            problem.decisions.map { decision in
                switch decision.kind {
                case .range(let low, let high, let step): return .range(low: low, high: high, step: step)
                case .choice(let values): return .choice(count: values.count)
                case .split: return .split(count: decision.targets.count)
                }
            })
    }

    /// The overrides that put a plan into the scenario (after the run's own `--set`).
    public func overrides(_ plan: [SearchSpace.Value]) -> [Override] {
        zip(problem.decisions, plan).flatMap { decision, value -> [Override] in
            switch value {
            case .number(let x): return decision.overrides(number: x)
            case .choice(let index): return decision.overrides(choice: index)
            case .shares(let shares): return decision.overrides(shares: shares)
            }
        }
    }

    /// A plan's key in the journal and its column values: `path=value` joined by `;`.
    public func key(_ plan: [SearchSpace.Value]) -> String {
        overrides(plan).map { "\($0.path)=\($0.text)" }.joined(separator: ";")
    }

    /// The scenario's own values as a plan, when every decision can express them (a choice
    /// whose current value is not among its choices cannot).
    public var currentPlan: [SearchSpace.Value]? {
        var plan: [SearchSpace.Value] = []
        for decision in problem.decisions {
            switch decision.kind {
            case .range(let low, let high, _):
                guard case .number(let x)? = decision.current.first else { return nil }
                plan.append(.number(min(max(x, low), high)))
            case .choice(let values):
                guard let current = decision.current.first, let index = values.firstIndex(of: current) else { return nil }
                plan.append(.choice(index))
            case .split:
                let values = decision.current.map {
                    if case .number(let x) = $0 { return x }
                    return 0
                }
                let total = values.reduce(0, +)
                guard total > 0 else { return nil }
                plan.append(.shares(values.map { $0 / total }))
            }
        }
        return plan
    }

    /// The constraints' names in outputs, e.g. `service.ikm >= 76.61 (every region, every year)`.
    public var constraintLabels: [String] {
        problem.constraints.map { c in
            let bounds = [c.atLeast.map { ">= \(NumberText.plain($0))" }, c.atMost.map { "<= \(NumberText.plain($0))" }].compactMap { $0 }
                .joined(separator: " and ")
            return "\(c.metric) \(bounds) (\(c.region ?? "every region")\(c.eachYear ? ", every year" : ""))"
        }
    }

    /// One replication's measures (see the type's comment).
    public func measure(_ result: ReplicationResult, _ run: ExperimentScenario) -> [Double] {
        let catalogues = run.catalogues
        let months = run.parameters.months
        let horizon = ExperimentResult.horizonValues(result, catalogues: catalogues, months: months)
        let domains = run.parameters.domains.map(\.id)
        /// The metric `id` names, as each chosen region reports it: (region, position, definition).
        func series(_ id: String, in regions: [Int]) -> [(r: Int, m: Int, definition: MetricDefinition)]? {
            guard let key = MetricKey.regionLevel(id: id, domains: domains) else { return nil }
            var found: [(Int, Int, MetricDefinition)] = []
            for r in regions {
                guard let m = catalogues[r].position(of: key) else { return nil }
                found.append((r, m, catalogues[r].metrics[m]))
            }
            return found
        }
        func regions(_ id: String?) -> [Int] {
            id.map { region in regionIDs.indices.filter { regionIDs[$0] == region } } ?? Array(regionIDs.indices)
        }
        func total(_ metric: Metric) -> Double {
            catalogues.indices.reduce(0.0) { sum, r in sum + (catalogues[r].position(of: .region(metric)).map { horizon[r][$0] } ?? .nan) }
        }
        var objective = 0.0
        for term in problem.objective {
            // Checked when the file was loaded; a plan cannot remove a metric, but if one did, every measure is NaN.
            guard let chosen = series(term.metric, in: regions(term.region)) else {
                return Array(repeating: .nan, count: Self.firstMargin + problem.constraints.count)
            }
            objective += term.weight * chosen.map { horizon[$0.r][$0.m] }.reduce(0, +) / Double(max(1, chosen.count))
        }
        var values = [objective, total(.budgetSpentRupiah), total(.serviceIKM) / Double(max(1, regionIDs.count))]
        let years = (months + 11) / 12
        for constraint in problem.constraints {
            guard let chosen = series(constraint.metric, in: regions(constraint.region)) else {
                values.append(.nan)
                continue
            }
            var margin = Double.infinity
            for (region, m, definition) in chosen {
                let observed =
                    constraint.eachYear
                    ? (0..<years).map { ExperimentResult.yearValue(result.regions[region], definition, year: $0, months: months) ?? .nan }
                    : [horizon[region][m]]
                for x in observed {
                    // A year with nothing to measure (NaN) does not meet a bound.
                    if let low = constraint.atLeast { margin = min(margin, x.isNaN ? -abs(low) : x - low) }
                    if let high = constraint.atMost { margin = min(margin, x.isNaN ? -abs(high) : high - x) }
                }
            }
            values.append(margin)
        }
        return values
    }

    /// How a plan did over its replications, for the search (means; Deb's violation scaled by
    /// each bound so constraints in different units add up).
    public func score(_ replications: [[Double]]) -> Score {
        let means = Self.means(replications)
        var violation = 0.0
        for (c, constraint) in problem.constraints.enumerated() {
            let margin = means[Self.firstMargin + c]
            let scale = max(abs(constraint.atLeast ?? constraint.atMost ?? 1), 1e-9)
            violation += margin.isNaN ? 1 : max(0, -margin) / scale
        }
        let objective = means[Self.objectiveIndex]
        return Score(objective: objective.isNaN ? -.infinity : (problem.maximise ? objective : -objective), violation: violation)
    }

    public static func means(_ replications: [[Double]]) -> [Double] {
        guard let first = replications.first else { return [] }
        return first.indices.map { i in replications.map { $0[i] }.reduce(0, +) / Double(replications.count) }
    }

    /// What the journal's measures depend on: the scenario after `--set` (without the search's
    /// own settings, which change which plans are measured, never a measure), its data files and the seed.
    public static func fingerprint(_ scenario: Scenario, seed: UInt64, common: [Override]) -> String {
        let settingsOnly = JSONNode(
            .object(["evaluations", "replications", "finalists", "indifference", "confidence", "decisions"].map { ($0, JSONNode(.null)) }))
        let measured = scenario.resolved.merged(with: JSONNode(.object([("optimise", settingsOnly)])))
        let data = scenario.dataFiles.map { "\n\($0.region) \($0.kind) \($0.sha256)" }.joined()
        return SHA256.hex(of: Array((JSONWriter.render(measured.value, indent: 0) + data + "\nseed \(seed)").utf8))
    }
}

extension OptimiseJournal {
    /// The journal, or the CLI's error for why it cannot be used.
    public static func open(url: URL, fingerprint: String, measures: Int, restart: Bool) throws(CommandError) -> OptimiseJournal {
        do { return try OptimiseJournal(url: url, fingerprint: fingerprint, measures: measures, restart: restart) } catch {
            switch error {
            case .notAJournal, .cannotWrite: throw .cannotWrite(error.description)
            case .otherProblem, .damaged, .cannotRead: throw .usage(error.description)
            }
        }
    }
}

extension OptimiseSettings {
    /// The block's settings, each replaced by the command line's where given (`delta` and
    /// `confidence` as typed, checked here).
    public init(
        _ problem: OptimisationProblem, evaluations: Int?, replications: Int?, finalists: Int?, confirmation: Int?,
        delta: String?, confidence: String?, seed: UInt64
    ) throws(CommandError) {
        self.evaluations = evaluations ?? problem.evaluations
        self.replications = replications ?? problem.replications
        self.finalists = finalists ?? problem.finalists
        self.confirmation = confirmation ?? 20
        self.delta = problem.indifference
        if let text = delta {
            guard let x = Double(text), x > 0 else {
                throw .usage("--delta expects a number above 0 in the objective's units, got '\(text)'")
            }
            self.delta = x
        }
        self.confidence = problem.confidence
        if let text = confidence {
            guard let x = Double(text), x > 0.5, x < 1 else {
                throw .usage("--confidence expects a probability between 0.5 and 1, e.g. 0.95, got '\(text)'")
            }
            self.confidence = x
        }
        self.seed = seed
    }
}
