import Foundation
import SimCore
import SimExperiment
import SimWorkforce

/// Writes one shard into a directory: `replications.bin` streamed replication by replication (so
/// memory stays flat however many a shard runs), then `partial.json` once they are all there,
/// then `SHA256SUMS` of both (``ShardChecksums``).
public final class ShardWriter {
    let directory: URL
    let handle: FileHandle
    /// Each scenario's regions' catalogues: the order the values are written in.
    let catalogues: [[RegionCatalogue]]
    var bytes = Data()
    var hasher = SHA256.Hasher()

    public init(directory: URL, catalogues: [[RegionCatalogue]]) throws(ShardError) {
        self.directory = directory
        self.catalogues = catalogues
        hasher.update(ShardReplications.header())
        let file = directory.appendingPathComponent(ShardReplications.fileName)
        guard FileManager.default.createFile(atPath: file.path, contents: ShardReplications.header()),
            let handle = try? FileHandle(forWritingTo: file)
        else {
            throw .cannotWrite("cannot create \(file.path)")
        }
        self.handle = handle
        do { try handle.seekToEnd() } catch { throw .cannotWrite("cannot write \(file.path): \(error)") }
    }

    deinit { try? handle.close() }

    /// Appends replication `replication` of every scenario, in the order the merge will read them.
    public func append(replication: Int, results: [ReplicationResult]) throws(ShardError) {
        bytes.removeAll(keepingCapacity: true)
        ShardReplications.encode(replication: replication, results: results, catalogues: catalogues, into: &bytes)
        hasher.update(bytes)
        do { try handle.write(contentsOf: bytes) } catch {
            throw .cannotWrite("cannot write \(ShardReplications.fileName) in \(directory.path): \(error)")
        }
    }

    /// Writes the manifest and the checksums and closes the replications file.
    public func finish(_ manifest: ShardManifest) throws(ShardError) {
        let json = Array(manifest.json().utf8)
        let sums = ShardChecksums.text([(ShardManifest.fileName, SHA256.hex(of: json)), (ShardReplications.fileName, hasher.finalize())])
        do {
            try handle.close()
            try Data(json).write(to: directory.appendingPathComponent(ShardManifest.fileName))
            try Data(sums.utf8).write(to: directory.appendingPathComponent(ShardChecksums.fileName))
        } catch {
            throw .cannotWrite("cannot write \(ShardManifest.fileName) in \(directory.path): \(error)")
        }
    }
}
