import SimExperiment
import SimWorkforce

/// Small multiples over time and cost against effect.
extension PolicyBrief {
    /// One panel per what-if whose difference to the baseline is significant in some year or at
    /// the horizon: the baseline in grey, the what-if in colour, each with its 95% band, all on one
    /// scale; `grades` shades the IKM grade bands (PermenPAN-RB 14/2017).
    func smallMultiples(region: String, metric: BriefMetric, grades: Bool) -> String? {
        guard baselineHas(region), result.months > 1 else { return nil }
        let months = result.months
        let differing = touching(region: region).filter { s in
            comparison(s, region: region, metric)?.isSignificant == true
                || (firstYear...lastYear).contains { comparison(s, region: region, metric, year: $0)?.isSignificant == true }
        }
        guard !differing.isEmpty else { return nil }
        func series(_ s: Int) -> [Estimate]? {
            guard let (r, m, _) = self.series(s, region, metric.key) else { return nil }
            let values = (0..<months).map { Estimate(result.series[s][r][m * months + $0]) }
            return values.allSatisfy { $0.mean.isFinite && $0.low.isFinite && $0.high.isFinite } ? values : nil
        }
        guard let base = series(baseline) else { return nil }
        let panels = differing.compactMap { s in series(s).map { (s, $0) } }
        let factor = style.scale(metric.quantity, magnitude: base.map { abs($0.mean) }.max() ?? 0).factor
        var low = (panels.flatMap { $0.1.map(\.low) } + base.map(\.low)).min()! * factor
        var high = (panels.flatMap { $0.1.map(\.high) } + base.map(\.high)).max()! * factor
        if high - low < 1e-9 {
            low -= 0.5
            high += 0.5
        }
        let pad = (high - low) * 0.08
        low -= pad
        high += pad
        let columns = 3
        let panelWidth = 290.0
        let panelHeight = 168.0
        let gap = 15.0
        let rows = (panels.count + columns - 1) / columns
        let width = 900.0
        let height = 34 + (panelHeight + gap) * Double(rows)
        var canvas = SVGCanvas(
            width: width, height: height, title: metric.label.text(in: language) + " — " + regionName(region),
            description: t(
                "\(metric.label.text(in: language)) di \(regionName(region)) per bulan, \(firstYear)–\(lastYear): \(comparedWith) (abu-abu) dan tiap skenario yang berbeda nyata (berwarna), dengan pita interval kepercayaan 95%.",
                "\(metric.label.text(in: language)) in \(regionName(region)) by month, \(firstYear)–\(lastYear): \(comparedWith) (grey) and each scenario that differs significantly (colour), with 95% confidence bands."
            ))
        canvas.element("<line x1=\"8\" x2=\"28\" y1=\"14\" y2=\"14\" stroke=\"#888\" stroke-width=\"2\"/>")
        canvas.text(chartName(baseline, size: 12, maxWidth: 80), x: 34, y: 18, size: 12)
        canvas.element("<line x1=\"120\" x2=\"140\" y1=\"14\" y2=\"14\" stroke=\"#1f77b4\" stroke-width=\"2\"/>")
        canvas.text(t("skenario (pita = IK 95%)", "scenario (band = 95% CI)"), x: 146, y: 18, size: 12)
        for (i, (s, values)) in panels.enumerated() {
            let ox = Double(i % columns) * (panelWidth + gap)
            let oy = 34 + Double(i / columns) * (panelHeight + gap)
            drawPanel(
                &canvas, origin: (ox, oy), size: (panelWidth, panelHeight), range: (low, high), factor: factor, grades: grades,
                scenario: s, region: region, metric: metric, base: base, values: values)
        }
        return canvas.svg()
    }

