import Foundation
import SimCore
import SimOptimise
import SimScenario

/// Measures plans on given replications, in parallel, remembering every measure in the journal:
/// a plan and replication measured once (in this run or one interrupted before) is never run again.
public struct PlanEvaluator {
    public let study: OptimiseStudy
    public let runner: DesignRunner
    /// The run's own `--set`, applied before every plan.
    public let common: [Override]
    public let journal: OptimiseJournal
    /// Stop (to resume later) once this many plan batches have been run by this process.
    public let pauseAfter: Int?
    private(set) var runsThisProcess = 0

    public init(study: OptimiseStudy, runner: DesignRunner, common: [Override], journal: OptimiseJournal, pauseAfter: Int?) {
        self.study = study
        self.runner = runner
        self.common = common
        self.journal = journal
        self.pauseAfter = pauseAfter
    }

    /// A plan to measure: its journal key and its overrides (`nil`: the scenario as written).
    public struct Plan: Sendable {
        public var key: String
        public var overrides: [Override]
    }

    public static let asWritten = Plan(key: "(as written)", overrides: [])

    public func plan(_ values: [SearchSpace.Value]) -> Plan { Plan(key: study.key(values), overrides: study.overrides(values)) }

    /// The measures of each plan on its replications: `[plan][replication] → measures`.
    public mutating func measure(_ plans: [Plan], replications: [[Int]]) throws(CommandError) -> [[[Double]]] {
        let missing = plans.indices.map { p in replications[p].filter { journal.values(plans[p].key, replication: $0) == nil } }
        let todo = plans.indices.filter { !missing[$0].isEmpty }
        if !todo.isEmpty {
            if let pauseAfter, runsThisProcess >= pauseAfter {
                throw .paused(
                    "paused after \(runsThisProcess) batches of plans as --pause-after asked; \(journal.count) measures are in \(journal.url.path); run the same command again to continue"
                )
            }
            runsThisProcess += 1
            let scenarios = try compile(todo.map { plans[$0] })
            let study = self.study
            let values = runner.measure(scenarios, replications: todo.map { missing[$0] }) { study.measure($0, $1) }
            for (t, p) in todo.enumerated() {
                for (replication, measures) in zip(missing[p], values[t]) {
                    do { try journal.record(plans[p].key, replication: replication, values: measures) } catch {
                        throw CommandError.cannotWrite(error.description)
                    }
                }
            }
        }
        return plans.indices.map { p in replications[p].map { journal.values(plans[p].key, replication: $0)! } }
    }

    /// Compiles plans in parallel (each is the scenario as read once, with the run's and the plan's
    /// overrides applied in memory).
    public func compile(_ plans: [Plan]) throws(CommandError) -> [ExperimentScenario] {
        let source = study.scenario.source
        let common = self.common
        let outcome = runner.compile(plans.count) { (item: Int) -> Result<ExperimentScenario, ScenarioError> in
            do throws(ScenarioError) {
                let scenario = try source.compile(overrides: common + plans[item].overrides)
                return .success(ExperimentScenario(id: scenario.id, parameters: scenario.parameters))
            } catch {
                return .failure(error)
            }
        }
        switch outcome {
        case .success(let scenarios): return scenarios
        case .failure(let error): throw .scenarios(error)
        }
    }
}
