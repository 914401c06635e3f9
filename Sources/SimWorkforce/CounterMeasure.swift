/// What each service counter did in a month (services.csv). A region reports only its own
/// counters; a month with nothing to measure is undefined (empty).
public enum CounterMeasure: Int, CaseIterable, Sendable {
    /// Per-request waits are recorded in 1-minute bins up to this many minutes, the last bin
    /// holding every longer wait: a 90th percentile there is a lower bound, not a measurement.
    public static let recordedWaitMinutes = 600
    /// Calendar days around 1 Syawal whose arrivals make up `wait_minutes.lebaran`: the rush
    /// before mudik and the arrivals after it (arus balik), the span of the bundled Dukcapil
    /// peak and of the protect-counters what-if. Wider than the named period `lebaran` (7 and 7),
    /// which left out the two weeks after in which a protected counter's waits are saved.
    public static let lebaranWaitDays = (before: 7, after: 21)

    case requests, waitMean, waitP90, utilisation, firstContactResolution, complaints, ikm, lebaranWaitMean, staffDaysTraining
    case offeredLoad
    case abandoned, returned, abandonedShare, turnedAway
    /// The modelled SKM elements, in ``SKMElement/modelled``'s order.
    case skmCompletionTime, skmProduct, skmCompetence, skmBehaviour, skmComplaintHandling
    /// The back office (``BackOfficeParameters``): empty at a counter without one.
    case daysToCompletion, withinStandard, backOfficeBacklog

    /// The SKM element a measure reports, if it is one.
    public var skmElement: SKMElement? {
        switch self {
        case .skmCompletionTime: return .completionTime
        case .skmProduct: return .product
        case .skmCompetence: return .competence
        case .skmBehaviour: return .behaviour
        case .skmComplaintHandling: return .complaintHandling
        default: return nil
        }
    }

    public var name: String { declaration.name }

    typealias Declaration = (
        name: String, unit: String, label: (String, String), description: String, summary: HorizonSummary, higherIsBetter: Bool?
    )

    // swift-format-ignore
    var declaration: Declaration {
        switch self {
        case .requests: return ("requests", "requests", ("Permohonan", "Requests"), "citizen requests arriving at the counter", .total, nil)
        case .waitMean: return ("wait_minutes.mean", "minutes", ("Waktu tunggu (menit)", "Wait (minutes)"), "mean wait before service", .lastYearMean, false)
        case .waitP90: return ("wait_minutes.p90", "minutes", ("Waktu tunggu persentil ke-90 (menit)", "90th percentile wait (minutes)"), "90th percentile of the wait", .lastYearMean, false)
        case .utilisation: return ("utilisation", "share", ("Keterpakaian petugas", "Staff utilisation"), "busy share of counter staff time", .lastYearMean, nil)
        case .firstContactResolution: return ("first_contact_resolution", "share", ("Selesai pada kunjungan pertama", "Resolved at first contact"), "share of requests resolved at first contact", .lastYearMean, true)
        case .complaints: return ("complaints", "complaints", ("Pengaduan", "Complaints"), "complaints filed about the counter", .total, false)
        case .ikm: return ("ikm", "index (25-100)", ("IKM loket", "Counter IKM"), "Indeks Kepuasan Masyarakat of the counter", .lastYearMean, true)
        case .lebaranWaitMean: return ("wait_minutes.lebaran", "minutes", ("Tunggu sekitar Lebaran (menit)", "Wait around Lebaran (minutes)"), "mean wait of requests arriving from \(Self.lebaranWaitDays.before) days before Idul Fitri to \(Self.lebaranWaitDays.after) after (the same window in every scenario, so differences pair); months without one are empty", .lastYearMean, false)
        case .offeredLoad: return ("offered_load", "ratio", ("Beban permintaan ÷ kapasitas", "Demand ÷ capacity"), "the month's requests × mean handling minutes ÷ the minutes the counter's staff were at the counter: 1 or more means demand exceeds capacity and the queue grows without bound", .lastYearMean, false)
        case .abandoned: return ("abandoned", "visits", ("Pulang sebelum dilayani", "Gave up waiting"), "visits that ended with the citizen giving up before service", .total, false)
        case .returned: return ("returned", "visits", ("Datang kembali", "Came back"), "visits of citizens coming back after giving up on an earlier day (not counted in requests)", .total, nil)
        case .abandonedShare: return ("abandoned_share", "share", ("Bagian yang pulang sebelum dilayani", "Share who gave up"), "visits that ended with the citizen giving up ÷ visits that ended (served or given up)", .lastYearMean, false)
        case .turnedAway: return ("turned_away", "visits", ("Ditolak (kuota habis atau loket tutup)", "Turned away (quota gone or closed)"), "visits refused a queue number because the day's quota was gone, or sent home at closing", .total, false)
        case .skmCompletionTime, .skmProduct, .skmCompetence, .skmBehaviour, .skmComplaintHandling: return skmDeclaration
        case .daysToCompletion: return ("days_to_completion", "working days", ("Hari kerja sampai selesai", "Working days to completion"), "mean working days from the counter visit to the back office's completion, over the requests it completed in the month (1: the next working day); empty without a back office", .lastYearMean, false)
        case .withinStandard: return ("within_standard", "share", ("Selesai sesuai standar pelayanan", "Completed within the service standard"), "share of the requests the back office completed in the month within the unit's standard days (backOffice.standardDays)", .lastYearMean, true)
        case .backOfficeBacklog: return ("back_office_backlog", "requests", ("Tunggakan back office", "Back-office backlog"), "requests served at the counter still awaiting back-office work at the month's end", .lastYearMean, false)
        case .staffDaysTraining: return ("staff_days_training", "staff-days", ("Hari-orang untuk pelatihan", "Staff-days at training"), "working days of the counter unit's staff taken by training: away at sessions, and the share of the day of on-duty training (e-learning, coaching, Latsar's workplace part)", .total, nil)
        }
    }

