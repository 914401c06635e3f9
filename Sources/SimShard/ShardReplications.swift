import Foundation
import SimExperiment
import SimWorkforce

/// `replications.bin`: the replications of one shard, written so a merge can fold several shards
/// in replication order and produce exactly the bytes of the unsharded run.
///
/// Binary, little-endian: per replication its index, then per scenario and region the region's
/// id and its series' values in the order of its catalogue in `partial.json` (`metrics × months`
/// Float64, read back by key), the decisions and the breach counts. Statistics are not stored:
/// folding replications in index order is what makes the merged bytes equal the unsharded ones.
public enum ShardReplications {
    public static let fileName = "replications.bin"
    static let magic: [UInt8] = Array("KOMPETEN-PARTIAL-\(ShardManifest.formatVersion)\n".utf8)

    /// Encodes one replication of every scenario, each region's series in its catalogue's order
    /// (`catalogues[scenario][region]`), found by key in the result.
    public static func encode(replication: Int, results: [ReplicationResult], catalogues: [[RegionCatalogue]], into data: inout Data) {
        append(Int64(replication), to: &data)
        for (s, result) in results.enumerated() {
            append(Int64(result.regions.count), to: &data)
            for (region, catalogue) in zip(result.regions, catalogues[s]) {
                appendText(region.region, to: &data)
                let slots = ExperimentResult.slots(of: catalogue, in: region)
                append(Int64(slots.count * region.months), to: &data)
                for slot in slots { for month in 0..<region.months { append(region[slot: slot, month].bitPattern, to: &data) } }
                append(Int64(region.decisions.count), to: &data)
                for decision in region.decisions {
                    append(Int64(decision.month), to: &data)
                    append(Int64(decision.programme), to: &data)
                    append(decision.measuredGapClosedLevels.bitPattern, to: &data)
                    appendText(decision.action.rawValue, to: &data)
                    appendText(decision.reason, to: &data)
                    append(Int64(decision.fromMode?.rawValue ?? -1), to: &data)
                    append(Int64(decision.toMode?.rawValue ?? -1), to: &data)
                    append(decision.movedShare.bitPattern, to: &data)
                }
                append(Int64(region.breaches.count), to: &data)
                for count in region.breaches { append(Int64(count), to: &data) }
            }
        }
    }

    public static func header() -> Data { Data(magic) }

    /// `value`'s bytes, least significant first.
    static func append<T: FixedWidthInteger>(_ value: T, to data: inout Data) {
        for shift in stride(from: 0, to: T.bitWidth, by: 8) { data.append(UInt8(truncatingIfNeeded: value >> shift)) }
    }

    static func appendText(_ text: String, to data: inout Data) {
        let bytes = Array(text.utf8)
        append(Int64(bytes.count), to: &data)
        data.append(contentsOf: bytes)
    }

    /// Reads replications back one at a time from a file written by ``encode``.
    public struct Reader {
        let bytes: Data
        var offset: Int
        let scenarioShapes: [(catalogues: [RegionCatalogue], months: Int)]
        /// Each region's layout: its catalogue's keys in order (how the file lists them).
        let layouts: [[ResultLayout]]

        public enum ReadError: Error, CustomStringConvertible {
            case notAPartial(String)
            case truncated(String)
            public var description: String {
                switch self {
                case .notAPartial(let f): return "\(f) is not a partial result of simulate run --shard"
                case .truncated(let f): return "\(f) is truncated or does not match its partial.json"
                }
            }
        }

        let file: String

        public init(file: String, shapes: [(catalogues: [RegionCatalogue], months: Int)]) throws {
            // Mapped, not read: merging many replications keeps memory flat.
            bytes = try Data(contentsOf: URL(fileURLWithPath: file), options: .alwaysMapped)
            guard bytes.count >= magic.count, Array(bytes.prefix(magic.count)) == magic else { throw ReadError.notAPartial(file) }
            offset = magic.count
            scenarioShapes = shapes
            layouts = shapes.map { $0.catalogues.map { ResultLayout(keys: $0.keys) } }
            self.file = file
        }

        mutating func int() throws -> Int64 {
            guard offset + 8 <= bytes.count else { throw ReadError.truncated(file) }
            var value: UInt64 = 0
            for i in 0..<8 { value |= UInt64(bytes[bytes.startIndex + offset + i]) << (8 * UInt64(i)) }
            offset += 8
            return Int64(bitPattern: value)
        }

        mutating func text() throws -> String {
            let count = Int(try int())
            guard count >= 0, offset + count <= bytes.count else { throw ReadError.truncated(file) }
            let start = bytes.startIndex + offset
            offset += count
            return String(decoding: bytes[start..<(start + count)], as: UTF8.self)
        }

        /// The next replication, or `nil` at the end of the file.
        public mutating func next() throws -> (replication: Int, results: [ReplicationResult])? {
            guard offset < bytes.count else { return nil }
            let replication = Int(try int())
            var results: [ReplicationResult] = []
            for (s, shape) in scenarioShapes.enumerated() {
                let regionCount = Int(try int())
                guard regionCount == shape.catalogues.count else { throw ReadError.truncated(file) }
                var regions: [RegionResult] = []
                for r in 0..<regionCount {
                    guard try text() == shape.catalogues[r].region else { throw ReadError.truncated(file) }
                    var region = RegionResult(region: shape.catalogues[r].region, layout: layouts[s][r], months: shape.months)
                    let count = Int(try int())
                    guard count == region.values.count else { throw ReadError.truncated(file) }
                    for i in 0..<count { region.values[i] = Double(bitPattern: UInt64(bitPattern: try int())) }
                    let decisions = Int(try int())
                    for _ in 0..<decisions {
                        let month = Int(try int())
                        let programme = Int(try int())
                        let effect = Double(bitPattern: UInt64(bitPattern: try int()))
                        guard let action = Decision.Action(rawValue: try text()) else { throw ReadError.notAPartial(file) }
                        let reason = try text()
                        let from = Mode(rawValue: Int(try int()))
                        let to = Mode(rawValue: Int(try int()))
                        let moved = Double(bitPattern: UInt64(bitPattern: try int()))
                        region.decisions.append(
                            Decision(
                                month: month, programme: programme, measuredGapClosedLevels: effect,
                                action: action, reason: reason, fromMode: from, toMode: to, movedShare: moved))
                    }
                    guard Int(try int()) == region.breaches.count else { throw ReadError.truncated(file) }
                    for kind in region.breaches.indices { region.breaches[kind] = Int(try int()) }
                    regions.append(region)
                }
                results.append(ReplicationResult(regions: regions))
            }
            return (replication, results)
        }
    }
}
