import SimWorkforce

/// How numbers and fields are written: `.` decimals and `,` separators by default; `id` writes
/// `;` separators and `,` decimals for spreadsheets set to Indonesian.
public enum CSVLocale: String, Sendable, CaseIterable {
    case standard = "en"
    case indonesian = "id"

    var separator: Character { self == .standard ? "," : ";" }
}

/// A table of typed fields, the first row its header: written as CSV in either locale, or as a
/// worksheet of `results.xlsx`, from the same rows.
public struct ResultTable: Sendable {
    public private(set) var rows: [[CSVField]] = []
    public init() {}
    public mutating func row(_ fields: [CSVField]) { rows.append(fields) }

    /// The column whose header is `identifier`, if there is one.
    func column(_ identifier: String) -> Int? {
        rows.first?.firstIndex { if case .identifier(identifier) = $0 { return true } else { return false } }
    }

    /// The header and the rows of one region: a table without a `region` column is kept whole.
    func keeping(region: String) -> ResultTable {
        guard let c = column("region") else { return self }
        var kept = ResultTable()
        for (i, row) in rows.enumerated() {
            if i == 0 { kept.row(row) } else if case .userText(region) = row[c] { kept.row(row) }
        }
        return kept
    }

    /// A column `header` before column `identifier`, its text worked out from that column's own
    /// (a metric's name from its id); the table is unchanged without that column.
    func inserting(_ header: String, before identifier: String, _ text: (String) -> String?) -> ResultTable {
        guard let c = column(identifier) else { return self }
        var out = ResultTable()
        for (i, row) in rows.enumerated() {
            var row = row
            if i == 0 {
                row.insert(.identifier(header), at: c)
            } else {
                var own = ""
                if case .identifier(let s) = row[c] { own = s } else if case .userText(let s) = row[c] { own = s }
                row.insert(.userText(text(own) ?? own), at: c)
            }
            out.row(row)
        }
        return out
    }

    public func csv(_ locale: CSVLocale) -> String {
        var writer = CSVWriter(locale: locale)
        for row in rows { writer.row(row) }
        return writer.text
    }
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
        // One pass over the bytes: every character that calls for quotes is ASCII.
        let separator = locale == .standard ? UInt8(ascii: ",") : UInt8(ascii: ";")
        let needsQuotes = s.utf8.contains {
            $0 == separator || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r")
        }
        return needsQuotes ? "\"" + s.replacingAll("\"", with: "\"\"") + "\"" : s
    }
}

/// One CSV cell.
public enum CSVField: Sendable {
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

/// A CSV number: integers without a decimal point, others with at most 6 significant digits,
/// with the locale's decimal separator; `nan`/`inf` never appear (written empty).
public func formatNumber(_ x: Double, locale: CSVLocale = .standard) -> String {
    NumberText.significant(x, digits: 6, decimalSeparator: locale == .indonesian ? "," : ".")
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for character in self { if character == target { out += replacement } else { out.append(character) } }
        return out
    }
}
