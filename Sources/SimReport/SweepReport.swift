/// One point of a sweep's outcome curve: a scenario at a value of the first varied path.
public struct SweepPoint: Sendable {
    public var scenario: String
    public var x: Double
    public var mean: Double
    public var low: Double
    public var high: Double
    public init(scenario: String, x: Double, mean: Double, low: Double, high: Double) {
        self.scenario = scenario
        self.x = x
        self.mean = mean
        self.low = low
        self.high = high
    }
}

/// `sweep.html`: the outcome curves of a sweep (budget against outcome), one chart per region and
/// metric, a line per scenario with its 95% band. Self-contained XHTML; every point carries the
/// `data-value` written in `sweep.csv`.
public enum SweepReport {
    public static func html(title: String, axis: String, charts: [(region: String, metric: String, points: [SweepPoint])]) -> String {
        var body = "<h1>\(xml(title))</h1>\n<p>\(xml(axis))</p>\n"
        for chart in charts {
            body += "<h2>\(xml(chart.region)): \(xml(chart.metric))</h2>\n" + svg(axis: axis, region: chart.region, metric: chart.metric, points: chart.points)
        }
        return """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml">
            <head>
            <meta charset="utf-8"/>
            <title>\(xml(title))</title>
            <style>body { font-family: system-ui, sans-serif; max-width: 980px; margin: 2em auto; color: #222; } svg { background: #fafafa; border: 1px solid #eee; } .axis { font-size: 11px; fill: #555; } .legend { font-size: 12px; }</style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }

    static func svg(axis: String, region: String, metric: String, points: [SweepPoint]) -> String {
        let width = 900.0, height = 300.0, left = 70.0, right = 190.0, top = 15.0, bottom = 30.0
        var scenarios: [String] = []
        for point in points where !scenarios.contains(point.scenario) { scenarios.append(point.scenario) }
        var xLow = points.map(\.x).min() ?? 0, xHigh = points.map(\.x).max() ?? 1
        var yLow = points.map(\.low).min() ?? 0, yHigh = points.map(\.high).max() ?? 1
        if xHigh - xLow < 1e-12 { xLow -= 1; xHigh += 1 }
        if yHigh - yLow < 1e-12 { yLow -= 1e-3; yHigh += 1e-3 }
        func x(_ v: Double) -> Double { left + (width - left - right) * (v - xLow) / (xHigh - xLow) }
        func y(_ v: Double) -> Double { top + (height - top - bottom) * (1 - (v - yLow) / (yHigh - yLow)) }
        func f(_ v: Double) -> String { formatNumber((v * 10).rounded() / 10) }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\">\n"
        svg += "<text class=\"axis\" x=\"\(f(left))\" y=\"\(f(height - 8))\">\(xml(formatNumber(xLow))) … \(xml(formatNumber(xHigh)))</text>\n"
        svg += "<text class=\"axis\" x=\"4\" y=\"\(f(top + 8))\">\(xml(formatNumber(yHigh)))</text><text class=\"axis\" x=\"4\" y=\"\(f(height - bottom))\">\(xml(formatNumber(yLow)))</text>\n"
        for (index, scenario) in scenarios.enumerated() {
            let color = PolicyBrief.palette[index % PolicyBrief.palette.count]
            let line = points.filter { $0.scenario == scenario }.sorted { $0.x < $1.x }
            let band = line.map { "\(f(x($0.x))),\(f(y($0.high)))" } + line.reversed().map { "\(f(x($0.x))),\(f(y($0.low)))" }
            svg += "<polygon points=\"\(band.joined(separator: " "))\" fill=\"\(color)\" fill-opacity=\"0.12\" stroke=\"none\"/>\n"
            svg += "<polyline points=\"\(line.map { "\(f(x($0.x))),\(f(y($0.mean)))" }.joined(separator: " "))\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"1.6\"/>\n"
            for point in line {
                svg += "<circle cx=\"\(f(x(point.x)))\" cy=\"\(f(y(point.mean)))\" r=\"3\" fill=\"\(color)\" data-scenario=\"\(xml(scenario))\" data-region=\"\(xml(region))\" data-metric=\"\(xml(metric))\" data-x=\"\(formatNumber(point.x))\" data-value=\"\(formatNumber(point.mean))\"/>\n"
            }
            svg += "<text class=\"legend\" x=\"\(f(width - right + 10))\" y=\"\(f(top + 14 * Double(index) + 9))\" fill=\"\(color)\">\(xml(String(scenario.prefix(26))))</text>\n"
        }
        return svg + "</svg>\n"
    }
}
