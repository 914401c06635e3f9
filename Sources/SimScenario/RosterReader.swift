import SimCore
import SimWorkforce

/// Reads a region's roster file into a ``Roster``: problems are reported at once (the first
/// ``problemLimit`` of a file, then a count of the rest) as `FILE:ROW:COL: error: COLUMN:
/// message`, and no message ever quotes a cell of the file: a value in the wrong place is
/// described by its shape (a NIP, a date, a name), and only the row and column say where.
struct RosterReader {
    /// What the region's scenario says the roster must fit.
    struct Context: Hashable {
        var unitIDs: [String]
        var unitNames: [String]
        var domainIDs: [String]
        var retirement: RetirementParameters
        /// The run's first day: ages and months of service are taken on it.
        var startDate: CivilDate
        /// The region's own values mapped to the model's (`rosterMapping`).
        var mapping = RosterMapping()
    }

    let file: String
    let text: DelimitedText
    let context: Context
    private(set) var diagnostics: [Diagnostic] = []
    /// The row of each employee read, in order (a booked session names people by row).
    private(set) var employeeRows: [Int] = []
    /// Column key → field position, and the header as written (for messages).
    var position: [String: Int] = [:]
    var header: [String] = []
    /// The fields of the row being read (for ``unexpected(row:column:_:expected:)``).
    var fieldsOfRow: [DelimitedText.Field] = []
    /// Whether each header cell is a known spelling (safe to quote); other header cells may be
    /// data (a file without a header row) and are named by their column number.
    var headerKnown: [Bool] = []
    /// `competency.<domain>` for each domain, the column keys of the competency cells.
    let competencyKeys: [String]
    /// Cell text → normalised text: exports repeat a few units, posts and statuses many times.
    var normalisedCells: [String: String] = [:]
    /// Problems past the first ``problemLimit``: counted, not listed.
    private(set) var suppressed = 0
    /// Per column, the rows whose cell looks like a NIP, a date or a name where none belongs.
    var misplaced: [Int: Int] = [:]
    /// Rows whose NIP Excel stored as a number (``isExcelNumber(_:)``).
    var excelNIPRows = 0
    /// What to say on stderr that is not an error (a field spanning lines, a file in UTF-16).
    private(set) var notes: [String] = []
    /// Per column a mapping can fix (``RosterCheck/mappableColumns``), each value the reader could
    /// not place, by its normalised text: for `roster-check`, which decides what may be shown.
    private(set) var unplaced: [String: [String: RosterCheck.Value]] = [:]

    /// At most this many problems are listed per file; the rest are counted.
    static let problemLimit = 100

    init(file: String, bytes: [UInt8], context: Context) {
        self.file = file
        text = DelimitedText(bytes)
        self.context = context
        competencyKeys = context.domainIDs.map { "competency.\($0)" }
    }

    mutating func problem(row: Int, column: Int, _ name: String, _ message: String) {
        guard diagnostics.count < Self.problemLimit else {
            suppressed += 1
            return
        }
        diagnostics.append(
            Diagnostic(file: file, location: SourceLocation(file: file, line: row, column: column + 1), path: name, message: message))
    }

    /// A cell that is not what its column holds, described without quoting it: by its shape when
    /// it looks like a NIP, a date or a name (then the columns look shifted), else as hidden.
    mutating func unexpected(row: Int, column k: Int, _ key: String, expected: String) {
        let cell = text.text(fieldsOfRow[k])
        let shape = CellShape(cell)
        if shape != .other { misplaced[k, default: 0] += 1 }
        if RosterCheck.mappableColumns.contains(key) { countUnplaced(cell, shape: shape, column: key) }
        problem(row: row, column: k, headerName(key), "\(shape.words(in: headerName(key))); expected \(expected)")
    }

