import SimWorkforce

/// A metric as the brief names it: a short label for axes and tables, a phrase for sentences,
/// and how its numbers are shown.
struct BriefMetric {
    let id: String
    let quantity: Quantity
    let label: LocalizedText
    let phrase: LocalizedText
    /// A table column's heading.
    let short: LocalizedText

    init(_ id: String, _ quantity: Quantity, label: (String, String), phrase: (String, String), short: (String, String)) {
        self.short = LocalizedText(indonesian: short.0, english: short.1)
        self.id = id
        self.quantity = quantity
        self.label = LocalizedText(indonesian: label.0, english: label.1)
        self.phrase = LocalizedText(indonesian: phrase.0, english: phrase.1)
    }

    /// The metrics the brief reports, in order. The first three answer most questions.
    static let headline: [BriefMetric] = [
        BriefMetric("competency.mean", .level, label: ("Rata-rata kompetensi (level 1–5)", "Mean competency (level 1–5)"),
                    phrase: ("rata-rata kompetensi ASN", "mean ASN competency"),
                    short: ("Kompetensi (1–5)", "Competency (1–5)")),
        BriefMetric("jp.share_reaching_20", .share, label: ("PNS yang mencapai 20 JP setahun", "PNS reaching 20 JP a year"),
                    phrase: ("porsi PNS yang mencapai 20 JP", "the share of PNS reaching 20 JP"),
                    short: ("PNS ≥ 20 JP", "PNS ≥ 20 JP")),
        BriefMetric("service.ikm", .index, label: ("IKM (indeks kepuasan masyarakat, 25–100)", "IKM (citizen satisfaction index, 25–100)"),
                    phrase: ("IKM", "the IKM (citizen satisfaction)"),
                    short: ("IKM", "IKM")),
        BriefMetric("competency.share_at_standard", .share, label: ("Pegawai yang memenuhi standar kompetensi", "Staff at the competency standard"),
                    phrase: ("porsi pegawai yang memenuhi standar kompetensi", "the share of staff at the competency standard"),
                    short: ("Memenuhi standar", "At standard")),
        BriefMetric("service.wait_minutes.mean", .minutes, label: ("Rata-rata waktu tunggu di loket (menit)", "Mean wait at the counter (minutes)"),
                    phrase: ("rata-rata waktu tunggu di loket", "the mean wait at the counter"),
                    short: ("Waktu tunggu", "Wait")),
        BriefMetric("budget.spent_rupiah", .rupiah, label: ("Anggaran terpakai (Rp)", "Budget spent (Rp)"),
                    phrase: ("anggaran terpakai", "the budget spent"),
                    short: ("Anggaran terpakai", "Budget spent")),
    ]

    /// The three metrics every answer reports.
    static let answered = Array(headline.prefix(3))

    /// The metrics on which a what-if can be called best or worst: outcomes with a direction.
    /// Money is left out: spending less always "wins" on spending.
    static let ranked = Array(headline.prefix(5))

    static func named(_ id: String) -> BriefMetric? { headline.first { $0.id == id } }
}

/// The fixed words of the brief in both languages.
enum BriefWords {
    static func mode(_ id: String, _ language: Language) -> String {
        let names: [String: (String, String)] = [
            "classroom": ("kelas (klasikal)", "classroom"), "workshop": ("lokakarya", "workshop"),
            "simulation": ("simulasi interaktif", "interactive simulation"), "elearning": ("e-learning", "e-learning"),
            "elearningPractice": ("e-learning dengan praktik", "e-learning with practice"),
            "blended": ("blended (kelas dan daring)", "blended"), "coaching": ("coaching", "coaching"),
        ]
        guard let name = names[id] else { return id }
        return language == .id ? name.0 : name.1
    }

    static func month(_ index: Int, _ language: Language) -> String {
        let id = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"]
        let en = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return (language == .id ? id : en)[((index % 12) + 12) % 12]
    }

    /// When a metric's horizon value holds: the end of the last year, its mean, or the total.
    static func when(_ summary: HorizonSummary, firstYear: Int, lastYear: Int, _ language: Language) -> String {
        switch (summary, language) {
        case (.lastMonth, .id): return "akhir \(lastYear)"
        case (.lastMonth, .en): return "end of \(lastYear)"
        case (.lastYearMean, .id): return "rata-rata \(lastYear)"
        case (.lastYearMean, .en): return "\(lastYear) average"
        case (.total, .id): return firstYear == lastYear ? "total \(lastYear)" : "total \(firstYear)–\(lastYear)"
        case (.total, .en): return firstYear == lastYear ? "\(lastYear) total" : "\(firstYear)–\(lastYear) total"
        }
    }
}
