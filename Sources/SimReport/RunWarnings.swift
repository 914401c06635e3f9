import SimCore
import SimExperiment
import SimScenario
import SimWorkforce

/// Something that changes an answer without a word unless the run says it: sessions cut because
/// the released money ran short, a roster much smaller than the city it replaced, a counter whose
/// demand exceeds its capacity, a percentile at the limit of what is recorded, a stylised fact
/// the scenario misses, training paid from outside the budget that "budget spent" leaves out. Each goes to `run.json`'s `warnings`, one line on stderr, and the
/// "Perhatian" box on the brief's first page.
public struct RunWarning: Sendable, Equatable {
    public enum Code: String, CaseIterable, Sendable {
        case sessionsTrimmed = "sessions-trimmed"
        case rosterPartial = "roster-partial"
        case counterOverloaded = "counter-overloaded"
        case backOfficeLate = "back-office-late"
        case percentileCapped = "percentile-capped"
        case factNotMet = "fact-not-met"
        case paidFromOutside = "paid-from-outside"
    }

    public let code: Code
    /// The scenario's and the region's ids.
    public let scenario: String
    public let region: String
    /// How many: people cut (mean per replication over the run), roster rows, months over
    /// capacity or at the cap, or the model's value of the missed fact.
    public let count: Double
    public let what: LocalizedText

    /// `run.json`'s entry.
    public var json: JSONValue {
        func text(_ s: String) -> JSONNode { JSONNode(.string(s)) }
        return .object([
            ("code", text(code.rawValue)), ("scenario", text(scenario)), ("region", text(region)),
            ("count", JSONNode(.number(count))), ("what", text(what.text(in: .en))), ("what_id", text(what.text(in: .id))),
        ])
    }

    /// The line on stderr.
    public func line(_ language: Language) -> String {
        "\(language.pick("perhatian", "warning")): \(code.rawValue) · \(scenario) · \(region): \(what.text(in: language))"
    }
}

public enum RunWarnings {
    /// A roster with fewer rows than this share of the headcount the scenario stated is partial.
    public static let partialRosterShare = 0.5
    /// A counter month whose mean offered load (demand ÷ capacity) over replications reaches this is overloaded.
    public static let overloadedLoad = 1.0
    /// A back-office month that completes less than this share of its requests within the
    /// unit's standard (mean over replications) is late.
    public static let lateBackOfficeShare = 0.5

    /// Every warning of a run, scenario by scenario and region by region; `region` keeps one.
    /// The stylised facts describe the model at its central values: a run that draws its inputs
    /// (`drawnInputs`) is not held to them (`simulate facts` is, and `--fixed-inputs` runs are).
    public static func find(
        _ result: ExperimentResult, labels: [ScenarioLabels], region: String? = nil, drawnInputs: Bool = false
    ) -> [RunWarning] {
        var warnings: [RunWarning] = []
        let facts = drawnInputs ? [] : StylisedFacts.check(result, labels: labels)
        for (s, label) in labels.enumerated() {
            for (r, id) in label.regionIDs.enumerated() where region == nil || region == id {
                let scan = RegionScan(result: result, label: label, s: s, r: r)
                warnings += scan.roster() + scan.trimmed() + scan.outsideMoney() + scan.counters()
                warnings += facts.filter { !$0.holds && $0.scenario == label.id && $0.region == id }.map { scan.missed($0) }
            }
        }
        return warnings
    }

    public static func json(_ warnings: [RunWarning]) -> JSONValue { .array(warnings.map { JSONNode($0.json) }) }

    /// Up to this many warnings get a stderr line each; beyond it, one line per code and region.
    public static let linesEach = 10

