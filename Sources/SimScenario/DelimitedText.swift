import Foundation

/// A spreadsheet export read as bytes: UTF-8 (a byte-order mark is skipped) or UTF-16 (with or
/// without a byte-order mark, as Excel's "Unicode text" saves it, turned into UTF-8 first),
/// fields separated by `,` or `;` (whichever the header line uses more), quoted RFC 4180 style,
/// lines ended by CRLF, LF or a lone CR (old Mac exports). Records are numbered as a spreadsheet
/// numbers rows: the header is row 1.
///
/// A quoted field may span lines (RFC 4180) when it closes; a file that ends inside a quoted
/// field is refused, naming the row where the quote opened, instead of reading the rest of the
/// file as one cell.
struct DelimitedText {
    let bytes: [UInt8]
    let separator: UInt8
    let start: Int
    /// How the file was encoded, when it was not UTF-8 (for a note).
    let transcodedFrom: String?

    /// One field: its bytes (quotes included) and whether it was quoted.
    struct Field {
        var range: Range<Int>
        var quoted: Bool
    }

    /// What reading the text found wrong or worth saying, without quoting any cell.
    enum Finding: Equatable {
        /// The file ends inside a quoted field opened in `row` (on physical line `line`).
        case unterminatedQuote(row: Int, line: Int)
        /// Record `row` holds a quoted field that spans `lines` lines, starting on `line`.
        case spansLines(row: Int, line: Int, lines: Int)
    }

    init(_ raw: [UInt8]) {
        (bytes, transcodedFrom) = Self.utf8(raw)
        start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var commas = 0
        var semicolons = 0
        var inQuotes = false
        for b in bytes[start...] {
            if b == UInt8(ascii: "\"") { inQuotes.toggle() }
            if inQuotes { continue }
            if b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") { break }
            if b == UInt8(ascii: ",") { commas += 1 }
            if b == UInt8(ascii: ";") { semicolons += 1 }
        }
        separator = semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }

    /// The bytes as UTF-8: UTF-16 with a byte-order mark, or without one when every other byte
    /// of the start is zero, is transcoded; anything else is taken as it is.
    static func utf8(_ raw: [UInt8]) -> ([UInt8], String?) {
        var littleEndian: Bool?
        var body = raw[...]
        if raw.starts(with: [0xFF, 0xFE]) {
            littleEndian = true
            body = raw.dropFirst(2)
        } else if raw.starts(with: [0xFE, 0xFF]) {
            littleEndian = false
            body = raw.dropFirst(2)
        } else if raw.count >= 4 {
            let sample = raw.prefix(512)
            let evenZeros = stride(from: 0, to: sample.count, by: 2).filter { sample[$0] == 0 }.count
            let oddZeros = stride(from: 1, to: sample.count, by: 2).filter { sample[$0] == 0 }.count
            let half = sample.count / 2
            if oddZeros * 10 >= half * 9 && evenZeros == 0 {
                littleEndian = true
            } else if evenZeros * 10 >= half * 9 && oddZeros == 0 {
                littleEndian = false
            }
        }
        guard let littleEndian else { return (raw, nil) }
        var units: [UInt16] = []
        units.reserveCapacity(body.count / 2)
        var i = body.startIndex
        while i + 1 < body.endIndex {
            let (a, b) = (UInt16(body[i]), UInt16(body[i + 1]))
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            i += 2
        }
        var out: [UInt8] = []
        out.reserveCapacity(units.count)
        for scalar in String(decoding: units, as: UTF16.self).utf8 { out.append(scalar) }
        return (out, littleEndian ? "UTF-16 (little-endian)" : "UTF-16 (big-endian)")
    }

    func isLineEnd(_ i: Int) -> Bool { bytes[i] == UInt8(ascii: "\n") || bytes[i] == UInt8(ascii: "\r") }

    /// Moves past the line end at `i` (CRLF, LF or a lone CR).
    func pastLineEnd(_ i: Int) -> Int {
        bytes[i] == UInt8(ascii: "\r") && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\n") ? i + 2 : i + 1
    }

    /// Calls `body` with each record's row number and fields, reusing one buffer (no allocation
    /// per record once it has grown). A record with no field holding anything is skipped. Stops
    /// at a quoted field the file never closes.
    ///
    /// - Returns: what it found: an unterminated quote (the last record is then not delivered)
    ///   and records whose quoted fields span lines.
    /// - Complexity: O(n) in the bytes.
    @discardableResult
    func forEachRecord(_ body: (_ row: Int, _ fields: [Field]) -> Void) -> [Finding] {
        var fields: [Field] = []
        fields.reserveCapacity(32)
        var findings: [Finding] = []
        var i = start
        var row = 0
        var line = 1
        let end = bytes.count
        while i < end {
            fields.removeAll(keepingCapacity: true)
            row += 1
            let firstLine = line
            var blank = true
            while true {
                var fieldStart = i
                var quoted = false
                if i < end && bytes[i] == UInt8(ascii: "\"") {
                    quoted = true
                    fieldStart = i
                    i += 1
                    var closed = false
                    while i < end {
                        if bytes[i] == UInt8(ascii: "\"") {
                            if i + 1 < end && bytes[i + 1] == UInt8(ascii: "\"") {
                                i += 2
                                continue
                            }
                            i += 1
                            closed = true
                            break
                        }
                        if isLineEnd(i) {
                            i = pastLineEnd(i)
                            line += 1
                            continue
                        }
                        i += 1
                    }
                    if !closed {
                        findings.append(.unterminatedQuote(row: row, line: firstLine))
                        return findings
                    }
                }
                while i < end && bytes[i] != separator && !isLineEnd(i) { i += 1 }
                let field = Field(range: fieldStart..<i, quoted: quoted)
                if blank && !trimmed(field).isEmpty { blank = false }
                fields.append(field)
                if i < end && bytes[i] == separator {
                    i += 1
                    continue
                }
                if i < end { i = pastLineEnd(i) }
                line += 1
                break
            }
            if line - firstLine > 1 { findings.append(.spansLines(row: row, line: firstLine, lines: line - firstLine)) }
            if !blank { body(row, fields) }
        }
        return findings
    }

    /// The field's bytes without surrounding spaces and quotes.
    func trimmed(_ field: Field) -> Range<Int> {
        var lower = field.range.lowerBound
        var upper = field.range.upperBound
        while lower < upper && (bytes[lower] == 0x20 || bytes[lower] == 0x09) { lower += 1 }
        while upper > lower && (bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09) { upper -= 1 }
        if field.quoted && upper - lower >= 2 && bytes[lower] == UInt8(ascii: "\"") && bytes[upper - 1] == UInt8(ascii: "\"") {
            lower += 1
            upper -= 1
            while lower < upper && bytes[lower] == 0x20 { lower += 1 }
            while upper > lower && bytes[upper - 1] == 0x20 { upper -= 1 }
        }
        return lower..<upper
    }

    /// The field as text, quotes undone.
    func text(_ field: Field) -> String {
        let range = trimmed(field)
        let raw = String(decoding: bytes[range], as: UTF8.self)
        return field.quoted && raw.utf8.contains(UInt8(ascii: "\"")) ? raw.replacingOccurrences(of: "\"\"", with: "\"") : raw
    }
}