    /// Counts a value the reader could not place; past ``RosterCheck/distinctLimit`` values of a
    /// column only the rows are counted, so hostile input stays linear.
    mutating func countUnplaced(_ cell: String, shape: CellShape, column: String) {
        let key = normalised(cell)
        if unplaced[column]?[key] == nil && (unplaced[column]?.count ?? 0) >= RosterCheck.distinctLimit {
            unplaced[column, default: [:]][RosterCheck.overflowKey, default: RosterCheck.Value(text: "", looksPersonal: true)].rows += 1
            return
        }
        unplaced[column, default: [:]][key, default: RosterCheck.Value(text: cell, looksPersonal: shape != .other)].rows += 1
    }

    /// The roster, or `nil` with ``diagnostics`` saying why.
    mutating func read() -> Roster? {
        var roster = Roster()
        roster.sha256 = SHA256.hex(of: text.bytes)
        var headerRead = false
        var nips: [UInt64: Int] = [:]
        var missing: [String: Int] = [:]
        let units = unitLookup()
        let findings = text.forEachRecord { row, fields in
            if !headerRead {
                headerRead = true
                readHeader(fields, row: row)
                return
            }
            employeeRows.append(row)
            fieldsOfRow = fields
            readRow(fields, row: row, units: units, nips: &nips, missing: &missing, into: &roster)
        }
        for finding in findings {
            switch finding {
            case .unterminatedQuote(let row, let line):
                problem(
                    row: row, column: 0, "roster",
                    "a quoted field opened in this row (line \(line) of the file) is never closed, so the rest of the file would be one cell; close the quote or remove it"
                )
            case .spansLines(let row, let line, let lines):
                notes.append(
                    "\(file):\(row): a quoted field of this row spans \(lines) lines (from line \(line)); check that the row is one employee"
                )
            }
        }
        if let from = text.transcodedFrom { notes.append("\(file): read as \(from); saving it as CSV UTF-8 avoids this") }
        if !headerRead && diagnostics.isEmpty {
            problem(row: 1, column: 0, "roster", "the file is empty; expected a header row and one row per employee")
        }
        if headerRead && employeeRows.isEmpty && diagnostics.isEmpty {
            problem(row: 2, column: 0, "roster", "the roster has no employee rows")
        }
        for (k, count) in misplaced.sorted(by: { $0.key < $1.key }) where count >= 3 {
            let summary = Diagnostic(
                file: file, location: SourceLocation(file: file, line: 1, column: k + 1),
                path: k < header.count ? columnLabel(k) : "column \(k + 1)",
                message:
                    "\(count) rows hold a NIP, a date or a name in this column: the columns look shifted, or the header is not in the order of the data"
            )
            diagnostics.insert(summary, at: 0)
        }
        if excelNIPRows > 0, let k = position["nip"] {
            // Said first and once with the count: every row's own message may be past the limit.
            let summary = Diagnostic(
                file: file, location: SourceLocation(file: file, line: 1, column: k + 1), path: columnLabel(k),
                message:
                    "\(excelNIPRows) row\(excelNIPRows == 1 ? "" : "s") hold a NIP that Excel stored as a number, losing its last digits (written with E+); format the NIP column as text in Excel and export again (the values are not shown: they are personal data)"
            )
            diagnostics.insert(summary, at: 0)
        }
        if suppressed > 0 {
            var summary = Diagnostic(
                file: file, path: "roster",
                message: "and \(suppressed) more problem\(suppressed == 1 ? "" : "s") in this file, not listed; fix the ones above first")
            summary.isSummary = true
            diagnostics.append(summary)
        }
        guard diagnostics.isEmpty else { return nil }
        let order = ["jenjang": 0, "birthDate": 1, "tmt": 2, "education": 3, "jpThisYear": 4]
        roster.imputed = missing.filter { $0.value > 0 }
            .map { ImputedColumn(column: $0.key, people: $0.value) }
            .sorted { (order[$0.column] ?? 9, $0.column) < (order[$1.column] ?? 9, $1.column) }
        return roster
    }

