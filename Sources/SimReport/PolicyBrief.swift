import SimCore
import SimWorkforce
import SimExperiment

/// The brief's language: Bahasa Indonesia (default) or English.
public enum BriefLanguage: String, Sendable { case id, en }

/// The policy brief: the question each scenario answers, headline findings with intervals,
/// charts, a ranking against the baseline, the adaptive policy's decisions and the caveats.
/// `brief.html` is self-contained (inline CSS and SVG, no network) and well-formed XHTML; every
/// plotted value carries `data-value`, written exactly as in the CSV it came from.
public struct PolicyBrief {
    let result: ExperimentResult
    let labels: [ScenarioLabels]
    let baseline: Int
    let language: BriefLanguage
    let replications: Int
    let seed: UInt64

    public init(result: ExperimentResult, labels: [ScenarioLabels], baseline: Int, language: BriefLanguage, replications: Int, seed: UInt64) {
        self.result = result
        self.labels = labels
        self.baseline = baseline
        self.language = language
        self.replications = replications
        self.seed = seed
    }

    func t(_ id: String, _ en: String) -> String { language == .id ? id : en }

    /// Headline metrics, in the order shown.
    static let headline = ["competency.mean", "competency.share_at_standard", "jp.share_reaching_20", "service.ikm",
                           "service.wait_minutes.mean", "budget.spent_rupiah", "cost.per_competency_point_rupiah"]

    func metricIndex(_ s: Int, _ id: String) -> Int? { labels[s].metrics.firstIndex { $0.id == id } }

    func label(_ metric: String) -> String {
        switch metric {
        case "competency.mean": return t("Rata-rata kompetensi (1–5)", "Mean competency (1–5)")
        case "competency.share_at_standard": return t("Porsi memenuhi standar", "Share at standard")
        case "jp.share_reaching_20": return t("Porsi PNS ≥ 20 JP", "Share of PNS with ≥ 20 JP")
        case "service.ikm": return t("IKM (25–100)", "IKM (25–100)")
        case "service.wait_minutes.mean": return t("Rata-rata waktu tunggu (menit)", "Mean wait (minutes)")
        case "budget.spent_rupiah": return t("Anggaran terpakai (Rp, total)", "Budget spent (Rp, total)")
        case "cost.per_competency_point_rupiah": return t("Biaya per poin kompetensi (Rp)", "Cost per competency point (Rp)")
        default: return metric
        }
    }

    func n(_ x: Double) -> String { formatNumber(x) }

    // MARK: - Markdown

