import SimExperiment
import SimScenario
import SimWorkforce

/// `partial.json`: everything a merge needs to rebuild the run without the scenario files: which
/// replications this shard ran, the run's seed and baseline, and each scenario's labels, each
/// region's keyed series and the scenario's fingerprint.
public struct ShardManifest: Equatable {
    public static let fileName = "partial.json"

    /// The scenarios of the run, in run order.
    public struct Scenario: Equatable {
        public var labels: ScenarioLabels
        public var file: String
        /// SHA-256 of the scenario after `extends`, overrides and defaults: shards of one run agree.
        public var sha256: String
        public var months: Int
        /// The data files the scenario read (rosters, calendars), by hash only.
        public var dataFiles: [DataFile]
        public init(labels: ScenarioLabels, file: String, sha256: String, months: Int, dataFiles: [DataFile] = []) {
            self.labels = labels
            self.file = file
            self.sha256 = sha256
            self.months = months
            self.dataFiles = dataFiles
        }
    }

    /// 1-based index of this shard among `shardCount`.
    public var shard: Int
    public var shardCount: Int
    public var replications: Range<Int>
    public var totalReplications: Int
    public var seed: UInt64
    public var baseline: Int
    /// Whether the run has a baseline to compare with (reports leave differences empty without one).
    public var hasBaseline: Bool
    public var scenarios: [Scenario]
    /// The shard's own run metadata (command line, jobs, wall time), kept as it was written.
    public var run: JSONNode

    public init(
        shard: Int, shardCount: Int, totalReplications: Int, seed: UInt64, baseline: Int, hasBaseline: Bool = true,
        scenarios: [Scenario], run: JSONNode
    ) {
        self.hasBaseline = hasBaseline
        self.shard = shard
        self.shardCount = shardCount
        self.replications = ShardManifest.slice(shard: shard, of: shardCount, replications: totalReplications)
        self.totalReplications = totalReplications
        self.seed = seed
        self.baseline = baseline
        self.scenarios = scenarios
        self.run = run
    }

    /// The contiguous block of replications shard `index` (1-based) of `count` runs: blocks are
    /// in order, disjoint, and cover `0..<replications`.
    public static func slice(shard index: Int, of count: Int, replications: Int) -> Range<Int> {
        ShardSlice.range(shard: index, of: count, items: replications)
    }

    /// What the replications file holds, scenario by scenario: each region's series, in order, and the months.
    var shapes: [(catalogues: [RegionCatalogue], months: Int)] {
        scenarios.map { (catalogues: $0.labels.catalogues, months: $0.months) }
    }

    // MARK: - JSON

    /// The shard format this build writes and reads: 4 keys every series by region and
    /// ``MetricKey`` and checksums every file (``ShardChecksums``). Shards of another format are
    /// refused with a message, never misread.
    public static let formatVersion = 5

    public func json() -> String {
        func number(_ x: Int) -> JSONNode { JSONNode(.number(Double(x))) }
        func text(_ s: String) -> JSONNode { JSONNode(.string(s)) }
        func strings(_ xs: [String]) -> JSONNode { JSONNode(.array(xs.map(text))) }
        let scenarios: [JSONNode] = self.scenarios.map { scenario in
            let label = scenario.labels
            let regions: [JSONNode] = label.catalogues.enumerated().map { r, catalogue in
                JSONNode(
                    .object([
                        ("id", text(catalogue.region)), ("name", text(label.regionName(r))),
                        ("metrics", JSONNode(.array(catalogue.metrics.map(\.json)))),
                    ]))
            }
            return JSONNode(
                .object([
                    ("id", text(label.id)), ("name", JSONNode(label.name)), ("question", JSONNode(label.question)),
                    ("file", text(scenario.file)), ("sha256", text(scenario.sha256)), ("dataFiles", JSONNode(scenario.dataFiles.json)),
                    ("startYear", number(label.startYear)), ("months", number(scenario.months)),
                    ("regions", JSONNode(.array(regions))),
                    ("programmeIDs", strings(label.programmeIDs)), ("programmeModes", strings(label.programmeModes)),
                    ("programmeNames", JSONNode(.array(label.programmeNames.map(JSONNode.init)))),
                    (
                        "caveats",
                        JSONNode(
                            .array(
                                label.caveats.map { caveat in
                                    JSONNode(.object([("paths", strings(caveat.paths)), ("note", JSONNode(caveat.note))]))
                                }))
                    ), ("reported", JSONNode(.bool(label.isReported))),
                    ("option", JSONNode(.bool(label.isOption))),
                    ("outcome", label.outcome.map(text) ?? JSONNode(.null)),
                    ("shortName", label.shortName.map { JSONNode($0) } ?? JSONNode(.null)),
                    (
                        "rosters",
                        JSONNode(
                            .array(
                                label.rosters.map {
                                    JSONNode(
                                        .object([
                                            ("region", text($0.region)), ("rows", number($0.rows)),
                                            ("statedHeadcount", number($0.statedHeadcount)),
                                        ]))
                                }))
                    ),
                ]))
        }
        let value = JSONValue.object([
            ("generator", text("kompeten-simulate")), ("kind", text("partial")), ("formatVersion", number(Self.formatVersion)),
            ("shard", number(shard)), ("shardCount", number(shardCount)),
            ("firstReplication", number(replications.lowerBound)), ("endReplication", number(replications.upperBound)),
            ("replications", number(totalReplications)), ("seed", JSONNode(.number(Double(seed)))),
            ("baseline", number(baseline)), ("hasBaseline", JSONNode(.bool(hasBaseline))), ("scenarios", JSONNode(.array(scenarios))),
            ("run", run),
        ])
        return JSONWriter.render(value, indent: 0) + "\n"
    }

