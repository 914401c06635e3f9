import SimCommandLine
import SimExperiment
import SimScenario

/// `simulate roster-template`: the header row a region's roster file needs, or, with
/// `--synthetic`, a whole roster drawn from a scenario's distributions, every row marked
/// synthetic (for examples and tests; no real person is in it).
enum RosterTemplateCommand {
    static let spec = CommandSpec(
        name: "roster-template",
        usage: "simulate roster-template [FILE] [--lang id|en] [--synthetic REGION --seed S]",
        summary: "print an empty roster with the documented headers, or a synthetic one",
        description: [
            "Prints a roster file's header row: the columns in docs/roster.md, with a competency column for",
            "each domain of FILE (the default domains without it). --lang id (default) writes Indonesian",
            "headers separated by ';', en English headers separated by ','.",
            "With --synthetic REGION it prints a roster of that region drawn from FILE's distributions on",
            "FILE's start date: NIPs start with 9 (no real NIP does), names read SINTETIS, and a last",
            "column says the row is synthetic.",
        ],
        options: [
            .value(.lang, "L", "language of the headers: id (default, Indonesian headers separated by ';') or en"),
            .value(.synthetic, "REGION", "print a synthetic roster of REGION drawn from FILE's distributions"),
            .value(.seed, "S", "seed of the synthetic roster (default 1)"),
            CommonOptions.set,
        ],
        examples: [
            "simulate roster-template > roster.csv",
            "simulate roster-template scenarios/baseline.json --synthetic sorong --seed 14 > sorong.csv",
        ])

    static func run(_ words: [String]) throws(CommandError) {
        if spec.answersHelp(words) { return }
        let arguments = try spec.parse(words)
        let indonesian = try arguments.language() == .id
        guard arguments.positional.count <= 1 else { throw .usage("'roster-template' takes at most one scenario file") }
        let scenario = try arguments.positional.first.map { file throws(CommandError) in
            try arguments.load([file], overrides: try arguments.overrides())[0]
        }
        guard let region = arguments.value(.synthetic) else {
            let domains = scenario?.parameters.domains.map(\.id) ?? RosterFormat.defaultDomainIDs
            print(
                RosterFormat.headers(indonesian: indonesian, domains: domains).joined(separator: indonesian ? ";" : ","), terminator: "\r\n"
            )
            return
        }
        guard let scenario else { throw .usage("--synthetic needs a scenario file to draw the region from") }
        guard let r = scenario.parameters.regions.firstIndex(where: { $0.id == region }) else {
            throw .usage(
                "--synthetic: no region '\(region)' in \(scenario.file); its regions are \(scenario.parameters.regions.map(\.id).joined(separator: ", "))"
            )
        }
        let seed = try arguments.integer(.seed, minimum: 0) ?? 1
        print(SyntheticRoster.text(scenario.parameters, region: r, seed: UInt64(seed), indonesian: indonesian), terminator: "")
    }
}