    public func markdown() -> String {
        var md = "# " + t("Ringkasan Kebijakan: Simulasi Pengembangan Kompetensi ASN", "Policy Brief: ASN Competency Development Simulation") + "\n\n"
        md += t("Dihasilkan oleh Kompeten \(KompetenVersion.current) dari \(replications) replikasi per skenario (seed \(seed)). Angka dalam kurung adalah interval kepercayaan 95%; selisih terhadap baseline berpasangan (bilangan acak bersama).",
                "Produced by Kompeten \(KompetenVersion.current) from \(replications) replications per scenario (seed \(seed)). Brackets are 95% confidence intervals; differences from the baseline are paired (common random numbers).") + "\n\n"
        md += "## " + t("Pertanyaan tiap skenario", "The question each scenario answers") + "\n\n"
        for (s, label) in labels.enumerated() {
            md += "- **\(escapeMarkdown(label.name))** (`\(escapeMarkdown(label.id))`)\(s == baseline ? t(" — baseline", " — baseline") : ""): \(escapeMarkdown(label.question))\n"
        }
        md += "\n## " + t("Temuan utama", "Headline findings") + "\n\n"
        for line in findings() { md += "- \(line)\n" }
        for r in labels[baseline].regionIDs.indices {
            md += "\n## " + t("Peringkat terhadap baseline", "Ranking against the baseline") + " — \(escapeMarkdown(labels[baseline].regionNames[r]))\n\n"
            md += "| " + t("Skenario", "Scenario") + " | " + Self.headline.prefix(5).map(label).joined(separator: " | ") + " |\n"
            md += "|---" + String(repeating: "|---", count: 5) + "|\n"
            for s in ranking(region: r) {
                let cells = Self.headline.prefix(5).map { id -> String in
                    guard let m = metricIndex(s, id), r < result.regionCounts[s] else { return "–" }
                    let e = Estimate(result.horizon[s][r][m]), d = Estimate(result.pairedDelta[s][r][m])
                    return s == baseline ? "\(n(e.mean))" : "\(n(e.mean)) (Δ \(n(d.mean)) [\(n(d.low)), \(n(d.high))])"
                }
                md += "| \(escapeMarkdown(labels[s].name)) | " + cells.joined(separator: " | ") + " |\n"
            }
        }
        md += "\n## " + t("Keputusan kebijakan adaptif", "Decisions of the adaptive policy") + "\n\n"
        md += decisionLines().map { "- \($0)\n" }.joined()
        md += "\n## " + t("Catatan dan keterbatasan", "Caveats") + "\n\n"
        md += caveats().map { "- \($0)\n" }.joined()
        md += "\n" + t("Grafik ada di brief.html; angka lengkap di summary.csv dan timeseries.csv.", "Charts are in brief.html; all numbers are in summary.csv and timeseries.csv.") + "\n"
        return md
    }

    /// Scenarios ordered by the paired change in mean competency at the horizon (baseline first).
    func ranking(region r: Int) -> [Int] {
        let others = labels.indices.filter { $0 != baseline && r < result.regionCounts[$0] }
        let scored = others.map { s -> (Int, Double) in
            let m = metricIndex(s, "competency.mean") ?? 0
            return (s, result.pairedDelta[s][r][m].mean)
        }
        return [baseline] + scored.sorted { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }.map(\.0)
    }

    func findings() -> [String] {
        var lines: [String] = []
        for r in labels[baseline].regionIDs.indices {
            let region = labels[baseline].regionNames[r]
            for id in ["competency.mean", "jp.share_reaching_20", "service.ikm"] {
                guard let m = metricIndex(baseline, id) else { continue }
                let e = Estimate(result.horizon[baseline][r][m])
                var line = "\(escapeMarkdown(region)), \(label(id)): " + t("baseline", "baseline") + " \(n(e.mean)) [\(n(e.low)), \(n(e.high))]"
                guard e.mean.isFinite else { continue }  // nothing measured (e.g. no counter)
                if id == "service.ikm" { line += " (" + t("mutu", "grade") + " \(IKMGrade(ikm: e.mean).rawValue))" }
                let deltas = labels.indices.filter { $0 != baseline && r < result.regionCounts[$0] }.compactMap { s -> (Int, Estimate)? in
                    guard let ms = metricIndex(s, id) else { return nil }
                    return (s, Estimate(result.pairedDelta[s][r][ms]))
                }
                if let best = deltas.max(by: { $0.1.mean < $1.1.mean || ($0.1.mean == $1.1.mean && $0.0 > $1.0) }) {
                    line += "; " + t("terbaik", "best") + ": \(escapeMarkdown(labels[best.0].name)) Δ \(n(best.1.mean)) [\(n(best.1.low)), \(n(best.1.high))]"
                }
                if let worst = deltas.min(by: { $0.1.mean < $1.1.mean || ($0.1.mean == $1.1.mean && $0.0 < $1.0) }), deltas.count > 1 {
                    line += "; " + t("terburuk", "worst") + ": \(escapeMarkdown(labels[worst.0].name)) Δ \(n(worst.1.mean)) [\(n(worst.1.low)), \(n(worst.1.high))]"
                }
                lines.append(line)
            }
        }
        return lines
    }