    func drawPanel(
        _ canvas: inout SVGCanvas, origin: (x: Double, y: Double), size: (w: Double, h: Double), range: (low: Double, high: Double),
        factor: Double, grades: Bool, scenario s: Int, region: String, metric: BriefMetric, base: [Estimate], values: [Estimate]
    ) {
        let months = values.count
        let left = origin.x + 46
        let right = origin.x + size.w - 6
        let top = origin.y + 22
        let bottom = origin.y + size.h - 20
        func x(_ month: Int) -> Double { left + (right - left) * Double(month) / Double(months - 1) }
        func y(_ v: Double) -> Double { bottom - (bottom - top) * (v * factor - range.low) / (range.high - range.low) }
        canvas.text(
            chartName(s, size: 12, maxWidth: size.w - 8, bold: true), x: origin.x + 4, y: origin.y + 14, size: 12, bold: true)
        canvas.element(
            "<rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(right - left))\" height=\"\(f(bottom - top))\" fill=\"#fafafa\" stroke=\"#ddd\"/>"
        )
        if grades {
            for grade in [IKMGrade.a, .b, .c, .d] {
                let band = grade.range
                let y1 = max(top, y(min(band.upperBound, range.high / factor)))
                let y2 = min(bottom, y(max(band.lowerBound, range.low / factor)))
                guard y2 - y1 > 1 else { continue }
                let fill = ["A": "#e3f2e5", "B": "#eef6e0", "C": "#fff4d6", "D": "#fde4e4"][grade.rawValue] ?? "#eee"
                canvas.element(
                    "<rect x=\"\(f(left))\" y=\"\(f(y1))\" width=\"\(f(right - left))\" height=\"\(f(y2 - y1))\" fill=\"\(fill)\"/>")
                let label = t("mutu", "grade") + " " + grade.rawValue
                let box = SVGCanvas.textBox(label, x: right - 4, y: y1 + 11, size: 10, anchor: .end)
                if y2 - y1 > 13 && canvas.fits(box) { canvas.text(label, x: right - 4, y: y1 + 11, size: 10, anchor: .end, fill: "#666") }
            }
        }
        for tick in style.ticks(low: range.low, high: range.high, count: 4) {
            let yt = bottom - (bottom - top) * (tick.value - range.low) / (range.high - range.low)
            canvas.element("<line x1=\"\(f(left))\" x2=\"\(f(right))\" y1=\"\(f(yt))\" y2=\"\(f(yt))\" stroke=\"#e6e6e6\"/>")
            canvas.text(tick.text, x: left - 4, y: yt + 4, size: 10, anchor: .end, fill: "#555")
        }
        for year in stride(from: 0, to: months, by: 12) {
            // Each year's label sits under the middle of its year, clear of the value ticks.
            let middle = x(min(year + 6, months - 1))
            let label = String(firstYear + year / 12)
            let box = SVGCanvas.textBox(label, x: middle, y: bottom + 13, size: 10, anchor: .middle)
            if canvas.fits(box, margin: 4) { canvas.text(label, x: middle, y: bottom + 13, size: 10, anchor: .middle, fill: "#555") }
        }
        for (estimates, stroke, opacity) in [(base, "#888", "0.18"), (values, color(s), "0.18")] {
            let upper = estimates.indices.map { "\(f(x($0))),\(f(y(estimates[$0].high)))" }
            let lower = estimates.indices.reversed().map { "\(f(x($0))),\(f(y(estimates[$0].low)))" }
            canvas.element(
                "<polygon points=\"\((upper + lower).joined(separator: " "))\" fill=\"\(stroke)\" fill-opacity=\"\(opacity)\" stroke=\"none\"/>"
            )
            canvas.element(
                "<polyline points=\"\(estimates.indices.map { "\(f(x($0))),\(f(y(estimates[$0].mean)))" }.joined(separator: " "))\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"1.8\"/>"
            )
        }
        for month in stride(from: 11, to: months, by: 12) {
            let e = values[month]
            canvas.element(
                "<circle cx=\"\(f(x(month)))\" cy=\"\(f(y(e.mean)))\" r=\"2\" fill=\"\(color(s))\" data-period=\"\(periodLabel(startYear: firstYear, month: month))\" "
                    + dataAttributes(
                        s, region, metric: metric.id, [("data-value", e.mean), ("data-ci-low", e.low), ("data-ci-high", e.high)]) + "/>")
        }
    }

    // MARK: - Cost against effect

