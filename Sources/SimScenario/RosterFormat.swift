/// The columns of a roster file (one row per employee, as a personnel-system export gives it):
/// their headers in Indonesian and English, the spellings exports use, and what each holds.
/// Headers are matched ignoring case, spaces, `_`, `-`, `.` and `/`; other columns are not read.
public enum RosterFormat {
    public struct Column: Sendable {
        /// The English key, as outputs and the brief name it.
        public let key: String
        public let indonesian: String
        public let english: String
        let aliases: [String]
        public let required: Bool
        /// Personal data: read only to check it, never kept, never echoed in a message.
        public let personal: Bool
        public let doc: String
    }

    public static let columns: [Column] = [
        Column(
            key: "nip", indonesian: "NIP", english: "NIP",
            aliases: ["nip baru", "nipbaru", "nip 18", "ni pppk", "nip ni pppk", "nomor induk pegawai"],
            required: true, personal: true, doc: "18 digits (spaces allowed); unique. Checked for duplicates, then dropped"),
        Column(
            key: "name", indonesian: "Nama", english: "Name", aliases: ["nama lengkap", "nama pegawai", "nama asn", "full name"],
            required: false, personal: true, doc: "never read"),
        Column(
            key: "unit", indonesian: "Unit Kerja", english: "Unit",
            aliases: ["opd", "satuan kerja", "unor", "unor nama", "unit kerja nama", "perangkat daerah", "unit organisasi", "unit id"],
            required: true, personal: false, doc: "the unit's id or name in the scenario's `units`"),
        Column(
            key: "post", indonesian: "Jenis Jabatan", english: "Post",
            aliases: ["jabatan", "kelompok jabatan", "job level", "jenis jabatan asn", "jenis jabatan nama"],
            required: true, personal: false,
            doc:
                "JPT, Administrator, Pengawas, Pelaksana or Fungsional (also Eselon II–IV, JFU, JFT, JF, and SIASN's Jabatan Fungsional Tertentu, Jabatan Fungsional Umum / Pelaksana, or Jabatan Struktural with the Eselon column)"
        ),
        Column(
            key: "jenjang", indonesian: "Jenjang", english: "Grade",
            aliases: ["jenjang jabatan", "jenjang jf", "jenjang fungsional", "functional grade"],
            required: false, personal: false,
            doc:
                "for Fungsional: Ahli Pertama, Ahli Muda, Ahli Madya, Ahli Utama, Pemula, Terampil, Mahir or Penyelia (sets the BUP: 58, 60 for Ahli Madya, 65 for Ahli Utama); ignored for other posts"
        ),
        Column(
            key: "status", indonesian: "Status", english: "Status",
            aliases: ["status pegawai", "status kepegawaian", "status asn", "jenis pegawai", "employment", "status cpns pns"],
            required: true, personal: false,
            doc: "PNS, PPPK (also P3K) or CPNS; SIASN's P or C, and empty for a PPPK when the Jenis Pegawai Nama column says PPPK"),
        Column(
            key: "birthDate", indonesian: "Tanggal Lahir", english: "Birth Date",
            aliases: ["tgl lahir", "date of birth", "dob", "tanggal lahir pegawai"],
            required: false, personal: true, doc: "dd-mm-yyyy, dd/mm/yyyy or yyyy-mm-dd; sets the age on the start date, then dropped"),
        Column(
            key: "tmt", indonesian: "TMT", english: "Appointment Date",
            aliases: ["tmt cpns", "tmt pppk", "tmt cpns pppk", "tmt pengangkatan", "appointed"],
            required: false, personal: false,
            doc: "date of appointment as CPNS or PPPK (same formats); sets the months of service on the start date"),
        Column(
            key: "education", indonesian: "Pendidikan", english: "Education",
            aliases: ["pendidikan terakhir", "tingkat pendidikan", "tingkat pendidikan nama", "jenjang pendidikan"],
            required: false, personal: false, doc: "SD–SMA/SMK, D1–D3 (diploma), D4 or S1, S2, S3 (also SIASN's S-1/Sarjana, D-III, SLTA)"),
        Column(
            key: "jpThisYear", indonesian: "JP Tahun Ini", english: "JP This Year",
            aliases: ["jp", "jp done", "jumlah jp", "jp pengembangan kompetensi"],
            required: false, personal: false, doc: "JP of development already done in the start date's fiscal year (0 when empty)"),
        Column(
            key: "latsarOwed", indonesian: "Belum Latsar", english: "Latsar Owed", aliases: ["latsar", "owes latsar", "wajib latsar"],
            required: false, personal: false,
            doc: "ya/tidak (yes/no, 1/0; `belum` = owed, `sudah` = done); empty: owed by CPNS only. A PPPK never owes it"),
    ]

