/// How a monthly series is summarised at the horizon (for `summary.csv`).
public enum HorizonSummary: Vocabulary {
    /// The value in the last month (levels, shares, headcount).
    case lastMonth
    /// The total over the whole run (money, counts).
    case total
    /// The mean over the last 12 months (flows such as waits, IKM).
    case lastYearMean
}

/// One output series: what it measures (its ``MetricKey``), its unit, how a year of it is read,
/// whether higher is better, and its name in both languages (documented in docs/outputs.md).
///
/// Two definitions are equal when their keys are: the key is the series' identity.
public struct MetricDefinition: Sendable, Equatable {
    public var key: MetricKey
    public var unit: String
    public var description: String
    /// The name a reader sees (the workbook, the brief's tables), in Indonesian and English.
    public var label: LocalizedText
    public var summary: HorizonSummary
    /// Whether a higher value is better, for rankings (`nil`: neither).
    public var higherIsBetter: Bool?

    public init(
        _ key: MetricKey, _ unit: String, _ description: String, label: LocalizedText, summary: HorizonSummary = .lastMonth,
        higherIsBetter: Bool? = nil
    ) {
        self.key = key
        self.unit = unit
        self.description = description
        self.label = label
        self.summary = summary
        self.higherIsBetter = higherIsBetter
    }

    /// The stable dotted id of the CSVs (`competency.mean`, `counter.dukcapil.wait_minutes.mean`).
    public var id: String { key.id }

    public static func == (a: MetricDefinition, b: MetricDefinition) -> Bool { a.key == b.key }

    /// Reported in the region-level tables (summary, timeseries, yearly, sweep); a programme's
    /// measures go to programmes.csv, a counter's to services.csv.
    public var isRegionLevel: Bool { key.isRegionLevel }
}

/// What a series measures and where it applies: a region-wide metric, one domain's, one
/// programme's or one service counter's. Results are paired and looked up by this key (with the
/// region's id), never by position or by parsing an id back.
public enum MetricKey: Hashable, Sendable {
    case region(Metric)
    case domain(DomainMeasure, domain: String)
    case programme(ProgrammeMeasure, programme: String)
    case counter(CounterMeasure, unit: String)
    case counterHour(HourMeasure, unit: String, hour: Int)

    /// The dotted id written in the CSVs.
    public var id: String {
        switch self {
        case .region(let metric): return metric.id
        case .domain(let measure, let domain): return "competency.\(domain)" + measure.suffix
        case .programme(let measure, let programme): return "programme.\(programme).\(measure.name)"
        case .counter(let measure, let unit): return "counter.\(unit).\(measure.name)"
        case .counterHour(let measure, let unit, let hour): return "counter.\(unit).hour_\(hour).\(measure.name)"
        }
    }

    /// The key as words: scope, measure and subject (`["counter", "requests", "dukcapil"]`;
    /// a region-wide metric has no subject: `["region", "competency.mean"]`). Files that carry
    /// keys (shards, sensitivity shards) write these, never an id to be parsed back.
    public var parts: [String] {
        switch self {
        case .region(let metric): return ["region", metric.id]
        case .domain(let measure, let domain): return ["domain", measure.name, domain]
        case .programme(let measure, let programme): return ["programme", measure.name, programme]
        case .counter(let measure, let unit): return ["counter", measure.name, unit]
        case .counterHour(let measure, let unit, let hour): return ["counterHour", measure.name, unit, "\(hour)"]
        }
    }

    /// The key written as ``parts``, or `nil` when the words name none this build knows.
    public init?(parts: [String]) {
        switch (parts.first, parts.count) {
        case ("region", 2):
            guard let metric = Metric.allCases.first(where: { $0.id == parts[1] }) else { return nil }
            self = .region(metric)
        case ("domain", 3):
            guard let measure = DomainMeasure.allCases.first(where: { $0.name == parts[1] }) else { return nil }
            self = .domain(measure, domain: parts[2])
        case ("programme", 3):
            guard let measure = ProgrammeMeasure.allCases.first(where: { $0.name == parts[1] }) else { return nil }
            self = .programme(measure, programme: parts[2])
        case ("counter", 3):
            guard let measure = CounterMeasure.allCases.first(where: { $0.name == parts[1] }) else { return nil }
            self = .counter(measure, unit: parts[2])
        case ("counterHour", 4):
            guard let measure = HourMeasure.allCases.first(where: { $0.name == parts[1] }), let hour = Int(parts[3]) else { return nil }
            self = .counterHour(measure, unit: parts[2], hour: hour)
        default: return nil
        }
    }

