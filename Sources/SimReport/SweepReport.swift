import SimWorkforce

/// One point of a sweep's outcome curve: a scenario at a value of the first varied path.
public struct SweepPoint: Sendable {
    public var scenario: String
    /// The scenario's name for the legend (its id when it has none).
    public var name: LocalizedText
    public var x: Double
    public var mean: Double
    public var low: Double
    public var high: Double
    public init(scenario: String, name: LocalizedText, x: Double, mean: Double, low: Double, high: Double) {
        self.scenario = scenario
        self.name = name
        self.x = x
        self.mean = mean
        self.low = low
        self.high = high
    }
}

/// One chart of a sweep: a metric in a region, a curve per scenario.
public struct SweepChart: Sendable {
    public var regionID: String
    public var regionName: String
    public var metric: String
    /// How the metric is summarised at the horizon, which says when its values hold.
    public var summary: HorizonSummary
    public var points: [SweepPoint]
    public init(regionID: String, regionName: String, metric: String, summary: HorizonSummary, points: [SweepPoint]) {
        self.summary = summary
        self.regionID = regionID
        self.regionName = regionName
        self.metric = metric
        self.points = points
    }
}

/// `sweep.html`: the outcome curves of a sweep (for example budget against outcome), one chart
/// per region and metric, a line per scenario with its 95% band, in the brief's language, names,
/// number format and chart rules. Self-contained XHTML; every point carries the `data-value`
/// written in `sweep.csv`.
public enum SweepReport {
    public static func html(language: Language, axis: String, horizonYear: Int, charts: [SweepChart]) -> String {
        let style = NumberStyle(language)
        let t = language.pick
        let title = t("Kurva hasil: \(axis)", "Outcome curves: \(axis)")
        var body = "<header><h1>\(xml(title))</h1>\n<p class=\"meta\">"
        body += xml(
            t(
                "Setiap titik adalah rata-rata replikasi pada satu nilai \(axis), dengan pita interval kepercayaan 95%; titik-titik memakai bilangan acak yang sama sehingga kurvanya halus. Angka lengkap ada di sweep.csv.",
                "Each point is the mean over replications at one value of \(axis), with its 95% confidence band; points share random numbers, so the curves are smooth. All numbers are in sweep.csv."
            ))
        body += "</p></header>\n"
        for chart in charts where !chart.points.isEmpty {
            let metric = BriefMetric.named(chart.metric)
            let label = metric?.label.text(in: language) ?? chart.metric
            let when = BriefWords.when(chart.summary, firstYear: horizonYear, lastYear: horizonYear, language)
            body += "<figure><figcaption>\(xml(chart.regionName)): \(xml(label)) (\(xml(when)))</figcaption>\n"
            body += svg(chart, label: label, quantity: metric?.quantity ?? .plain, axis: axis, style: style) + "</figure>\n"
        }
        return page(title: title, language: language, body: body)
    }

    /// The quantity a scenario path holds, for its axis (Rupiah, shares, or plain numbers).
    static func quantity(ofPath path: String) -> Quantity {
        let key = path.split(separator: ".").last.map(String.init)?.lowercased() ?? ""
        return key.contains("rupiah") ? .rupiah : key.contains("share") ? .share : .plain
    }

    /// [low, high], widened by 1 each way when it is a single value.
    static func widened(_ low: Double, _ high: Double) -> (Double, Double) {
        high - low < 1e-12 ? (low - 1, high + 1) : (low, high)
    }

    /// The unit an axis of this quantity is labelled in, at the scale's factor.
    static func unit(of quantity: Quantity, factor: Double, language: Language) -> String {
        switch quantity {
        case .share: return "%"
        case .rupiah:
            return factor == 1e-9
                ? language.pick("Rp miliar", "Rp billion") : factor == 1e-6 ? language.pick("Rp juta", "Rp million") : "Rp"
        default: return ""
        }
    }

