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
            members.append(Member(directory: directory, manifest: try ShardManifest(parsing: text, file: file)))
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
            let a = member.manifest, b = reference.manifest
            let differences: [(Bool, String)] = [
                (a.totalReplications != b.totalReplications, "has a different replications"),
                (a.seed != b.seed, "has a different seed"),
                (a.shardCount != b.shardCount, "has a different shardCount"),
                (a.baseline != b.baseline, "has a different baseline"),
                (a.scenarios.map(\.sha256) != b.scenarios.map(\.sha256), "ran different scenarios"),
                (a.scenarios.map(\.labels) != b.scenarios.map(\.labels), "describes its scenarios differently"),
            ]
            if let (_, what) = differences.first(where: \.0) {
                throw .mismatch(directory: member.directory, reference: reference.directory, what: what)
            }
        }
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
        ExperimentResult(regionCounts: manifest.scenarios.map(\.labels.regionIDs.count),
                         metricCounts: manifest.scenarios.map(\.labels.metrics.count),
                         months: manifest.scenarios.first?.months ?? 0, baseline: manifest.baseline)
    }

    /// Folds every shard's replications into `result` in replication order, which is what makes
    /// the merged statistics bit-for-bit those of the unsharded run.
    public func fold(into result: inout ExperimentResult) throws(ShardError) {
        let definitions = manifest.scenarios.map(\.labels.metrics)
        for member in members {
            let file = URL(fileURLWithPath: member.directory).appendingPathComponent(ShardReplications.fileName).path
            var next = member.manifest.replications.lowerBound
            do {
                var reader = try ShardReplications.Reader(file: file, shapes: manifest.shapes)
                while let item = try reader.next() {
                    guard item.replication == next else {
                        throw ShardError.replicationOutOfOrder(directory: member.directory, found: item.replication, expected: next)
                    }
                    result.add(replication: item.results, definitions: definitions)
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
