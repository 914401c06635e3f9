import Foundation
import SimCore
import SimScenario
import SimSensitivity
import SimWorkforce

/// What a sensitivity run needs to write its results without the scenario files: for each study,
/// its labels, factors, region-level metrics and the mean of every design point. A shard holds a
/// slice of the points (all studies' points in one global order); the merge joins the slices.
public struct SensitivityOutcome {
    public struct Study {
        public var id: String
        public var file: String
        public var sha256: String
        public var name: LocalizedText
        public var regionIDs: [String]
        public var regionNames: [String]
        /// The region-level metrics, in catalogue order; every region reports them (means are in this order).
        public var metrics: [MetricDefinition]
        public var factors: [String]
        public var pointCount: Int
        public var horizonYear: Int
    }

    public static let partialFileName = "sensitivity-partial.json"

    public var method: SensitivityMethod
    public var samples: Int
    public var seed: UInt64
    public var replications: Int
    public var bootstrap: Int
    public var studies: [Study]
    /// Global index of the first point held, and the means of the points held (region × metric).
    public var firstPoint: Int
    public var means: [[[Double]]]
    public var shard: (index: Int, count: Int)?

    public var totalPoints: Int { studies.reduce(0) { $0 + $1.pointCount } }

    // MARK: - Partial file

    public func partialJSON(run: JSONNode) -> String {
        func number(_ x: Double) -> JSONNode { JSONNode(x.isFinite ? .number(x) : .null) }
        func strings(_ xs: [String]) -> JSONNode { JSONNode(.array(xs.map { JSONNode(.string($0)) })) }
        let studyNodes = studies.map { s in
            JSONNode(
                .object([
                    ("id", JSONNode(.string(s.id))), ("file", JSONNode(.string(s.file))), ("sha256", JSONNode(.string(s.sha256))),
                    ("nameID", JSONNode(.string(s.name.text(in: .id)))), ("nameEN", JSONNode(.string(s.name.text(in: .en)))),
                    ("regionIDs", strings(s.regionIDs)), ("regionNames", strings(s.regionNames)),
                    ("metrics", JSONNode(.array(s.metrics.map(\.json)))),
                    ("factors", strings(s.factors)), ("points", number(Double(s.pointCount))),
                    ("horizonYear", number(Double(s.horizonYear))),
                ]))
        }
        let members: [(key: String, value: JSONNode)] = [
            ("generator", JSONNode(.string("kompeten-simulate sensitivity"))),
            ("shard", number(Double(shard?.index ?? 1))), ("shardCount", number(Double(shard?.count ?? 1))),
            ("method", JSONNode(.string(method.rawValue))), ("samples", number(Double(samples))), ("seed", number(Double(seed))),
            ("replications", number(Double(replications))), ("bootstrap", number(Double(bootstrap))),
            ("studies", JSONNode(.array(studyNodes))), ("firstPoint", number(Double(firstPoint))),
            ("means", JSONNode(.array(means.map { point in JSONNode(.array(point.map { JSONNode(.array($0.map(number))) })) }))),
            ("run", run),
        ]
        return JSONWriter.render(.object(members), indent: 0) + "\n"
    }

    /// Reads a partial file; throws, naming the file and what is missing, when it is not one.
    public init(parsing text: String, file: String) throws(CommandError) {
        func bad(_ what: String) -> CommandError { .failure("\(file): not a sensitivity shard (\(what))") }
        guard let root = try? JSONParser.parse(text, file: file) else { throw bad("invalid JSON") }
        func int(_ key: String) throws(CommandError) -> Int {
            guard let x = root[key]?.number, x == x.rounded() else { throw bad("no \(key)") }
            return Int(x)
        }
        guard let method = root["method"]?.string.flatMap(SensitivityMethod.init(rawValue:)) else { throw bad("no method") }
        self.method = method
        samples = try int("samples")
        seed = UInt64(try int("seed"))
        replications = try int("replications")
        bootstrap = try int("bootstrap")
        firstPoint = try int("firstPoint")
        shard = (try int("shard"), try int("shardCount"))
        var studies: [Study] = []
        for node in root["studies"]?.elements ?? [] {
            let strings = { (key: String) in (node[key]?.elements ?? []).compactMap(\.string) }
            let metrics = (node["metrics"]?.elements ?? []).compactMap(MetricDefinition.init(json:))
            studies.append(
                Study(
                    id: node["id"]?.string ?? "", file: node["file"]?.string ?? "", sha256: node["sha256"]?.string ?? "",
                    name: LocalizedText(indonesian: node["nameID"]?.string, english: node["nameEN"]?.string),
                    regionIDs: strings("regionIDs"), regionNames: strings("regionNames"), metrics: metrics,
                    factors: strings("factors"), pointCount: Int(node["points"]?.number ?? 0),
                    horizonYear: Int(node["horizonYear"]?.number ?? 0)))
        }
        guard !studies.isEmpty else { throw bad("no studies") }
        self.studies = studies
        means = (root["means"]?.elements ?? []).map { point in
            (point.elements ?? []).map { region in (region.elements ?? []).map { $0.number ?? .nan } }
        }
    }

