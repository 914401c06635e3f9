import SimCore
import SimWorkforce

/// Reads one of a region's record files (``HistoryKind``, recognised by its header) into the
/// region's aggregates. Problems are reported like a roster's, `FILE:ROW:COL: error: COLUMN:
/// message`, the first hundred at once, and never quote a cell: a course history holds NIPs.
/// Time is linear in the file: one pass, one dictionary lookup per row.
struct HistoryReader {
    /// The region the records are of.
    struct Context {
        var region: String
        var unitIDs: [String]
        var unitNames: [String]
        var mapping = RosterMapping()
    }

    /// What the files of one region build up: the aggregates, and each year's JP per person
    /// (by NIP, in memory only) until ``finish()`` turns them into counts.
    struct Accumulator {
        var history: RegionHistory
        var jpByPerson: [Int: [UInt64: Double]] = [:]

        /// The aggregates, with each year's people counted by their JP band.
        mutating func finish() -> RegionHistory {
            for (year, people) in jpByPerson {
                var course = history.courses[year] ?? RegionHistory.CourseYear()
                for jp in people.values where jp > 0 {
                    if jp >= 20 { course.people20Plus += 1 } else { course.people1To19 += 1 }
                }
                history.courses[year] = course
            }
            jpByPerson = [:]
            return history
        }
    }

    let file: String
    let text: DelimitedText
    let context: Context
    private(set) var kind: HistoryKind?
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var rows = 0
    private(set) var position: [String: Int] = [:]
    private var header: [String] = []
    private var suppressed = 0
    /// Each distinct unit cell resolved once (a million-row log names a handful of counters).
    private var unitOfCell: [String: Int?] = [:]
    /// Each distinct status cell: served, not served, or `nil` (neither).
    var statusOfCell: [String: Bool?] = [:]

    /// The message for a cell naming no unit, built once (a log may hold a million of them).
    let unknownUnit: String

    init(file: String, bytes: [UInt8], context: Context) {
        self.file = file
        text = DelimitedText(bytes)
        self.context = context
        unknownUnit =
            "not one of the region's units (\(context.unitIDs.joined(separator: ", "))) nor a name regions.\(context.region).rosterMapping.units maps to one (the value is not shown)"
    }

    mutating func problem(row: Int, column: Int?, _ name: String, _ message: String) {
        guard diagnostics.count < RosterReader.problemLimit else {
            suppressed += 1
            return
        }
        let location = column.map { SourceLocation(file: file, line: row, column: $0 + 1) }
        diagnostics.append(Diagnostic(file: file, location: location, path: name, message: message))
    }

    /// Reads the file into `accumulator`; on any problem the accumulator is left as it was.
    mutating func read(into accumulator: inout Accumulator) {
        var staged = accumulator
        var headerRead = false
        let findings = text.forEachRecord { row, fields in
            guard headerRead else {
                headerRead = true
                readHeader(fields.map { text.text($0) }, row: row)
                return
            }
            guard let kind else { return }
            rows += 1
            switch kind {
            case .courses: readCourse(fields, row: row, into: &staged)
            case .skm: readSKM(fields, row: row, into: &staged.history)
            case .queue: readTicket(fields, row: row, into: &staged.history)
            case .budget: readBudget(fields, row: row, into: &staged.history)
            case .headcount: readHeadcount(fields, row: row, into: &staged.history)
            }
        }
        for case .unterminatedQuote(let row, let line) in findings {
            problem(
                row: row, column: 0, "history",
                "a quoted field opened in this row (line \(line) of the file) is never closed, so the rest of the file would be one cell; close the quote or remove it"
            )
        }
        if !headerRead {
            problem(row: 1, column: 0, "history", "the file is empty; expected a header row naming its columns")
        } else if rows == 0 && diagnostics.isEmpty {
            problem(row: 2, column: 0, "history", "the file has a header but no rows; remove it from regions.\(context.region).history")
        }
        if suppressed > 0 {
            var summary = Diagnostic(
                file: file, path: "history", message: "and \(suppressed) more problems in this file, not listed; fix the ones above first")
            summary.isSummary = true
            diagnostics.append(summary)
        }
        guard diagnostics.isEmpty, let kind else { return }
        staged.history.files.append(RegionHistory.File(kind: kind, sha256: SHA256.hex(of: text.bytes), rows: rows))
        accumulator = staged
    }

    mutating func readHeader(_ names: [String], row: Int) {
        header = names
        guard let (kind, keys) = HistoryKind.recognise(names) else {
            problem(
                row: row, column: 0, "history",
                "the header is none of the record kinds Kompeten reads; each needs these columns: \(HistoryKind.requiredColumnsText) (docs/history.md)"
            )
            return
        }
        self.kind = kind
        for (k, key) in keys.enumerated() {
            guard let key else { continue }
            position[key] = k
        }
    }

    /// The trimmed text of column `key` in this row; `nil` when the file has no such column or the cell is empty.
    func cell(_ key: String, _ fields: [DelimitedText.Field]) -> (text: String, column: Int)? {
        guard let k = position[key], k < fields.count else { return nil }
        let value = text.text(fields[k])
        return value.isEmpty ? nil : (value, k)
    }

