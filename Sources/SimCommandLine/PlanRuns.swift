import SimExperiment
import SimScenario

extension RunPlan {
    /// Every replication of the plan, with progress on stderr unless `quiet`.
    public func runAll(quiet: Bool, unit: String = "replications") -> ExperimentResult {
        var result = runner.emptyResult()
        var progress = Progress(total: replications, unit: unit, quiet: quiet)
        runner.run(replications: Array(0..<replications), into: &result) { progress.update(done: $0) }
        progress.finish()
        return result
    }
}

extension Arguments {
    /// The one scenario among the positional words run at its own values from January of the
    /// first of `years` to December of the last (`simulate history`, `history-check`).
    public func runOverYears(
        _ years: ClosedRange<Int>, overrides: [Override], replications: Int? = nil
    ) throws(CommandError) -> (RunPlan, ExperimentResult) {
        let span = ["startYear=\(years.lowerBound)", "startMonth=1", "years=\(years.count)"].compactMap { Override("simulation.\($0)") }
        var options = try planOptions()
        options.replications = replications ?? options.replications
        let plan = try RunPlan.make(try load(positional, overrides: overrides + span), options: options)
        return (plan, plan.runAll(quiet: quiet))
    }
}
