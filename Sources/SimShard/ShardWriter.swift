import Foundation
import SimWorkforce
import SimExperiment

/// Writes one shard into a directory: `replications.bin` streamed replication by replication (so
/// memory stays flat however many a shard runs), then `partial.json` once they are all there.
public final class ShardWriter {
    let directory: URL
    let handle: FileHandle
    var bytes = Data()

    public init(directory: URL) throws(ShardError) {
        self.directory = directory
        let file = directory.appendingPathComponent(ShardReplications.fileName)
        guard FileManager.default.createFile(atPath: file.path, contents: ShardReplications.header()),
              let handle = try? FileHandle(forWritingTo: file) else {
            throw .cannotWrite("cannot create \(file.path)")
        }
        self.handle = handle
        do { try handle.seekToEnd() } catch { throw .cannotWrite("cannot write \(file.path): \(error)") }
    }

    deinit { try? handle.close() }

    /// Appends replication `replication` of every scenario, in the order the merge will read them.
    public func append(replication: Int, results: [ReplicationResult]) throws(ShardError) {
        bytes.removeAll(keepingCapacity: true)
        ShardReplications.encode(replication: replication, results: results, into: &bytes)
        do { try handle.write(contentsOf: bytes) } catch { throw .cannotWrite("cannot write \(ShardReplications.fileName) in \(directory.path): \(error)") }
    }

    /// Writes the manifest and closes the replications file.
    public func finish(_ manifest: ShardManifest) throws(ShardError) {
        do {
            try handle.close()
            try Data(manifest.json().utf8).write(to: directory.appendingPathComponent(ShardManifest.fileName))
        } catch {
            throw .cannotWrite("cannot write \(ShardManifest.fileName) in \(directory.path): \(error)")
        }
    }
}
