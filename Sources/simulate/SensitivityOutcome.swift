import Foundation
import SimCore
import SimWorkforce
import SimScenario
import SimExperiment
import SimReport
import SimSensitivity

/// What a sensitivity run needs to write its results without the scenario files: for each study,
/// its labels, factors, region-level metrics and the mean of every design point. A shard holds a
/// slice of the points (all studies' points in one global order); the merge joins the slices.
struct SensitivityOutcome {
    struct Study {
        var id: String
        var file: String
        var sha256: String
        var name: LocalizedText
        var regionIDs: [String]
        var regionNames: [String]
        /// The region-level metrics, in catalogue order; every region reports them (means are in this order).
        var metrics: [MetricDefinition]
        var factors: [String]
        var pointCount: Int
        var horizonYear: Int
    }

    static let partialFileName = "sensitivity-partial.json"

    var method: SensitivityMethod
    var samples: Int
    var seed: UInt64
    var replications: Int
    var bootstrap: Int
    var studies: [Study]
    /// Global index of the first point held, and the means of the points held (region × metric).
    var firstPoint: Int
    var means: [[[Double]]]
    var shard: (index: Int, count: Int)?

    var totalPoints: Int { studies.reduce(0) { $0 + $1.pointCount } }

    // MARK: - Partial file

    func partialJSON(run: JSONNode) -> String {
        func number(_ x: Double) -> JSONNode { JSONNode(x.isFinite ? .number(x) : .null) }
        func strings(_ xs: [String]) -> JSONNode { JSONNode(.array(xs.map { JSONNode(.string($0)) })) }
        let studyNodes = studies.map { s in
            JSONNode(.object([
                ("id", JSONNode(.string(s.id))), ("file", JSONNode(.string(s.file))), ("sha256", JSONNode(.string(s.sha256))),
                ("nameID", JSONNode(.string(s.name.text(in: .id)))), ("nameEN", JSONNode(.string(s.name.text(in: .en)))),
                ("regionIDs", strings(s.regionIDs)), ("regionNames", strings(s.regionNames)),
                ("metrics", JSONNode(.array(s.metrics.map(\.json)))),
                ("factors", strings(s.factors)), ("points", number(Double(s.pointCount))), ("horizonYear", number(Double(s.horizonYear))),
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
    init(parsing text: String, file: String) throws(CLIError) {
        func bad(_ what: String) -> CLIError { .failure("\(file): not a sensitivity shard (\(what))") }
        guard let root = try? JSONParser.parse(text, file: file) else { throw bad("invalid JSON") }
        func int(_ key: String) throws(CLIError) -> Int {
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
            studies.append(Study(id: node["id"]?.string ?? "", file: node["file"]?.string ?? "", sha256: node["sha256"]?.string ?? "",
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

    init(method: SensitivityMethod, samples: Int, seed: UInt64, replications: Int, bootstrap: Int, studies: [Study],
         firstPoint: Int, means: [[[Double]]], shard: (index: Int, count: Int)?) {
        (self.method, self.samples, self.seed, self.replications, self.bootstrap) = (method, samples, seed, replications, bootstrap)
        (self.studies, self.firstPoint, self.means, self.shard) = (studies, firstPoint, means, shard)
    }

    /// The same run, as far as a shard can tell: everything but the slice it holds.
    func isSameRun(as other: SensitivityOutcome) -> Bool {
        method == other.method && samples == other.samples && seed == other.seed && replications == other.replications
            && bootstrap == other.bootstrap && studies.map(\.sha256) == other.studies.map(\.sha256)
            && studies.map(\.factors) == other.studies.map(\.factors) && shard?.count == other.shard?.count
    }
}
