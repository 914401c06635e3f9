import SimExperiment
import SimWorkforce

/// What a number measures, which decides how a reader sees it: shares as percentages (and their
/// differences as percentage points), money in Rupiah with juta/miliar, levels and indices as
/// decimals.
public enum Quantity: Sendable {
    case level, share, index, minutes, rupiah, people, plain
    /// Whole people named by the words around them ("+243 PNS mencapai 20 JP"): no unit word, and
    /// never a fraction of a person (a mean over replications rounds to whole people).
    case count

}

/// Numbers as people read them in the brief's language: `1,61`, `29%`, `Rp 5,1 miliar` in
/// Bahasa Indonesia, `1.61`, `29%`, `Rp 5.1 billion` in English. Values are rounded to what their
/// 95% interval supports (``places(halfWidth:)``); the CSVs keep full precision.
public struct NumberStyle: Sendable {
    public let language: Language
    public init(_ language: Language) { self.language = language }

    var decimalMark: Character { language == .id ? "," : "." }
    var groupMark: Character { language == .id ? "." : "," }

    /// Decimal places for a value whose 95% half-width is `halfWidth` (in display units): the
    /// last digit shown is the smallest power of ten at least as large as the half-width, so
    /// rounding never moves a value by more than half its half-width and never shows digits the
    /// interval cannot support (a half-width of 0.004 shows two decimals, of 0.54 none). Without an
    /// interval, three significant digits of `value`.
    public static func places(halfWidth: Double, value: Double) -> Int {
        if halfWidth.isFinite && halfWidth > 0 {
            var unit = 1.0
            var places = 0
            while unit / 10 >= halfWidth && places < 6 {
                unit /= 10
                places += 1
            }
            return places
        }
        guard value.isFinite && value != 0 else { return 0 }
        return min(6, max(0, 2 - Int(abs(value).log10().rounded(.down))))
    }

    /// `x` with `places` decimals, the language's marks, thousands grouped from 10,000 and a true
    /// minus sign; `signed` adds `+` to positive values (differences).
    public func decimal(_ x: Double, places: Int, signed: Bool = false) -> String {
        guard x.isFinite else { return "–" }
        let scale = pow10(places)
        var rounded = (abs(x) * scale).rounded() / scale
        if rounded == 0 { rounded = 0 }
        let whole = rounded.rounded(.down)
        var digits = String(Int64(whole))
        if whole >= 10_000 {
            var grouped = ""
            for (i, c) in digits.reversed().enumerated() {
                if i > 0 && i % 3 == 0 { grouped.append(groupMark) }
                grouped.append(c)
            }
            digits = String(grouped.reversed())
        }
        if places > 0 {
            let fraction = Int64(((rounded - whole) * scale).rounded())
            let text = String(fraction)
            digits += String(decimalMark) + String(repeating: "0", count: places - text.count) + text
        }
        let sign = rounded == 0 ? "" : x < 0 ? "−" : signed ? "+" : ""
        return sign + digits
    }

    /// How a quantity is scaled for display, and the unit words that follow it.
    struct Scale {
        var factor: Double
        /// Unit after a value (`%`, ` menit`, ` miliar`); for money the `Rp ` goes before.
        var suffix: String
        /// Unit after a difference (` poin` for shares, else as `suffix`).
        var deltaSuffix: String
        var prefix: String
    }

    /// The display scale of a quantity; for money, chosen from the largest magnitude shown.
    func scale(_ quantity: Quantity, magnitude: Double) -> Scale {
        switch quantity {
        case .share: return Scale(factor: 100, suffix: "%", deltaSuffix: language == .id ? " poin" : " pp", prefix: "")
        case .minutes:
            let unit = language == .id ? " menit" : " min"
            return Scale(factor: 1, suffix: unit, deltaSuffix: unit, prefix: "")
        case .people:
            let unit = language == .id ? " orang" : " people"
            return Scale(factor: 1, suffix: unit, deltaSuffix: unit, prefix: "")
        case .rupiah:
            let (factor, word): (Double, String) =
                magnitude >= 1e9
                ? (1e-9, language == .id ? " miliar" : " billion")
                : magnitude >= 1e6 ? (1e-6, language == .id ? " juta" : " million") : (1, "")
            return Scale(factor: factor, suffix: word, deltaSuffix: word, prefix: "Rp ")
        case .level, .index, .plain, .count: return Scale(factor: 1, suffix: "", deltaSuffix: "", prefix: "")
        }
    }

    /// A value with its unit, rounded to its interval: `29%`, `Rp 5,1 miliar`, `1,68`.
    public func value(_ x: Double, _ quantity: Quantity, halfWidth: Double) -> String {
        let scale = scale(quantity, magnitude: abs(x))
        return value(x, quantity, places: Self.places(halfWidth: halfWidth * scale.factor, value: x * scale.factor))
    }