    // MARK: - The header

    mutating func readHeader(_ fields: [DelimitedText.Field], row: Int) {
        let spellings = RosterFormat.spellings(domains: context.domainIDs)
        header = fields.map { text.text($0) }
        headerKnown = header.map { spellings[RosterFormat.normalised($0)] != nil }
        for (k, name) in header.enumerated() {
            let key = RosterFormat.normalised(name)
            guard !key.isEmpty else { continue }
            if let column = spellings[key] {
                if let first = position[column] {
                    problem(row: row, column: k, name, "a second column for \(column) (the first is column \(first + 1)); keep one")
                } else {
                    position[column] = k
                }
            } else if RosterFormat.siasnIgnored.contains(key) {
                continue
            } else if (5...40).contains(key.count), let close = suggestion(for: key, among: Array(spellings.keys)),
                editDistance(key, close) <= max(1, key.count / 5)
            {
                // Only a near miss of a long header (Pendidkan, Unti Kerja): exports carry many
                // short columns of their own (No, Agama) that must not be taken for typos. The
                // header is not quoted: a file without a header row would put data there.
                problem(
                    row: row, column: k, "column \(k + 1)", "unknown column header; did you mean '\(close)'? (rename it, or it is not read)"
                )
            }
        }
        for column in RosterFormat.columns where column.required && position[column.key] == nil {
            let spelled = [column.indonesian, column.english].map { "'\($0)'" }.joined(separator: " or ")
            problem(row: row, column: 0, column.key, "no \(column.key) column; expected a header \(spelled)")
        }
    }

    // MARK: - One employee

    /// Normalised unit id or name → unit index.
    func unitLookup() -> [String: Int] {
        var table: [String: Int] = [:]
        for (u, id) in context.unitIDs.enumerated() {
            table[RosterFormat.normalised(id)] = u
            table[RosterFormat.normalised(context.unitNames[u])] = u
        }
        table.merge(context.mapping.units) { _, mapped in mapped }
        return table
    }

    /// The trimmed text of a column in this row, or `nil` when the file has no such column or the cell is empty.
    func cell(_ key: String, _ fields: [DelimitedText.Field]) -> (text: String, column: Int)? {
        guard let k = position[key], k < fields.count else { return nil }
        let value = text.text(fields[k])
        return value.isEmpty ? nil : (value, k)
    }

    /// A cell's text normalised for matching (``RosterFormat/normalised(_:)``), remembered.
    mutating func normalised(_ value: String) -> String {
        if let known = normalisedCells[value] { return known }
        let result = RosterFormat.normalised(value)
        if normalisedCells.count < 10_000 { normalisedCells[value] = result }
        return result
    }

    /// The BUP a functional employee without a jenjang must have, when their age rules out the
    /// junior one (58): ahli madya below its BUP, else ahli utama; NaN (drawn later) otherwise.
    func seniorRetirementAge(ageYears: Double) -> Double {
        let retirement = context.retirement
        guard !ageYears.isNaN, ageYears >= retirement.ageByJobLevel[JobLevel.fungsional.rawValue] else { return .nan }
        return ageYears < retirement.fungsionalMadyaAgeYears ? retirement.fungsionalMadyaAgeYears : retirement.fungsionalUtamaAgeYears
    }

    /// A column as messages name it: its header when it is a known spelling, else its number.
    func columnLabel(_ k: Int) -> String { k < header.count && headerKnown[k] ? header[k] : "column \(k + 1)" }

    func headerName(_ key: String) -> String { position[key].map(columnLabel) ?? key }

