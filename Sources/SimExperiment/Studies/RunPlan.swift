import Foundation
import SimCore
import SimScenario
import SimWorkforce

/// Which loaded scenario the others are compared with.
public enum BaselineChoice {
    /// `--baseline ID`, else the scenario with id 'baseline'; without either, none.
    case fromArguments
    /// The first, which is compared with but not reported (`--baseline-file`).
    case hiddenFirst
    /// The first (`what-if`: the file as written).
    case first
}

/// Everything a run, a shard or a sweep needs once the scenarios are loaded.
public struct RunPlan {
    public var scenarios: [ExperimentScenario]
    public var labels: [ScenarioLabels]
    /// (id, file, SHA-256 of the scenario after `extends`, overrides and defaults).
    /// The SHA-256 covers the data files the scenario reads (rosters, calendars) too.
    public var fingerprints: [(id: String, file: String, sha256: String, dataFiles: [DataFile])]
    public var seed: UInt64
    public var replications: Int
    public var baseline: Int
    public var jobs: Int
    /// Whether a scenario is the baseline (by --baseline, --baseline-file or the id 'baseline');
    /// without one, reports leave the differences empty.
    public var hasBaseline = true
    /// `run --uncertain`: the inputs drawn per replication; `nil` runs at the scenarios' own values.
    public var draws: UncertainDraws?
    /// The paths drawn per replication (from `draws`, or from a shard's run.json), for the brief.
    public var uncertainPaths: [String] = []

    public init(
        scenarios: [ExperimentScenario], labels: [ScenarioLabels],
        fingerprints: [(id: String, file: String, sha256: String, dataFiles: [DataFile])], seed: UInt64,
        replications: Int, baseline: Int, jobs: Int, hasBaseline: Bool = true, draws: UncertainDraws? = nil,
        uncertainPaths: [String] = []
    ) {
        (self.scenarios, self.labels, self.fingerprints, self.seed) = (scenarios, labels, fingerprints, seed)
        (self.replications, self.baseline, self.jobs, self.hasBaseline) = (replications, baseline, jobs, hasBaseline)
        (self.draws, self.uncertainPaths) = (draws, uncertainPaths)
    }

    public var runner: ExperimentRunner {
        var runner = ExperimentRunner(scenarios: scenarios, seed: seed, baseline: baseline, jobs: jobs)
        if let draws { runner.parametersFor = { draws.parameters(scenario: $0, replication: $1) } }
        return runner
    }

    /// What the command line may set in a plan; `nil` takes the baseline scenario's own value.
    public struct Options {
        /// `--baseline ID`.
        public var baseline: String?
        /// `--seed`, as typed (checked here).
        public var seed: String?
        public var replications: Int?
        public var jobs: Int?

        public init(baseline: String? = nil, seed: String? = nil, replications: Int? = nil, jobs: Int? = nil) {
            (self.baseline, self.seed, self.replications, self.jobs) = (baseline, seed, replications, jobs)
        }
    }

    /// Builds the plan from loaded scenarios and the run options.
    public static func make(_ loaded: [Scenario], options: Options, baselineChoice: BaselineChoice = .fromArguments) throws(CommandError)
        -> RunPlan
    {
        let requested = options.baseline
        let baseline = baselineChoice == .fromArguments ? try ScenarioSet.baselineIndex(loaded, requested: requested) : 0
        let months = loaded[baseline].parameters.months
        if let other = loaded.first(where: { $0.parameters.months != months }) {
            throw .usage(
                "scenario '\(other.id)' runs \(other.parameters.years) years but the baseline runs \(loaded[baseline].parameters.years); pass --years to compare them"
            )
        }
        let seed: UInt64
        if let text = options.seed {
            // The same range as simulation.seed: seeds are written to JSON, whose numbers are exact to 2^53.
            guard let parsed = UInt64(text), parsed <= 9_007_199_254_740_991 else {
                throw .usage("--seed expects a whole number from 0 to 9007199254740991, got '\(text)'")
            }
            seed = parsed
        } else {
            seed = loaded[baseline].seed
        }
        var labels = loaded.map(ScenarioSet.labels(for:))
        if baselineChoice == .hiddenFirst { labels[0].isReported = false }
        return RunPlan(
            scenarios: loaded.map { ExperimentScenario(id: $0.id, parameters: $0.parameters) },
            labels: labels,
            fingerprints: loaded.map { scenario in
                let data = scenario.dataFiles.map { "\n\($0.region) \($0.kind) \($0.sha256)" }.joined()
                return (
                    scenario.id, scenario.file, SHA256.hex(of: Array((JSONWriter.render(scenario.resolved.value, indent: 0) + data).utf8)),
                    scenario.dataFiles
                )
            },
            seed: seed,
            replications: options.replications ?? loaded[baseline].replications,
            baseline: baseline,
            jobs: options.jobs ?? ProcessInfo.processInfo.activeProcessorCount,
            hasBaseline: baselineChoice != .fromArguments || requested != nil || loaded.contains { $0.id == "baseline" })
    }