    public init(
        method: SensitivityMethod, samples: Int, seed: UInt64, replications: Int, bootstrap: Int, studies: [Study],
        firstPoint: Int, means: [[[Double]]], shard: (index: Int, count: Int)?
    ) {
        (self.method, self.samples, self.seed, self.replications, self.bootstrap) = (method, samples, seed, replications, bootstrap)
        (self.studies, self.firstPoint, self.means, self.shard) = (studies, firstPoint, means, shard)
    }

    /// The same run, as far as a shard can tell: everything but the slice it holds.
    public func isSameRun(as other: SensitivityOutcome) -> Bool {
        method == other.method && samples == other.samples && seed == other.seed && replications == other.replications
            && bootstrap == other.bootstrap && studies.map(\.sha256) == other.studies.map(\.sha256)
            && studies.map(\.factors) == other.studies.map(\.factors) && shard?.count == other.shard?.count
    }
}

extension SensitivityOutcome {
    /// Every index of every study, region, region-level metric and factor.
    public func rows() -> [(study: Int, region: Int, metric: Int, factor: Int, name: String, value: SensitivityIndex)] {
        var rows: [(Int, Int, Int, Int, String, SensitivityIndex)] = []
        var offset = 0
        for (s, study) in studies.enumerated() {
            let design = SensitivityDesign(method, factors: study.factors.count, samples: samples, seed: seed, scenario: study.id)
            let bootstrapSeed = SensitivityDesign.seed(seed, scenario: study.id, purpose: 2)
            let points = means[offset..<(offset + study.pointCount)]
            offset += study.pointCount
            for region in study.regionIDs.indices {
                for metric in study.metrics.indices {
                    let outputs = points.map { $0[region][metric] }
                    for (factor, indices) in design.indices(outputs: outputs, bootstrap: bootstrap, seed: bootstrapSeed).enumerated() {
                        for index in indices { rows.append((s, region, metric, factor, index.name, index.value)) }
                    }
                }
            }
        }
        return rows
    }

    /// Reads the partial result in each shard folder and joins them, checking they are one run
    /// and cover every design point once. Returns the merged outcome and the folders in point order.
    public static func merging(_ directories: [String]) throws(CommandError) -> (outcome: SensitivityOutcome, directories: [String]) {
        var parts: [(directory: String, outcome: SensitivityOutcome)] = []
        for directory in directories {
            let file = URL(fileURLWithPath: directory).appendingPathComponent(Self.partialFileName).path
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw .scenarios(
                    ScenarioError(
                        [
                            Diagnostic(
                                file: file, path: "",
                                message: "cannot read the sensitivity shard (is \(directory) the output of 'simulate sensitivity --shard'?)"
                            )
                        ], isUnreadableInput: true))
            }
            parts.append((directory, try SensitivityOutcome(parsing: text, file: file)))
        }
        parts.sort { $0.outcome.firstPoint < $1.outcome.firstPoint }
        var merged = parts[0].outcome
        merged.means = []
        for part in parts {
            guard part.outcome.isSameRun(as: merged) else {
                throw .failure(
                    "\(part.directory) is a shard of another sensitivity run than \(parts[0].directory) (method, samples, seed, replications, scenarios or factors differ)"
                )
            }
            guard part.outcome.firstPoint == merged.means.count else {
                throw .failure(
                    part.outcome.firstPoint > merged.means.count
                        ? "design points \(merged.means.count)..<\(part.outcome.firstPoint) are in no shard given; add the missing shard"
                        : "\(part.directory) repeats design points another shard holds; give each shard once")
            }
            merged.means += part.outcome.means
        }
        guard merged.means.count == merged.totalPoints else {
            throw .failure("design points \(merged.means.count)..<\(merged.totalPoints) are in no shard given; add the missing shard")
        }
        merged.firstPoint = 0
        merged.shard = nil
        return (merged, parts.map(\.directory))
    }
}