    /// Each what-if's paired change in budget spent (Rupiah, whole run) against its paired change
    /// in the outcome the first page ranks by (people by default), both with 95% intervals. Labels are placed where they overlap nothing;
    /// a point whose name finds no room gets a number, and `key` lists those numbers.
    func costEffect(region: String) -> (svg: String, key: [String])? {
        let cost = BriefMetric.spent
        let effect = outcome.metric
        let points = touching(region: region).compactMap { s -> (Int, Comparison, Comparison)? in
            guard let c = comparison(s, region: region, cost), let e = comparison(s, region: region, effect),
                c.delta.low.isFinite, e.delta.low.isFinite
            else { return nil }
            return (s, c, e)
        }
        guard !points.isEmpty else { return nil }
        let factor = style.scale(.rupiah, magnitude: points.map { max(abs($0.1.delta.low), abs($0.1.delta.high)) }.max() ?? 0).factor
        let width = 900.0
        let height = 420.0
        let left = 70.0
        let right = width - 20
        let top = 40.0
        let bottom = height - 50
        func span(_ values: [Double]) -> (Double, Double) {
            var low = min(0, values.min()!)
            var high = max(0, values.max()!)
            if high - low < 1e-12 {
                low -= 1
                high += 1
            }
            let pad = (high - low) * 0.08
            return (low - pad, high + pad)
        }
        let (xLow, xHigh) = span(points.flatMap { [$0.1.delta.low * factor, $0.1.delta.high * factor] })
        let (yLow, yHigh) = span(points.flatMap { [$0.2.delta.low, $0.2.delta.high] })
        func x(_ v: Double) -> Double { left + (right - left) * (v * factor - xLow) / (xHigh - xLow) }
        func y(_ v: Double) -> Double { bottom - (bottom - top) * (v - yLow) / (yHigh - yLow) }
        let costWhen = when(points[0].1)
        let effectWhen = when(points[0].2)
        var canvas = SVGCanvas(
            width: width, height: height, title: t("Biaya dan hasil", "Cost and effect") + " — " + regionName(region),
            description: t(
                "Selisih anggaran terpakai (\(costWhen)) terhadap selisih rata-rata kompetensi (\(effectWhen)) tiap skenario dibanding \(comparedWith) di \(regionName(region)), dengan interval 95%.",
                "Each scenario's difference in budget spent (\(costWhen)) against its difference in mean competency (\(effectWhen)) from \(comparedWith) in \(regionName(region)), with 95% intervals."
            ))
        canvas.text("Δ " + effect.label.text(in: language), x: left, y: 20, size: 12)
        canvas.text(
            "Δ " + t("anggaran terpakai", "budget spent") + ", " + deltaUnit(.rupiah, factor: factor) + " (\(costWhen))",
            x: (left + right) / 2, y: height - 12, size: 12, anchor: .middle)
        for tick in style.ticks(low: xLow, high: xHigh, count: 6) {
            let xt = left + (right - left) * (tick.value - xLow) / (xHigh - xLow)
            canvas.element("<line x1=\"\(f(xt))\" x2=\"\(f(xt))\" y1=\"\(f(top))\" y2=\"\(f(bottom))\" stroke=\"#eee\"/>")
            canvas.text(tick.text, x: xt, y: bottom + 15, size: 11, anchor: .middle, fill: "#555")
        }
        for tick in style.ticks(low: yLow, high: yHigh, count: 6) {
            canvas.element(
                "<line x1=\"\(f(left))\" x2=\"\(f(right))\" y1=\"\(f(y(tick.value)))\" y2=\"\(f(y(tick.value)))\" stroke=\"#eee\"/>")
            canvas.text(tick.text, x: left - 6, y: y(tick.value) + 4, size: 11, anchor: .end, fill: "#555")
        }
        canvas.element(
            "<line x1=\"\(f(x(0)))\" x2=\"\(f(x(0)))\" y1=\"\(f(top))\" y2=\"\(f(bottom))\" stroke=\"#333\" stroke-dasharray=\"4 3\"/>")
        canvas.element(
            "<line x1=\"\(f(left))\" x2=\"\(f(right))\" y1=\"\(f(y(0)))\" y2=\"\(f(y(0)))\" stroke=\"#333\" stroke-dasharray=\"4 3\"/>")
        for (s, c, e) in points {
            let px = x(c.delta.mean)
            let py = y(e.delta.mean)
            canvas.element(
                "<line x1=\"\(f(x(c.delta.low)))\" x2=\"\(f(x(c.delta.high)))\" y1=\"\(f(py))\" y2=\"\(f(py))\" stroke=\"\(color(s))\"/>")
            canvas.element(
                "<line x1=\"\(f(px))\" x2=\"\(f(px))\" y1=\"\(f(y(e.delta.low)))\" y2=\"\(f(y(e.delta.high)))\" stroke=\"\(color(s))\"/>")
            canvas.element(
                "<circle cx=\"\(f(px))\" cy=\"\(f(py))\" r=\"5\" fill=\"\(color(s))\" "
                    + dataAttributes(s, region, metric: cost.id, [("data-delta", c.delta.mean)])
                    + " data-delta-metric=\"\(effect.id)\" data-effect=\"\(formatNumber(e.delta.mean))\"/>")
            canvas.reserve(Box(x0: px - 6, y0: py - 6, x1: px + 6, y1: py + 6))
            // Whiskers are obstacles too, so no name is written across an interval.
            canvas.reserve(Box(x0: x(c.delta.low), y0: py - 1, x1: x(c.delta.high), y1: py + 1))
            canvas.reserve(Box(x0: px - 1, y0: y(e.delta.high), x1: px + 1, y1: y(e.delta.low)))
        }
        canvas.reserve(Box(x0: left, y0: y(0) - 1, x1: right, y1: y(0) + 1))
        canvas.reserve(Box(x0: x(0) - 1, y0: top, x1: x(0) + 1, y1: bottom))
        let spots = points.sorted(by: { $0.2.delta.mean > $1.2.delta.mean }).map { (s: $0.0, x: x($0.1.delta.mean), y: y($0.2.delta.mean)) }
        let key = label(spots, on: &canvas, within: Box(x0: left, y0: top, x1: right, y1: bottom))
        return (canvas.svg(), key)
    }

