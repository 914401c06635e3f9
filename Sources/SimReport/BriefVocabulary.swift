import SimWorkforce

/// A series as the brief shows it: its key and definition (whose label names it on axes and in
/// tables), a phrase for sentences, a short column heading, and how its numbers are shown.
struct BriefMetric {
    let key: MetricKey
    let definition: MetricDefinition
    let quantity: Quantity
    let phrase: LocalizedText
    /// A table column's heading.
    let short: LocalizedText
    /// What follows a difference in a sentence: "+243 *PNS mencapai 20 JP*".
    var gainWords: LocalizedText

    init(_ metric: Metric, _ quantity: Quantity, phrase: (String, String), short: (String, String)) {
        self.init(metric.definition, quantity, phrase: phrase, short: short)
    }

    init(_ definition: MetricDefinition, _ quantity: Quantity, phrase: (String, String), short: (String, String)) {
        key = definition.key
        self.definition = definition
        self.quantity = quantity
        self.phrase = LocalizedText(indonesian: phrase.0, english: phrase.1)
        self.short = LocalizedText(indonesian: short.0, english: short.1)
        gainWords = self.phrase
    }

    /// A metric a scenario names as its outcome (`brief.outcome`): one of the brief's own, or
    /// any region metric, shown by its label.
    init(outcome metric: Metric) {
        if let known = ([Self.pns20, .staffAtStandard] + Self.headline).first(where: { $0.key == .region(metric) }) {
            self = known
            return
        }
        let definition = metric.definition
        let quantity: Quantity
        switch definition.unit {
        case "share": quantity = .share
        case "Rupiah": quantity = .rupiah
        case "minutes": quantity = .minutes
        case "people": quantity = .count
        default: quantity = definition.unit.hasPrefix("index") ? .index : .plain
        }
        let label = definition.label
        self.init(
            definition, quantity, phrase: (label.text(in: .id), label.text(in: .en)), short: (label.text(in: .id), label.text(in: .en)))
    }

    func saying(_ gain: (String, String)) -> BriefMetric {
        var metric = self
        metric.gainWords = LocalizedText(indonesian: gain.0, english: gain.1)
        return metric
    }

    /// The series' id, for the `data-metric` of figures.
    var id: String { key.id }
    var label: LocalizedText { definition.label }

    static let competency = BriefMetric(
        .competencyMean, .level, phrase: ("rata-rata kompetensi ASN", "mean ASN competency"),
        short: ("Kompetensi (1–5)", "Competency (1–5)"))
    static let jp20 = BriefMetric(
        .jpShareReaching20, .share, phrase: ("porsi PNS yang mencapai 20 JP", "the share of PNS reaching 20 JP"),
        short: ("PNS ≥ 20 JP", "PNS ≥ 20 JP"))
    static let ikm = BriefMetric(.serviceIKM, .index, phrase: ("IKM", "the IKM (citizen satisfaction)"), short: ("IKM", "IKM"))
        .saying(("poin IKM", "IKM points"))
    /// People, for page 1: differences in PNS and ASN, not in shares times a headcount.
    static let pns20 = BriefMetric(
        .pnsReaching20, .count, phrase: ("PNS yang mencapai 20 JP", "PNS reaching 20 JP"),
        short: ("PNS ≥ 20 JP (orang)", "PNS ≥ 20 JP (people)")
    ).saying(("PNS mencapai 20 JP", "PNS reaching 20 JP"))
    static let staffAtStandard = BriefMetric(
        .staffAtStandard, .count, phrase: ("jumlah ASN yang memenuhi standar kompetensi", "the number of ASN at the competency standard"),
        short: ("ASN memenuhi standar (orang)", "ASN at standard (people)")
    ).saying(("ASN memenuhi standar kompetensi", "ASN at the competency standard"))
    static let atStandard = BriefMetric(
        .competencyShareAtStandard, .share,
        phrase: ("porsi pegawai yang memenuhi standar kompetensi", "the share of staff at the competency standard"),
        short: ("Memenuhi standar", "At standard"))
    static let wait = BriefMetric(
        .serviceWaitMean, .minutes, phrase: ("rata-rata waktu tunggu di loket", "the mean wait at the counter"),
        short: ("Waktu tunggu", "Wait"))
    static let spent = BriefMetric(
        .budgetSpentRupiah, .rupiah, phrase: ("anggaran terpakai", "the budget spent"),
        short: ("Anggaran terpakai", "Budget spent"))

    /// The metrics the brief reports, in order. The first three answer most questions. Each is
    /// in people, percentage points, IKM points, minutes or Rupiah: a reader cannot weigh a
    /// competency level's third decimal, so mean competency stays in the CSVs (issue 35).
    static let headline: [BriefMetric] = [staffAtStandard, jp20, ikm, wait, spent]

    /// The three metrics every answer reports.
    static let answered = Array(headline.prefix(3))

    /// The metrics on which a what-if can be called best or worst: outcomes with a direction.
    /// Money is left out: spending less always "wins" on spending.
    static let ranked = Array(headline.prefix(4))

    /// The brief's metric a scenario or a study names by its id (an optimise objective, a
    /// sensitivity outcome), if it is one.
    static func named(_ id: String) -> BriefMetric? { (headline + [competency, atStandard, pns20]).first { $0.id == id } }
}

/// The fixed words of the brief in both languages.
enum BriefWords {
    /// A delivery mode's name; `id` is validated against ``Mode`` when the scenario is read.
    static func mode(_ id: String, _ language: Language) -> String {
        guard let mode = Mode(id: id) else { return id }
        return mode.words.text(in: language)
    }

    static func month(_ index: Int, _ language: Language) -> String {
        let id = [
            "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember",
        ]
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

extension Mode {
    /// The mode's name in reports: one case per mode, so a new mode without a name does not compile.
    var words: LocalizedText {
        switch self {
        case .classroom: LocalizedText(indonesian: "kelas (klasikal)", english: "classroom")
        case .workshop: LocalizedText(indonesian: "lokakarya", english: "workshop")
        case .simulation: LocalizedText(indonesian: "simulasi interaktif", english: "interactive simulation")
        case .elearning: LocalizedText("e-learning")
        case .elearningPractice: LocalizedText(indonesian: "e-learning dengan praktik", english: "e-learning with practice")
        case .blended: LocalizedText(indonesian: "blended (kelas dan daring)", english: "blended")
        case .coaching: LocalizedText("coaching")
        }
    }
}
