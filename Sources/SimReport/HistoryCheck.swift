import SimExperiment
import SimScenario
import SimWorkforce

/// `simulate history-check`: what a region's records say each year beside what the model gives
/// for the same years, run from the first year of the records, so the planner sees where the
/// model and the city disagree before anything is fitted (issue 40 fits).
public enum HistoryCheck {
    /// One measure in one place and year (and month, for a queue log's requests and waits).
    public struct Row: Sendable, Equatable {
        /// The model's metric id (`jp.share_reaching_20`, `counter.dukcapil.ikm`, …).
        public var measure: String
        public var region: String
        public var year: Int
        /// 1–12 for a month's row, `nil` for the year.
        public var month: Int?
        public var recorded: Double
        /// Over replications: the mean, and the lowest and highest replication (NaN where the model
        /// has no such measure, or for a ratio of means).
        public var modelMean: Double
        public var modelLow: Double
        public var modelHigh: Double

        /// Whether the record lies outside every replication's value by more than a thousandth
        /// (records are written rounded: an SKM index to two decimals, people to whole numbers).
        public var isOutside: Bool {
            let slack = 1e-3 * max(abs(recorded), abs(modelLow), abs(modelHigh))
            return !modelLow.isNaN && (recorded < modelLow - slack || recorded > modelHigh + slack)
        }
    }

    /// The rows for each region with records, in region, measure and time order. `firstYear` is
    /// the run's first year (the records' first year).
    public static func compare(_ histories: [RegionHistory], result: ExperimentResult, labels: ScenarioLabels, firstYear: Int) -> [Row] {
        var rows: [Row] = []
        let years = result.years
        for history in histories {
            guard let r = labels.regionIDs.firstIndex(of: history.region) else { continue }
            func model(_ key: MetricKey, _ year: Int, month: Int? = nil) -> (Double, Double, Double) {
                let y = year - firstYear
                guard let m = result.metric(0, r, key), (0..<years).contains(y) else { return (.nan, .nan, .nan) }
                let stats = month.map { result.series[0][r][m * result.months + y * 12 + $0 - 1] } ?? result.yearly[0][r][m * years + y]
                return stats.count > 0 ? (stats.mean, stats.minimum, stats.maximum) : (.nan, .nan, .nan)
            }
            func add(_ key: MetricKey, _ year: Int, month: Int? = nil, _ recorded: Double) {
                guard recorded.isFinite else { return }
                let (mean, low, high) = model(key, year, month: month)
                rows.append(
                    Row(
                        measure: key.id, region: history.region, year: year, month: month, recorded: recorded, modelMean: mean,
                        modelLow: low, modelHigh: high))
            }
            for year in history.years {
                let workforce = history.workforce[year]
                if let course = history.courses[year] {
                    if let pns = workforce?.pns, pns > 0 {
                        add(.region(.jpShareReaching20), year, Double(course.people20Plus) / Double(pns))
                        add(.region(.jpShareWithNone), year, max(0, Double(pns - course.people1To19 - course.people20Plus)) / Double(pns))
                    }
                    add(.region(.latsarCompleted), year, Double(course.latsarCompleted))
                }
                if let budget = history.budget[year] {
                    add(.region(.budgetSpentRupiah), year, budget.realisedRupiah)
                }
                if let budget = history.budget[year], budget.ceilingRupiah > 0 {
                    let spent = model(.region(.budgetSpentRupiah), year).0
                    let unspent = model(.region(.budgetUnspentRupiah), year).0
                    rows.append(
                        Row(
                            measure: "budget.absorption", region: history.region, year: year, recorded: budget.absorption,
                            modelMean: spent / (spent + unspent), modelLow: .nan, modelHigh: .nan))
                }
                if let workforce {
                    add(.region(.headcount), year, Double(workforce.total))
                    if workforce.headcount["all"] == nil { add(.region(.pnsHeadcount), year, Double(workforce.pns)) }
                    workforce.retirements.map { add(.region(.retirements), year, Double($0)) }
                    workforce.otherExits.map { add(.region(.otherExits), year, Double($0)) }
                    workforce.hires.map { add(.region(.hires), year, Double($0)) }
                }
            }
            for (key, skm) in history.skm.sorted(by: { $0.key < $1.key }) { add(.counter(.ikm, unit: key.unit), key.year, skm.index) }
            // A year of a counter's log is compared as a year only when it has all twelve months (a
            // region may give some months), its wait as the mean of the months' means: the model's
            // rule for a year (HorizonSummary.lastYearMean).
            let counters = Set(history.queue.keys.map { RegionHistory.UnitYear(unit: $0.unit, year: $0.year) }).sorted()
            for key in counters {
                let months = (1...12).compactMap { month in
                    history.queue[.init(unit: key.unit, year: key.year, month: month)].map { (month, $0) }
                }
                if months.count == 12 {
                    let waits = months.map(\.1.meanWaitMinutes).filter(\.isFinite)
                    add(.counter(.requests, unit: key.unit), key.year, Double(months.reduce(0) { $0 + $1.1.issued }))
                    add(.counter(.waitMean, unit: key.unit), key.year, waits.isEmpty ? .nan : waits.reduce(0, +) / Double(waits.count))
                }
                for (month, tally) in months {
                    add(.counter(.requests, unit: key.unit), key.year, month: month, Double(tally.issued))
                    add(.counter(.waitMean, unit: key.unit), key.year, month: month, tally.meanWaitMinutes)
                }
            }
        }
        return rows
    }

