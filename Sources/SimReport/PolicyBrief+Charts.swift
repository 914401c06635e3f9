import SimExperiment
import SimWorkforce

/// The brief's charts, each comparing the what-ifs with the baseline: a forest plot of paired
/// differences per metric, small multiples over time (baseline beside each what-if that differs),
/// and cost against effect. Every chart has a title and description for screen readers, axis
/// titles with units, ticks in the brief's number format, and labels that never overlap.
extension PolicyBrief {
    static let palette = [
        "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#00838f", "#bcbd22", "#17becf", "#393b79", "#637939",
    ]

    func color(_ s: Int) -> String { Self.palette[s % Self.palette.count] }

    /// What-ifs that have `region`, as the comparison does, and change it at all.
    func touching(region: String) -> [Int] {
        whatIfs.filter { index($0, region) != nil && baselineHas(region) && !leavesUntouched($0, region: region) }
    }

    /// The unit words of a difference axis: "poin persentase", "Rp juta", "level".
    func deltaUnit(_ quantity: Quantity, factor: Double) -> String {
        switch quantity {
        case .share: return t("poin persentase", "percentage points")
        case .rupiah: return factor == 1e-9 ? t("Rp miliar", "Rp billion") : factor == 1e-6 ? t("Rp juta", "Rp million") : "Rp"
        case .level: return t("level kompetensi", "competency levels")
        case .index: return t("poin IKM", "IKM points")
        case .minutes: return t("menit", "minutes")
        case .people, .count: return t("orang", "people")
        case .plain: return ""
        }
    }

    /// A marker with the values it plots, for the tests and for readers of the source.
    func dataAttributes(_ s: Int, _ region: String, metric: String, _ pairs: [(String, Double)]) -> String {
        "data-scenario=\"\(xml(labels[s].id))\" data-region=\"\(xml(region))\" data-metric=\"\(metric)\""
            + pairs.map { " \($0.0)=\"\(formatNumber($0.1))\"" }.joined()
    }

    // MARK: - Forest plot

    /// Each what-if's paired difference to the baseline on one metric at the horizon, with its
    /// 95% interval, sorted from most improving to most worsening; filled points are significant.
    func forestPlot(region: String, metric: BriefMetric) -> String? {
        let rows = touching(region: region).compactMap { s in comparison(s, region: region, metric).map { (s, $0) } }
            .filter { $0.1.delta.low.isFinite && $0.1.delta.high.isFinite }
        guard let first = rows.first?.1 else { return nil }
        let worseFirst = first.higherIsBetter == false
        let sorted = rows.sorted { worseFirst ? $0.1.delta.mean < $1.1.delta.mean : $0.1.delta.mean > $1.1.delta.mean }
        let magnitude = rows.map { max(abs($0.1.delta.low), abs($0.1.delta.high)) }.max() ?? 0
        let factor = style.scale(metric.quantity, magnitude: magnitude).factor
        let size = 12.0
        let rowHeight = 22.0
        let width = 900.0
        let valueColumn = 130.0
        let labelWidth = min(
            420,
            (sorted.map { SVGCanvas.textWidth(labels[$0.0].shortName?.text(in: language) ?? name($0.0), size: size) }.max() ?? 100) + 12)
        let height = 16 + rowHeight * Double(sorted.count) + 62
        let period = when(first)
        var canvas = SVGCanvas(
            width: width, height: height, title: metric.label.text(in: language) + " — " + regionName(region),
            description: t(
                "Selisih tiap skenario terhadap \(comparedWith) di \(regionName(region)), \(period), dengan interval kepercayaan 95%; titik penuh berbeda nyata, titik kosong tidak.",
                "Each scenario's difference from \(comparedWith) in \(regionName(region)), \(period), with its 95% confidence interval; filled points are significant, hollow ones are not."
            ))
        var low = min(0, sorted.map(\.1.delta.low).min()!) * factor
        var high = max(0, sorted.map(\.1.delta.high).max()!) * factor
        if high - low < 1e-12 {
            low -= 1
            high += 1
        }
        let pad = (high - low) * 0.06
        low -= pad
        high += pad
        let left = labelWidth + 8
        let right = width - valueColumn
        let top = 12.0
        let bottom = top + rowHeight * Double(sorted.count)
        func x(_ v: Double) -> Double { left + (right - left) * (v * factor - low) / (high - low) }
        for tick in style.ticks(low: low, high: high, count: 6) {
            let xt = left + (right - left) * (tick.value - low) / (high - low)
            canvas.element("<line x1=\"\(f(xt))\" x2=\"\(f(xt))\" y1=\"\(f(top))\" y2=\"\(f(bottom))\" stroke=\"#e4e4e4\"/>")
            canvas.text(tick.text, x: xt, y: bottom + 15, size: 11, anchor: .middle, fill: "#555")
        }
        canvas.element(
            "<line x1=\"\(f(x(0)))\" x2=\"\(f(x(0)))\" y1=\"\(f(top - 4))\" y2=\"\(f(bottom))\" stroke=\"#333\" stroke-dasharray=\"4 3\"/>")
        for (row, (s, c)) in sorted.enumerated() {
            let y = top + rowHeight * (Double(row) + 0.5)
            canvas.text(chartName(s, size: size, maxWidth: labelWidth - 12), x: labelWidth, y: y + 4, size: size, anchor: .end)
            canvas.element(
                "<line x1=\"\(f(x(c.delta.low)))\" x2=\"\(f(x(c.delta.high)))\" y1=\"\(f(y))\" y2=\"\(f(y))\" stroke=\"\(color(s))\" stroke-width=\"2\"/>"
            )
            let fill = c.isSignificant ? color(s) : "#fff"
            canvas.element(
                "<circle cx=\"\(f(x(c.delta.mean)))\" cy=\"\(f(y))\" r=\"5\" fill=\"\(fill)\" stroke=\"\(color(s))\" stroke-width=\"2\" "
                    + dataAttributes(
                        s, region, metric: metric.id,
                        [("data-delta", c.delta.mean), ("data-ci-low", c.delta.low), ("data-ci-high", c.delta.high)]) + "/>")
            let text = style.difference(c.delta, metric.quantity) + (c.isSignificant ? "" : t(" (tn)", " (ns)"))
            canvas.text(text, x: width - 8, y: y + 4, size: 11, anchor: .end, fill: c.isSignificant ? "#222" : "#777")
        }
        canvas.text(
            t("Selisih terhadap \(comparedWith)", "Difference from \(comparedWith)") + ", " + deltaUnit(metric.quantity, factor: factor)
                + " (\(period))",
            x: (left + right) / 2, y: bottom + 34, size: 12, anchor: .middle)
        canvas.text(
            t("● berbeda nyata   ○ tidak berbeda nyata (tn)", "● significant   ○ not significant (ns)"), x: left, y: bottom + 52, size: 11,
            fill: "#555")
        return canvas.svg()
    }
}