    /// A modelled SKM element: its mean score over the requests served, which the counter's IKM
    /// averages with the held elements.
    private var skmDeclaration: Declaration {
        let element = skmElement!
        let name = element.label.en.lowercased().replacingOccurrences(of: " ", with: "_")
        return (
            "skm.\(element.code.lowercased())_\(name)", "score (1-4)",
            ("SKM \(element.code) \(element.label.id.lowercased()) (1–4)", "SKM \(element.code) \(element.label.en.lowercased()) (1–4)"),
            "mean score (1–4) of SKM element \(element.code), from \(element.modelledFrom!)", .lastYearMean, true
        )
    }

    public func definition(unit: String) -> MetricDefinition {
        let d = declaration
        return MetricDefinition(
            .counter(self, unit: unit), d.unit, d.description, label: LocalizedText(indonesian: d.label.0, english: d.label.1),
            summary: d.summary, higherIsBetter: d.higherIsBetter)
    }
}

/// What a counter with an office's day reports per clock hour of arrival (services-hourly.csv):
/// the queue numbers taken, and the mean and 90th-percentile wait of those served, by the hour
/// they came.
public enum HourMeasure: Int, CaseIterable, Sendable {
    case numbersTaken, waitMean, waitP90

    public var name: String { ["numbers_taken", "wait_minutes.mean", "wait_minutes.p90"][rawValue] }

    public func definition(unit: String, hour: Int) -> MetricDefinition {
        let clock = hour < 10 ? "0\(hour):00" : "\(hour):00"
        switch self {
        case .numbersTaken:
            return MetricDefinition(
                .counterHour(self, unit: unit, hour: hour), "visits",
                "visits that took a queue number in the hour from \(clock) (comebacks included, those refused by the quota not)",
                label: LocalizedText(indonesian: "Nomor antrean diambil, jam \(clock)", english: "Queue numbers taken, \(clock)"),
                summary: .total)
        case .waitMean:
            return MetricDefinition(
                .counterHour(self, unit: unit, hour: hour), "minutes",
                "mean wait of the citizens served who came in the hour from \(clock)",
                label: LocalizedText(indonesian: "Waktu tunggu (menit), datang jam \(clock)", english: "Wait (minutes), arriving \(clock)"),
                summary: .lastYearMean, higherIsBetter: false)
        case .waitP90:
            return MetricDefinition(
                .counterHour(self, unit: unit, hour: hour), "minutes",
                "90th-percentile wait of the citizens served who came in the hour from \(clock) (1-minute bins; analytic fidelity: the fluid day's, by served)",
                label: LocalizedText(
                    indonesian: "Waktu tunggu persentil 90 (menit), datang jam \(clock)",
                    english: "Wait, 90th percentile (minutes), arriving \(clock)"),
                summary: .lastYearMean, higherIsBetter: false)
        }
    }
}

extension ServiceChannelParameters {
    /// The clock hours a counter reports by (those of its numbers window); none on a continuous day.
    public var reportedHours: Range<Int> {
        guard day.isOffice else { return 0..<0 }
        let from = Int(day.numbersFromHour.rounded(.down))
        return from..<max(from, Int(day.numbersUntilHour.rounded(.up)))
    }
}
