/// The records a region keeps, each kind recognised by its columns (docs/history.md): a file is
/// of the kind whose required columns its header holds, so a planner names a folder and the
/// files in it need no naming convention.
public enum HistoryKind: String, CaseIterable, Sendable {
    /// Course history: SIASN riwayat kursus, or a training centre's or LMS's export.
    case courses
    /// SKM results per unit and period (PermenPAN-RB 14/2017).
    case skm
    /// Queue-machine logs: one row per ticket.
    case queue
    /// Budget realisation (DPA/SIPD): ceiling and realised per year and activity.
    case budget
    /// Headcount by year and status, with exits by cause where present.
    case headcount

    /// A column: its key, the header spellings accepted (matched after ``RosterFormat/normalised(_:)``),
    /// whether the kind needs it, and what it holds.
    public struct Column: Sendable {
        public var key: String
        public var spellings: [String]
        public var required: Bool
        public var doc: String
    }

    public var columns: [Column] {
        func c(_ key: String, _ spellings: [String], required: Bool = false, _ doc: String) -> Column {
            Column(key: key, spellings: spellings, required: required, doc: doc)
        }
        switch self {
        case .courses:
            return [
                c(
                    "nip", ["nip", "nip baru", "nipbaru", "nip pns"], required: true,
                    "the person's 18-digit NIP or NI PPPK (joined in memory, never written)"),
                c("jp", ["jp", "jumlah jam", "jumlahjam", "jumlah jp", "jam pelajaran"], required: true, "lesson hours credited (JP)"),
                c(
                    "course", ["nama kursus", "namakursus", "nama diklat", "kursus", "course", "pelatihan"],
                    "the course's name (Latsar is recognised by it)"),
                c(
                    "kind", ["jenis kursus nama", "jeniskursusnama", "jenis diklat", "jenis kursus"],
                    "the course's type (Latsar is recognised by it too)"),
                c("year", ["tahun kursus", "tahunkursus", "tahun", "year"], "the year, when there is no date"),
                c("start", ["tanggal kursus", "tanggalkursus", "tanggal mulai", "start"], "first day"),
                c(
                    "end", ["tanggal selesai kursus", "tanggalselesaikursus", "tanggal selesai", "end"],
                    "last day: the JP count in its year"),
                c("provider", ["institusi penyelenggara", "institusipenyelenggara", "penyelenggara", "provider"], "who ran it"),
            ]
        case .skm:
            return [
                c(
                    "unit", ["unit", "unit layanan", "unit kerja", "opd", "perangkat daerah"], required: true,
                    "the unit: its id, its name, or a name rosterMapping.units maps"),
                c(
                    "period", ["periode", "period", "tahun", "year", "semester"], required: true,
                    "the period; its year is the first four-digit number in it"),
                c("index", ["ikm", "nilai ikm", "indeks", "index", "skm"], required: true, "the index, 25–100"),
                c("respondents", ["responden", "jumlah responden", "respondents"], "respondents (weights the year's mean; 1 when absent)"),
            ] + (1...9).map { c("u\($0)", ["u\($0)", "unsur \($0)"], "element U\($0), 1–4") }
        case .queue:
            return [
                c(
                    "counter", ["loket", "counter", "unit", "layanan", "unit layanan"], required: true,
                    "the unit whose counter issued the ticket"),
                c("date", ["tanggal", "date", "tanggal antrian"], required: true, "the day"),
                c(
                    "issued", ["waktu ambil", "issued", "jam ambil", "ambil", "waktu ambil nomor"], required: true,
                    "time of day the number was taken"),
                c(
                    "called", ["waktu panggil", "called", "jam panggil", "panggil"], required: true,
                    "time called to the counter (empty: never called)"),
                c("finished", ["waktu selesai", "finished", "jam selesai", "selesai"], "time service ended"),
                c("status", ["status", "keterangan"], "served, or a word for a number not served (batal, tidak hadir, skip, abandoned)"),
                c("ticket", ["ticket", "nomor", "nomor antrian", "no antrian"], "the number (not read)"),
            ]
        case .budget:
            return [
                c("year", ["tahun", "year", "tahun anggaran"], required: true, "the fiscal year"),
                c("ceiling", ["pagu", "ceiling", "anggaran", "pagu anggaran"], required: true, "the ceiling (Rupiah)"),
                c("realised", ["realisasi", "realised", "realized", "realisasi anggaran"], required: true, "spent (Rupiah)"),
                c("activity", ["kegiatan", "sub kegiatan", "subkegiatan", "activity", "program"], "the (sub-)activity"),
            ]
        case .headcount:
            return [
                c("year", ["tahun", "year"], required: true, "the year (headcount at its end)"),
                c("headcount", ["jumlah", "headcount", "jumlah pegawai", "jumlah asn"], required: true, "people at the year's end"),
                c("status", ["status", "status kepegawaian", "jenis pegawai"], "PNS, CPNS or PPPK (absent: everyone)"),
                c("retirements", ["pensiun", "retirements", "bup"], "retirements in the year"),
                c(
                    "otherExits", ["keluar lainnya", "other exits", "berhenti", "keluar"],
                    "other exits in the year (death, resignation, dismissal, transfer out)"),
                c("hires", ["pengangkatan", "hires", "formasi", "masuk"], "CPNS and PPPK appointed in the year"),
            ]
        }
    }

    /// The kind whose required columns `header` holds (the one matching most columns when two
    /// would), with each header position's column key; `nil` when none.
    static func recognise(_ header: [String]) -> (kind: HistoryKind, keys: [String?])? {
        let normalised = header.map(RosterFormat.normalised)
        var best: (kind: HistoryKind, keys: [String?], matched: Int)?
        for kind in allCases {
            var keys = [String?](repeating: nil, count: header.count)
            for column in kind.columns {
                let spellings = Set(column.spellings.map(RosterFormat.normalised))
                if let k = normalised.indices.first(where: { keys[$0] == nil && spellings.contains(normalised[$0]) }) {
                    keys[k] = column.key
                }
            }
            let present = Set(keys.compactMap { $0 })
            guard kind.columns.filter(\.required).allSatisfy({ present.contains($0.key) }) else { continue }
            if best == nil || present.count > best!.matched { best = (kind, keys, present.count) }
        }
        return best.map { ($0.kind, $0.keys) }
    }

    /// What each kind needs, for the error on a file that is none of them.
    static var requiredColumnsText: String {
        allCases.map { kind in
            "\(kind.rawValue) (\(kind.columns.filter(\.required).map { "'\($0.spellings[0])'" }.joined(separator: ", ")))"
        }
        .joined(separator: "; ")
    }
}
