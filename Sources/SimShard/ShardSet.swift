import Foundation
import SimExperiment

/// The shards of one run, checked before anything is folded: the same scenarios, seed,
/// replication count, shard count and baseline, and between them every replication exactly once.
public struct ShardSet {
    public struct Member {
        public var directory: String
        public var manifest: ShardManifest
    }

    /// The shards in replication order.
    public private(set) var members: [Member]
    /// The first shard's manifest: what every other shard was checked against.
    public var manifest: ShardManifest { members[0].manifest }

    /// Reads each directory's manifest and checks that together they are one whole run.
    public init(directories: [String]) throws(ShardError) {
        var members: [Member] = []
        for directory in directories {
            let file = URL(fileURLWithPath: directory).appendingPathComponent(ShardManifest.fileName).path
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { throw .unreadable(directory: directory, file: file) }
            let manifest = try ShardManifest(parsing: text, file: file)
            try ShardChecksums.verify(directory: directory)
            members.append(Member(directory: directory, manifest: manifest))
        }
        guard !members.isEmpty else { throw .missing(0..<0) }
        members.sort { $0.manifest.replications.lowerBound < $1.manifest.replications.lowerBound }
        self.members = members
        try checkOneRun()
        try checkCoverage()
    }

    func checkOneRun() throws(ShardError) {
        let reference = members[0]
        for member in members.dropFirst() {
            let a = member.manifest
            let b = reference.manifest
            let differences: [(Bool, String)] = [
                (a.totalReplications != b.totalReplications, "has a different replications"),
                (a.seed != b.seed, "has a different seed"),
                (a.shardCount != b.shardCount, "has a different shardCount"),
                (a.baseline != b.baseline, "has a different baseline"),
                (a.scenarios.map(\.sha256) != b.scenarios.map(\.sha256), "ran different scenarios"),
            ]
            if let (_, what) = differences.first(where: \.0) {
                throw .mismatch(directory: member.directory, reference: reference.directory, what: what)
            }
            if let difference = Self.firstKeyDifference(a, b) {
                throw .keysDiffer(directory: member.directory, reference: reference.directory, difference: difference)
            }
            if a.scenarios.map(\.labels) != b.scenarios.map(\.labels) {
                throw .mismatch(directory: member.directory, reference: reference.directory, what: "describes its scenarios differently")
            }
        }
    }

    /// The first scenario, region or series one manifest reports and the other does not, in words.
    static func firstKeyDifference(_ a: ShardManifest, _ b: ShardManifest) -> String? {
        let ids = a.scenarios.map(\.labels.id)
        let others = b.scenarios.map(\.labels.id)
        if let missing = ids.first(where: { !others.contains($0) }) ?? others.first(where: { !ids.contains($0) }) {
            return "scenario '\(missing)' is in one and not the other"
        }
        if ids != others { return "the scenarios are in another order" }
        for (x, y) in zip(a.scenarios, b.scenarios) {
            let scenario = x.labels.id
            let regions = x.labels.regionIDs
            let otherRegions = y.labels.regionIDs
            if let missing = regions.first(where: { !otherRegions.contains($0) }) ?? otherRegions.first(where: { !regions.contains($0) }) {
                return "scenario '\(scenario)' has region '\(missing)' in one and not the other"
            }
            for (p, q) in zip(x.labels.catalogues, y.labels.catalogues) {
                let keys = p.keys
                let otherKeys = q.keys
                if let missing = keys.first(where: { q.position(of: $0) == nil }) ?? otherKeys.first(where: { p.position(of: $0) == nil }) {
                    return "scenario '\(scenario)', region '\(p.region)': series \(missing.id) is in one and not the other"
                }
                if let i = keys.indices.first(where: { $0 < otherKeys.count && keys[$0] != otherKeys[$0] }) {
                    return "scenario '\(scenario)', region '\(p.region)': series \(keys[i].id) is listed in another place"
                }
            }
        }
        return nil
    }

    func checkCoverage() throws(ShardError) {
        var expected = 0
        for member in members {
            let first = member.manifest.replications.lowerBound
            guard first == expected else {
                if first > expected { throw .missing(expected..<first) }
                throw .overlap(directory: member.directory)
            }
            expected = member.manifest.replications.upperBound
        }
        guard expected == manifest.totalReplications else { throw .missing(expected..<manifest.totalReplications) }
    }

    /// An empty result shaped like the run.
    public func emptyResult() -> ExperimentResult {
        ExperimentResult(
            catalogues: manifest.scenarios.map(\.labels.catalogues),
            months: manifest.scenarios.first?.months ?? 0, baseline: manifest.baseline)
    }

    /// Folds every shard's replications into `result` in replication order, which is what makes
    /// the merged statistics bit-for-bit those of the unsharded run.
    public func fold(into result: inout ExperimentResult) throws(ShardError) {
        for member in members {
            let file = URL(fileURLWithPath: member.directory).appendingPathComponent(ShardReplications.fileName).path
            var next = member.manifest.replications.lowerBound
            do {
                var reader = try ShardReplications.Reader(file: file, shapes: manifest.shapes)
                while let item = try reader.next() {
                    guard item.replication == next else {
                        throw ShardError.replicationOutOfOrder(directory: member.directory, found: item.replication, expected: next)
                    }
                    result.add(replication: item.results)
                    next += 1
                }
            } catch let error as ShardError {
                throw error
            } catch {
                throw .records("\(error)")
            }
            guard next == member.manifest.replications.upperBound else {
                throw .stopsEarly(directory: member.directory, at: next, expected: member.manifest.replications.upperBound)
            }
        }
    }
}