    /// Region-wide and per-domain series; programme and counter series have tables of their own.
    public var isRegionLevel: Bool {
        switch self {
        case .region, .domain: return true
        case .programme, .counter, .counterHour: return false
        }
    }

    /// The key whose id is `id` among region-wide and per-domain metrics of a scenario with these
    /// domains: how a scenario names a metric (an optimise objective, a sensitivity outcome).
    public static func regionLevel(id: String, domains: [String]) -> MetricKey? {
        if let metric = Metric.allCases.first(where: { $0.id == id }) { return .region(metric) }
        for domain in domains {
            for measure in DomainMeasure.allCases where "competency.\(domain)" + measure.suffix == id {
                return .domain(measure, domain: domain)
            }
        }
        return nil
    }
}

/// The fixed metrics every region reports, in output order; per-domain, per-programme and
/// per-counter series follow them (``RegionCatalogue``). Each case's id, unit, summary,
/// direction, description and names are declared once, in ``definition``.
public enum Metric: Int, CaseIterable, Sendable {
    case competencyMean, competencyShareAtStandard, competencyGapMean, staffAtStandard
    case jpMean, jpMedian, jpShareReaching20, jpShareWithNone, pnsReaching20, jpShareExternal
    case jpShareReaching20WithoutMandated, jpShareReaching20WithoutExternal
    case ipASNProxy
    case invited, accepted, completed, droppedOut, cutForMoney
    case staffDaysOffDuty
    case budgetSpentRupiah, budgetUnspentRupiah, budgetOutsideRupiah, costPerCompetencyPointRupiah
    case motivationMean
    case headcount, pnsHeadcount, retirements, otherExits, hires, intakeCPNS, intakePPPK, retirementRate, age51PlusShare
    case latsarStarted, latsarCompleted, latsarOverdue, budgetMandatoryRupiah
    case structuralPosts, promotions, vacanciesUnfilled, promotionTrainingOwed
    case serviceRequests, serviceWaitMean, serviceWaitP90, serviceHandlingMean, serviceFCR
    case serviceComplaints, serviceComplaintResolutionDays, serviceIKM, serviceUtilisation
    case serviceAbandoned, serviceAbandonedShare, serviceTurnedAway
    case projectsCompleted, projectsOnTimeShare, projectsMeanDelayMonths, projectsMeanOverrunShare, projectsOverrunRupiah
    case trainingGainLevels

    public var id: String { declaration.id }

    public var definition: MetricDefinition {
        let d = declaration
        return MetricDefinition(
            .region(self), d.unit, d.description, label: LocalizedText(indonesian: d.label.0, english: d.label.1),
            summary: d.summary, higherIsBetter: d.higherIsBetter)
    }

    typealias Declaration = (
        id: String, unit: String, label: (String, String), description: String, summary: HorizonSummary, higherIsBetter: Bool?
    )

