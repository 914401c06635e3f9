import Foundation
import SimExperiment
import SimOutput
import SimReport
import SimScenario
import SimShard

/// The options several commands share, read once each.
extension Arguments {
    public var quiet: Bool { declares(.quiet) && flag(.quiet) }

    public func locale() throws(CommandError) -> CSVLocale {
        let text = value(.csvLocale) ?? "en"
        guard let locale = CSVLocale(rawValue: text) else { throw .usage("--csv-locale expects en or id, got '\(text)'") }
        return locale
    }

    public func language() throws(CommandError) -> BriefLanguage {
        let text = value(.lang) ?? "id"
        guard let language = BriefLanguage(rawValue: text) else { throw .usage("--lang expects id or en, got '\(text)'") }
        return language
    }

    /// The overrides of `--set` and `--years`, in that order of precedence (later wins).
    public func overrides() throws(CommandError) -> [Override] {
        var overrides = declares(.set) ? try ScenarioSet.parseOverrides(all(.set)) : []
        if declares(.years), let years = try integer(.years), let override = Override("simulation.years=\(years)") {
            overrides.insert(override, at: 0)
        }
        return overrides
    }

    /// `--baseline`, `--seed`, `--replications` and `--jobs` for a run plan.
    public func planOptions() throws(CommandError) -> RunPlan.Options {
        RunPlan.Options(
            baseline: declares(.baseline) ? value(.baseline) : nil, seed: value(.seed),
            replications: declares(.replications) ? try integer(.replications) : nil, jobs: try integer(.jobs))
    }

    /// The `--out` folder (or `defaultFolder`), checked and locked before anything runs.
    public func output(default defaultFolder: String?, inputs: [String]) throws(CommandError) -> OutputDirectory? {
        guard let folder = value(.out) ?? defaultFolder else { return nil }
        let output = OutputDirectory(target: URL(fileURLWithPath: folder), force: flag(.force), inputs: inputs)
        try output.checkWritable()
        return output
    }

    /// `--shard I/N`, or the cluster's array variables; `nil` for a command without shards.
    public func shard() throws(CommandError) -> ShardSelection? {
        guard declares(.shard) else { return nil }  // what-if: never a slice
        return try ShardSelection.from(
            given: value(.shard), count: try integer(.shardCount), environment: ProcessInfo.processInfo.environment)
    }

    /// The region `--region` names, checked against the baseline's regions before anything runs.
    public func briefRegion(_ plan: RunPlan) throws(CommandError) -> String? {
        guard let id = value(.region) else { return nil }
        let known = plan.labels[plan.baseline].regionIDs
        guard known.contains(id) else {
            throw .usage("--region: unknown region '\(id)'; the baseline has \(known.joined(separator: ", "))")
        }
        return id
    }

    /// The scenario files among the positional words, loaded; notes go to stderr unless --quiet.
    public func loadScenarios(command: String) throws(CommandError) -> [Scenario] {
        try load(ScenarioSet.scenarioFiles(positional, command: command), overrides: overrides())
    }

    public func load(_ files: [String], overrides: [Override]) throws(CommandError) -> [Scenario] {
        let scenarios = try ScenarioSet.load(files, overrides: overrides)
        if !quiet { for note in scenarios.flatMap(\.notes) { Stderr.note(note) } }
        return scenarios
    }
}

/// Lines on stderr: what was done, and notes on what the tool did on the planner's behalf.
public enum Stderr {
    public static func say(_ text: String) { FileHandle.standardError.write(Data("simulate: \(text)\n".utf8)) }
    public static func note(_ text: String) { say("note: \(text)") }
}