    /// What stderr says: a line per warning, or, for a run with many (a warning every scenario
    /// shares), one line per code and region naming the scenarios and giving the first one's text,
    /// so the lines stay readable; run.json keeps every one.
    public static func lines(_ warnings: [RunWarning], _ language: Language) -> [String] {
        guard warnings.count > linesEach else { return warnings.map { $0.line(language) } }
        var groups: [(code: RunWarning.Code, region: String, members: [RunWarning])] = []
        for warning in warnings {
            if let i = groups.firstIndex(where: { $0.code == warning.code && $0.region == warning.region }) {
                groups[i].members.append(warning)
            } else {
                groups.append((warning.code, warning.region, [warning]))
            }
        }
        return groups.map { group in
            guard group.members.count > 1 else { return group.members[0].line(language) }
            var scenarios: [String] = []
            for member in group.members where !scenarios.contains(member.scenario) { scenarios.append(member.scenario) }
            let first = group.members[0]
            return "\(language.pick("perhatian", "warning")): \(group.code.rawValue) · \(group.region) · "
                + language.pick("\(scenarios.count) skenario", "\(scenarios.count) scenario\(scenarios.count == 1 ? "" : "s")")
                + " (\(scenarios.prefix(4).joined(separator: ", "))\(scenarios.count > 4 ? ", …" : "")); "
                + language.pick("misalnya \(first.scenario): ", "e.g. \(first.scenario): ") + first.what.text(in: language)
                + language.pick(" Semuanya di warnings run.json.", " All in run.json's warnings.")
        }
    }
}

/// One region of one scenario, looked over for warnings.
private struct RegionScan {
    let result: ExperimentResult
    let label: ScenarioLabels
    let s: Int
    let r: Int
    var region: String { label.regionIDs[r] }
    var regionName: String { label.regionName(r) }
    var firstYear: Int { label.startYear }
    var lastYear: Int { label.startYear + result.years - 1 }
    var period: String { firstYear == lastYear ? "\(firstYear)" : "\(firstYear)–\(lastYear)" }

    func warning(_ code: RunWarning.Code, _ count: Double, _ id: String, _ en: String) -> RunWarning {
        RunWarning(
            code: code, scenario: label.id, region: region, count: count, what: LocalizedText(indonesian: id, english: en))
    }

    func roster() -> [RunWarning] {
        guard let size = label.rosters.first(where: { $0.region == region }),
            Double(size.rows) < RunWarnings.partialRosterShare * Double(size.statedHeadcount)
        else { return [] }
        let rows = whole(Double(size.rows), .id)
        let stated = whole(Double(size.statedHeadcount), .id)
        let rowsEN = whole(Double(size.rows), .en)
        let statedEN = whole(Double(size.statedHeadcount), .en)
        return [
            warning(
                .rosterPartial, Double(size.rows),
                "roster \(regionName) berisi \(rows) pegawai dan menggantikan \(stated) ASN yang disebut skenario: semua angka wilayah ini (antrean, IKM, anggaran per orang) berlaku untuk \(rows) orang itu saja. Lengkapi roster dengan seluruh ASN, sebutkan unit yang dimuatnya di regions.\(region).rosterCovers (unit lain lalu dibangkitkan dari sebaran), atau hapus regions.\(region).roster agar model memakai sebaran pegawai kota.",
                "the roster of \(regionName) has \(rowsEN) people and replaces the \(statedEN) ASN the scenario states: every figure of this region (queues, IKM, budget per person) holds for those \(rowsEN) people only. Complete the roster with all ASN, list the units it holds in regions.\(region).rosterCovers (the other units are then drawn), or remove regions.\(region).roster to let the model draw the city's staff."
            )
        ]
    }

