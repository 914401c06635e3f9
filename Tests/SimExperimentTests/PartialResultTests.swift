import Foundation
import Testing
import SimExperiment
import SimWorkforce

/// The shard format gives back exactly what it was given: values bit for bit (NaN, −0 and the
/// unwritten mark included), decisions with their text, breach counts.
@Suite struct PartialResultTests {
    func region(_ seed: Double, months: Int) -> RegionResult {
        var region = RegionResult(metricCount: 3, months: months)
        for i in region.values.indices { region.values[i] = seed * Double(i) + 0.1 }
        region.values[0] = .nan
        region.values[1] = -0.0
        region.values[2] = RegionResult.unwritten
        region.decisions = [Decision(month: 5, region: 1, programme: 2, measuredEffect: 0.25, action: .switchMode, reason: "mode a → b ✓")]
        region.breaches[Breach.awayCapExceeded.rawValue] = 3
        return region
    }

    @Test func replicationsRoundTripBitForBit() throws {
        let months = 4
        let written: [(Int, [ReplicationResult])] = [
            (7, [ReplicationResult(regions: [region(1, months: months), region(2, months: months)]), ReplicationResult(regions: [region(3, months: months)])]),
            (8, [ReplicationResult(regions: [region(4, months: months), region(5, months: months)]), ReplicationResult(regions: [region(6, months: months)])]),
        ]
        var data = PartialResult.header()
        for (replication, results) in written { PartialResult.encode(replication: replication, results: results, into: &data) }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("partial-\(UUID().uuidString).bin")
        try data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        var reader = try PartialResult.Reader(file: file.path, shapes: [(2, 3, months), (1, 3, months)])
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
        var data = PartialResult.header()
        PartialResult.encode(replication: 0, results: [ReplicationResult(regions: [region(1, months: 2)])], into: &data)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("partial-\(UUID().uuidString).bin")
        try data.prefix(data.count - 5).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        var reader = try PartialResult.Reader(file: file.path, shapes: [(1, 3, 2)])
        #expect(throws: PartialResult.Reader.ReadError.self) { _ = try reader.next() }
    }
}
