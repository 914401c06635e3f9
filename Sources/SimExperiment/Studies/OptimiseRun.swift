import SimCore
import SimOptimise
import SimScenario
import SimWorkforce

/// The settings of one optimisation, from the block and the command line.
public struct OptimiseSettings {
    public var evaluations: Int
    public var replications: Int
    public var finalists: Int
    public var delta: Double
    public var confidence: Double
    /// Replications of the winner and of the scenario as written in the confirmation.
    public var confirmation: Int
    public var seed: UInt64
}

/// Everything `simulate optimise` found: each candidate with its measures, the convergence,
/// the final selection and the confirmation of the winner against the scenario as written.
public struct OptimiseOutcome {
    public struct Candidate {
        /// `as-written`, `search` or `final` (a search plan taken to the selection).
        public var stage: String
        public var plan: [SearchSpace.Value]?
        public var overrides: [Override]
        /// Measures on the search's replications, then on the selection's (if it went there).
        public var searchMeasures: [[Double]]
        public var selectionMeasures: [[Double]] = []
        public var score: Score
    }

    public var candidates: [Candidate]
    /// The best score after each search plan (in search order).
    public var convergence: [Score]
    /// The candidates taken to the selection, in its system order.
    public var finalists: [Int]
    public var eliminatedAt: [Int?]
    public var winner: Int
    /// The confirmation's measures, `[replication][measure]`, of the winner and of the scenario as written.
    public var confirmationWinner: [[Double]]
    public var confirmationCurrent: [[Double]]
    public var settings: OptimiseSettings
    public var plansSimulated: Int
}

/// Search (an evolution strategy on common random numbers), then selection (KN on fresh
/// replications), then confirmation (on replications neither used). docs/optimise.md says why.
public struct OptimiseRun {
    public var evaluator: PlanEvaluator
    public let settings: OptimiseSettings
    /// Where progress lines go (stderr in the tool; nowhere with --quiet).
    public let report: (String) -> Void

    public init(evaluator: PlanEvaluator, settings: OptimiseSettings, report: @escaping (String) -> Void) {
        (self.evaluator, self.settings, self.report) = (evaluator, settings, report)
    }

    public var study: OptimiseStudy { evaluator.study }
    public var searchReplications: [Int] { Array(0..<settings.replications) }
    /// The selection starts after the search's replications: not the luck that picked the finalists.
    public var selectionStart: Int { settings.replications }
    /// The confirmation's replications lie far past anything the selection can reach.
    public static let confirmationStart = 1_000_000

    public mutating func run() throws(CommandError) -> OptimiseOutcome {
        let current = try evaluator.measure([PlanEvaluator.asWritten], replications: [searchReplications])[0]
        var candidates = [
            OptimiseOutcome.Candidate(stage: "as-written", plan: nil, overrides: [], searchMeasures: current, score: study.score(current))
        ]
        var search = EvolutionarySearch(
            space: study.space, budget: settings.evaluations, seed: settings.seed,
            starts: study.currentPlan.map { [$0] } ?? [])
        while !search.isFinished {
            let asked = search.ask()
            guard !asked.isEmpty else { continue }
            let plans = asked.map { evaluator.plan($0.plan) }
            let measures = try evaluator.measure(plans, replications: plans.map { _ in searchReplications })
            let scores = measures.map(study.score)
            search.tell(asked, scores: scores)
            for (p, plan) in plans.enumerated() {
                candidates.append(
                    .init(stage: "search", plan: asked[p].plan, overrides: plan.overrides, searchMeasures: measures[p], score: scores[p]))
            }
            report("search: \(search.scored.count)/\(settings.evaluations) plans, best \(describe(search.bestSoFar.last))")
        }
        let finalists = chooseFinalists(candidates)
        guard !finalists.isEmpty else {
            throw .failure(
                "no plan met the constraints in the search (\(search.scored.count) plans, the best missed by \(NumberText.plain(search.bestSoFar.last?.violation ?? 0)) of its bounds); loosen the constraints, widen the decisions or raise optimise.evaluations"
            )
        }
        for f in finalists where f > 0 { candidates[f].stage = "final" }
        let (kn, selection) = try select(finalists.map { candidates[$0] })
        for (s, f) in finalists.enumerated() { candidates[f].selectionMeasures = selection[s] }
        let winner = finalists[kn.selected ?? 0]
        report("selection: \(finalists.count) plans, the winner after \(selection.map(\.count).max() ?? 0) replications")
        let confirmation = Array(Self.confirmationStart..<(Self.confirmationStart + settings.confirmation))
        let confirmed = try evaluator.measure(
            [planOf(candidates[winner]), PlanEvaluator.asWritten], replications: [confirmation, confirmation])
        return OptimiseOutcome(
            candidates: candidates, convergence: search.bestSoFar, finalists: finalists, eliminatedAt: kn.eliminatedAt,
            winner: winner, confirmationWinner: confirmed[0], confirmationCurrent: confirmed[1],
            settings: settings, plansSimulated: search.scored.count)
    }