    // The table: one line per metric.
    // swift-format-ignore
    var declaration: Declaration {
        switch self {
        case .competencyMean: return ("competency.mean", "level (1-5)", ("Rata-rata kompetensi (level 1–5)", "Mean competency (level 1–5)"), "mean applied competency over employees and domains", .lastMonth, true)
        case .competencyShareAtStandard: return ("competency.share_at_standard", "share", ("Pegawai yang memenuhi standar kompetensi", "Staff at the competency standard"), "share of employee-domain pairs at or above the required level, among pairs that require more than level 1 (everyone meets level 1, the floor of the scale)", .lastMonth, true)
        case .competencyGapMean: return ("competency.gap_mean", "level", ("Rata-rata kekurangan dari standar (level)", "Mean shortfall below the standard (levels)"), "mean shortfall below the required level (0 when met)", .lastMonth, false)
        case .staffAtStandard: return ("competency.staff_at_standard", "people", ("ASN yang memenuhi standar kompetensi", "ASN at the competency standard"), "active ASN whose applied competency meets what their post requires in every domain where it requires more than level 1, at month end (a post that requires only level 1 is met by everyone)", .lastMonth, true)
        case .jpMean: return ("jp.mean", "JP", ("Rata-rata JP per pegawai", "Mean JP per employee"), "mean JP credited per employee in the fiscal year so far", .lastMonth, true)
        case .jpShareReaching20: return ("jp.share_reaching_20", "share", ("PNS yang mencapai 20 JP setahun", "PNS reaching 20 JP a year"), "share of PNS with at least 20 JP in the fiscal year so far", .lastMonth, true)
        case .jpShareWithNone: return ("jp.share_with_none", "share", ("PNS tanpa JP", "PNS with no JP"), "share of PNS with no JP credited in the fiscal year so far", .lastMonth, false)
        case .pnsReaching20: return ("jp.pns_reaching_20", "people", ("PNS yang mencapai 20 JP (orang)", "PNS reaching 20 JP (people)"), "PNS with at least 20 JP in the fiscal year so far, at month end: the people behind jp.share_reaching_20", .lastMonth, true)
        case .jpShareExternal:
            return (
                "jp.share_external", "share", ("Bagian JP PNS dari luar anggaran daerah", "Share of PNS JP from outside the budget"),
                "share of the JP credited to PNS in the fiscal year so far that came from learning outside the region's budget (externalLearning: MOOCs, webinars, sector platforms)",
                .lastMonth, nil
            )
        case .jpMedian: return ("jp.median", "JP", ("Median JP PNS", "Median JP of PNS"), "median JP credited to PNS in the fiscal year so far (each counted in whole JP, rounded down): half of PNS have at most this", .lastMonth, true)
        case .jpShareReaching20WithoutMandated:
            return (
                "jp.share_reaching_20_without_latsar", "share", ("PNS mencapai 20 JP tanpa Latsar dan pelatihan wajib", "PNS reaching 20 JP without Latsar and mandated training"),
                "share of PNS with at least 20 JP in the fiscal year so far not counting the JP of mandated programmes (Latsar; PKP and PKA where mandated on promotion)",
                .lastMonth, true
            )
        case .jpShareReaching20WithoutExternal:
            return (
                "jp.share_reaching_20_without_external", "share", ("PNS mencapai 20 JP dari anggaran daerah saja", "PNS reaching 20 JP from the budget alone"),
                "share of PNS with at least 20 JP in the fiscal year so far not counting the JP from outside the region's budget (externalLearning): who would reach it with the region's own courses",
                .lastMonth, true
            )
        case .ipASNProxy: return ("ip_asn.proxy", "index (0-100)", ("Proksi IP ASN (0–100)", "IP ASN proxy (0–100)"), "IP ASN proxy: qualification 25, competency 40, performance 30, discipline 5 (a proxy, not BKN's measurement)", .lastMonth, true)
        case .invited: return ("participation.invited", "people", ("Undangan pelatihan", "Training invitations"), "invitations sent in the month", .total, nil)
        case .accepted: return ("participation.accepted", "people", ("Undangan diterima", "Invitations accepted"), "invitations accepted in the month", .total, nil)
        case .completed: return ("participation.completed", "people", ("Peserta lulus pelatihan", "Training completions"), "programme completions in the month", .total, true)
        case .droppedOut: return ("participation.dropped_out", "people", ("Peserta mengundurkan diri", "Attendees who dropped out"), "attendees who dropped out in the month", .total, false)
        case .cutForMoney: return ("participation.cut_for_money", "people", ("Peserta batal karena dana belum cair", "Attendees cut for lack of released money"), "people on a session's list (booked or invited) dropped at its start because the budget released so far could not pay for them, in the month", .total, false)
        case .staffDaysOffDuty: return ("staff_days_off_duty", "staff-days", ("Hari-orang meninggalkan tugas untuk pelatihan", "Staff-days away from duty for training"), "working days of duty lost to training in the month", .total, false)
        case .budgetSpentRupiah: return ("budget.spent_rupiah", "Rupiah", ("Anggaran terpakai (Rp)", "Budget spent (Rp)"), "development budget spent in the month", .total, nil)
        case .budgetUnspentRupiah: return ("budget.unspent_rupiah", "Rupiah", ("Anggaran tidak terpakai (Rp)", "Budget unspent (Rp)"), "budget released this fiscal year and not spent, at month end", .lastMonth, nil)
        case .budgetOutsideRupiah: return ("budget.outside_rupiah", "Rupiah", ("Dibiayai dari luar anggaran daerah (Rp)", "Paid from outside the region's budget (Rp)"), "spent in the month on programmes paid from outside the region's development budget (fundedBy external or unit), not in budget.spent_rupiah", .total, nil)
        case .costPerCompetencyPointRupiah: return ("cost.per_competency_point_rupiah", "Rupiah per level", ("Biaya per level kompetensi (Rp)", "Cost per competency level (Rp)"), "spending so far per competency level gained through training", .lastMonth, false)
        case .motivationMean: return ("motivation.mean", "0-1", ("Rata-rata motivasi (0–1)", "Mean motivation (0–1)"), "mean motivation including award lift", .lastMonth, true)
        case .headcount: return ("workforce.headcount", "people", ("Jumlah ASN", "ASN headcount"), "active ASN at month end", .lastMonth, nil)
        case .pnsHeadcount: return ("workforce.pns", "people", ("PNS (termasuk CPNS)", "PNS (with CPNS)"), "active PNS and CPNS at month end: the people the 20 JP obligation is counted over (workforce.headcount less PPPK)", .lastMonth, nil)
        case .retirements: return ("workforce.retirements", "people", ("Pensiun", "Retirements"), "retirements at BUP in the month", .total, nil)
        case .otherExits: return ("workforce.other_exits", "people", ("Keluar karena sebab lain", "Other exits"), "other exits in the month", .total, nil)
        case .hires: return ("workforce.hires", "people", ("Pengangkatan CPNS/PPPK", "CPNS/PPPK intake"), "CPNS/PPPK intake in the month", .total, nil)
        case .intakeCPNS:
            return (
                "workforce.intake_cpns", "people", ("CPNS dari formasi terjadwal", "CPNS of a dated intake"),
                "CPNS appointed in the month by a dated intake (regions.<r>.intake), beside the replacement of leavers", .total, nil
            )
        case .intakePPPK:
            return (
                "workforce.intake_pppk", "people", ("PPPK dari formasi terjadwal", "PPPK of a dated intake"),
                "PPPK appointed in the month by a dated intake (regions.<r>.intake), part-time PPPK included, beside the replacement of leavers", .total, nil
            )
        case .retirementRate: return ("workforce.retirement_rate", "share per year", ("Laju pensiun per tahun", "Retirement rate per year"), "retirements in the month × 12 ÷ headcount: the yearly rate at this month's pace", .lastYearMean, nil)
        case .age51PlusShare: return ("workforce.age_51_plus_share", "share", ("ASN berusia 51 tahun ke atas", "ASN aged 51 and over"), "share of ASN aged 51 or over at month end", .lastMonth, nil)
        case .latsarStarted: return ("latsar.started", "people", ("CPNS mulai Latsar", "CPNS starting Latsar"), "new CPNS starting a mandated programme (Latsar) in the month", .total, nil)
        case .latsarCompleted: return ("latsar.completed", "people", ("CPNS lulus Latsar", "CPNS completing Latsar"), "new CPNS completing Latsar's on-campus part in the month (the workplace part follows on duty)", .total, true)
        case .latsarOverdue: return ("latsar.overdue", "people", ("CPNS terlambat Latsar", "CPNS overdue for Latsar"), "CPNS past 12 months of service who have not completed Latsar, at month end", .lastMonth, false)
        case .budgetMandatoryRupiah: return ("budget.mandatory_rupiah", "Rupiah", ("Anggaran pelatihan wajib (Rp)", "Mandated training spending (Rp)"), "spent on mandated programmes (Latsar; PKP/PKA where mandated) in the month, funded before discretionary training", .total, nil)
        case .structuralPosts: return ("workforce.structural_posts", "people", ("PNS dalam jabatan struktural", "PNS in structural posts"), "PNS in structural posts (JPT, administrator, pengawas) at month end", .lastMonth, nil)
        case .promotions: return ("workforce.promotions", "people", ("Promosi ke jabatan struktural", "Promotions into structural posts"), "PNS promoted into a vacant structural post (JPT, administrator, pengawas) in the month", .total, nil)
        case .vacanciesUnfilled: return ("workforce.vacancies_unfilled", "posts", ("Jabatan struktural tidak terisi", "Structural vacancies unfilled"), "structural vacancies no eligible PNS on duty could be promoted into, in the month", .total, false)
        case .promotionTrainingOwed: return ("promotion.training_owed", "people", ("PNS berutang pelatihan kepemimpinan", "PNS owing leadership training"), "PNS who owe the programme mandated on promotion to their post (PKP, PKA) and have not completed it, at month end", .lastMonth, false)
        case .serviceRequests: return ("service.requests", "requests", ("Permohonan layanan", "Service requests"), "citizen requests arriving in the month", .total, nil)
        case .serviceWaitMean: return ("service.wait_minutes.mean", "minutes", ("Rata-rata waktu tunggu di loket (menit)", "Mean wait at the counter (minutes)"), "mean wait before service", .lastYearMean, false)
        case .serviceWaitP90: return ("service.wait_minutes.p90", "minutes", ("Waktu tunggu persentil ke-90 (menit)", "90th percentile wait (minutes)"), "90th percentile of the wait (per request; Erlang C quantile when analytic)", .lastYearMean, false)
        case .serviceHandlingMean: return ("service.handling_minutes.mean", "minutes", ("Rata-rata lama pelayanan (menit)", "Mean handling time (minutes)"), "mean handling time", .lastYearMean, false)
        case .serviceFCR: return ("service.first_contact_resolution", "share", ("Selesai pada kunjungan pertama", "Resolved at first contact"), "share of requests resolved at first contact", .lastYearMean, true)
        case .serviceComplaints: return ("service.complaints", "complaints", ("Pengaduan", "Complaints"), "complaints filed in the month", .total, false)
        case .serviceComplaintResolutionDays: return ("service.complaint_resolution_days", "working days", ("Lama penyelesaian pengaduan (hari kerja)", "Complaint resolution time (working days)"), "mean time to resolve a complaint", .lastYearMean, false)
        case .serviceIKM: return ("service.ikm", "index (25-100)", ("IKM (indeks kepuasan masyarakat, 25–100)", "IKM (citizen satisfaction index, 25–100)"), "Indeks Kepuasan Masyarakat (PermenPAN-RB 14/2017 scale)", .lastYearMean, true)
        case .serviceUtilisation: return ("service.utilisation", "share", ("Keterpakaian petugas loket", "Counter staff utilisation"), "busy share of counter staff time", .lastYearMean, nil)
        case .serviceAbandoned: return ("service.abandoned", "visits", ("Warga yang pulang sebelum dilayani", "Citizens who gave up waiting"), "visits that ended with the citizen giving up before service (0 when the counters' patience is none)", .total, false)
        case .serviceTurnedAway: return ("service.turned_away", "visits", ("Warga yang ditolak (kuota habis atau loket tutup)", "Citizens turned away (quota gone or counter closed)"), "visits refused a queue number because the day's quota was gone, or sent home at closing (0 on a continuous day)", .total, false)
        case .serviceAbandonedShare: return ("service.abandoned_share", "share", ("Bagian warga yang pulang sebelum dilayani", "Share who gave up waiting"), "visits that ended with the citizen giving up ÷ visits that ended (served or given up)", .lastYearMean, false)
        case .projectsCompleted: return ("projects.completed", "projects", ("Proyek selesai", "Projects completed"), "projects finished in the month", .total, nil)
        case .projectsOnTimeShare: return ("projects.on_time_share", "share", ("Proyek selesai tepat waktu", "Projects finished on time"), "share of projects finished so far that finished on time", .lastMonth, true)
        case .projectsMeanDelayMonths: return ("projects.mean_delay_months", "months", ("Rata-rata keterlambatan proyek (bulan)", "Mean project delay (months)"), "mean delay of projects finished so far", .lastMonth, false)
        case .projectsMeanOverrunShare: return ("projects.mean_cost_overrun_share", "share of budget", ("Rata-rata pembengkakan biaya proyek", "Mean project cost overrun"), "mean cost overrun of projects finished so far", .lastMonth, false)
        case .projectsOverrunRupiah: return ("projects.cost_overrun_rupiah", "Rupiah", ("Pembengkakan biaya proyek (Rp)", "Project cost overrun (Rp)"), "cost overrun of the projects finished in the month", .total, false)
        case .trainingGainLevels: return ("training.gain_levels", "levels", ("Kompetensi yang dipelajari dari pelatihan (level)", "Competency learned through training (levels)"), "competency levels learned through training in the month (all employees and domains)", .total, true)
        }
    }
}

