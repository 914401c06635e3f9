import SimCore
import SimExperiment
import SimWorkforce

/// The brief's section on service counters: for each region, the what-ifs that change a
/// counter's results (a significant paired difference in the last year), one row per such counter,
/// with the last year's differences in wait, Lebaran wait, IKM and staff-days at training (and,
/// where any counter turns citizens away or sees them give up, visits turned away and the share
/// who gave up), each the value of its row in services.csv.
extension PolicyBrief {
    /// The measures the section shows, in order, with the brief's way of showing each.
    typealias CounterColumn = (measure: CounterMeasure, quantity: Quantity)
    var counterColumns: [CounterColumn] {
        let columns: [CounterColumn] = [(.waitMean, .minutes), (.lebaranWaitMean, .minutes), (.ikm, .index), (.staffDaysTraining, .plain)]
        return columns + (countersTurnAway ? [(.turnedAway, .plain), (.abandonedShare, .share)] : [])
            + (countersHaveBackOffice ? [(.daysToCompletion, .plain)] : [])
    }

    /// Whether any counter of the run has a back office (days to completion): only then does the
    /// section show the column.
    var countersHaveBackOffice: Bool { anyCounter([.daysToCompletion]) { $0.mean.isFinite } }

    /// Whether any counter of the run turns citizens away or sees them give up (an office's day
    /// or patience): only then does the section show those columns, so a run of textbook counters
    /// keeps its four.
    var countersTurnAway: Bool { anyCounter([.turnedAway, .abandoned]) { $0.maximum > 0 } }

    /// Whether some counter of some scenario and region has a horizon summary of one of
    /// `measures` for which `holds` is true.
    func anyCounter(_ measures: [CounterMeasure], _ holds: (RunningStatistics) -> Bool) -> Bool {
        result.catalogues.indices.contains { s in
            result.catalogues[s].indices.contains { r in
                let catalogue = result.catalogues[s][r]
                return catalogue.counters.contains { unit in
                    measures.contains { measure in
                        catalogue.position(of: .counter(measure, unit: unit)).map { holds(result.horizon[s][r][$0]) } ?? false
                    }
                }
            }
        }
    }

    /// A column's series at one counter: its definition's label is the column's heading.
    func counterMetric(_ unit: String, _ column: CounterColumn) -> BriefMetric {
        let definition = column.measure.definition(unit: unit)
        let words = (definition.label.text(in: .id), definition.label.text(in: .en))
        return BriefMetric(definition, column.quantity, phrase: words, short: words)
    }

    /// The counters of `region` in the comparison, in order.
    func counters(region: String) -> [String] {
        index(baseline, region).map { result.catalogues[baseline][$0].counters } ?? []
    }

    /// (what-if, counter) pairs of `region` whose results the what-if changes: compared with the
    /// same counter of the same region in the comparison, never another.
    func changedCounters(region: String) -> [(scenario: Int, unit: String)] {
        whatIfs.flatMap { s in
            counters(region: region).filter { unit in
                counterColumns.contains { comparison(s, region: region, counterMetric(unit, $0), year: lastYear)?.isSignificant == true }
            }.map { (s, $0) }
        }
    }

    var counterHeading: String { t("Loket pelayanan", "Service counters") }
    var counterIntro: String {
        let (before, after) = CounterMeasure.lebaranWaitDays
        return t(
            "Skenario yang mengubah hasil satu loket pada \(lastYear) (setidaknya satu selisih berbeda nyata). Selisih terhadap \(comparedWith): rata-rata tahun itu, atau totalnya untuk hari-orang\(countersTurnAway ? " dan kunjungan yang ditolak" : ""); tunggu sekitar Lebaran: permintaan yang datang \(before) hari sebelum sampai \(after) hari sesudah Idul Fitri. Dengan banyak loket dan ukuran, kira-kira satu dari dua puluh sel tampak berbeda nyata karena kebetulan; periksa tahun-tahun lain di services.csv.",
            "What-ifs that change one counter's results in \(lastYear) (at least one significant difference). Differences from \(comparedWith): the year's mean, or its total for staff-days\(countersTurnAway ? " and visits turned away" : ""); wait around Lebaran: requests arriving from \(before) days before Idul Fitri to \(after) days after. With many counters and measures, about one cell in twenty looks significant by chance; check the other years in services.csv."
        )
    }