    /// Columns of a SIASN "data utama" export read only to derive a column above: the kind of
    /// employee (a PPPK's status is empty there) and the echelon of a structural post. Not part of
    /// the template: a roster written by hand says the status and the post directly.
    public static let siasnColumns: [Column] = [
        Column(
            key: "employeeKind", indonesian: "Jenis Pegawai Nama", english: "Employee Kind", aliases: [], required: false,
            personal: false, doc: "SIASN's jenis_pegawai_nama: a row with an empty status is a PPPK when this names PPPK (or P3K)"),
        Column(
            key: "eselon", indonesian: "Eselon", english: "Echelon", aliases: ["eselon nama"], required: false, personal: false,
            doc: "for a Jabatan Struktural: I or II (JPT), III (Administrator) or IV (Pengawas), with or without .a/.b"),
    ]

    /// The other columns of a SIASN "data utama" export (`../shared/reference/siasn-columns.md`),
    /// normalised: known, and not read, so that none is taken for a misspelt header.
    static let siasnIgnored: Set<String> = Set(
        [
            "pns id", "nip lama", "gelar depan", "gelar belakang", "tempat lahir id", "tempat lahir nama", "jenis kelamin", "agama id",
            "agama nama", "jenis kawin id", "jenis kawin nama", "nik", "nomor hp", "email", "email gov", "alamat", "npwp nomor", "bpjs",
            "jenis pegawai id", "kedudukan hukum id", "kedudukan hukum nama", "kartu asn virtual", "nomor sk cpns", "tanggal sk cpns",
            "nomor sk pns", "tanggal sk pns", "tmt pns", "gol awal id", "gol awal nama", "gol akhir id", "gol akhir nama",
            "tmt golongan", "mk tahun", "mk bulan", "jenis jabatan id", "jabatan id", "jabatan nama", "tmt jabatan",
            "tingkat pendidikan id", "pendidikan id", "pendidikan nama", "tahun lulus", "kpkn id", "kpkn nama", "lokasi kerja id",
            "lokasi kerja nama", "unor id", "instansi induk id", "instansi induk nama", "instansi kerja id", "instansi kerja nama",
            "satuan kerja induk id", "satuan kerja induk nama", "satuan kerja kerja id", "satuan kerja kerja nama", "eselon id",
            "kelas jabatan", "pangkat", "riwayat diklatpim", "range umur",
        ].map(normalised))

    /// The competency column of `domain`: its Indonesian and English headers.
    public static func competencyHeaders(_ domain: String) -> (indonesian: String, english: String) {
        ("Kompetensi \(domain)", "Competency \(domain)")
    }

    public static let competencyDoc =
        "competency-assessment level in the domain, 1–5 (decimals allowed); empty: drawn from the region's distribution"

    /// A header reduced for matching: lowercase, with `_ - . /` and runs of spaces as one space.
    static func normalised(_ header: String) -> String {
        var out = ""
        var space = false
        for ch in header.lowercased() {
            if ch == " " || ch == "_" || ch == "-" || ch == "." || ch == "/" || ch == "\t" || ch == "\u{FEFF}" {
                space = !out.isEmpty
                continue
            }
            if space {
                out.append(" ")
                space = false
            }
            out.append(ch)
        }
        return out
    }

    /// Every spelling accepted for each column, normalised, keyed to the column's key; the
    /// competency columns of `domains` as `competency.<id>`.
    static func spellings(domains: [String]) -> [String: String] {
        var table: [String: String] = [:]
        for column in columns + siasnColumns {
            for spelling in [column.key, column.indonesian, column.english] + column.aliases { table[normalised(spelling)] = column.key }
        }
        for domain in domains {
            let headers = competencyHeaders(domain)
            for spelling in [headers.indonesian, headers.english, "competency.\(domain)", "kompetensi_\(domain)"] {
                table[normalised(spelling)] = "competency.\(domain)"
            }
        }
        return table
    }
}

extension RosterFormat {
    /// The ids of the default domains, for a template made without a scenario.
    public static var defaultDomainIDs: [String] {
        if case .object(let members) = ScenarioFormat.defaultDomains { return members.map(\.key) }
        return []
    }

    /// The header row of a roster in `language` (`id` or `en`), with a competency column per domain.
    public static func headers(indonesian: Bool, domains: [String]) -> [String] {
        columns.map { indonesian ? $0.indonesian : $0.english }
            + domains.map { indonesian ? competencyHeaders($0).indonesian : competencyHeaders($0).english }
    }
}