    /// The table on stdout: one line a measure, place and year; a month's line only where its
    /// year has none (a queue log of some months). Every row is in the CSV.
    public static func text(_ rows: [Row], replications: Int) -> String {
        var lines = ["measure · region · year: records · model mean [lowest – highest of \(replications) replications]"]
        let years = Set(rows.filter { $0.month == nil }.map { "\($0.measure) \($0.region) \($0.year)" })
        for row in rows where row.month == nil || !years.contains("\(row.measure) \(row.region) \(row.year)") {
            func n(_ x: Double) -> String { x.isNaN ? "—" : NumberText.significant(x, digits: 3) }
            let range = row.modelLow.isNaN ? "" : " [\(n(row.modelLow)) – \(n(row.modelHigh))]"
            let flag = row.isOutside ? "  ← outside every replication" : ""
            let when = row.month.map { "\(row.year)-\($0 < 10 ? "0" : "")\($0)" } ?? "\(row.year)"
            lines.append("\(row.measure) · \(row.region) · \(when): \(n(row.recorded)) · \(n(row.modelMean))\(range)\(flag)")
        }
        let shown = rows.filter { $0.month == nil || !years.contains("\($0.measure) \($0.region) \($0.year)") }
        let compared = shown.filter { !$0.modelLow.isNaN }
        lines.append("\(compared.filter(\.isOutside).count) of \(compared.count) records above lie outside every replication of the model.")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The files read, by region, kind, rows and SHA-256 (a path may name a person).
    public static func filesText(_ histories: [RegionHistory]) -> String {
        histories.flatMap { history in
            history.files.map { "\(history.region) · read \($0.kind.rawValue): \($0.rows) rows, sha256 \($0.sha256)\n" }
        }.joined()
    }

    /// history-check.csv: every row, months included.
    public static func csv(_ rows: [Row]) -> String {
        var csv = CSVWriter(locale: .standard)
        csv.row(
            ["measure", "region", "year", "month", "recorded", "model_mean", "model_low", "model_high", "outside"].map(CSVField.identifier))
        for row in rows {
            csv.row([
                .identifier(row.measure), .userText(row.region), .number(Double(row.year)),
                row.month.map { .number(Double($0)) } ?? .identifier(""),
                .number(row.recorded), .number(row.modelMean), .number(row.modelLow), .number(row.modelHigh),
                .identifier(row.modelLow.isNaN ? "" : row.isOutside ? "yes" : "no"),
            ])
        }
        return csv.text
    }
}