    func decisionLines() -> [String] {
        var lines: [String] = []
        for (s, label) in labels.enumerated() {
            var counts: [String: Int] = [:]
            for (key, summary) in result.decisions[s] {
                counts["\(label.regionIDs[key.region])|\(label.programmeIDs[key.programme])|\(key.action)", default: 0] += summary.count
            }
            guard !counts.isEmpty else { continue }
            let parts = counts.keys.sorted().prefix(8).map { key -> String in
                let p = key.split(separator: "|").map(String.init)
                let perReplication = Double(counts[key] ?? 0) / Double(max(result.replicationsDone, 1))
                return "\(escapeMarkdown(p[0]))/\(escapeMarkdown(p[1])): \(actionName(p[2])) ×\(n(perReplication))"
            }
            lines.append("**\(escapeMarkdown(label.name))**: " + parts.joined(separator: "; ") + t(" (rata-rata per replikasi)", " (mean per replication)"))
        }
        if lines.isEmpty { lines.append(t("Tidak ada program yang diubah oleh evaluasi.", "No programme was changed by evaluation.")) }
        return lines + undoneChoices()
    }

    /// Plain words where the evaluation switched a programme away from a mode the what-if set (a
    /// mode other than the baseline's), which would test the evaluation instead of the choice.
    func undoneChoices() -> [String] {
        let base = labels[baseline]
        var lines: [String] = []
        for (s, label) in labels.enumerated() where s != baseline && label.programmeModes.count == label.programmeIDs.count {
            var switched: [Int: Int] = [:]
            for (key, summary) in result.decisions[s] where key.action == "switchMode" { switched[key.programme, default: 0] += summary.count }
            for (p, count) in switched.sorted(by: { $0.key < $1.key }) {
                guard let b = base.programmeIDs.firstIndex(of: label.programmeIDs[p]), b < base.programmeModes.count,
                      base.programmeModes[b] != label.programmeModes[p] else { continue }
                let programme = escapeMarkdown(label.programmeIDs[p]), mode = label.programmeModes[p]
                let share = n(Double(count) / Double(max(result.replicationsDone, 1)))
                lines.append(t(
                    "**\(escapeMarkdown(label.name))** memilih metode \(mode) untuk \(programme), tetapi evaluasi menggantinya (rata-rata \(share) kali per replikasi), sehingga hasilnya tidak lagi menguji pilihan itu. Untuk mengujinya, cantumkan \(programme) di policy.evaluation.exemptProgrammes.",
                    "**\(escapeMarkdown(label.name))** set \(programme) to \(mode), but the evaluation switched it away (\(share) times per replication on average), so its results no longer test that choice. To test it, list \(programme) in policy.evaluation.exemptProgrammes."))
            }
        }
        return lines
    }

    func actionName(_ action: String) -> String {
        switch action {
        case "switchMode": return t("ganti metode", "switch mode")
        case "shiftBudget": return t("geser anggaran", "shift budget")
        case "drop": return t("hentikan", "drop")
        default: return action
        }
    }

    func caveats() -> [String] {
        var lines = [
            t("Ini adalah model, bukan ramalan: gunakan untuk membandingkan kebijakan, bukan untuk angka absolut.",
              "This is a model, not a forecast: use it to compare policies rather than for absolute levels."),
            t("Indeks IP ASN di sini adalah proksi, bukan pengukuran BKN.", "The IP ASN figure is a proxy, not BKN's measurement."),
        ]
        for check in StylisedFacts.check(result, labels: labels) where !check.holds {
            lines.append(escapeMarkdown(t("Fakta yang tidak terpenuhi (MODEL.md §11)", "A stylised fact the model misses (MODEL.md §11)")
                + ": \(check.scenario) · \(check.region) · \(check.fact): \(NumberText.significant(check.value, digits: 3)); target \(check.target)"))
        }
        var seen: Set<String> = []
        for label in labels {
            for caveat in label.caveats where !seen.contains(caveat) {
                seen.insert(caveat)
                lines.append(escapeMarkdown(caveat))
            }
        }
        return lines
    }