    func trimmed() -> [RunWarning] {
        guard let m = result.metric(s, r, .region(.cutForMoney)) else { return [] }
        let cut = result.horizon[s][r][m].mean
        guard cut >= 0.5 else { return [] }
        let id = whole(cut, .id)
        let en = whole(cut, .en)
        return [
            warning(
                .sessionsTrimmed, cut,
                "di \(regionName), \(id) peserta (rata-rata per replikasi, \(period)) dicoret dari sesi yang sudah dijadwalkan karena dana yang sudah dicairkan per triwulan tidak cukup membayar mereka: capaian JP dan kompetensi lebih rendah daripada yang direncanakan. Jadwalkan sesi setelah pencairan, atau ubah regions.\(region).budget.quarterShares.",
                "in \(regionName), \(en) attendees (mean per replication, \(period)) were cut from scheduled sessions because the money released by quarter could not pay for them: JP and competency fall short of the plan. Schedule sessions after a release, or change regions.\(region).budget.quarterShares."
            )
        ]
    }

    /// Money from outside the region's budget (`fundedBy` external or unit): every comparison of
    /// "budget spent" leaves it out, so an option a donor pays for would look free.
    func outsideMoney() -> [RunWarning] {
        guard let m = result.metric(s, r, .region(.budgetOutsideRupiah)) else { return [] }
        let rupiah = result.horizon[s][r][m].mean
        guard rupiah >= 0.5 else { return [] }
        let id = NumberStyle(.id).value(rupiah, .rupiah, places: 1)
        let en = NumberStyle(.en).value(rupiah, .rupiah, places: 1)
        return [
            warning(
                .paidFromOutside, rupiah,
                "di \(regionName), program yang dibiayai dari luar anggaran daerah (fundedBy external atau unit) menghabiskan \(id) (rata-rata per replikasi, \(period)); anggaran terpakai dan selisihnya tidak memuatnya, jadi opsi ini tampak lebih murah bagi daerah daripada biayanya (budget.outside_rupiah).",
                "in \(regionName), programmes paid from outside the region's budget (fundedBy external or unit) cost \(en) (mean per replication, \(period)); the budget spent and its differences leave it out, so the option looks cheaper to the region than it costs (budget.outside_rupiah)."
            )
        ]
    }

