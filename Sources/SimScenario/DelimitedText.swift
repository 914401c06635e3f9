import Foundation

/// A spreadsheet export read as bytes: UTF-8 (a byte-order mark is skipped), fields separated by
/// `,` or `;` (whichever the header line uses more), quoted RFC 4180 style, CRLF or LF line ends.
/// Records are numbered as a spreadsheet numbers rows: the header is row 1.
struct DelimitedText {
    let bytes: [UInt8]
    let separator: UInt8
    let start: Int

    /// One field: its bytes (quotes included) and whether it was quoted.
    struct Field {
        var range: Range<Int>
        var quoted: Bool
    }

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var commas = 0, semicolons = 0, inQuotes = false
        for b in bytes[start...] {
            if b == UInt8(ascii: "\"") { inQuotes.toggle() }
            if inQuotes { continue }
            if b == UInt8(ascii: "\n") { break }
            if b == UInt8(ascii: ",") { commas += 1 }
            if b == UInt8(ascii: ";") { semicolons += 1 }
        }
        separator = semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }

    /// Calls `body` with each record's row number and fields, reusing one buffer (no allocation
    /// per record once it has grown). A record with no field holding anything is skipped.
    func forEachRecord(_ body: (_ row: Int, _ fields: [Field]) -> Void) {
        var fields: [Field] = []
        fields.reserveCapacity(32)
        var i = start, row = 0
        let end = bytes.count
        while i < end {
            fields.removeAll(keepingCapacity: true)
            row += 1
            var blank = true
            while true {
                var fieldStart = i, quoted = false
                if i < end && bytes[i] == UInt8(ascii: "\"") {
                    quoted = true
                    fieldStart = i
                    i += 1
                    while i < end {
                        if bytes[i] == UInt8(ascii: "\"") {
                            if i + 1 < end && bytes[i + 1] == UInt8(ascii: "\"") { i += 2; continue }
                            i += 1
                            break
                        }
                        i += 1
                    }
                }
                while i < end && bytes[i] != separator && bytes[i] != UInt8(ascii: "\n") { i += 1 }
                var fieldEnd = i
                if fieldEnd > fieldStart && bytes[fieldEnd - 1] == UInt8(ascii: "\r") && (i >= end || bytes[i] == UInt8(ascii: "\n")) { fieldEnd -= 1 }
                let field = Field(range: fieldStart..<fieldEnd, quoted: quoted)
                if blank && !trimmed(field).isEmpty { blank = false }
                fields.append(field)
                if i < end && bytes[i] == separator { i += 1; continue }
                i += 1  // past the line end
                break
            }
            if !blank { body(row, fields) }
        }
    }

    /// The field's bytes without surrounding spaces and quotes.
    func trimmed(_ field: Field) -> Range<Int> {
        var lower = field.range.lowerBound, upper = field.range.upperBound
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