    /// Writes each point's scenario name where it overlaps nothing, in the order given; a point
    /// whose name finds no room gets a number. Returns the key of those numbers.
    func label(_ points: [(s: Int, x: Double, y: Double)], on canvas: inout SVGCanvas, within plot: Box) -> [String] {
        var key: [String] = []
        for (s, px, py) in points {
            if let spot = labelSpot(canvas, name(s), at: (px, py), within: plot) {
                if spot.leader {
                    canvas.element(
                        "<line x1=\"\(f(px))\" y1=\"\(f(py))\" x2=\"\(f(spot.lineX))\" y2=\"\(f(spot.lineY))\" stroke=\"#aaa\"/>")
                }
                canvas.text(name(s), x: spot.x, y: spot.y, size: 12, anchor: spot.anchor, fill: color(s), halo: true)
            } else {
                let number = String(key.count + 1)
                if let spot = labelSpot(canvas, number, at: (px, py), within: plot) {
                    canvas.text(number, x: spot.x, y: spot.y, size: 12, anchor: spot.anchor, bold: true, fill: color(s), halo: true)
                    key.append("\(number) = \(name(s))")
                }
            }
        }
        return key
    }

    /// The first free place for a label near a point: beside, above or below it, then further out
    /// with a leader line.
    func labelSpot(_ canvas: SVGCanvas, _ text: String, at point: (x: Double, y: Double), within plot: Box)
        -> (x: Double, y: Double, anchor: TextAnchor, leader: Bool, lineX: Double, lineY: Double)?
    {
        for distance in [9.0, 22, 40, 64] {
            let candidates: [(Double, Double, TextAnchor)] = [
                (distance, 4, .start), (-distance, 4, .end), (0, -distance, .middle), (0, distance + 8, .middle),
                (distance * 0.7, -distance * 0.7, .start), (-distance * 0.7, -distance * 0.7, .end),
                (distance * 0.7, distance * 0.7 + 8, .start), (-distance * 0.7, distance * 0.7 + 8, .end),
            ]
            for (dx, dy, anchor) in candidates {
                let box = SVGCanvas.textBox(text, x: point.x + dx, y: point.y + dy, size: 12, anchor: anchor)
                guard box.inside(plot), canvas.fits(box, margin: 3) else { continue }
                let lineX = anchor == .start ? box.x0 - 1 : anchor == .end ? box.x1 + 1 : point.x + dx
                let lineY = dy < 0 ? box.y1 : dy > 4 ? box.y0 : point.y + dy - 4
                return (point.x + dx, point.y + dy, anchor, distance > 9, lineX, lineY)
            }
        }
        return nil
    }
}
