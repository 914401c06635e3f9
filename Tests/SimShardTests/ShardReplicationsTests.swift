import Foundation
import SimExperiment
import SimReport
import SimScenario
import SimShard
import SimWorkforce
import Testing

/// The shard format gives back exactly what it was given: values bit for bit (NaN, −0 and the
/// unwritten mark included), decisions with their text, breach counts.
/// A catalogue of the fixed metrics for region `id`: the smallest a result can report.
func fixedCatalogue(_ id: String) -> RegionCatalogue { RegionCatalogue(region: id, metrics: Metric.allCases.map(\.definition)) }

@Suite struct ShardReplicationsTests {
    func region(_ seed: Double, months: Int, id: String = "a") -> RegionResult {
        let catalogue = fixedCatalogue(id)
        var region = RegionResult(region: id, layout: ResultLayout(keys: catalogue.keys), months: months)
        for i in region.values.indices { region.values[i] = seed * Double(i) + 0.1 }
        region.values[0] = .nan
        region.values[1] = -0.0
        region.values[2] = RegionResult.unwritten
        region.decisions = [Decision(month: 5, programme: 2, measuredGapClosedLevels: 0.25, action: .switchMode, reason: "mode a → b ✓")]
        region.breaches[Breach.awayCapExceeded.rawValue] = 3
        return region
    }

    @Test func replicationsRoundTripBitForBit() throws {
        let months = 4
        let written: [(Int, [ReplicationResult])] = [
            (
                7,
                [
                    ReplicationResult(regions: [region(1, months: months), region(2, months: months, id: "b")]),
                    ReplicationResult(regions: [region(3, months: months)]),
                ]
            ),
            (
                8,
                [
                    ReplicationResult(regions: [region(4, months: months), region(5, months: months, id: "b")]),
                    ReplicationResult(regions: [region(6, months: months)]),
                ]
            ),
        ]
        let catalogues = [[fixedCatalogue("a"), fixedCatalogue("b")], [fixedCatalogue("a")]]
        var data = ShardReplications.header()
        for (replication, results) in written {
            ShardReplications.encode(replication: replication, results: results, catalogues: catalogues, into: &data)
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("partial-\(UUID().uuidString).bin")
        try data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        var reader = try ShardReplications.Reader(file: file.path, shapes: catalogues.map { ($0, months) })
        var read: [(Int, [ReplicationResult])] = []
        while let next = try reader.next() { read.append((next.replication, next.results)) }
        #expect(read.map(\.0) == [7, 8])
        for ((_, a), (_, b)) in zip(written, read) {
            for (x, y) in zip(a.flatMap(\.regions), b.flatMap(\.regions)) {
                #expect(x.values.map(\.bitPattern) == y.values.map(\.bitPattern))
                #expect(x.decisions == y.decisions)
                #expect(x.breaches == y.breaches)
            }
        }
    }

    @Test func aTruncatedFileIsRefused() throws {
        var data = ShardReplications.header()
        ShardReplications.encode(
            replication: 0, results: [ReplicationResult(regions: [region(1, months: 2)])], catalogues: [[fixedCatalogue("a")]], into: &data)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("partial-\(UUID().uuidString).bin")
        try data.prefix(data.count - 5).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        var reader = try ShardReplications.Reader(file: file.path, shapes: [([fixedCatalogue("a")], 2)])
        #expect(throws: ShardReplications.Reader.ReadError.self) { _ = try reader.next() }
    }
}

/// The manifest and the set of shards: what one shard writes, a merge reads back unchanged; shards
/// that are not one whole run are refused, each with the reason.
@Suite struct ShardSetTests {
    func manifest(shard: Int, of count: Int, replications: Int = 5, seed: UInt64 = 7, extra: [MetricDefinition] = []) -> ShardManifest {
        let catalogues = ["a", "b"].map { RegionCatalogue(region: $0, metrics: fixedCatalogue($0).metrics + extra) }
        let labels = ScenarioLabels(
            id: "baseline", name: LocalizedText(indonesian: "Dasar", english: "Baseline"), question: LocalizedText("Q?"),
            catalogues: catalogues, regionNames: ["A", "B"],
            programmeIDs: ["p"], startYear: 2027,
            caveats: [
                Caveat(paths: ["regions.a.headcount"], note: .asWritten("assumed")),
                Caveat(paths: ["regions.a.x", "regions.b.x"], note: .given(LocalizedText(indonesian: "asumsi", english: nil))),
                Caveat(paths: ["regions.b.y"], note: .given(LocalizedText("both"))),
            ])
        return ShardManifest(
            shard: shard, shardCount: count, totalReplications: replications, seed: seed, baseline: 0,
            scenarios: [.init(labels: labels, file: "scenarios/baseline.json", sha256: "ab12", months: 2)],
            run: JSONNode(.object([("jobs", JSONNode(.number(2)))])))
    }

