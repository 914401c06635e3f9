import SimSensitivity
import SimWorkforce

/// One factor's bar in a tornado chart: the ranking index (μ* or ST) with its interval, and for
/// Sobol the first-order S1 drawn inside it.
public struct SensitivityBar: Sendable {
    public var parameter: String
    public var index: SensitivityIndex
    public var inner: SensitivityIndex?
    public init(parameter: String, index: SensitivityIndex, inner: SensitivityIndex?) {
        self.parameter = parameter
        self.index = index
        self.inner = inner
    }
}

/// The tornado chart of one scenario, region and metric.
public struct SensitivityChart: Sendable {
    public var scenario: String
    public var scenarioName: LocalizedText
    public var regionID: String
    public var regionName: String
    public var metric: String
    public var unit: String
    public var horizonYear: Int
    public var bars: [SensitivityBar]
    public init(
        scenario: String, scenarioName: LocalizedText, regionID: String, regionName: String, metric: String, unit: String,
        horizonYear: Int, bars: [SensitivityBar]
    ) {
        (self.scenario, self.scenarioName, self.regionID, self.regionName) = (scenario, scenarioName, regionID, regionName)
        (self.metric, self.unit, self.horizonYear, self.bars) = (metric, unit, horizonYear, bars)
    }
}

/// `sensitivity.html`: a tornado chart per headline metric and region, factors sorted by their
/// ranking index, each bar with its 95% bootstrap interval; in the brief's language and number
/// format. Every bar carries the `data-value` written in `sensitivity.csv`.
public enum SensitivityReport {
    public static let headlineMetrics: [Metric] = [.competencyShareAtStandard, .jpShareReaching20, .serviceIKM]

    public static func html(language: Language, method: String, samples: Int, replications: Int, charts: [SensitivityChart]) -> String {
        let t = language.pick
        let morris = method == "morris"
        let title = t("Apa yang paling menentukan hasil? Analisis sensitivitas", "What drives the outcomes? Sensitivity analysis")
        var body = "<header><h1>\(xml(title))</h1>\n<p class=\"meta\">"
        body += xml(
            morris
                ? t(
                    "Metode Morris, \(samples) lintasan, \(replications) replikasi per titik dengan bilangan acak yang sama. Panjang batang: μ*, rata-rata perubahan hasil ketika satu asumsi bergerak di seluruh rentangnya (dalam satuan hasil); garis: interval bootstrap 95%. Asumsi teratas paling layak diukur lebih dulu.",
                    "Morris method, \(samples) trajectories, \(replications) replications per point with common random numbers. Bar: μ*, the mean change in the outcome when one assumption moves across its whole range (in the outcome's units); line: 95% bootstrap interval. The top assumptions are the first worth measuring."
                )
                : t(
                    "Indeks Sobol (skema Saltelli), N = \(samples), \(replications) replikasi per titik dengan bilangan acak yang sama. Batang terang: ST, bagian varians hasil yang melibatkan asumsi itu; batang gelap: S1, bagiannya sendiri; garis: interval bootstrap 95%.",
                    "Sobol indices (Saltelli's scheme), N = \(samples), \(replications) replications per point with common random numbers. Light bar: ST, the share of the outcome's variance the assumption takes part in; dark bar: S1, its share alone; line: 95% bootstrap interval."
                ))
        body +=
            " "
            + xml(
                t(
                    "Semua angka ada di sensitivity.csv; rentang setiap asumsi dan alasannya ada di docs/uncertainty.md.",
                    "All numbers are in sensitivity.csv; each assumption's range and its reason are in docs/uncertainty.md."))
        body += "</p></header>\n"
        for chart in charts {
            let metric = BriefMetric.named(chart.metric)
            let label = metric?.label.text(in: language) ?? chart.metric
            body +=
                "<figure><figcaption>\(xml(chart.scenarioName.text(in: language))) · \(xml(chart.regionName)): \(xml(label)) (\(chart.horizonYear))</figcaption>\n"
            body +=
                svg(chart, label: label, quantity: morris ? (metric?.quantity ?? .plain) : .plain, morris: morris, language: language)
                + "</figure>\n"
        }
        return page(title: title, language: language, body: body)
    }