    /// Reads a manifest written by ``json()``; `file` names it in errors.
    public init(parsing text: String, file: String) throws(ShardError) {
        guard let root = try? JSONParser.parse(text, file: file), root["kind"]?.string == "partial" else { throw .notAShard(file) }
        let version = root["formatVersion"]?.number.map(Int.init) ?? 3
        guard version == Self.formatVersion else { throw .otherFormat(file: file, found: version, expected: Self.formatVersion) }
        func int(_ node: JSONNode?, _ key: String) throws(ShardError) -> Int {
            guard let x = node?[key]?.number, x == x.rounded(), abs(x) < 1e15 else { throw .malformed(file, key) }
            return Int(x)
        }
        var scenarios: [Scenario] = []
        for node in root["scenarios"]?.elements ?? [] {
            func strings(_ key: String) -> [String] { node[key]?.elements?.compactMap(\.string) ?? [] }
            var catalogues: [RegionCatalogue] = []
            var regionNames: [String] = []
            for region in node["regions"]?.elements ?? [] {
                guard let id = region["id"]?.string else { throw .malformed(file, "regions.id") }
                var metrics: [MetricDefinition] = []
                for m in region["metrics"]?.elements ?? [] {
                    guard let metric = MetricDefinition(json: m) else { throw .malformed(file, "regions.metrics") }
                    metrics.append(metric)
                }
                guard Metric.allCases.allSatisfy({ metric in metrics.contains { $0.key == .region(metric) } }) else {
                    throw .malformed(file, "regions.metrics")
                }
                catalogues.append(RegionCatalogue(region: id, metrics: metrics))
                regionNames.append(region["name"]?.string ?? id)
            }
            guard let id = node["id"]?.string else { throw .malformed(file, "scenarios.id") }
            var labels = ScenarioLabels(
                id: id, name: node["name"]?.localizedText ?? LocalizedText(id),
                question: node["question"]?.localizedText ?? LocalizedText(""),
                catalogues: catalogues, regionNames: regionNames, programmeIDs: strings("programmeIDs"),
                startYear: try int(node, "startYear"),
                caveats: node["caveats"]?.elements?.map { caveat in
                    Caveat(
                        paths: caveat["paths"]?.elements?.compactMap(\.string) ?? [],
                        note: caveat["note"]?.sourceNote ?? .asWritten(""))
                } ?? [],
                programmeModes: strings("programmeModes"),
                programmeNames: node["programmeNames"]?.elements?.map { $0.localizedText ?? LocalizedText("") } ?? [])
            labels.isReported = node["reported"]?.bool ?? true
            labels.isOption = node["option"]?.bool ?? true
            labels.outcome = node["outcome"]?.string
            labels.shortName = node["shortName"]?.localizedText
            for roster in node["rosters"]?.elements ?? [] {
                guard let region = roster["region"]?.string, let rows = roster["rows"]?.number,
                    let stated = roster["statedHeadcount"]?.number
                else { throw .malformed(file, "scenarios.rosters") }
                labels.rosters.append(RosterSize(region: region, rows: Int(rows), statedHeadcount: Int(stated)))
            }
            scenarios.append(
                Scenario(
                    labels: labels, file: node["file"]?.string ?? "", sha256: node["sha256"]?.string ?? "",
                    months: try int(node, "months"), dataFiles: [DataFile](parsing: node["dataFiles"])))
        }
        guard !scenarios.isEmpty else { throw .malformed(file, "scenarios") }
        let shard = try int(root, "shard")
        let shardCount = try int(root, "shardCount")
        let total = try int(root, "replications")
        guard shardCount >= 1, (1...shardCount).contains(shard), total >= 0 else { throw .malformed(file, "shard") }
        // Seeds go up to 2^53 − 1 (exact in JSON), past `int`'s 1e15.
        guard let seed = root["seed"]?.number, seed >= 0, seed == seed.rounded(), seed <= 9_007_199_254_740_991 else {
            throw .malformed(file, "seed")
        }
        self.init(
            shard: shard, shardCount: shardCount, totalReplications: total, seed: UInt64(seed),
            baseline: try int(root, "baseline"), hasBaseline: root["hasBaseline"]?.bool ?? true,
            scenarios: scenarios, run: root["run"] ?? JSONNode(.null))
        guard replications == (try int(root, "firstReplication"))..<(try int(root, "endReplication")) else {
            throw .malformed(file, "firstReplication")
        }
        guard scenarios.indices.contains(baseline) else { throw .malformed(file, "baseline") }
    }
}
