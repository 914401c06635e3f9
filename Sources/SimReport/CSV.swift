/// How numbers and fields are written: `.` decimals and `,` separators by default; `id` writes
/// `;` separators and `,` decimals for spreadsheets set to Indonesian.
public enum CSVLocale: String, Sendable, CaseIterable {
    case standard = "en"
    case indonesian = "id"

    var separator: Character { self == .standard ? "," : ";" }
}

/// Writes RFC 4180 CSV text: CRLF line ends, fields quoted when they hold the separator, a quote
/// or a line break, and user text that could start a spreadsheet formula made inert.
public struct CSVWriter {
    public let locale: CSVLocale
    public private(set) var text = ""

    public init(locale: CSVLocale = .standard) { self.locale = locale }

    /// Appends one row.
    public mutating func row(_ fields: [CSVField]) {
        text += fields.map(render).joined(separator: String(locale.separator))
        text += "\r\n"
    }

    func render(_ field: CSVField) -> String {
        switch field {
        case .number(let x): return formatNumber(x, locale: locale)
        case .integer(let n): return String(n)
        case .identifier(let s): return quoted(s)
        case .userText(let s): return quoted(neutralisingFormula(s))
        }
    }

    func quoted(_ s: String) -> String {
        let needsQuotes = s.contains(locale.separator) || s.contains("\"") || s.contains("\n") || s.contains("\r")
        return needsQuotes ? "\"" + s.replacingAll("\"", with: "\"\"") + "\"" : s
    }
}

/// One CSV cell.
public enum CSVField {
    case number(Double)
    case integer(Int)
    /// Text the program controls (metric ids, units, periods).
    case identifier(String)
    /// Text that came from a user (scenario, region or programme names and ids, reasons).
    case userText(String)
}

/// Text that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a
/// leading apostrophe, the OWASP advice for CSV injection.
public func neutralisingFormula(_ s: String) -> String {
    guard let first = s.unicodeScalars.first else { return s }
    return ["=", "+", "-", "@", "\t", "\r"].contains(first) ? "'" + s : s
}

/// A locale-independent number: integers without a decimal point, others with at most 6
/// significant digits; `nan`/`inf` never appear (written empty).
public func formatNumber(_ x: Double, locale: CSVLocale = .standard) -> String {
    guard x.isFinite else { return "" }
    if x == x.rounded() && abs(x) < 9e18 { return String(Int64(x)) }
    // Past Int64's range: Swift's shortest form (`1e+21`), never a trap.
    if abs(x) >= 9e18 { return locale == .indonesian ? String(x).replacingAll(".", with: ",") : String(x) }
    let magnitude = (abs(x)).log10Floor
    let digits = 5 - magnitude
    var text: String
    if digits < 0 {
        text = String(Int64(x.rounded()))  // six significant digits reach past the point: whole units
    } else if digits <= 15 {
        let factor = power10(digits)
        let rounded = (x * factor).rounded() / factor
        text = fixed(rounded, decimals: digits)
    } else {
        text = String(x)
    }
    if locale == .indonesian { text = text.replacingAll(".", with: ",") }
    return text
}

/// `x` written with exactly `decimals` digits after the point, trailing zeros removed.
func fixed(_ x: Double, decimals: Int) -> String {
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
    if negative && (whole != 0) { integerPart = "-" + integerPart }
    return fraction.isEmpty ? integerPart : integerPart + "." + fraction
}

func power10(_ n: Int) -> Double {
    var result = 1.0
    for _ in 0..<max(n, 0) { result *= 10 }
    return result
}

extension Double {
    /// ⌊log10|x|⌋ for x ≠ 0, by comparison (no libm rounding surprises).
    var log10Floor: Int {
        var magnitude = 0
        var value = self
        guard value > 0 else { return 0 }
        while value >= 10 { value /= 10; magnitude += 1 }
        while value < 1 { value *= 10; magnitude -= 1 }
        return magnitude
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for character in self { if character == target { out += replacement } else { out.append(character) } }
        return out
    }
}
