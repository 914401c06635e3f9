import SimCommandLine
import SimExperiment
import SimScenario

/// `simulate roster-check`: what a region's roster file needs before a run can read it, said
/// without personal data (``RosterCheck``).
enum RosterCheckCommand {
    static let spec = CommandSpec(
        name: "roster-check",
        usage: "simulate roster-check FILE --region R [--scenario S]",
        summary: "say what a roster file needs before a run can read it, without personal data",
        description: [
            "Reads a roster (a SIASN export as it comes, or the columns of docs/roster.md) against region R of",
            "scenario S and prints the columns it recognised, the values that need a rosterMapping (with their",
            "rows and a suggestion each), NIPs Excel damaged, a rosterMapping block ready to paste, and whether",
            "the roster then loads, by unit and status. No person's data is quoted: a value is shown only when",
            "at least \(RosterCheck.shownMinimumRows) rows hold it and it does not look like a NIP, a date or a name. Exits 0 when the",
            "roster loads with the suggested mapping, 65 (with the problems on stderr) when it does not.",
        ],
        options: [
            .value(.region, "R", "the region whose roster the file is (required)"),
            .value(.scenario, "S", "the scenario that describes the region (default scenarios/baseline.json)"),
            CommonOptions.set,
        ],
        examples: ["simulate roster-check sorong-siasn.csv --region sorong"])

    static func run(_ words: [String]) throws(CommandError) {
        if spec.answersHelp(words) { return }
        let arguments = try spec.parse(words)
        guard arguments.positional.count == 1, let file = arguments.positional.first else {
            throw .usage("'roster-check' takes one roster file")
        }
        guard let region = arguments.value(.region) else { throw .usage("give --region: the region whose roster the file is") }
        // The region's own roster (and what hangs on it) is set aside: it may be the file being
        // checked, and a broken one would stop the check before it starts.
        let scenarioFile = arguments.value(.scenario) ?? "scenarios/baseline.json"
        let aside = ["roster", "rosterCovers", "startState.bookedSessions"].compactMap { Override("regions.\(region).\($0)=null") }
        let overrides = try arguments.overrides()
        var loaded = try? arguments.load([scenarioFile], overrides: overrides + aside)
        if loaded == nil { loaded = try arguments.load([scenarioFile], overrides: overrides) }
        let scenario = loaded![0]
        let check: RosterCheck
        do {
            check = try RosterCheck.reading(file, parameters: scenario.parameters, region: region, scenarioFile: scenario.file)
        } catch { throw .scenarios(error) }
        print(check.report(), terminator: "")
        if !check.loads { throw .scenarios(ScenarioError(check.remaining)) }
    }
}