    /// The trimmed bytes of column `key` in this row; `nil` when the file has no such column, the
    /// cell is empty, or it is quoted with a doubled quote inside (read through ``cell(_:_:)``).
    func bytes(_ key: String, _ fields: [DelimitedText.Field]) -> (bytes: ArraySlice<UInt8>, column: Int)? {
        guard let k = position[key], k < fields.count else { return nil }
        let range = text.trimmed(fields[k])
        return range.isEmpty ? nil : (text.bytes[range], k)
    }

    /// The column's header as the file spells it (capped: a hostile header is not echoed whole).
    func name(_ key: String) -> String { position[key].map { Diagnostic.capped(header[$0], 60) } ?? key }

    /// A required cell, or a problem saying it is empty.
    mutating func required(_ key: String, _ fields: [DelimitedText.Field], row: Int, _ expected: String) -> (text: String, column: Int)? {
        if let found = cell(key, fields) { return found }
        problem(row: row, column: position[key], name(key), "empty; expected \(expected)")
        return nil
    }

    /// The unit a cell names: its id, its name, or a name or pattern of `rosterMapping.units`.
    mutating func unit(_ key: String, _ fields: [DelimitedText.Field], row: Int) -> String? {
        guard let (value, k) = required(key, fields, row: row, "one of the region's units") else { return nil }
        let u: Int?
        if let known = unitOfCell[value] {
            u = known
        } else {
            let normalised = RosterFormat.normalised(value)
            u =
                context.unitIDs.firstIndex { RosterFormat.normalised($0) == normalised }
                ?? context.unitNames.firstIndex { RosterFormat.normalised($0) == normalised }
                ?? context.mapping.units[normalised] ?? context.mapping.unit(matching: normalised)
            if unitOfCell.count < 10_000 { unitOfCell[value] = u }
        }
        if u == nil {
            problem(row: row, column: k, name(key), unknownUnit)
        }
        return u.map { context.unitIDs[$0] }
    }

    /// A number in `range`: plain, or written with thousands separators as Indonesian and English
    /// spreadsheets do (`1.250.000`, `1,250,000`, `12,5`), with an optional `Rp`.
    mutating func number(
        _ key: String, _ fields: [DelimitedText.Field], row: Int, in range: ClosedRange<Double>, _ expected: String, required: Bool = true
    ) -> Double? {
        guard let (value, k) = required ? self.required(key, fields, row: row, expected) : cell(key, fields) else { return nil }
        guard let x = Self.number(value), range.contains(x) else {
            problem(row: row, column: k, name(key), "expected \(expected) (the value is not shown)")
            return nil
        }
        return x
    }

    /// The first four-digit year from 1990 to 2100 in a cell (`2023`, `2023-S1`, `Semester I 2023`).
    mutating func year(_ key: String, _ fields: [DelimitedText.Field], row: Int) -> Int? {
        guard let (value, k) = required(key, fields, row: row, "a year") else { return nil }
        var run = 0
        var digits = 0
        for byte in value.utf8 {
            if byte >= 0x30 && byte <= 0x39 {
                run = run * 10 + Int(byte - 0x30)
                digits += 1
                continue
            }
            if digits == 4 && (1990...2100).contains(run) { return run }
            (run, digits) = (0, 0)
        }
        if digits == 4 && (1990...2100).contains(run) { return run }
        problem(row: row, column: k, name(key), "expected a year from 1990 to 2100 in it (the value is not shown)")
        return nil
    }

    static func number(_ raw: String) -> Double? {
        var bytes = Array(raw.utf8.filter { $0 != 0x20 && $0 != 0xA0 && $0 != 0xC2 })
        if bytes.count >= 2, bytes[0] | 0x20 == UInt8(ascii: "r"), bytes[1] | 0x20 == UInt8(ascii: "p") { bytes.removeFirst(2) }
        if bytes.first == UInt8(ascii: ".") && bytes.count > 1 && !(bytes[1] >= 0x30 && bytes[1] <= 0x39) { bytes.removeFirst() }
        guard !bytes.isEmpty, bytes.count <= 40 else { return nil }
        let dots = bytes.filter { $0 == UInt8(ascii: ".") }.count
        let commas = bytes.filter { $0 == UInt8(ascii: ",") }.count
        // The separator that comes last, or the only one used once and not followed by exactly
        // three digits, is the decimal mark; every other separator groups thousands.
        var decimal: UInt8?
        if dots > 0 && commas > 0 {
            decimal =
                bytes.lastIndex(of: UInt8(ascii: "."))! > bytes.lastIndex(of: UInt8(ascii: ","))! ? UInt8(ascii: ".") : UInt8(ascii: ",")
        } else if dots + commas == 1 {
            let mark = dots == 1 ? UInt8(ascii: ".") : UInt8(ascii: ",")
            let after = bytes.count - 1 - bytes.lastIndex(of: mark)!
            decimal = after == 3 && bytes.first != UInt8(ascii: "0") ? nil : mark
        }
        var plain = ""
        for byte in bytes {
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") {
                if byte == decimal { plain.append(".") }
                continue
            }
            guard byte >= 0x30 && byte <= 0x39 || (byte == UInt8(ascii: "-") && plain.isEmpty) else { return nil }
            plain.append(Character(Unicode.Scalar(byte)))
        }
        return Double(plain).flatMap { $0.isFinite ? $0 : nil }
    }
}