/// What each domain reports: its mean and the share at its standard.
public enum DomainMeasure: Int, CaseIterable, Sendable {
    case mean, shareAtStandard

    /// What follows `competency.<domain>` in the id.
    var suffix: String { self == .mean ? "" : ".share_at_standard" }
    /// The measure's name in a key's ``MetricKey/parts``.
    public var name: String { self == .mean ? "mean" : "share_at_standard" }

    public func definition(domain: DomainParameters) -> MetricDefinition {
        let key = MetricKey.domain(self, domain: domain.id)
        func named(_ language: Language) -> String {
            let name = domain.name.text(in: language)
            return name.isEmpty ? domain.id : name
        }
        let (id, en) = (named(.id), named(.en))
        switch self {
        case .mean:
            return MetricDefinition(
                key, "level (1-5)", "mean applied competency in \(en)",
                label: LocalizedText(indonesian: "Kompetensi \(id) (level 1–5)", english: "Competency in \(en) (level 1–5)"),
                higherIsBetter: true)
        case .shareAtStandard:
            return MetricDefinition(
                key, "share",
                "share of employees at or above the required level in \(en), among those whose post requires more than level 1",
                label: LocalizedText(indonesian: "Memenuhi standar \(id)", english: "At the standard in \(en)"),
                higherIsBetter: true)
        }
    }
}