    /// The note on stderr for a run without a baseline.
    public var noBaselineNote: String? {
        hasBaseline
            ? nil
            : "simulate: note: no baseline among the files (no scenario with id 'baseline', no --baseline or --baseline-file), so the differences are left empty; add scenarios/baseline.json, or use 'simulate what-if FILE --set PATH=VALUE'\n"
    }

    /// The breaches of the model's constraints per scenario, for `run.json`, and a warning for
    /// stderr when there are any (a correct model has none).
    public func breachReport(_ result: ExperimentResult) -> (json: JSONValue, warning: String?) {
        let perScenario = labels.indices.map { s -> (key: String, value: JSONNode) in
            let counts = Breach.allCases.map { ($0.id, JSONNode(.number(Double(result.breaches[s][$0.rawValue])))) }
            return (labels[s].id, JSONNode(.object(counts)))
        }
        let found = labels.indices.flatMap { s in
            Breach.allCases.filter { result.breaches[s][$0.rawValue] > 0 }.map {
                "\(labels[s].id): \(result.breaches[s][$0.rawValue]) × \($0.meaning)"
            }
        }
        let warning =
            found.isEmpty
            ? nil
            : "simulate: warning: the model broke its own constraints (a bug; please report it with run.json): \(found.joined(separator: "; "))\n"
        return (.object(perScenario), warning)
    }

    /// The command line as outputs record it: a `--set` that names a personal-data file (a
    /// roster) keeps its path only as a SHA-256 (docs/privacy.md).
    public static func recordedCommandLine(_ words: [String]) -> [String] {
        var out: [String] = []
        var afterSet = false
        for word in words {
            if afterSet {
                out.append(ScenarioFormat.recordable(word))
                afterSet = false
                continue
            }
            if word == "--set" {
                afterSet = true
                out.append(word)
                continue
            }
            if word.hasPrefix("--set=") {
                out.append("--set=" + ScenarioFormat.recordable(String(word.dropFirst(6))))
                continue
            }
            out.append(word)
        }
        return out
    }

    /// `run.json`: what produced the results. The only file with a wall time, so the CSVs stay
    /// byte-reproducible.
    public func runMetadata(seconds: Double, extra: [(String, JSONValue)] = []) -> String {
        let entries: [JSONNode] = fingerprints.map { entry in
            JSONNode(
                .object(
                    [
                        ("id", JSONNode(.string(entry.id))), ("file", JSONNode(.string(entry.file))),
                        ("sha256", JSONNode(.string(entry.sha256))),
                    ]
                        + (entry.dataFiles.isEmpty ? [] : [("dataFiles", JSONNode(entry.dataFiles.json))])))
        }
        var members: [(key: String, value: JSONNode)] = [
            ("generator", JSONNode(.string("kompeten-simulate"))),
            ("version", JSONNode(.string(KompetenVersion.current))),
            ("commandLine", JSONNode(.array(Self.recordedCommandLine(CommandLine.arguments).map { JSONNode(.string($0)) }))),
            ("seed", JSONNode(.number(Double(seed)))),
            ("replications", JSONNode(.number(Double(replications)))),
            ("baseline", JSONNode(.string(labels[baseline].id))),
            ("jobs", JSONNode(.number(Double(jobs)))),
            ("scenarios", JSONNode(.array(entries))),
        ]
        if !uncertainPaths.isEmpty { members.append(("uncertain", JSONNode(.array(uncertainPaths.map { JSONNode(.string($0)) })))) }
        members += extra.map { ($0.0, JSONNode($0.1)) }
        members.append(("wallSeconds", JSONNode(.number((seconds * 1000).rounded() / 1000))))
        return JSONWriter.render(.object(members), indent: 0) + "\n"
    }
}
