import Foundation
import SimCore

/// `SHA256SUMS`: the SHA-256 of every other file of a shard, in the format `sha256sum -c` reads
/// (`<64 hex digits>  <name>` per line). A merge checks every file against it before reading
/// anything, so a flipped bit or a truncated copy is refused with the shard and file named,
/// never folded into the results.
public enum ShardChecksums {
    public static let fileName = "SHA256SUMS"
    /// The files a shard's checksums cover, in the order written.
    public static let covered = [ShardManifest.fileName, ShardReplications.fileName]

    /// The file's text for digests by file name.
    static func text(_ digests: [(file: String, sha256: String)]) -> String {
        digests.map { "\($0.sha256)  \($0.file)\n" }.joined()
    }

    /// The SHA-256 of a file, read in blocks (memory stays flat however large the file); the
    /// results folder's own `SHA256SUMS` uses it too.
    public static func digest(of url: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var hasher = SHA256.Hasher()
        while let block = try handle.read(upToCount: 1 << 20), !block.isEmpty { hasher.update(block) }
        return hasher.finalize()
    }

    /// Checks every covered file of the shard in `directory` against its `SHA256SUMS`.
    ///
    /// - Throws: ``ShardError/checksum(directory:file:problem:)`` naming the shard and the file.
    public static func verify(directory: String) throws(ShardError) {
        let base = URL(fileURLWithPath: directory)
        let sums = base.appendingPathComponent(fileName)
        guard let text = try? String(contentsOf: sums, encoding: .utf8) else {
            throw .checksum(
                directory: directory, file: fileName,
                problem: "is missing or unreadable; the shard was not finished, or was copied without it")
        }
        var expected: [String: String] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
            guard parts.count == 2, parts[0].count == 64, parts[0].allSatisfy(\.isHexDigit) else {
                throw .checksum(directory: directory, file: fileName, problem: "is not a list of SHA-256 sums")
            }
            expected[String(parts[1].trimmingCharacters(in: .whitespaces))] = String(parts[0]).lowercased()
        }
        for file in covered {
            guard let sum = expected[file] else {
                throw .checksum(directory: directory, file: file, problem: "has no checksum in \(fileName)")
            }
            let found: String
            do { found = try digest(of: base.appendingPathComponent(file)) } catch {
                throw .checksum(
                    directory: directory, file: file,
                    problem: "is missing or cannot be read; copy the whole shard folder, or run that shard again")
            }
            guard found == sum else {
                throw .checksum(
                    directory: directory, file: file,
                    problem:
                        "does not match its checksum in \(fileName): the file was changed or damaged after it was written; run that shard again"
                )
            }
        }
    }
}
