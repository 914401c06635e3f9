import Foundation
import SimCommandLine
import SimExperiment
import SimOptimise
import SimReport
import SimWorkforce

/// `simulate optimise`: the best plan for the money, found by search under noise, chosen with a
/// statistical guarantee, and written back as a scenario.
enum OptimiseCommand {
    static let spec = CommandSpec(
        name: "optimise",
        usage: "simulate optimise FILE [options]",
        summary: "search the plans the optimise block allows, pick the best with a guarantee, write it as best.json",
        description: [
            "Reads the scenario's optimise block (docs/optimise.md): the decisions to search, the objective, the",
            "constraints and the budget of plans. Searches with an evolution strategy in which every plan runs the",
            "same replications (common random numbers); takes the best plans that meet the constraints, with the",
            "scenario as written, to Kim and Nelson's fully sequential selection on fresh replications (the best",
            "with probability at least --confidence when it leads by --delta); then runs the winner and the",
            "scenario as written on replications neither stage used. Writes best.json (a scenario that extends",
            "FILE with the chosen values), optimise.csv (every plan with its estimates), optimise.html and",
            "run.json. Progress is kept in OUT.journal as it goes: after an interruption, the same command",
            "resumes from it and gives the same result. The same seed gives the same bytes whatever --jobs.",
        ],
        options: [
            .value(.evaluations, "N", "distinct plans the search may score (default: optimise.evaluations)"),
            .value(
                .replications, "N", "replications per plan in the search, and the selection's first stage (default: optimise.replications)"),
            .value(.finalists, "K", "best search plans taken to the selection (default: optimise.finalists)"),
            .value(.delta, "D", "the selection's indifference zone, in the objective's units (default: optimise.indifference)"),
            .value(.confidence, "P", "the selection's 1 − α, e.g. 0.95 (default: optimise.confidence)"),
            .value(.confirm, "N", "replications of the winner and of the scenario as written in the confirmation (default 20)"),
            CommonOptions.seed, CommonOptions.jobs, CommonOptions.years,
            CommonOptions.out(default: "results-optimise"), CommonOptions.set, CommonOptions.csvLocale,
            CommonOptions.lang(of: "optimise.html and the summary on stderr"),
            .value(.pauseAfter, "N", "stop after N batches of simulation (exit 75) and keep the journal; run again to go on"),
            .flag(.restart, "discard a journal written for another problem instead of refusing it"),
            CommonOptions.force, CommonOptions.quiet,
        ],
        examples: [
            "simulate optimise scenarios/optimise-sawahlunto.json --out results/optimise",
            "simulate run results/optimise/best.json --baseline-file scenarios/optimise-sawahlunto.json --seed 7 --out results/best-vs-now",
        ])

    static func run(_ words: [String]) throws(CommandError) {
        if spec.answersHelp(words) { return }
        let started = ContinuousClock.now
        let arguments = try spec.parse(words)
        guard arguments.positional.count == 1, let file = arguments.positional.first else {
            throw .usage("'optimise' needs exactly one scenario file with an optimise block; see 'simulate optimise --help'")
        }
        let locale = try arguments.locale()
        let language = try arguments.language()
        let output = try arguments.output(default: "results-optimise", inputs: [file])!
        let common = try arguments.overrides()
        let scenario = try arguments.load([file], overrides: common)[0]
        guard let problem = scenario.optimisation else {
            throw .usage("\(file) has no optimise block; add one (docs/optimise.md) or start from scenarios/optimise-sawahlunto.json")
        }
        let plan = try RunPlan.make([scenario], options: try arguments.planOptions(), baselineChoice: .first)
        let settings = try OptimiseSettings(
            problem, evaluations: try arguments.integer(.evaluations, minimum: 2),
            replications: try arguments.integer(.replications, minimum: 2),
            finalists: try arguments.integer(.finalists, minimum: 1),
            confirmation: try arguments.integer(.confirm, minimum: 2),
            delta: arguments.value(.delta), confidence: arguments.value(.confidence), seed: plan.seed)
        let study = OptimiseStudy(scenario: scenario, problem: problem)
        let journal = try OptimiseJournal.open(
            url: URL(fileURLWithPath: output.target.path + ".journal"),
            fingerprint: OptimiseStudy.fingerprint(scenario, seed: plan.seed, common: common),
            measures: OptimiseStudy.firstMargin + problem.constraints.count,
            restart: arguments.flag(.restart))
        let quiet = arguments.quiet
        if journal.count > 0 && !quiet { Stderr.say("resuming from \(journal.url.path) (\(journal.count) replications already measured)") }
        let evaluator = PlanEvaluator(
            study: study, runner: DesignRunner(seed: plan.seed, replications: 1, jobs: plan.jobs), common: common,
            journal: journal, pauseAfter: try arguments.integer(.pauseAfter))
        var search = OptimiseRun(evaluator: evaluator, settings: settings, report: { if !quiet { Stderr.say($0) } })
        let outcome = try search.run()
        let files = OptimiseFiles(outcome: outcome, study: study, common: common, language: language, locale: locale, output: output.target)
        try output.write(files.all(metadata: plan.runMetadata(seconds: started.secondsElapsed, extra: files.metadata)))
        journal.remove()
        if !quiet {
            Stderr.say("wrote best.json, optimise.csv and optimise.html to \(output.target.path)")
            Stderr.say(files.memoSentence(language))
        }
    }
}
