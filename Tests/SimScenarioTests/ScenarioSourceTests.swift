import Foundation
import SimScenario
import SimWorkforce
import Testing

/// A scenario read once and compiled many times in memory (`ScenarioSource`): what each design
/// point, uncertain draw and sweep point does instead of reading and hashing its files again.
@Suite struct ScenarioSourceTests {
    /// A copy of the bundled from-roster scenario with its base and its rosters, in a folder the
    /// test may empty.
    func copyOfFromRoster() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("source-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
        for file in [
            "baseline.json", "from-roster.json", "data/sawahlunto-roster-SYNTHETIC.csv", "data/sorong-roster-SYNTHETIC.csv",
            "data/sorong-booked-2027-SYNTHETIC.csv",
        ] {
            try FileManager.default.copyItem(
                at: packageRoot.appendingPathComponent("scenarios/\(file)"), to: folder.appendingPathComponent(file))
        }
        return folder
    }

    func summary(_ scenario: Scenario) -> String {
        JSONWriter.render(scenario.resolved.value, indent: 0)
            + scenario.dataFiles.map { "\($0.region) \($0.kind) \($0.sha256) \($0.rows)" }.joined()
            + scenario.parameters.regions.map { "\($0.headcount)" }.joined(separator: ",") + scenario.notes.joined()
    }

    @Test func compilingFromMemoryIsLoadingFromDisk() throws {
        let folder = try copyOfFromRoster()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("from-roster.json").path
        let overrides = [Override("regions.sorong.motivation.mean=0.4")!, Override("regions.sawahlunto.units.dukcapil.name=Disdukcapil")!]
        let source = try ScenarioSource(reading: path)
        for set in [[], overrides, Array(overrides.prefix(1))] {
            #expect(summary(try source.compile(overrides: set)) == summary(try ScenarioLoader.load(path, overrides: set)))
        }
    }

    @Test func aSecondCompileReadsNoFile() throws {
        let folder = try copyOfFromRoster()
        let path = folder.appendingPathComponent("from-roster.json").path
        let source = try ScenarioSource(reading: path)
        let first = try source.compile()
        try FileManager.default.removeItem(at: folder)  // every file gone: only memory is left
        // Another value, and a unit renamed (the roster is read again for the new unit names,
        // from the bytes kept in memory).
        let again = try source.compile(overrides: [
            Override("regions.sorong.motivation.mean=0.4")!,
            Override("regions.sorong.units.dukcapil.name=Disdukcapil")!,
        ])
        #expect(again.dataFiles.map(\.sha256) == first.dataFiles.map(\.sha256))
        #expect(again.parameters.regions.map(\.headcount) == first.parameters.regions.map(\.headcount))
        #expect(again.parameters.regions[1].motivation.mean == 0.4)
    }
}