    func counterCells(_ s: Int, _ region: String, unit: String) -> [(line: Line, significant: Bool)] {
        counterColumns.map { cell(s, region, comparison(s, region: region, counterMetric(unit, $0), year: lastYear)) }
    }

    /// What the section says of the baseline's own counters, before any difference: each one's SKM
    /// elements, and each office counter's waits by hour.
    func counterSentences(region: String) -> [String] {
        skmSentences(region: region) + backOfficeSentences(region: region) + hourlySentences(region: region)
    }

    func countersMarkdown() -> String {
        let shown = regions.map { ($0, changedCounters(region: $0), counterSentences(region: $0)) }.filter {
            !$0.1.isEmpty || !$0.2.isEmpty
        }
        guard !shown.isEmpty else { return "" }
        var md = "\n## \(counterHeading)\n" + (shown.contains { !$0.1.isEmpty } ? "\n\(counterIntro)\n" : "")
        for (region, rows, hours) in shown {
            md += "\n### \(escapeMarkdown(regionName(region)))\n"
            md += hours.map { "\n" + escapeMarkdown($0) + "\n" }.joined()
            guard !rows.isEmpty else { continue }
            md +=
                "\n| " + t("Skenario", "Scenario") + " | " + t("Loket", "Counter") + " | "
                + counterColumns.map { "Δ " + escapeMarkdown($0.measure.definition(unit: "").label.text(in: language)) }.joined(
                    separator: " | ") + " |\n"
            md += "|---|---" + String(repeating: "|---", count: counterColumns.count) + "|\n"
            for row in rows {
                let cells = counterCells(row.scenario, region, unit: row.unit).map {
                    $0.significant ? "**\($0.line.markdown)**" : $0.line.markdown
                }
                md += "| \(escapeMarkdown(name(row.scenario))) | \(escapeMarkdown(row.unit)) | " + cells.joined(separator: " | ") + " |\n"
            }
        }
        return md
    }

    func countersHTML() -> String {
        let shown = regions.map { ($0, changedCounters(region: $0), counterSentences(region: $0)) }.filter {
            !$0.1.isEmpty || !$0.2.isEmpty
        }
        guard !shown.isEmpty else { return "" }
        var html = "<h2>\(xml(counterHeading))</h2>\n" + (shown.contains { !$0.1.isEmpty } ? "<p>\(xml(counterIntro))</p>\n" : "")
        for (region, rows, hours) in shown {
            html += "<h3>\(xml(regionName(region)))</h3>\n" + hours.map { "<p>\(xml($0))</p>\n" }.joined()
            guard !rows.isEmpty else { continue }
            html +=
                "<table>\n<tr><th>" + xml(t("Skenario", "Scenario")) + "</th><th>"
                + xml(t("Loket", "Counter")) + "</th>"
                + counterColumns.map { "<th>Δ \(xml($0.measure.definition(unit: "").label.text(in: language)))</th>" }.joined() + "</tr>\n"
            for row in rows {
                html +=
                    "<tr><td>\(xml(name(row.scenario)))</td><td>\(xml(row.unit))</td>"
                    + counterCells(row.scenario, region, unit: row.unit).map {
                        $0.significant ? "<td class=\"sig\">\($0.line.html)</td>" : "<td class=\"ns\">\($0.line.html)</td>"
                    }.joined() + "</tr>\n"
            }
            html += "</table>\n"
        }
        return html
    }
}