    @Test func slicesAreDisjointInOrderAndCoverEveryReplication() {
        for replications in [0, 1, 7, 10, 1001] {
            for count in 1...9 {
                let slices = (1...count).map { ShardManifest.slice(shard: $0, of: count, replications: replications) }
                #expect(slices.first?.lowerBound == 0 && slices.last?.upperBound == replications)
                for (a, b) in zip(slices, slices.dropFirst()) { #expect(a.upperBound == b.lowerBound) }
            }
        }
    }

    @Test func theManifestRoundTrips() throws {
        let written = manifest(shard: 2, of: 3)
        #expect(written.replications == 1..<3)
        let read = try ShardManifest(parsing: written.json(), file: "partial.json")
        #expect(read == written)
        // The largest seed a run accepts (2^53 − 1) survives the trip too.
        let big = manifest(shard: 1, of: 1, seed: 9_007_199_254_740_991)
        #expect(try ShardManifest(parsing: big.json(), file: "partial.json").seed == 9_007_199_254_740_991)
    }

    @Test func aDoctoredManifestIsRefused() throws {
        let text = manifest(shard: 2, of: 3).json().replacingOccurrences(of: "\"firstReplication\": 1", with: "\"firstReplication\": 0")
        #expect(throws: ShardError.malformed("partial.json", "firstReplication")) { try ShardManifest(parsing: text, file: "partial.json") }
        #expect(throws: ShardError.notAShard("x.json")) { try ShardManifest(parsing: "{}", file: "x.json") }
        let older = manifest(shard: 1, of: 1).json().replacingOccurrences(of: "\"formatVersion\": 5", with: "\"formatVersion\": 4")
        #expect(throws: ShardError.otherFormat(file: "partial.json", found: 4, expected: 5)) {
            try ShardManifest(parsing: older, file: "partial.json")
        }
    }

    /// Writes shards with ShardWriter, reads them with ShardSet, and folds them: the merged
    /// statistics are those of folding the same replications directly.
    @Test func writtenShardsFoldToTheDirectResult() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("shards-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        func replication(_ r: Int) -> [ReplicationResult] {
            [
                ReplicationResult(
                    regions: (0..<2).map { k in
                        let id = ["a", "b"][k]
                        var region = RegionResult(region: id, layout: ResultLayout(keys: fixedCatalogue(id).keys), months: 2)
                        for i in region.values.indices { region.values[i] = Double(r * 10 + k) + 0.25 * Double(i) }
                        return region
                    })
            ]
        }
        var directories: [String] = []
        for shard in [2, 1] {  // out of order on purpose: the set sorts them
            let directory = root.appendingPathComponent("shard\(shard)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let m = manifest(shard: shard, of: 2)
            let writer = try ShardWriter(directory: directory, catalogues: [m.scenarios[0].labels.catalogues])
            for r in m.replications { try writer.append(replication: r, results: replication(r)) }
            try writer.finish(m)
            directories.append(directory.path)
        }
        let set = try ShardSet(directories: directories)
        var merged = set.emptyResult()
        try set.fold(into: &merged)
        var direct = set.emptyResult()
        for r in 0..<5 { direct.add(replication: replication(r)) }
        #expect(merged.replicationsDone == 5)
        for r in 0..<2 {
            #expect(merged.series[0][r].map(\.mean) == direct.series[0][r].map(\.mean))
            #expect(merged.series[0][r].map(\.variance) == direct.series[0][r].map(\.variance))
        }

        // Leaving a shard out, or giving one twice, is refused with the replications at stake.
        #expect(throws: ShardError.missing(0..<2)) { try ShardSet(directories: [directories[0]]) }
        #expect(throws: ShardError.overlap(directory: directories[0])) { try ShardSet(directories: directories + [directories[0]]) }
    }