    /// The scenario as written (when it meets the constraints) and the best search plans that
    /// meet them, skipping a plan that measured exactly as the scenario as written (the same plan).
    public func chooseFinalists(_ candidates: [OptimiseOutcome.Candidate]) -> [Int] {
        var chosen = candidates[0].score.isFeasible ? [0] : []
        let ranked = candidates.indices.dropFirst().filter { candidates[$0].score.isFeasible }.sorted { a, b in
            candidates[a].score.isBetter(than: candidates[b].score) || (!candidates[b].score.isBetter(than: candidates[a].score) && a < b)
        }
        for c in ranked where chosen.filter({ $0 > 0 }).count < settings.finalists {
            if candidates[c].searchMeasures == candidates[0].searchMeasures { continue }
            chosen.append(c)
        }
        return chosen
    }

    public func planOf(_ candidate: OptimiseOutcome.Candidate) -> PlanEvaluator.Plan {
        candidate.plan.map(evaluator.plan) ?? PlanEvaluator.asWritten
    }

    /// KN among the finalists on fresh replications, fed in batches sized to keep the workers busy.
    public mutating func select(_ finalists: [OptimiseOutcome.Candidate]) throws(CommandError) -> (KNSelection, [[[Double]]]) {
        var kn = KNSelection(
            systems: finalists.count, initialReplications: settings.replications, delta: settings.delta, alpha: 1 - settings.confidence)
        var measures = Array(repeating: [[Double]](), count: finalists.count)
        let sign = study.problem.maximise ? 1.0 : -1.0
        var next = selectionStart
        while !kn.isFinished {
            let survivors = kn.survivors
            let batch = max(kn.replicationsWanted, (evaluator.runner.jobs + survivors.count - 1) / survivors.count)
            let replications = Array(next..<(next + batch))
            next += batch
            let values = try evaluator.measure(survivors.map { planOf(finalists[$0]) }, replications: survivors.map { _ in replications })
            for (s, system) in survivors.enumerated() { measures[system] += values[s] }
            guard values.allSatisfy({ $0.allSatisfy { $0[OptimiseStudy.objectiveIndex].isFinite } }) else {
                throw .failure(
                    "the objective was not measured in a replication of the selection (a metric with nothing to measure); choose an objective every plan measures"
                )
            }
            kn.add(values.map { $0.map { sign * $0[OptimiseStudy.objectiveIndex] } })
        }
        // Keep only the replications the procedure used: a batch may run past a system's elimination.
        for system in measures.indices { measures[system] = Array(measures[system].prefix(kn.values[system].count)) }
        return (kn, measures)
    }

    public func describe(_ score: Score?) -> String {
        guard let score else { return "none yet" }
        let objective = study.problem.maximise ? score.objective : -score.objective
        return "objective \(NumberText.plain((objective * 1e4).rounded() / 1e4))"
            + (score.isFeasible ? " (meets the constraints)" : " (misses the constraints)")
    }
}