    static func svg(_ chart: SweepChart, label: String, quantity: Quantity, axis: String, style: NumberStyle) -> String {
        let language = style.language
        let t = language.pick
        var scenarios: [(id: String, name: String)] = []
        for point in chart.points where !scenarios.contains(where: { $0.id == point.scenario }) {
            scenarios.append((point.scenario, point.name.text(in: language)))
        }
        let legendHeight = 18.0 * Double(scenarios.count)
        let width = 900.0
        let left = 70.0
        let right = width - 20
        let top = 34.0 + legendHeight
        let height = top + 260
        let bottom = height - 46
        let axisQuantity = Self.quantity(ofPath: axis)
        let xScale = style.scale(axisQuantity, magnitude: chart.points.map { abs($0.x) }.max() ?? 0)
        let yScale = style.scale(quantity, magnitude: chart.points.map { abs($0.mean) }.max() ?? 0)
        let (xLow, xHigh) = widened((chart.points.map(\.x).min() ?? 0) * xScale.factor, (chart.points.map(\.x).max() ?? 1) * xScale.factor)
        var (yLow, yHigh) = widened(
            (chart.points.map(\.low).filter(\.isFinite).min() ?? 0) * yScale.factor,
            (chart.points.map(\.high).filter(\.isFinite).max() ?? 1) * yScale.factor)
        let pad = (yHigh - yLow) * 0.08
        yLow -= pad
        yHigh += pad
        let xFactor: Double = xScale.factor
        let yFactor: Double = yScale.factor
        func x(_ v: Double) -> Double { left + (right - left) * (v * xFactor - xLow) / (xHigh - xLow) }
        func y(_ v: Double) -> Double { bottom - (bottom - top) * (v * yFactor - yLow) / (yHigh - yLow) }
        var canvas = SVGCanvas(
            width: width, height: height, title: "\(chart.regionName): \(label)",
            description: t(
                "\(label) di \(chart.regionName) terhadap \(axis), satu garis per skenario dengan pita interval kepercayaan 95%.",
                "\(label) in \(chart.regionName) against \(axis), a line per scenario with its 95% confidence band."))
        let yUnit = yScale.suffix.trimmingLeadingSpace()
        canvas.text(label + (yUnit.isEmpty || label.contains(yUnit) ? "" : " (\(yUnit))"), x: left, y: top - 10, size: 12)
        let xUnit = unit(of: axisQuantity, factor: xFactor, language: language)
        canvas.text(axis + (xUnit.isEmpty ? "" : " (\(xUnit))"), x: (left + right) / 2, y: height - 10, size: 12, anchor: .middle)
        for tick in style.ticks(low: xLow, high: xHigh, count: 6) {
            let xt = left + (right - left) * (tick.value - xLow) / (xHigh - xLow)
            canvas.element("<line x1=\"\(f(xt))\" x2=\"\(f(xt))\" y1=\"\(f(top))\" y2=\"\(f(bottom))\" stroke=\"#eee\"/>")
            canvas.text(tick.text, x: xt, y: bottom + 15, size: 11, anchor: .middle, fill: "#555")
        }
        for tick in style.ticks(low: yLow, high: yHigh, count: 5) {
            let yt = bottom - (bottom - top) * (tick.value - yLow) / (yHigh - yLow)
            canvas.element("<line x1=\"\(f(left))\" x2=\"\(f(right))\" y1=\"\(f(yt))\" y2=\"\(f(yt))\" stroke=\"#eee\"/>")
            canvas.text(tick.text, x: left - 6, y: yt + 4, size: 11, anchor: .end, fill: "#555")
        }
        for (index, scenario) in scenarios.enumerated() {
            let color = PolicyBrief.palette[index % PolicyBrief.palette.count]
            let line = chart.points.filter { $0.scenario == scenario.id }.sorted { $0.x < $1.x }
            let band = line.filter { $0.low.isFinite && $0.high.isFinite }
            if band.count == line.count {
                let outline = band.map { "\(f(x($0.x))),\(f(y($0.high)))" } + band.reversed().map { "\(f(x($0.x))),\(f(y($0.low)))" }
                canvas.element(
                    "<polygon points=\"\(outline.joined(separator: " "))\" fill=\"\(color)\" fill-opacity=\"0.15\" stroke=\"none\"/>")
            }
            canvas.element(
                "<polyline points=\"\(line.map { "\(f(x($0.x))),\(f(y($0.mean)))" }.joined(separator: " "))\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"1.8\"/>"
            )
            for point in line {
                canvas.element(
                    "<circle cx=\"\(f(x(point.x)))\" cy=\"\(f(y(point.mean)))\" r=\"3\" fill=\"\(color)\" data-scenario=\"\(xml(point.scenario))\" data-region=\"\(xml(chart.regionID))\" data-metric=\"\(xml(chart.metric))\" data-x=\"\(formatNumber(point.x))\" data-value=\"\(formatNumber(point.mean))\"/>"
                )
            }
            let legendY = 16 + 18 * Double(index)
            canvas.element(
                "<line x1=\"\(f(left))\" x2=\"\(f(left + 18))\" y1=\"\(f(legendY - 4))\" y2=\"\(f(legendY - 4))\" stroke=\"\(color)\" stroke-width=\"2\"/>"
            )
            canvas.text(SVGCanvas.fitted(scenario.name, size: 12, maxWidth: right - left - 30), x: left + 24, y: legendY, size: 12)
        }
        return canvas.svg()
    }
}

extension String {
    func trimmingLeadingSpace() -> String { String(drop { $0 == " " }) }
}
