import Foundation
import SimWorkforce

/// A scenario file read once: its tree merged onto its bases, what a removed region takes with
/// it, the sources it cites, and the data files it names. A design point, an uncertain draw or a
/// sweep point applies its overrides to this in memory and compiles, without reading or hashing
/// a file again (`Benchmarks/uncertain-reload.sh` measures what that saves).
public struct ScenarioSource: Sendable {
    public let path: String
    let merged: JSONNode
    let notes: [String]
    let sources: [(String, SourceNote)]
    let dataFiles: DataFileStore

    /// Reads `path` and its `extends` chain.
    ///
    /// - Throws: ``ScenarioError`` for a file that cannot be read or parsed, or a broken chain.
    public init(reading path: String) throws(ScenarioError) {
        self.path = path
        var merged = try ScenarioLoader.mergedTree(path, chain: [])
        notes = ScenarioLoader.dropInherited(forRemovedRegions: ScenarioLoader.removedRegions(path, chain: []), in: &merged, file: path)
        self.merged = merged
        var sources: [(String, SourceNote)] = []
        ScenarioLoader.collectSources(path, into: &sources, chain: [])
        self.sources = sources
        dataFiles = DataFileStore()
    }

    /// The scenario with `overrides` applied, validated and compiled; every problem at once.
    public func compile(overrides: [Override] = []) throws(ScenarioError) -> Scenario {
        try ScenarioLoader.compile(self, overrides: overrides)
    }
}

/// The data files a scenario names (rosters, booked sessions), each read once per run: their
/// bytes by resolved path, and a roster's reading by path and by what the region asks of it.
/// Shared by the workers that compile design points in parallel, hence the lock; two workers
/// that miss at once both read, and either result is the same.
final class DataFileStore: @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String: Result<[UInt8], ScenarioLoader.ReadFailure>] = [:]
    private var rosters: [RosterKey: RosterReading] = [:]

    struct RosterKey: Hashable {
        var path: String
        var context: RosterReader.Context
    }

    /// What reading a roster gave: the roster (nil when it has problems), the file row of each
    /// employee, and the notes and problems to report.
    struct RosterReading {
        var roster: Roster?
        var employeeRows: [Int]
        var notes: [String]
        var diagnostics: [Diagnostic]
    }

    func bytes(_ resolved: String) -> Result<[UInt8], ScenarioLoader.ReadFailure> {
        if let known = lock.withLock({ files[resolved] }) { return known }
        let read = ScenarioLoader.readRegularFile(resolved, limit: ScenarioLoader.dataFileLimit)
        lock.withLock { files[resolved] = read }
        return read
    }

    func roster(_ resolved: String, shown file: String, bytes: [UInt8], context: RosterReader.Context) -> RosterReading {
        let key = RosterKey(path: resolved + "\u{0}" + file, context: context)
        if let known = lock.withLock({ rosters[key] }) { return known }
        var reader = RosterReader(file: file, bytes: bytes, context: context)
        let roster = reader.read()
        let reading = RosterReading(roster: roster, employeeRows: reader.employeeRows, notes: reader.notes, diagnostics: reader.diagnostics)
        lock.withLock { rosters[key] = reading }
        return reading
    }
}
