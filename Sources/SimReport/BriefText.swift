import SimWorkforce

/// A line of the brief: fixed words, text the user wrote (escaped for Markdown) and figures. A
/// figure keeps the value it shows, its half-width and its display scale, so `brief.html` can
/// carry them (`data-*`) and a test can check the rounding against the CSVs.
enum Piece {
    case words(String)
    case user(String)
    case figure(String, Figure)
}

/// Where a figure of the brief comes from.
struct Figure {
    enum Role: String { case baseline, value, delta, interval }
    var scenario: String
    var region: String
    var metric: String
    var role: Role
    /// `horizon`, or the calendar year of a yearly figure.
    var period: String
    /// The value shown (for an interval, its low end; `high` holds the other).
    var value: Double
    var high: Double = .nan
    var halfWidth: Double
    /// The estimate whose interval decides the rounding (mean, low, high): the figure's own, or
    /// for a level compared with the baseline, the paired difference's.
    var governing: (mean: Double, low: Double, high: Double) = (.nan, .nan, .nan)
    /// Display units per unit of `value` (100 for a share shown in percent, 1e-9 for miliar).
    var scale: Double
}

typealias Line = [Piece]

extension Array where Element == Piece {
    var markdown: String {
        map { piece -> String in
            switch piece {
            case .words(let s): return s
            case .user(let s): return escapeMarkdown(s)
            case .figure(let s, _): return s
            }
        }.joined()
    }

    var html: String {
        map { piece -> String in
            switch piece {
            case .words(let s), .user(let s): return xml(s)
            case .figure(let text, let figure):
                var attributes =
                    "class=\"fig\" data-scenario=\"\(xml(figure.scenario))\" data-region=\"\(xml(figure.region))\" data-metric=\"\(xml(figure.metric))\""
                attributes +=
                    " data-role=\"\(figure.role.rawValue)\" data-period=\"\(figure.period)\" data-value=\"\(formatNumber(figure.value))\""
                if figure.role == .interval { attributes += " data-high=\"\(formatNumber(figure.high))\"" }
                attributes += " data-half-width=\"\(formatNumber(figure.halfWidth))\" data-scale=\"\(formatNumber(figure.scale))\""
                attributes +=
                    " data-ci-mean=\"\(formatNumber(figure.governing.mean))\" data-ci-low=\"\(formatNumber(figure.governing.low))\" data-ci-high=\"\(formatNumber(figure.governing.high))\""
                return "<span \(attributes)>\(xml(text))</span>"
            }
        }.joined()
    }
}