/// What each programme did in a month, summed over the year in programmes.csv.
public enum ProgrammeMeasure: Int, CaseIterable, Sendable {
    case invited, completed, jp, spentRupiah, gapClosedLevels

    public var name: String { declaration.name }

    typealias Declaration = (name: String, unit: String, label: (String, String), description: String)

    // swift-format-ignore
    var declaration: Declaration {
        switch self {
        case .invited: return ("invited", "people", ("Diundang", "Invited"), "invitations sent")
        case .completed: return ("completed", "people", ("Selesai", "Completed"), "completions")
        case .jp: return ("jp", "JP", ("JP", "JP"), "JP credited to its completers (a workplace part's when it ends)")
        case .spentRupiah: return ("spent_rupiah", "Rupiah", ("Belanja (Rp)", "Spent (Rp)"), "spent on its sessions")
        case .gapClosedLevels: return ("gap_closed_levels", "levels", ("Kesenjangan tertutup (level)", "Gap closed (levels)"), "gap to the standard its completers closed, summed over people and domains")
        }
    }

    public func definition(programme id: String) -> MetricDefinition {
        let d = declaration
        return MetricDefinition(
            .programme(self, programme: id), d.unit, d.description,
            label: LocalizedText(indonesian: d.label.0, english: d.label.1), summary: .total)
    }
}

