import SimExperiment
import SimWorkforce

/// The brief's answer to "how sure?" in a run with parameter uncertainty (`run --uncertain`): for
/// each what-if and region, the share of replications, each with its own draw of what we do not
/// know, in which the what-if did better than the baseline.
extension PolicyBrief {
    var robustnessTitle: String {
        t("Seberapa yakin? Peluang mengungguli \(comparedWith)", "How sure? The probability of beating \(comparedWith)")
    }

    var robustnessIntro: String {
        t(
            "Setiap replikasi menarik sendiri nilai asumsi yang tidak pasti (\(uncertainPaths.count) asumsi: docs/uncertainty.md), dan semua skenario dalam replikasi itu memakai tarikan yang sama. Angka di bawah adalah bagian replikasi tempat skenario lebih baik daripada \(comparedWith); interval di summary.csv juga mencakup ketidakpastian itu.",
            "Each replication draws its own values of the uncertain assumptions (\(uncertainPaths.count) assumptions: docs/uncertainty.md), and every scenario of that replication uses the same draw. Below is the share of replications in which the scenario did better than \(comparedWith); the intervals in summary.csv include that uncertainty too."
        )
    }

    /// The share of replications in which scenario s did better than the baseline on a metric
    /// with a direction, in region r; `nil` when the metric has none or the scenario lacks it.
    func probabilityOfBeating(_ s: Int, region: String, metric: BriefMetric) -> Double? {
        guard let (r, m, definition) = series(s, region, metric.key), let higher = definition.higherIsBetter,
            result.isCompared(s, r, m), result.replicationsDone > 0
        else { return nil }
        let wins = higher ? result.pairedAbove[s][r][m] : result.pairedBelow[s][r][m]
        return Double(wins) / Double(result.replicationsDone)
    }

    func probabilityText(_ p: Double?) -> String {
        guard let p else { return "–" }
        return style.decimal(p * 100, places: 0) + "%"
    }

    func robustnessMarkdown() -> String {
        guard !uncertainPaths.isEmpty, !whatIfs.isEmpty else { return "" }
        var md = "\n## \(robustnessTitle)\n\n\(robustnessIntro)\n"
        for region in regions {
            md +=
                "\n### \(escapeMarkdown(regionName(region)))\n\n| " + t("Skenario", "Scenario") + " | "
                + BriefMetric.answered.map { escapeMarkdown($0.short.text(in: language)) }.joined(separator: " | ") + " |\n"
            md += "|---" + String(repeating: "|---", count: BriefMetric.answered.count) + "|\n"
            for s in whatIfs {
                md +=
                    "| \(escapeMarkdown(name(s))) | "
                    + BriefMetric.answered.map { probabilityText(probabilityOfBeating(s, region: region, metric: $0)) }.joined(
                        separator: " | ") + " |\n"
            }
        }
        return md
    }

    func robustnessHTML() -> String {
        guard !uncertainPaths.isEmpty, !whatIfs.isEmpty else { return "" }
        var html = "<h2>\(xml(robustnessTitle))</h2>\n<p>\(xml(robustnessIntro))</p>\n"
        for region in regions {
            html +=
                "<h3>\(xml(regionName(region)))</h3>\n<table>\n<tr><th>" + xml(t("Skenario", "Scenario")) + "</th>"
                + BriefMetric.answered.map { "<th>\(xml($0.short.text(in: language)))</th>" }.joined() + "</tr>\n"
            for s in whatIfs {
                html +=
                    "<tr><td>\(xml(name(s)))</td>"
                    + BriefMetric.answered.map { metric in
                        let p = probabilityOfBeating(s, region: region, metric: metric)
                        return
                            "<td data-scenario=\"\(xml(labels[s].id))\" data-region=\"\(xml(region))\" data-metric=\"\(xml(metric.id))\" data-value=\"\(p.map { formatNumber($0) } ?? "")\">\(xml(probabilityText(p)))</td>"
                    }.joined() + "</tr>\n"
            }
            html += "</table>\n"
        }
        return html
    }
}
