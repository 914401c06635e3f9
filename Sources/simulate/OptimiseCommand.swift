import Foundation
import SimCore
import SimWorkforce
import SimScenario
import SimExperiment
import SimReport
import SimOptimise

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
            .value(.replications, "N", "replications per plan in the search, and the selection's first stage (default: optimise.replications)"),
            .value(.finalists, "K", "best search plans taken to the selection (default: optimise.finalists)"),
            .value(.delta, "D", "the selection's indifference zone, in the objective's units (default: optimise.indifference)"),
            .value(.confidence, "P", "the selection's 1 − α, e.g. 0.95 (default: optimise.confidence)"),
            .value(.confirm, "N", "replications of the winner and of the scenario as written in the confirmation (default 20)"),
            CommonOptions.seed, CommonOptions.jobs, CommonOptions.years,
            CommonOptions.out(default: "results-optimise"), CommonOptions.set, CommonOptions.csvLocale, CommonOptions.lang,
            .value(.pauseAfter, "N", "stop after N batches of simulation (exit 75) and keep the journal; run again to go on"),
            .flag(.restart, "discard a journal written for another problem instead of refusing it"),
            CommonOptions.force, CommonOptions.quiet,
        ],
        examples: [
            "simulate optimise scenarios/optimise-sawahlunto.json --out results/optimise",
            "simulate run results/optimise/best.json --baseline-file scenarios/optimise-sawahlunto.json --seed 7 --out results/best-vs-now",
        ])

    static func run(_ words: [String]) throws(CLIError) {
        if spec.answersHelp(words) { return }
        let started = ContinuousClock.now
        let arguments = try spec.parse(words)
        guard arguments.positional.count == 1, let file = arguments.positional.first else {
            throw .usage("'optimise' needs exactly one scenario file with an optimise block; see 'simulate optimise --help'")
        }
        let locale = try RunCommand.locale(arguments), language = try RunCommand.language(arguments)
        let output = OutputDirectory(target: URL(fileURLWithPath: arguments.value(.out) ?? "results-optimise"), force: arguments.flag(.force),
                                     inputs: [file])
        try output.checkWritable()
        let common = try RunCommand.overrides(arguments)
        let scenario = try RunCommand.loadAll([file], overrides: common)[0]
        guard let problem = scenario.optimisation else {
            throw .usage("\(file) has no optimise block; add one (docs/optimise.md) or start from scenarios/optimise-sawahlunto.json")
        }
        let plan = try RunPlan.make([scenario], arguments: arguments, baselineChoice: .first)
        let settings = try OptimiseSettings(problem, arguments: arguments, seed: plan.seed)
        let study = OptimiseStudy(scenario: scenario, problem: problem)
        let pauseAfter = try arguments.integer(.pauseAfter)
        let journal = try OptimiseJournal.open(url: URL(fileURLWithPath: output.target.path + ".journal"),
                                          fingerprint: fingerprint(scenario, seed: plan.seed, common: common),
                                          measures: OptimiseStudy.firstMargin + problem.constraints.count,
                                          restart: arguments.flag(.restart))
        let quiet = arguments.flag(.quiet)
        if journal.count > 0 && !quiet {
            FileHandle.standardError.write(Data("simulate: resuming from \(journal.url.path) (\(journal.count) replications already measured)\n".utf8))
        }
        let evaluator = PlanEvaluator(study: study, runner: DesignRunner(seed: plan.seed, replications: 1, jobs: plan.jobs), common: common,
                                      journal: journal, pauseAfter: pauseAfter)
        var search = OptimiseRun(evaluator: evaluator, settings: settings, quiet: quiet)
        let outcome = try search.run()
        let files = OptimiseFiles(outcome: outcome, study: study, common: common, language: language, locale: locale, output: output.target)
        try output.write(files.all(metadata: plan.runMetadata(seconds: started.secondsElapsed, extra: files.metadata)))
        journal.remove()
        if !quiet {
            FileHandle.standardError.write(Data("simulate: wrote best.json, optimise.csv and optimise.html to \(output.target.path)\n".utf8))
            FileHandle.standardError.write(Data("simulate: \(files.memoSentence(Language.en))\n".utf8))
        }
    }

    /// What the journal's measures depend on: the scenario after `--set` (without the search's
    /// own settings, which change which plans are measured, never a measure), its data files and the seed.
    static func fingerprint(_ scenario: Scenario, seed: UInt64, common: [Override]) -> String {
        let settingsOnly = JSONNode(.object(["evaluations", "replications", "finalists", "indifference", "confidence", "decisions"].map { ($0, JSONNode(.null)) }))
        let measured = scenario.resolved.merged(with: JSONNode(.object([("optimise", settingsOnly)])))
        let data = scenario.dataFiles.map { "\n\($0.region) \($0.kind) \($0.sha256)" }.joined()
        return SHA256.hex(of: Array((JSONWriter.render(measured.value, indent: 0) + data + "\nseed \(seed)").utf8))
    }
}

extension OptimiseJournal {
    /// The journal, or the CLI's error for why it cannot be used.
    static func open(url: URL, fingerprint: String, measures: Int, restart: Bool) throws(CLIError) -> OptimiseJournal {
        do { return try OptimiseJournal(url: url, fingerprint: fingerprint, measures: measures, restart: restart) } catch {
            switch error {
            case .notAJournal, .cannotWrite: throw .cannotWrite(error.description)
            case .otherProblem, .damaged, .cannotRead: throw .usage(error.description)
            }
        }
    }
}

extension OptimiseSettings {
    init(_ problem: OptimisationProblem, arguments: Arguments, seed: UInt64) throws(CLIError) {
        evaluations = try arguments.integer(.evaluations, minimum: 2) ?? problem.evaluations
        replications = try arguments.integer(.replications, minimum: 2) ?? problem.replications
        finalists = try arguments.integer(.finalists, minimum: 1) ?? problem.finalists
        confirmation = try arguments.integer(.confirm, minimum: 2) ?? 20
        delta = problem.indifference
        if let text = arguments.value(.delta) {
            guard let x = Double(text), x > 0 else { throw .usage("--delta expects a number above 0 in the objective's units, got '\(text)'") }
            delta = x
        }
        confidence = problem.confidence
        if let text = arguments.value(.confidence) {
            guard let x = Double(text), x > 0.5, x < 1 else { throw .usage("--confidence expects a probability between 0.5 and 1, e.g. 0.95, got '\(text)'") }
            confidence = x
        }
        self.seed = seed
    }
}