    /// Overloaded months and capped percentiles, counter by counter.
    func counters() -> [RunWarning] {
        var warnings: [RunWarning] = []
        let units = result.catalogues[s][r].metrics.compactMap { definition -> String? in
            if case .counter(.requests, let unit) = definition.key { return unit }
            return nil
        }
        for unit in units {
            let months = result.months
            func monthly(_ measure: CounterMeasure) -> ArraySlice<RunningStatistics> {
                guard let m = result.metric(s, r, .counter(measure, unit: unit)) else { return [] }
                return result.series[s][r][(m * months)..<((m + 1) * months)]
            }
            let load = monthly(.offeredLoad)
            let overloaded = load.indices.filter { load[$0].mean >= RunWarnings.overloadedLoad }.map { $0 - load.startIndex }
            if !overloaded.isEmpty {
                // An office's day ends at closing, so its line cannot grow past the day: those left
                // are sent home (turned_away), where a continuous counter carries them on.
                let isOffice = result.catalogues[s][r].metrics.contains {
                    if case .counterHour(_, unit: unit, hour: _) = $0.key { return true }
                    return false
                }
                let consequence =
                    isOffice
                    ? (
                        "warga yang belum dilayani saat loket tutup atau setelah kuota habis dipulangkan (turned_away), jadi waktu tunggunya dibatasi jam tutup, bukan oleh kebijakan saja",
                        "citizens still waiting at closing or beyond the quota are sent home (turned_away), so its wait is capped by the closing hour, not set by the policy alone"
                    )
                    : (
                        "antrean tumbuh tanpa batas di bulan itu, jadi waktu tunggunya bergantung pada panjang bulan, bukan pada kebijakan",
                        "the queue grows without bound then, so its wait depends on the month's length, not on the policy"
                    )
                warnings.append(
                    warning(
                        .counterOverloaded, Double(overloaded.count),
                        "di \(regionName), permintaan di loket \(unit) melebihi kapasitas petugasnya pada \(overloaded.count) bulan (\(monthList(overloaded, .id))): \(consequence.0). Tambah petugas loket (regions.\(region).units.\(unit).service.counterShare) atau periksa permintaannya.",
                        "in \(regionName), demand at the \(unit) counter exceeds its staff's capacity in \(overloaded.count) month\(overloaded.count == 1 ? "" : "s") (\(monthList(overloaded, .en))): \(consequence.1). Add counter staff (regions.\(region).units.\(unit).service.counterShare) or check its demand."
                    ))
            }
            let within = monthly(.withinStandard)
            let late = within.indices.filter { within[$0].mean < RunWarnings.lateBackOfficeShare }.map { $0 - within.startIndex }
            if !late.isEmpty {
                warnings.append(
                    warning(
                        .backOfficeLate, Double(late.count),
                        "di \(regionName), back office \(unit) menyelesaikan kurang dari separuh permohonannya dalam standar pelayanan pada \(late.count) bulan (\(monthList(late, .id))): tunggakannya melampaui tenaga yang mengerjakannya, dan SKM U3 (waktu penyelesaian) turun. Tambah tenaga back office (regions.\(region).units.\(unit).service.backOffice.staffShare) atau periksa menit per permohonannya.",
                        "in \(regionName), the \(unit) back office completes under half its requests within the service standard in \(late.count) month\(late.count == 1 ? "" : "s") (\(monthList(late, .en))): its backlog outgrows the staff who work it, and SKM U3 (completion time) falls. Add back-office staff (regions.\(region).units.\(unit).service.backOffice.staffShare) or check its minutes per request."
                    ))
            }
            let p90 = monthly(.waitP90)
            let capped = p90.indices.filter { p90[$0].maximum >= Double(CounterMeasure.recordedWaitMinutes) }.map { $0 - p90.startIndex }
            if !capped.isEmpty {
                let limit = CounterMeasure.recordedWaitMinutes
                warnings.append(
                    warning(
                        .percentileCapped, Double(capped.count),
                        "di \(regionName), persentil ke-90 waktu tunggu loket \(unit) mencapai batas yang dicatat (\(limit) menit) pada \(capped.count) bulan (\(monthList(capped, .id))): di bulan itu angkanya batas bawah, bukan ukuran.",
                        "in \(regionName), the 90th percentile wait at the \(unit) counter reaches the limit of what is recorded (\(limit) minutes) in \(capped.count) month\(capped.count == 1 ? "" : "s") (\(monthList(capped, .en))): there it is a lower bound, not a measurement."
                    ))
            }
        }
        return warnings
    }

    func missed(_ fact: FactCheck) -> RunWarning {
        let id = NumberStyle(.id).value(fact.value, .plain, halfWidth: .nan)
        let en = NumberStyle(.en).value(fact.value, .plain, halfWidth: .nan)
        return warning(
            .factNotMet, fact.value,
            "\(regionName) tidak memenuhi fakta bergaya \"\(fact.words.text(in: .id))\": model \(id), sasaran \(fact.targetWords.text(in: .id)) (docs/validation.md). Selisih antarskenario di wilayah ini perlu dibaca dengan hati-hati.",
            "\(regionName) misses the stylised fact \"\(fact.words.text(in: .en))\": the model gives \(en), the target is \(fact.target) (docs/validation.md). Read this region's differences with care."
        )
    }

    /// "Maret 2027, Juni 2027, … (12 bulan)": the first six months named.
    func monthList(_ months: [Int], _ language: Language) -> String {
        let named = months.prefix(6).map { periodWords(startYear: firstYear, month: $0, language) }
        return named.joined(separator: ", ") + (months.count > 6 ? ", …" : "")
    }
}

func whole(_ x: Double, _ language: Language) -> String { NumberStyle(language).decimal(x, places: 0) }

/// "Maret 2027": a month of the run (0 = the first) in words.
func periodWords(startYear: Int, month index: Int, _ language: Language) -> String {
    let absolute = startYear * 12 + index
    return BriefWords.month(absolute % 12, language) + " \(absolute / 12)"
}
