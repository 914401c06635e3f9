import Foundation
import Testing

/// A scenario's source notes in the brief's caveats: a note given in the brief's language is
/// its own words; one given only in the other language is quoted, marked with its language; a
/// plain string is quoted as written, since its language is not stated; and a one-region brief
/// shows no path of the other region.
@Suite struct SourceNoteTests {
    /// One what-if whose sources are an `{id, en}` estimate, an Indonesian-only assumption, and a
    /// plain string, each of a kind the caveats list.
    static let briefs: [String: (html: String, markdown: String)] = {
        let dir = scratchDirectory("source-notes")
        let baseline = packageRoot.appendingPathComponent("scenarios/baseline.json").path
        let file = dir.appendingPathComponent("notes.json")
        try? #"""
        { "schemaVersion": 1, "extends": "\#(baseline)", "id": "notes",
          "regions": { "sorong": { "headcount": 5100, "budget": { "rupiahPerYear": 1.5e9 } }, "sawahlunto": { "headcount": 1850 } },
          "sources": {
            "regions.sorong.headcount": { "id": "PERKIRAAN: hitungan BKPSDM yang dibulatkan", "en": "ESTIMATE: BKPSDM's count, rounded" },
            "regions.sorong.budget.rupiahPerYear": { "id": "asumsi turunan dari pagu tahun lalu" },
            "regions.sawahlunto.headcount": "assumption derived from last year's count" } }
        """#.write(to: file, atomically: true, encoding: .utf8)
        var briefs: [String: (String, String)] = [:]
        for (key, extra) in [("id", ["--lang", "id"]), ("en", ["--lang", "en"]), ("sorong", ["--lang", "en", "--region", "sorong"])] {
            let out = dir.appendingPathComponent(key)
            _ = try? simulate(
                [baseline, file.path, "--years", "1", "--replications", "2", "--fixed-inputs", "--out", out.path, "--quiet"] + extra)
            briefs[key] = (
                (try? read(out.appendingPathComponent("brief.html"))) ?? "", (try? read(out.appendingPathComponent("brief.md"))) ?? ""
            )
        }
        return briefs
    }()

    @Test func aNoteInTheBriefsLanguageIsItsOwnWords() throws {
        let id = try #require(Self.briefs["id"])
        let en = try #require(Self.briefs["en"])
        #expect(id.html.contains("<code>regions.sorong.headcount</code>: PERKIRAAN: hitungan BKPSDM yang dibulatkan</li>"), "\(id.html)")
        #expect(en.html.contains("<code>regions.sorong.headcount</code>: ESTIMATE: BKPSDM&#39;s count, rounded</li>"))
        #expect(id.html.contains("<code>regions.sorong.budget.rupiahPerYear</code>: asumsi turunan dari pagu tahun lalu</li>"))
        #expect(!id.html.contains("ESTIMATE: BKPSDM") && !en.html.contains("PERKIRAAN: hitungan"))
    }

    @Test func aNoteOnlyInTheOtherLanguageIsQuotedAndMarked() throws {
        let en = try #require(Self.briefs["en"])
        #expect(en.html.contains(#"<q lang="id">asumsi turunan dari pagu tahun lalu</q> (in Indonesian)</li>"#))
        #expect(en.markdown.contains("`regions.sorong.budget.rupiahPerYear`: “asumsi turunan dari pagu tahun lalu” (in Indonesian)"))
    }

    @Test func aPlainNoteIsQuotedAsWrittenInEitherLanguage() throws {
        let id = try #require(Self.briefs["id"])
        let en = try #require(Self.briefs["en"])
        #expect(id.html.contains("<code>regions.sawahlunto.headcount</code>: <q>assumption derived from last year&#39;s count</q></li>"))
        #expect(id.html.contains("Sumber yang ditulis sebagai teks biasa di berkas skenario dikutip apa adanya."))
        #expect(en.html.contains("<q>assumption derived from last year&#39;s count</q>"))
        #expect(en.html.contains("Sources written as plain text in the scenario file are quoted as written."))
    }

    /// `--region sorong` leaves out Sawahlunto's notes and the Sawahlunto half of a shared one.
    @Test func aOneRegionBriefShowsOnlyItsRegionsPaths() throws {
        let sorong = try #require(Self.briefs["sorong"])
        #expect(sorong.html.contains("<code>regions.sorong.headcount</code>"))
        #expect(!sorong.html.contains("regions.sawahlunto."), "a Sawahlunto path in a Sorong brief")
        #expect(sorong.html.contains("<code>regions.sorong.units.dukcapil.service.demand</code>: assumption: documents before mudik"))
        #expect(!sorong.html.contains("quoted as written"), "the only plain note is Sawahlunto's")
    }
}