    mutating func readRow(
        _ fields: [DelimitedText.Field], row: Int, units: [String: Int], nips: inout [UInt64: Int],
        missing: inout [String: Int], into roster: inout Roster
    ) {
        // A trailing separator (an empty last field) is how some exports end a row.
        if fields.count > header.count && fields[header.count...].contains(where: { !text.trimmed($0).isEmpty }) {
            problem(
                row: row, column: header.count, "row",
                "\(fields.count) fields, but the header has \(header.count); a value may hold an unquoted separator")
        }
        checkNIP(fields, row: row, nips: &nips)
        let unit = readUnit(fields, row: row, units: units)
        let level = readPost(fields, row: row)
        let status = readStatus(fields, row: row)
        let retirement = readRetirementAge(fields, row: row, level: level)
        let age = readAge(fields, row: row, retirementAge: retirement)
        let bup = retirement.isNaN ? seniorRetirementAge(ageYears: age) : retirement
        if level == .fungsional && bup.isNaN { missing["jenjang", default: 0] += 1 }
        let tenure = readTenure(fields, row: row, ageYears: age)
        let education = readEducation(fields, row: row)
        var competency: [Double] = []
        for key in competencyKeys {
            let level = number(key, fields, row: row, range: 1...5, expected: "a level from 1 to 5")
            if level.isNaN { missing[key, default: 0] += 1 }
            competency.append(level)
        }
        var jp = number("jpThisYear", fields, row: row, range: 0...2000, expected: "JP from 0 to 2000")
        if jp.isNaN {
            missing["jpThisYear", default: 0] += 1
            jp = 0
        }
        let owes = readLatsar(fields, row: row, status: status)
        if age.isNaN { missing["birthDate", default: 0] += 1 }
        if tenure.isNaN { missing["tmt", default: 0] += 1 }
        if education == nil { missing["education", default: 0] += 1 }
        guard let unit, let level, let status, diagnostics.isEmpty else { return }
        roster.unit.append(unit)
        roster.jobLevel.append(level)
        roster.status.append(status)
        roster.retirementAgeYears.append(bup)
        roster.ageYears.append(age)
        roster.tenureMonths.append(tenure)
        roster.education.append(education)
        roster.competency.append(contentsOf: competency)
        roster.jpThisYear.append(jp)
        roster.owesLatsar.append(owes)
    }

    // MARK: - Dates

    /// `dd-mm-yyyy`, `dd/mm/yyyy`, `dd.mm.yyyy` or `yyyy-mm-dd`, a real calendar date.
    static func date(_ text: String) -> CivilDate? { date(bytes: text.utf8) }

    /// The same from a cell's bytes.
    static func date(bytes: some Sequence<UInt8>) -> CivilDate? {
        var numbers = (0, 0, 0)
        var digits = (0, 0, 0)
        var part = 0
        for byte in bytes {
            if byte >= 0x30 && byte <= 0x39 {
                let d = Int(byte - 0x30)
                switch part {
                case 0:
                    numbers.0 = numbers.0 * 10 + d
                    digits.0 += 1
                case 1:
                    numbers.1 = numbers.1 * 10 + d
                    digits.1 += 1
                default:
                    numbers.2 = numbers.2 * 10 + d
                    digits.2 += 1
                }
            } else if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ".") {
                part += 1
                if part > 2 { return nil }
            } else {
                return nil
            }
        }
        guard part == 2, digits.0 > 0, digits.1 > 0, digits.1 <= 2, digits.2 > 0 else { return nil }
        let isoOrder = digits.0 == 4
        guard isoOrder ? digits.2 <= 2 : (digits.2 == 4 && digits.0 <= 2) else { return nil }
        let (year, month, day) = isoOrder ? numbers : (numbers.2, numbers.1, numbers.0)
        guard (1900...2100).contains(year), (1...12).contains(month), (1...CivilDate.daysIn(month: month, year: year)).contains(day) else {
            return nil
        }
        return CivilDate(year, month, day)
    }

    /// Years from `a` to `b` (fractional, by days of 365.25).
    static func years(from a: CivilDate, to b: CivilDate) -> Double { Double(b.dayNumber - a.dayNumber) / 365.25 }
}
