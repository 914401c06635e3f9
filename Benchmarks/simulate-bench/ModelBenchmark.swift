import Foundation
import SimCore
import SimExperiment
import SimScenario
import SimSensitivity
import SimWorkforce

/// Simulated employee-months per second on one core: the workload that grows with a region's
/// size and horizon, so figures from scenarios of different sizes compare.
func employeeMonths(_ parameters: ModelParameters) -> Double {
    Double(parameters.regions.reduce(0) { $0 + ($1.roster?.unit.count ?? $1.headcount) } * parameters.months)
}

/// The baseline at each service fidelity, one worker: employee-months per second per core.
func perCoreBenchmark(replications: Int, directory: String) {
    for fidelity in ["perRequest", "analytic"] {
        guard let override = Override("simulation.serviceFidelity=\"\(fidelity)\""),
            let scenario = try? ScenarioLoader.load(directory + "/baseline.json", overrides: [override])
        else {
            FileHandle.standardError.write(Data("simulate-bench: cannot load \(directory)/baseline.json\n".utf8))
            exit(65)
        }
        let runner = ExperimentRunner(
            scenarios: [ExperimentScenario(id: scenario.id, parameters: scenario.parameters)], seed: 2027, baseline: 0, jobs: 1)
        var result = runner.emptyResult()
        let seconds = ContinuousClock().measure { runner.run(replications: Array(0..<replications), into: &result) }.inSeconds
        let rate = employeeMonths(scenario.parameters) * Double(replications) / seconds
        print(
            "model.per_core fidelity=\(fidelity) replications=\(replications) seconds=\(String(format: "%.2f", seconds)) employee_months_per_second_per_core=\(Int(rate)) seconds_per_replication=\(String(format: "%.3f", seconds / Double(replications)))"
        )
    }
}

/// Design points per second of a Morris design over the baseline's first `factors` uncertain
/// inputs (compile and run every point with `replications` replications, all cores).
func sensitivityBenchmark(trajectories: Int, factors count: Int, replications: Int, years: Int, jobs: Int, directory: String) {
    let file = directory + "/baseline.json"
    let common = [Override("simulation.years=\(years)")].compactMap { $0 }
    guard let scenario = try? ScenarioLoader.load(file, overrides: common), scenario.uncertainty.count >= count else {
        FileHandle.standardError.write(Data("simulate-bench: \(file) needs an uncertainty block of at least \(count) inputs\n".utf8))
        exit(65)
    }
    let factors = Array(scenario.uncertainty.prefix(count))
    let design = MorrisDesign(factors: count, trajectories: trajectories, seed: 1)
    let runner = DesignRunner(seed: 2027, replications: replications, jobs: jobs)
    var outcome: Result<[DesignRunner.PointMeans], ScenarioError> = .success([])
    let seconds = ContinuousClock().measure {
        outcome = runner.run(points: Array(design.points.indices)) { (p: Int) -> Result<ExperimentScenario, ScenarioError> in
            let overrides = common + zip(factors, design.points[p]).flatMap { $0.overrides(atQuantile: $1) }
            do throws(ScenarioError) {
                let loaded = try ScenarioLoader.load(file, overrides: overrides)
                return .success(ExperimentScenario(id: loaded.id, parameters: loaded.parameters))
            } catch {
                return .failure(error)
            }
        }
    }.inSeconds
    guard case .success(let means) = outcome, means.count == design.points.count else {
        FileHandle.standardError.write(Data("simulate-bench: a design point failed\n".utf8))
        exit(70)
    }
    print(
        "sensitivity.morris factors=\(count) trajectories=\(trajectories) points=\(means.count) replications=\(replications) years=\(years) jobs=\(jobs) seconds=\(String(format: "%.2f", seconds)) design_points_per_second=\(String(format: "%.3f", Double(means.count) / seconds))"
    )
}