    /// At most this many factors per chart (the rest are in the CSV).
    static let shownFactors = 12

    static func svg(_ chart: SensitivityChart, label: String, quantity: Quantity, morris: Bool, language: Language) -> String {
        let t = language.pick
        let style = NumberStyle(language)
        // An input that moves nothing here (another region's, under common random numbers exactly 0) is left out.
        let bars = chart.bars.filter { $0.index.value.isFinite && ($0.index.value != 0 || $0.index.high > 0) }.sorted {
            ($0.index.value, $1.parameter) > ($1.index.value, $0.parameter)
        }.prefix(shownFactors)
        let left = 330.0
        let right = 880.0
        let top = 40.0
        let row = 24.0
        let height = top + row * Double(max(bars.count, 1)) + 40
        let bottom = height - 34
        let scale = style.scale(quantity, magnitude: bars.map(\.index.value).max() ?? 0)
        var high = (bars.map { $0.index.high.isFinite ? $0.index.high : $0.index.value }.max() ?? 1) * scale.factor
        if !(high > 1e-12) { high = 1 }  // nothing moves: an empty axis from 0 to 1
        func x(_ v: Double) -> Double { left + (right - left) * max(0, v * scale.factor) / high }
        var canvas = SVGCanvas(
            width: 900, height: height, title: "\(chart.regionName): \(label)",
            description: t(
                "Asumsi yang paling menentukan \(label) di \(chart.regionName), diurutkan.",
                "The assumptions that drive \(label) in \(chart.regionName), sorted."))
        let axisLabel =
            morris
            ? "μ* (\(label)\(scale.suffix.isEmpty ? "" : ", " + scale.suffix.trimmingLeadingSpace()))"
            : t("bagian varians (ST, S1)", "share of variance (ST, S1)")
        canvas.text(axisLabel, x: (left + right) / 2, y: height - 8, size: 12, anchor: .middle)
        for tick in style.ticks(low: 0, high: high, count: 5) {
            let xt = left + (right - left) * tick.value / high
            canvas.element("<line x1=\"\(f(xt))\" x2=\"\(f(xt))\" y1=\"\(f(top - 6))\" y2=\"\(f(bottom))\" stroke=\"#eee\"/>")
            canvas.text(tick.text, x: xt, y: bottom + 14, size: 11, anchor: .middle, fill: "#555")
        }
        if bars.isEmpty {
            canvas.text(
                t("Tidak ada asumsi yang mengubah hasil ini.", "No assumption changes this outcome."), x: left, y: top + 16, size: 12)
        }
        for (i, bar) in bars.enumerated() {
            let y = top + row * Double(i)
            canvas.text(SVGCanvas.fitted(bar.parameter, size: 11, maxWidth: left - 16), x: left - 8, y: y + 15, size: 11, anchor: .end)
            canvas.element(
                "<rect x=\"\(f(left))\" y=\"\(f(y + 4))\" width=\"\(f(x(bar.index.value) - left))\" height=\"\(f(row - 8))\" fill=\"\(morris ? "#1f77b4" : "#9ecae1")\" data-parameter=\"\(xml(bar.parameter))\" data-region=\"\(xml(chart.regionID))\" data-metric=\"\(xml(chart.metric))\" data-value=\"\(formatNumber(bar.index.value))\"/>"
            )
            if let inner = bar.inner, inner.value.isFinite {
                canvas.element(
                    "<rect x=\"\(f(left))\" y=\"\(f(y + 8))\" width=\"\(f(x(inner.value) - left))\" height=\"\(f(row - 16))\" fill=\"#08519c\" data-index=\"S1\" data-value=\"\(formatNumber(inner.value))\"/>"
                )
            }
            if bar.index.low.isFinite && bar.index.high.isFinite {
                let yMid = y + row / 2
                canvas.element(
                    "<line x1=\"\(f(x(bar.index.low)))\" x2=\"\(f(x(bar.index.high)))\" y1=\"\(f(yMid))\" y2=\"\(f(yMid))\" stroke=\"#333\" stroke-width=\"1.2\"/>"
                )
            }
        }
        return canvas.svg()
    }
}