    // MARK: - HTML

    public func html() -> String {
        var body = "<h1>" + xml(t("Ringkasan Kebijakan: Simulasi Pengembangan Kompetensi ASN", "Policy Brief: ASN Competency Development Simulation")) + "</h1>\n"
        body += "<p>" + xml(t("Dihasilkan oleh Kompeten \(KompetenVersion.current) dari \(replications) replikasi per skenario (seed \(seed)). Pita berwarna = interval kepercayaan 95%.",
                              "Produced by Kompeten \(KompetenVersion.current) from \(replications) replications per scenario (seed \(seed)). Shaded bands are 95% confidence intervals.")) + "</p>\n"
        body += "<h2>" + xml(t("Pertanyaan tiap skenario", "The question each scenario answers")) + "</h2>\n<ul>\n"
        for (s, label) in labels.enumerated() {
            body += "<li><b>\(xml(label.name))</b>\(s == baseline ? " (baseline)" : ""): \(xml(label.question))</li>\n"
        }
        body += "</ul>\n<h2>" + xml(t("Temuan utama", "Headline findings")) + "</h2>\n<ul>\n"
        body += findings().map { "<li>\(xml(unescapeMarkdown($0)))</li>\n" }.joined() + "</ul>\n"
        for r in labels[baseline].regionIDs.indices {
            let region = labels[baseline].regionNames[r]
            body += "<h2>\(xml(region))</h2>\n"
            body += "<h3>" + xml(t("Kompetensi dari waktu ke waktu", "Competency over time")) + "</h3>\n" + lineChart(region: r, metric: "competency.mean", bands: false)
            body += "<h3>" + xml(t("IKM dan rentang mutu pelayanan", "IKM with the service-grade bands")) + "</h3>\n" + lineChart(region: r, metric: "service.ikm", bands: true)
            body += "<h3>" + xml(t("Porsi PNS mencapai 20 JP (akhir periode)", "Share of PNS reaching 20 JP (horizon)")) + "</h3>\n" + barChart(region: r, metric: "jp.share_reaching_20")
            body += "<h3>" + xml(t("Anggaran terpakai dan perubahan kompetensi", "Budget spent against the change in competency")) + "</h3>\n" + scatter(region: r)
            body += "<h3>" + xml(t("Peringkat terhadap baseline", "Ranking against the baseline")) + "</h3>\n" + rankingTable(region: r)
        }
        body += "<h2>" + xml(t("Keputusan kebijakan adaptif", "Decisions of the adaptive policy")) + "</h2>\n<ul>\n"
        body += decisionLines().map { "<li>\(xml(unescapeMarkdown($0).replacingOccurrences("**", "")))</li>\n" }.joined() + "</ul>\n"
        body += "<h2>" + xml(t("Catatan dan keterbatasan", "Caveats")) + "</h2>\n<ul>\n"
        body += caveats().map { "<li>\(xml(unescapeMarkdown($0)))</li>\n" }.joined() + "</ul>\n"
        return """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8"/>
            <title>\(xml(t("Ringkasan Kebijakan Kompeten", "Kompeten Policy Brief")))</title>
            <style>
            body { font-family: system-ui, sans-serif; max-width: 980px; margin: 2em auto; color: #222; line-height: 1.45; }
            table { border-collapse: collapse; font-size: 0.9em; } td, th { border: 1px solid #ccc; padding: 4px 8px; text-align: right; }
            td:first-child, th:first-child { text-align: left; } svg { background: #fafafa; border: 1px solid #eee; }
            .axis { font-size: 11px; fill: #555; } .legend { font-size: 12px; }
            </style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }

    static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939"]

    func color(_ s: Int) -> String { Self.palette[s % Self.palette.count] }

    /// A line per scenario over months with its CI band; `bands` draws the IKM grade bands.
    func lineChart(region r: Int, metric id: String, bands: Bool) -> String {
        let width = 900.0, height = 300.0, left = 60.0, right = 190.0, top = 15.0, bottom = 30.0
        let months = result.months
        var low = Double.infinity, high = -Double.infinity
        for s in labels.indices where r < result.regionCounts[s] {
            guard let m = metricIndex(s, id) else { continue }
            for month in 0..<months {
                let e = Estimate(result.series[s][r][m * months + month])
                if e.low.isFinite && e.high.isFinite { low = min(low, e.low); high = max(high, e.high) }
            }
        }
        guard low.isFinite, high.isFinite, months > 1 else { return "<p>–</p>\n" }
        if bands { low = min(low, 60); high = max(high, 90) }
        if high - low < 1e-9 { high = low + 1 }
        let pad = (high - low) * 0.05
        low -= pad; high += pad
        func x(_ month: Int) -> Double { left + (width - left - right) * Double(month) / Double(months - 1) }
        func y(_ v: Double) -> Double { top + (height - top - bottom) * (1 - (v - low) / (high - low)) }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\">\n"
        if bands {
            let grades: [(IKMGrade, Double, Double, String)] = [(.a, 88.31, 100, "#e8f5e9"), (.b, 76.61, 88.31, "#f1f8e9"), (.c, 65, 76.61, "#fff8e1"), (.d, 25, 65, "#ffebee")]
            for (grade, from, to, fill) in grades {
                let y1 = y(min(to, high)), y2 = y(max(from, low))
                guard y2 > y1 else { continue }
                svg += "<rect x=\"\(f(left))\" y=\"\(f(y1))\" width=\"\(f(width - left - right))\" height=\"\(f(y2 - y1))\" fill=\"\(fill)\"/>\n"
                svg += "<text class=\"axis\" x=\"\(f(width - right - 14))\" y=\"\(f(y1 + 12))\">\(grade.rawValue)</text>\n"
            }
        }
        for tick in 0...4 {
            let v = low + (high - low) * Double(tick) / 4
            svg += "<text class=\"axis\" x=\"4\" y=\"\(f(y(v) + 4))\">\(xml(formatNumber((v * 1000).rounded() / 1000)))</text>\n"
        }
        for year in stride(from: 0, to: months, by: 12) {
            svg += "<text class=\"axis\" x=\"\(f(x(year)))\" y=\"\(f(height - 8))\">\(labels[baseline].startYear + year / 12)</text>\n"
        }
        for s in labels.indices where r < result.regionCounts[s] {
            guard let m = metricIndex(s, id) else { continue }
            let estimates = (0..<months).map { Estimate(result.series[s][r][m * months + $0]) }
            // A series with undefined months (nothing measured) is left out rather than drawn broken.
            guard estimates.allSatisfy({ $0.mean.isFinite && $0.low.isFinite && $0.high.isFinite }) else { continue }
            let upper = estimates.indices.map { "\(f(x($0))),\(f(y(estimates[$0].high)))" }
            let lower = estimates.indices.reversed().map { "\(f(x($0))),\(f(y(estimates[$0].low)))" }
            svg += "<polygon points=\"\((upper + lower).joined(separator: " "))\" fill=\"\(color(s))\" fill-opacity=\"0.12\" stroke=\"none\"/>\n"
            svg += "<polyline points=\"\(estimates.indices.map { "\(f(x($0))),\(f(y(estimates[$0].mean)))" }.joined(separator: " "))\" fill=\"none\" stroke=\"\(color(s))\" stroke-width=\"1.6\"/>\n"
            for (month, e) in estimates.enumerated() {
                let period = periodLabel(startYear: labels[s].startYear, month: month)
                svg += "<circle cx=\"\(f(x(month)))\" cy=\"\(f(y(e.mean)))\" r=\"1.2\" fill=\"\(color(s))\" data-scenario=\"\(xml(labels[s].id))\" data-region=\"\(xml(labels[s].regionIDs[r]))\" data-metric=\"\(id)\" data-period=\"\(period)\" data-value=\"\(formatNumber(e.mean))\" data-ci-low=\"\(formatNumber(e.low))\" data-ci-high=\"\(formatNumber(e.high))\"/>\n"
            }
            let legendY = top + 14 * Double(s)
            svg += "<rect x=\"\(f(width - right + 10))\" y=\"\(f(legendY))\" width=\"10\" height=\"10\" fill=\"\(color(s))\"/>"
            svg += "<text class=\"legend\" x=\"\(f(width - right + 24))\" y=\"\(f(legendY + 9))\">\(xml(String(labels[s].id.prefix(26))))</text>\n"
        }
        return svg + "</svg>\n"
    }

    /// One bar per scenario at the horizon with its interval.
    func barChart(region r: Int, metric id: String) -> String {
        let rows = labels.indices.filter { s in
            guard r < result.regionCounts[s], let m = metricIndex(s, id) else { return false }
            let e = Estimate(result.horizon[s][r][m])
            return e.mean.isFinite && e.low.isFinite && e.high.isFinite
        }
        let width = 900.0, rowHeight = 22.0, left = 220.0, height = rowHeight * Double(rows.count) + 20
        let values = rows.map { Estimate(result.horizon[$0][r][metricIndex($0, id) ?? 0]) }
        let high = max(values.map(\.high).max() ?? 1, 1e-9)
        func x(_ v: Double) -> Double { left + (width - left - 80) * max(0, v) / high }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\">\n"
        for (row, s) in rows.enumerated() {
            let e = values[row], yy = 10 + rowHeight * Double(row)
            svg += "<text class=\"axis\" x=\"4\" y=\"\(f(yy + 14))\">\(xml(String(labels[s].id.prefix(32))))</text>\n"
            svg += "<rect x=\"\(f(left))\" y=\"\(f(yy + 3))\" width=\"\(f(x(e.mean) - left))\" height=\"\(f(rowHeight - 8))\" fill=\"\(color(s))\" data-scenario=\"\(xml(labels[s].id))\" data-region=\"\(xml(labels[s].regionIDs[r]))\" data-metric=\"\(id)\" data-value=\"\(formatNumber(e.mean))\" data-ci-low=\"\(formatNumber(e.low))\" data-ci-high=\"\(formatNumber(e.high))\"/>\n"
            svg += "<line x1=\"\(f(x(e.low)))\" x2=\"\(f(x(e.high)))\" y1=\"\(f(yy + 11))\" y2=\"\(f(yy + 11))\" stroke=\"#000\"/>\n"
            svg += "<text class=\"axis\" x=\"\(f(x(e.high) + 6))\" y=\"\(f(yy + 14))\">\(xml(formatNumber(e.mean)))</text>\n"
        }
        return svg + "</svg>\n"
    }

    /// Budget spent (horizon total) against the paired change in mean competency, per scenario.
    func scatter(region r: Int) -> String {
        let rows = labels.indices.filter { r < result.regionCounts[$0] && metricIndex($0, "budget.spent_rupiah") != nil && metricIndex($0, "competency.mean") != nil }
        let points = rows.map { s -> (Int, Estimate, Estimate) in
            (s, Estimate(result.horizon[s][r][metricIndex(s, "budget.spent_rupiah") ?? 0]),
             Estimate(result.pairedDelta[s][r][metricIndex(s, "competency.mean") ?? 0]))
        }.filter { $0.1.mean.isFinite && $0.2.low.isFinite && $0.2.high.isFinite }
        let width = 900.0, height = 300.0, left = 70.0, right = 190.0, top = 15.0, bottom = 30.0
        let xs = points.map(\.1.mean), ys = points.flatMap { [$0.2.low, $0.2.high] }
        var xLow = xs.min() ?? 0, xHigh = xs.max() ?? 1, yLow = min(ys.min() ?? 0, 0), yHigh = max(ys.max() ?? 1, 0)
        if xHigh - xLow < 1 { xLow -= 1; xHigh += 1 }
        if yHigh - yLow < 1e-9 { yLow -= 1e-3; yHigh += 1e-3 }
        func x(_ v: Double) -> Double { left + (width - left - right) * (v - xLow) / (xHigh - xLow) }
        func y(_ v: Double) -> Double { top + (height - top - bottom) * (1 - (v - yLow) / (yHigh - yLow)) }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\">\n"
        svg += "<line x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(f(y(0)))\" y2=\"\(f(y(0)))\" stroke=\"#999\" stroke-dasharray=\"4 3\"/>\n"
        svg += "<text class=\"axis\" x=\"\(f(left))\" y=\"\(f(height - 8))\">\(xml(t("Anggaran terpakai, Rp (total)", "Budget spent, Rp (total)")))</text>\n"
        svg += "<text class=\"axis\" x=\"4\" y=\"\(f(top + 8))\">Δ \(xml(label("competency.mean")))</text>\n"
        for (s, spent, delta) in points {
            svg += "<line x1=\"\(f(x(spent.mean)))\" x2=\"\(f(x(spent.mean)))\" y1=\"\(f(y(delta.low)))\" y2=\"\(f(y(delta.high)))\" stroke=\"\(color(s))\"/>\n"
            svg += "<circle cx=\"\(f(x(spent.mean)))\" cy=\"\(f(y(delta.mean)))\" r=\"4\" fill=\"\(color(s))\" data-scenario=\"\(xml(labels[s].id))\" data-region=\"\(xml(labels[s].regionIDs[r]))\" data-metric=\"budget.spent_rupiah\" data-value=\"\(formatNumber(spent.mean))\" data-delta-metric=\"competency.mean\" data-delta=\"\(formatNumber(delta.mean))\"/>\n"
            svg += "<text class=\"legend\" x=\"\(f(x(spent.mean) + 6))\" y=\"\(f(y(delta.mean) - 4))\">\(xml(String(labels[s].id.prefix(20))))</text>\n"
        }
        return svg + "</svg>\n"
    }

    func rankingTable(region r: Int) -> String {
        var html = "<table>\n<tr><th>" + xml(t("Skenario", "Scenario")) + "</th>"
        html += Self.headline.map { "<th>\(xml(label($0)))</th>" }.joined() + "</tr>\n"
        for s in ranking(region: r) {
            html += "<tr><td>\(xml(labels[s].name))</td>"
            for id in Self.headline {
                guard let m = metricIndex(s, id) else { html += "<td>–</td>"; continue }
                let e = Estimate(result.horizon[s][r][m]), d = Estimate(result.pairedDelta[s][r][m])
                let text = s == baseline ? formatNumber(e.mean) : "\(formatNumber(e.mean)) (Δ \(formatNumber(d.mean)) [\(formatNumber(d.low)), \(formatNumber(d.high))])"
                html += "<td>\(xml(text))</td>"
            }
            html += "</tr>\n"
        }
        return html + "</table>\n"
    }

    func f(_ x: Double) -> String { formatNumber((x * 10).rounded() / 10) }
}

/// Escapes text for XML/XHTML content and attributes.
public func xml(_ s: String) -> String {
    var out = ""
    for c in s {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.append(c)
        }
    }
    return out
}

/// Escapes characters Markdown would read as markup in user text.
func escapeMarkdown(_ s: String) -> String {
    var out = ""
    for c in s {
        if "\\`*_[]<>|".contains(c) { out.append("\\") }
        out.append(c)
    }
    return out
}

func unescapeMarkdown(_ s: String) -> String {
    var out = ""
    var escaped = false
    for c in s {
        if !escaped && c == "\\" { escaped = true; continue }
        escaped = false
        out.append(c)
    }
    return out
}

extension String {
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = Substring(self)
        while let range = rest.range(of: target) {
            out += rest[..<range.lowerBound]
            out += replacement
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}