/// The series one region of a scenario reports, in their canonical order: the fixed metrics,
/// each domain's two, each programme's measures, then each of the region's own counters'
/// (units with a service channel, in unit order). Reports and pairing look series up here by key.
public struct RegionCatalogue: Sendable, Equatable {
    /// The region's id in the scenario.
    public let region: String
    public let metrics: [MetricDefinition]
    let positions: [MetricKey: Int]

    public init(region: String, metrics: [MetricDefinition]) {
        self.region = region
        self.metrics = metrics
        var positions: [MetricKey: Int] = [:]
        positions.reserveCapacity(metrics.count)
        for (i, metric) in metrics.enumerated() where positions[metric.key] == nil { positions[metric.key] = i }
        self.positions = positions
    }

    /// The catalogue of region `r` of a scenario.
    public init(_ model: ModelParameters, region r: Int) {
        let region = model.regions[r]
        let fixed = Metric.allCases.map(\.definition)
        let domains = model.domains.flatMap { domain in DomainMeasure.allCases.map { $0.definition(domain: domain) } }
        let programmes = model.programmes.flatMap { programme in ProgrammeMeasure.allCases.map { $0.definition(programme: programme.id) } }
        let counters = region.counterIDs.flatMap { unit in CounterMeasure.allCases.map { $0.definition(unit: unit) } }
        let hours = region.units.flatMap { unit in
            (unit.service?.reportedHours ?? 0..<0).flatMap { hour in HourMeasure.allCases.map { $0.definition(unit: unit.id, hour: hour) } }
        }
        self.init(region: region.id, metrics: fixed + domains + programmes + counters + hours)
    }

    /// Where the series `key` sits, or `nil` when this region does not report it.
    public func position(of key: MetricKey) -> Int? { positions[key] }

    public var keys: [MetricKey] { metrics.map(\.key) }

    /// The counters the region reports, in order.
    public var counters: [String] {
        metrics.compactMap { if case .counter(.requests, let unit) = $0.key { return unit } else { return nil } }
    }

    /// The programmes the region reports, in order.
    public var programmes: [String] {
        metrics.compactMap { if case .programme(.invited, let id) = $0.key { return id } else { return nil } }
    }

    public static func == (a: RegionCatalogue, b: RegionCatalogue) -> Bool { a.region == b.region && a.metrics == b.metrics }
}

extension ModelParameters {
    /// Every region's catalogue, in scenario order.
    public var catalogues: [RegionCatalogue] { regions.indices.map { RegionCatalogue(self, region: $0) } }
}

extension RegionParameters {
    /// The units with a service counter, in unit order.
    public var counterIDs: [String] { units.filter { $0.service != nil }.map(\.id) }
}
