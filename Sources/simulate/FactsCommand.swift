import Foundation
import SimCommandLine
import SimCore
import SimExperiment
import SimReport

/// `simulate facts`: runs the scenarios and checks each region against the stylised facts of
/// MODEL.md §11 (``StylisedFacts``). Verdicts are information, not errors: it exits 0 whatever
/// they are, and 65/66 only for files it cannot use.
enum FactsCommand {
    static let spec = CommandSpec(
        name: "facts",
        usage: "simulate facts FILES... [options]",
        summary: "check the model against national statistics (docs/validation.md)",
        description: [
            "Runs every scenario and prints, for each region, the stylised facts the workforce must reproduce:",
            "the fact, its source, the target and tolerance, the model's value with its 95% interval over",
            "replications, and ✔ or ✘. Exits 0 whatever the verdicts. docs/validation.md is this command's",
            "--markdown output on the bundled baseline.",
        ],
        options: [
            CommonOptions.replications, CommonOptions.seed, CommonOptions.jobs, CommonOptions.years, CommonOptions.set,
            .value(.out, "DIR", "also write facts.csv into DIR (simulate replaces only the files it wrote there)"),
            .flag(.markdown, "print a Markdown table instead of plain text"),
            CommonOptions.force, CommonOptions.quiet,
        ],
        examples: ["simulate facts scenarios/baseline.json", "simulate facts scenarios/baseline.json --markdown > docs/validation.md"])

    static func run(_ words: [String]) throws(CommandError) {
        if spec.answersHelp(words) { return }
        let arguments = try spec.parse(words)
        let started = ContinuousClock.now
        let loaded = try arguments.loadScenarios(command: "facts")
        let plan = try RunPlan.make(loaded, options: try arguments.planOptions())
        let output = try arguments.output(default: nil, inputs: arguments.positional)
        let result = plan.runAll(quiet: arguments.quiet)
        let checks = StylisedFacts.check(result, labels: plan.labels)
        print(
            arguments.flag(.markdown)
                ? FactsReport.markdown(checks, replications: plan.replications, seed: plan.seed)
                : FactsReport.text(checks), terminator: "")
        // run.json marks the folder as the tool's, so the next run into it may replace facts.csv.
        try output?.write([("facts.csv", FactsReport.csv(checks)), ("run.json", plan.runMetadata(seconds: started.secondsElapsed))])
    }
}