    /// A value with its unit at a given number of decimal places.
    public func value(_ x: Double, _ quantity: Quantity, places: Int) -> String {
        let scale = scale(quantity, magnitude: abs(x))
        return scale.prefix + decimal(x * scale.factor, places: places) + scale.suffix
    }

    /// The display factor and decimal places for an estimate shown with its interval, so the
    /// value and both ends share one unit and one rounding. A significant interval (one that
    /// excludes zero) gets up to two more places where rounding would otherwise show its mean or
    /// an end as 0, so the reader can see that it excludes zero.
    func layout(_ e: Estimate, _ quantity: Quantity) -> (scale: Scale, places: Int) {
        let scale = scale(quantity, magnitude: max(abs(e.mean), abs(e.low.isFinite ? e.low : 0), abs(e.high.isFinite ? e.high : 0)))
        if quantity == .count { return (scale, 0) }
        let places = Self.places(halfWidth: e.halfWidth * scale.factor, value: e.mean * scale.factor)
        return (scale, Self.places(places, showingSignOf: e, factor: scale.factor))
    }

    /// `places`, or up to two more while a significant estimate's mean or an interval end rounds to zero.
    public static func places(_ places: Int, showingSignOf e: Estimate, factor: Double) -> Int {
        guard e.low.isFinite, e.high.isFinite, e.low > 0 || e.high < 0 else { return places }
        func roundsToZero(_ x: Double, _ p: Int) -> Bool { (abs(x * factor) * pow10(p)).rounded() == 0 }
        var p = places
        while p < places + 2 && [e.mean, e.low, e.high].contains(where: { roundsToZero($0, p) }) { p += 1 }
        return p
    }

    /// A paired difference: `−9 poin`, `+Rp 410 juta`, `+0,07`.
    public func difference(_ e: Estimate, _ quantity: Quantity) -> String {
        let (scale, places) = layout(e, quantity)
        let number = decimal(e.mean * scale.factor, places: places, signed: true)
        let sign = number.hasPrefix("+") || number.hasPrefix("−") ? String(number.prefix(1)) : ""
        return sign + scale.prefix + number.dropFirst(sign.count) + scale.deltaSuffix
    }

    /// The interval of an estimate in words: `IK 95% −12 s.d. −5` / `95% CI −12 to −5`.
    public func interval(_ e: Estimate, _ quantity: Quantity, signed: Bool) -> String {
        guard e.low.isFinite && e.high.isFinite else { return language == .id ? "tanpa IK (1 replikasi)" : "no CI (1 replication)" }
        let (scale, places) = layout(e, quantity)
        let low = decimal(e.low * scale.factor, places: places, signed: signed)
        let high = decimal(e.high * scale.factor, places: places, signed: signed)
        return language == .id ? "IK 95% \(low) s.d. \(high)" : "95% CI \(low) to \(high)"
    }

    /// Axis ticks: `count` or so round values covering `low...high`, each written with the places
    /// its step needs.
    public func ticks(low: Double, high: Double, count: Int = 5) -> [(value: Double, text: String)] {
        guard low.isFinite, high.isFinite, high > low else { return [] }
        let raw = (high - low) / Double(max(count - 1, 1))
        let magnitude = pow10(Int(raw.log10().rounded(.down)))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
        let places = max(0, -Int((step.log10()).rounded(.down)) + (step / pow10(Int(step.log10().rounded(.down))) == 2.5 ? 1 : 0))
        var ticks: [(Double, String)] = []
        var v = (low / step).rounded(.up) * step
        while v <= high + step * 1e-9 {
            ticks.append((v, decimal(v, places: places, signed: false)))
            v += step
        }
        return ticks
    }
}

func pow10(_ n: Int) -> Double {
    var x = 1.0
    if n >= 0 { for _ in 0..<n { x *= 10 } } else { for _ in 0..<(-n) { x /= 10 } }
    return x
}

extension Double {
    /// Base-10 logarithm without Foundation (SimReport is pure text).
    func log10() -> Double {
        precondition(self > 0)
        var x = self
        var exponent = 0.0
        while x >= 10 {
            x /= 10
            exponent += 1
        }
        while x < 1 {
            x *= 10
            exponent -= 1
        }
        // ln(x)/ln(10) for x in [1, 10) by the atanh series of ln.
        let y = (x - 1) / (x + 1)
        let y2 = y * y
        var term = y
        var sum = 0.0
        var k = 1.0
        while abs(term / k) > 1e-17 {
            sum += term / k
            term *= y2
            k += 2
        }
        return exponent + 2 * sum / 2.302585092994046
    }
}
