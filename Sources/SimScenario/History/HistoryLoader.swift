import Foundation
import SimWorkforce

/// A file or folder of a region's records, as the scenario names it.
public struct HistorySource: Sendable, Equatable {
    public var region: String
    /// The path as messages show it, and as resolved from the file that names it.
    public var shown: String
    public var resolved: String
}

extension ScenarioCompiler {
    /// `regions.<r>.history`: each path must exist; the records are read by the commands that
    /// use them (``HistoryLoader``), not by every run.
    mutating func compileHistory(_ node: ReadNode, region: inout RegionParameters) {
        for (index, entry) in node.list("history").enumerated() {
            guard let reference = entry.node.string else { continue }
            let (shown, resolved) = place(of: reference, node: entry)
            guard FileManager.default.fileExists(atPath: resolved) else {
                problem(
                    entry, "regions.\(region.id).history[\(index)]",
                    "cannot read '\(reference)' (looked for \(resolved)): no such file or folder")
                unreadableInput = true
                continue
            }
            historySources.append(HistorySource(region: region.id, shown: shown, resolved: resolved))
            region.history.append(resolved)
        }
    }
}

/// Reads the records a scenario names for its regions (docs/history.md): every `.csv` file in a
/// named folder (in name order) and every named file, each recognised by its columns.
public enum HistoryLoader {
    /// Each region's aggregates, in the scenario's region order (regions without records left out).
    ///
    /// - Throws: ``ScenarioError`` with every problem of every file (exit 66 for a file that
    ///   cannot be read); nothing is returned when any file has a problem.
    public static func read(_ scenario: Scenario) throws(ScenarioError) -> [RegionHistory] {
        var histories: [RegionHistory] = []
        var problems: [Diagnostic] = []
        var unreadable = false
        for region in scenario.parameters.regions {
            let sources = scenario.historySources.filter { $0.region == region.id }
            guard !sources.isEmpty else { continue }
            let context = HistoryReader.Context(
                region: region.id, unitIDs: region.units.map(\.id), unitNames: region.units.map(\.name), mapping: region.rosterMapping)
            var accumulator = HistoryReader.Accumulator(history: RegionHistory(region: region.id))
            for (shown, resolved) in sources.flatMap(files) {
                switch ScenarioLoader.readRegularFile(resolved, limit: ScenarioLoader.dataFileLimit) {
                case .success(let bytes):
                    var reader = HistoryReader(file: shown, bytes: bytes, context: context)
                    reader.read(into: &accumulator)
                    problems += reader.diagnostics
                case .failure(let why):
                    problems.append(Diagnostic(file: shown, path: "regions.\(region.id).history", message: "cannot read it: \(why.text)"))
                    unreadable = true
                }
            }
            histories.append(accumulator.finish())
        }
        guard problems.isEmpty else { throw ScenarioError(problems, isUnreadableInput: unreadable) }
        return histories
    }

    /// A named file, or the `.csv` files of a named folder in name order.
    static func files(_ source: HistorySource) -> [(shown: String, resolved: String)] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source.resolved, isDirectory: &isFolder), isFolder.boolValue else {
            return [(source.shown, source.resolved)]
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: source.resolved)) ?? []
        return names.filter { $0.lowercased().hasSuffix(".csv") }.sorted().map {
            ((source.shown as NSString).appendingPathComponent($0), (source.resolved as NSString).appendingPathComponent($0))
        }
    }
}
