import Foundation
import SimWorkforce
import Testing

@testable import SimScenario

/// A SIASN "data utama" export read as it comes (issue 39 item 1): its columns in upper case with
/// underscores among many the model does not read, P/C status codes with PPPK rows left empty and
/// named in jenis_pegawai_nama, Jabatan Struktural with its echelon, S-1/Sarjana and D-III, dates
/// as dd-mm-yyyy and dd/mm/yyyy, a NIP with a leading apostrophe, and units by their full names.
@Suite struct SiasnRosterTests {
    static let units = [
        #"regions.town.units.dukcapil.name="Dinas Kependudukan dan Pencatatan Sipil""#,
        #"regions.town.units.kantor.name="Sekretariat Daerah""#,
    ]

    func load(_ roster: String) throws -> Scenario {
        let overrides = Self.units + ["regions.town.roster=\(roster)"]
        return try ScenarioLoader.load(SilentInputTests.town, overrides: overrides.compactMap(Override.init))
    }

    @Test func aSIASNExportIsReadAsExported() throws {
        let scenario = try load("siasn-export.csv")
        let roster = try #require(scenario.parameters.regions[0].roster)
        #expect(roster.count == 8)
        #expect(roster.unit == [0, 1, 0, 1, 0, 1, 0, 1])
        #expect(roster.status == [.pns, .cpns, .pppk, .pns, .pns, .pns, .pns, .pppk])
        #expect(roster.jobLevel == [.fungsional, .pelaksana, .fungsional, .administrator, .pengawas, .jpt, .pelaksana, .pelaksana])
        #expect(roster.education == [.s1, .sma, .diploma, .s2, .s1, .s3, .s1, .sma])
        // Ages on 1 January 2027 from dd-mm-yyyy and dd/mm/yyyy; a PPPK's empty TMT is imputed.
        #expect(abs(roster.ageYears[0] - 51.37) < 0.01 && abs(roster.ageYears[1] - 29.0) < 0.01, "\(roster.ageYears)")
        #expect(abs(roster.tenureMonths[0] - 322) < 0.5 && abs(roster.tenureMonths[1] - 11) < 0.5, "\(roster.tenureMonths)")
        #expect(roster.tenureMonths[2].isNaN && roster.tenureMonths[7].isNaN)
        #expect(roster.owesLatsar == [false, true, false, false, false, false, false, false])
    }

    /// Units named as the region's export names them, mapped in the scenario: an exact name and a
    /// pattern; a post mapped in the scenario is read before the built-in spelling; a mapping to a
    /// unit of no region of this scenario is refused at its path.
    @Test func aMappingInTheScenarioNamesTheRegionsOwnValues() throws {
        let mapping = [
            #"regions.town.rosterMapping={"units": {"Dinas Kependudukan*": "dukcapil", "SEKRETARIAT DAERAH": "kantor"}, "post": {"Jabatan Pelaksana": "fungsional"}}"#,
            "regions.town.roster=siasn-export.csv",
        ]
        let scenario = try ScenarioLoader.load(SilentInputTests.town, overrides: mapping.compactMap(Override.init))
        let roster = try #require(scenario.parameters.regions[0].roster)
        #expect(roster.unit == [0, 1, 0, 1, 0, 1, 0, 1])
        #expect(roster.jobLevel[6] == .fungsional && roster.jobLevel[7] == .fungsional && roster.jobLevel[1] == .pelaksana)
        var found: [Diagnostic] = []
        do {
            _ = try ScenarioLoader.load(
                SilentInputTests.town,
                overrides: [#"regions.town.rosterMapping={"units": {"Dinas*": "puskesmas"}}"#].compactMap(Override.init))
        } catch let error as ScenarioError { found = error.diagnostics } catch {}
        #expect(found.contains { $0.path == "regions.town.rosterMapping.units.Dinas*" && $0.message.contains("unknown unit") }, "\(found)")
    }

    /// `*` stands for any text, in time linear in the name.
    @Test(arguments: [
        ("dinas kesehatan kota", ["dinas kesehatan", ""], true), ("dinas kesehatan", ["dinas kesehatan", ""], true),
        ("puskesmas remu", ["", "remu"], true), ("puskesmas remu utara", ["", "remu"], false),
        ("uptd puskesmas remu", ["uptd", "puskesmas", ""], true), ("uptd remu", ["uptd", "puskesmas", ""], false),
        ("ab", ["ab", "b"], false), ("abb", ["ab", "b"], true), ("sekretariat", ["sekretariat"], true),
    ])
    func aPatternMatchesAsAGlob(value: String, parts: [String], matches: Bool) {
        #expect(RosterMapping.matches(value, parts) == matches)
    }

    /// A structural post without its echelon is refused at its row and column, naming what to add
    /// and quoting no cell; other columns of the export raise nothing.
    @Test func aStructuralPostWithoutItsEchelonSaysWhatToAdd() {
        var found: [Diagnostic] = []
        do { _ = try load("siasn-structural-without-echelon.csv") } catch let error as ScenarioError { found = error.diagnostics } catch {}
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.location?.line == 2 && found.first?.location?.column == 5, "\(found)")
        #expect(found.first?.message.contains("add the Eselon column") == true, "\(found)")
        #expect(!found.contains { $0.message.contains("Struktural") || $0.message.contains("Sintetis") })
    }

    /// Every column of the SIASN data-utama list in `siasn-columns.md` is known: read, or
    /// recognised and not read, so none is taken for a misspelt header.
    @Test func everySIASNColumnIsKnown() {
        let listed =
            "pns_id, nip_baru, nip_lama, nama, gelar_depan, gelar_belakang, tempat_lahir_id, tempat_lahir_nama, tanggal_lahir, jenis_kelamin, agama_id, agama_nama, jenis_kawin_id, jenis_kawin_nama, nik, nomor_hp, email, email_gov, alamat, npwp_nomor, bpjs, jenis_pegawai_id, jenis_pegawai_nama, kedudukan_hukum_id, kedudukan_hukum_nama, status_cpns_pns, kartu_asn_virtual, nomor_sk_cpns, tanggal_sk_cpns, tmt_cpns, nomor_sk_pns, tanggal_sk_pns, tmt_pns, gol_awal_id, gol_awal_nama, gol_akhir_id, gol_akhir_nama, tmt_golongan, mk_tahun, mk_bulan, jenis_jabatan_id, jenis_jabatan_nama, jabatan_id, jabatan_nama, tmt_jabatan, tingkat_pendidikan_id, tingkat_pendidikan_nama, pendidikan_id, pendidikan_nama, tahun_lulus, kpkn_id, kpkn_nama, lokasi_kerja_id, lokasi_kerja_nama, unor_id, unor_nama, instansi_induk_id, instansi_induk_nama, instansi_kerja_id, instansi_kerja_nama, satuan_kerja_induk_id, satuan_kerja_induk_nama, satuan_kerja_kerja_id, satuan_kerja_kerja_nama, eselon"
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
        let spellings = RosterFormat.spellings(domains: [])
        let unknown = listed.map(RosterFormat.normalised).filter { spellings[$0] == nil && !RosterFormat.siasnIgnored.contains($0) }
        #expect(unknown.isEmpty, "\(unknown)")
        let read = Set(listed.map(RosterFormat.normalised).compactMap { spellings[$0] })
        #expect(read == ["nip", "name", "birthDate", "employeeKind", "status", "tmt", "post", "education", "unit", "eselon"], "\(read)")
    }
}