    /// A finished shard (replications, manifest, checksums) of `m` in a new directory under `root`.
    func writeShard(_ m: ShardManifest, under root: URL, name: String) throws -> String {
        let directory = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let catalogues = m.scenarios.map(\.labels.catalogues)
        let writer = try ShardWriter(directory: directory, catalogues: catalogues)
        for r in m.replications {
            try writer.append(
                replication: r,
                results: catalogues.map { regions in
                    ReplicationResult(
                        regions: regions.map { catalogue in
                            var region = RegionResult(region: catalogue.region, layout: ResultLayout(keys: catalogue.keys), months: 2)
                            for i in region.values.indices { region.values[i] = Double(r) + 0.5 * Double(i) }
                            return region
                        })
                })
        }
        try writer.finish(m)
        return directory.path
    }

    @Test func shardsOfAnotherRunAreRefused() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("shards-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let directories = [
            try writeShard(manifest(shard: 1, of: 2, seed: 7), under: root, name: "shard1"),
            try writeShard(manifest(shard: 2, of: 2, seed: 8), under: root, name: "shard2"),
        ]
        #expect(throws: ShardError.mismatch(directory: directories[1], reference: directories[0], what: "has a different seed")) {
            try ShardSet(directories: directories)
        }
    }

    /// Shards of runs whose scenarios report different series (one what-if has a programme the
    /// other lacks) are refused, naming the first series that differs.
    @Test func shardsWithOtherKeysAreRefusedNamingTheFirstKey() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("shards-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let extra = ProgrammeMeasure.allCases.map { $0.definition(programme: "coaching") }
        let directories = [
            try writeShard(manifest(shard: 1, of: 2), under: root, name: "shard1"),
            try writeShard(manifest(shard: 2, of: 2, extra: extra), under: root, name: "shard2"),
        ]
        do {
            _ = try ShardSet(directories: directories)
            Issue.record("shards with different series were merged")
        } catch {
            #expect(
                error
                    == .keysDiffer(
                        directory: directories[1], reference: directories[0],
                        difference: "scenario 'baseline', region 'a': series programme.coaching.invited is in one and not the other"))
        }
    }

    /// A flipped bit in either file of a shard, or a missing checksum file, is refused with the
    /// shard and the file named, before anything is folded.
    @Test func aDamagedShardIsRefusedByItsChecksums() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("shards-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for file in ShardChecksums.covered {
            for offset in [0, 9, 17, 64, 200, 333, 512, 1000] {
                let directory = try writeShard(manifest(shard: 1, of: 1), under: root, name: "\(file)-\(offset)")
                let url = URL(fileURLWithPath: directory).appendingPathComponent(file)
                var bytes = try Data(contentsOf: url)
                let at = min(offset, bytes.count - 1)
                // A flip that keeps partial.json readable JSON: a digit for another digit, else one bit.
                bytes[at] = bytes[at] >= 0x30 && bytes[at] <= 0x38 ? bytes[at] + 1 : bytes[at] ^ 0x01
                try bytes.write(to: url)
                do {
                    _ = try ShardSet(directories: [directory])
                    Issue.record("a shard with a changed byte \(offset) in \(file) was accepted")
                } catch {
                    // Either the manifest no longer parses, or its checksum catches it.
                    if case .checksum(let d, let f, _) = error { #expect(d == directory && f == file) }
                }
            }
        }
        let missing = try writeShard(manifest(shard: 1, of: 1), under: root, name: "no-replications")
        try FileManager.default.removeItem(at: URL(fileURLWithPath: missing).appendingPathComponent(ShardReplications.fileName))
        #expect(
            throws: ShardError.checksum(
                directory: missing, file: ShardReplications.fileName,
                problem: "is missing or cannot be read; copy the whole shard folder, or run that shard again")
        ) {
            try ShardSet(directories: [missing])
        }
        let directory = try writeShard(manifest(shard: 1, of: 1), under: root, name: "no-sums")
        try FileManager.default.removeItem(at: URL(fileURLWithPath: directory).appendingPathComponent(ShardChecksums.fileName))
        #expect(throws: ShardError.self) { try ShardSet(directories: [directory]) }
        // An undamaged shard passes.
        #expect(try ShardSet(directories: [try writeShard(manifest(shard: 1, of: 1), under: root, name: "whole")]).members.count == 1)
    }
}
