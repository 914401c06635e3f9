/// Numbers as text, in one place: the plain form a user would write (scenario values, JSON,
/// messages), a fixed number of significant digits (CSV), and rounding to decimal places
/// (decision reasons). Locale-independent; a caller swaps the decimal point when it must.
public enum NumberText {
    /// Integers without ".0" (up to 1e15, where doubles stop being exact integers); everything
    /// else in Swift's shortest round-tripping form (`0.1`, `1e+21`).
    public static func plain(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return String(x)
    }

    /// `x` rounded to `places` decimal places, written plainly (`0.083`, `2`).
    public static func rounded(_ x: Double, places: Int) -> String {
        let factor = power10(places)
        return plain((x * factor).rounded() / factor)
    }

    /// At most `digits` significant digits, trailing zeros dropped; integers whole. Non-finite
    /// values are empty (a CSV cell with nothing to say). `decimalSeparator` is "." or ",".
    public static func significant(_ x: Double, digits: Int = 6, decimalSeparator: Character = ".") -> String {
        guard x.isFinite else { return "" }
        if x == x.rounded() && abs(x) < 9e18 { return String(Int64(x)) }
        var text: String
        if abs(x) >= 9e18 {
            text = String(x)  // past Int64's range: Swift's shortest form (`1e+21`), never a trap
        } else {
            let decimals = digits - 1 - abs(x).log10Floor
            if decimals < 0 {
                text = String(Int64(x.rounded()))  // the significant digits reach past the point: whole units
            } else if decimals <= 15 {
                let factor = power10(decimals)
                text = fixed((x * factor).rounded() / factor, decimals: decimals)
            } else {
                text = String(x)
            }
        }
        return decimalSeparator == "." ? text : String(text.map { $0 == "." ? decimalSeparator : $0 })
    }

    /// `x` written with at most `decimals` digits after the point, trailing zeros removed.
    public static func fixed(_ x: Double, decimals: Int) -> String {
        let negative = x < 0
        let factor = power10(decimals)
        let scaled = (abs(x) * factor).rounded()
        guard scaled < 9e15 else { return String(x) }
        let whole = Int64(scaled)
        let divisor = Int64(factor)
        var integerPart = String(whole / divisor)
        var fraction = String(whole % divisor)
        fraction = String(repeating: "0", count: max(0, decimals - fraction.count)) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        if negative && whole != 0 { integerPart = "-" + integerPart }
        return fraction.isEmpty ? integerPart : integerPart + "." + fraction
    }

    static func power10(_ n: Int) -> Double {
        var result = 1.0
        for _ in 0..<max(n, 0) { result *= 10 }
        return result
    }
}

extension Double {
    /// ⌊log10|x|⌋ for x > 0, by comparison (no libm rounding surprises); 0 otherwise.
    var log10Floor: Int {
        var magnitude = 0
        var value = self
        guard value > 0 else { return 0 }
        while value >= 10 {
            value /= 10
            magnitude += 1
        }
        while value < 1 {
            value *= 10
            magnitude -= 1
        }
        return magnitude
    }
}
