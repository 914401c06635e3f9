import Foundation
import Testing

/// The brief says which JP carry the baseline's 20 JP share: what the region's own courses reach
/// alone and the part of PNS JP from outside the budget, as summary.csv has them; a run without
/// learning outside the budget says nothing of it.
@Suite struct JPSourcesBriefTests {
    static let baseline = packageRoot.appendingPathComponent("scenarios/baseline.json").path

    static func run(_ extra: [String], _ name: String) throws -> (markdown: String, summary: [[String: String]]) {
        let dir = scratchDirectory("jp-sources-\(name)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let outcome = try simulate(
            [baseline, "--years", "1", "--replications", "3", "--fixed-inputs", "--lang", "en", "--out", dir.path, "--quiet"] + extra)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let lines = try read(dir.appendingPathComponent("summary.csv")).split(whereSeparator: \.isNewline).map {
            $0.split(separator: ",").map(String.init)
        }
        let header = lines.first ?? []
        let rows = lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
        return (try read(dir.appendingPathComponent("brief.md")), rows)
    }

    @Test func theBriefSaysWhichJPCarryThe20JPShare() throws {
        let run = try Self.run([], "with")
        for region in ["sawahlunto", "sorong"] {
            func percent(_ metric: String) throws -> Int {
                let row = try #require(
                    run.summary.first { $0["scenario"] == "baseline" && $0["region"] == region && $0["metric"] == metric })
                return Int((Double(row["mean"] ?? "") ?? .nan) * 100 + 0.5)
            }
            let alone = try percent("jp.share_reaching_20_without_external")
            let external = try percent("jp.share_external")
            #expect(
                run.markdown.contains(
                    "With the region's own courses alone, \(alone)% of PNS would reach 20 JP; \(external)% of PNS JP come from outside the budget"
                ),
                "\(region): \(alone)%, \(external)%")
        }
        let off = ["lan-mooc", "webinar", "merdeka-mengajar", "plataran-sehat"].flatMap {
            ["--set", "externalLearning.\($0).coursesPerYear=0"]
        }
        #expect(!(try Self.run(off, "without")).markdown.contains("With the region's own courses alone"))
    }
}
