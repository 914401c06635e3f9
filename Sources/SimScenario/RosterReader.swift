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
    }

    let file: String
    let text: DelimitedText
    let context: Context
    private(set) var diagnostics: [Diagnostic] = []
    /// The row of each employee read, in order (a booked session names people by row).
    private(set) var employeeRows: [Int] = []
    /// Column key → field position, and the header as written (for messages).
    private var position: [String: Int] = [:]
    private var header: [String] = []
    /// The fields of the row being read (for ``unexpected(row:column:_:expected:)``).
    private var fieldsOfRow: [DelimitedText.Field] = []
    /// Whether each header cell is a known spelling (safe to quote); other header cells may be
    /// data (a file without a header row) and are named by their column number.
    private var headerKnown: [Bool] = []
    /// `competency.<domain>` for each domain, the column keys of the competency cells.
    private let competencyKeys: [String]
    /// Cell text → normalised text: exports repeat a few units, posts and statuses many times.
    private var normalisedCells: [String: String] = [:]
    /// Problems past the first ``problemLimit``: counted, not listed.
    private(set) var suppressed = 0
    /// Per column, the rows whose cell looks like a NIP, a date or a name where none belongs.
    private var misplaced: [Int: Int] = [:]
    /// What to say on stderr that is not an error (a field spanning lines, a file in UTF-16).
    private(set) var notes: [String] = []

    /// At most this many problems are listed per file; the rest are counted.
    static let problemLimit = 100

    init(file: String, bytes: [UInt8], context: Context) {
        self.file = file
        text = DelimitedText(bytes)
        self.context = context
        competencyKeys = context.domainIDs.map { "competency.\($0)" }
    }

    mutating func problem(row: Int, column: Int, _ name: String, _ message: String) {
        guard diagnostics.count < Self.problemLimit else { suppressed += 1; return }
        diagnostics.append(Diagnostic(file: file, location: SourceLocation(file: file, line: row, column: column + 1), path: name, message: message))
    }

    /// A cell that is not what its column holds, described without quoting it: by its shape when
    /// it looks like a NIP, a date or a name (then the columns look shifted), else as hidden.
    mutating func unexpected(row: Int, column k: Int, _ key: String, expected: String) {
        let shape = CellShape(text.text(fieldsOfRow[k]))
        if shape != .other { misplaced[k, default: 0] += 1 }
        problem(row: row, column: k, headerName(key), "\(shape.words(in: headerName(key))); expected \(expected)")
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
            case let .unterminatedQuote(row, line):
                problem(row: row, column: 0, "roster", "a quoted field opened in this row (line \(line) of the file) is never closed, so the rest of the file would be one cell; close the quote or remove it")
            case let .spansLines(row, line, lines):
                notes.append("\(file):\(row): a quoted field of this row spans \(lines) lines (from line \(line)); check that the row is one employee")
            }
        }
        if let from = text.transcodedFrom { notes.append("\(file): read as \(from); saving it as CSV UTF-8 avoids this") }
        if !headerRead && diagnostics.isEmpty { problem(row: 1, column: 0, "roster", "the file is empty; expected a header row and one row per employee") }
        if headerRead && employeeRows.isEmpty && diagnostics.isEmpty { problem(row: 2, column: 0, "roster", "the roster has no employee rows") }
        for (k, count) in misplaced.sorted(by: { $0.key < $1.key }) where count >= 3 {
            let summary = Diagnostic(file: file, location: SourceLocation(file: file, line: 1, column: k + 1), path: k < header.count ? columnLabel(k) : "column \(k + 1)",
                                     message: "\(count) rows hold a NIP, a date or a name in this column: the columns look shifted, or the header is not in the order of the data")
            diagnostics.insert(summary, at: 0)
        }
        if suppressed > 0 {
            var summary = Diagnostic(file: file, path: "roster", message: "and \(suppressed) more problem\(suppressed == 1 ? "" : "s") in this file, not listed; fix the ones above first")
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
            } else if (5...40).contains(key.count), let close = suggestion(for: key, among: Array(spellings.keys)),
                      editDistance(key, close) <= max(1, key.count / 5) {
                // Only a near miss of a long header (Pendidkan, Unti Kerja): exports carry many
                // short columns of their own (No, Agama) that must not be taken for typos. The
                // header is not quoted: a file without a header row would put data there.
                problem(row: row, column: k, "column \(k + 1)", "unknown column header; did you mean '\(close)'? (rename it, or it is not read)")
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

    mutating func readRow(_ fields: [DelimitedText.Field], row: Int, units: [String: Int], nips: inout [UInt64: Int],
                          missing: inout [String: Int], into roster: inout Roster) {
        // A trailing separator (an empty last field) is how some exports end a row.
        if fields.count > header.count && fields[header.count...].contains(where: { !text.trimmed($0).isEmpty }) {
            problem(row: row, column: header.count, "row", "\(fields.count) fields, but the header has \(header.count); a value may hold an unquoted separator")
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
        if jp.isNaN { missing["jpThisYear", default: 0] += 1; jp = 0 }
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

    mutating func checkNIP(_ fields: [DelimitedText.Field], row: Int, nips: inout [UInt64: Int]) {
        guard let (value, k) = cell("nip", fields) else {
            if let k = position["nip"] { problem(row: row, column: k, headerName("nip"), "empty; every employee needs a NIP (or NI PPPK)") }
            return
        }
        var digits: UInt64 = 0, count = 0, clean = true
        for byte in value.utf8 {
            if byte == 0x20 || byte == UInt8(ascii: "'") { continue }
            guard byte >= 0x30 && byte <= 0x39, count < 19 else { clean = false; break }
            digits = digits * 10 + UInt64(byte - 0x30)
            count += 1
        }
        guard clean && count == 18 else {
            problem(row: row, column: k, headerName("nip"), "expected 18 digits (a NIP or NI PPPK)")
            return
        }
        if let first = nips[digits] {
            problem(row: row, column: k, headerName("nip"), "duplicate NIP: the same as row \(first)")
        } else {
            nips[digits] = row
        }
    }

    mutating func readUnit(_ fields: [DelimitedText.Field], row: Int, units: [String: Int]) -> Int? {
        guard let (value, k) = cell("unit", fields) else {
            if let k = position["unit"] { problem(row: row, column: k, headerName("unit"), "empty; expected one of the region's units: \(context.unitIDs.joined(separator: ", "))") }
            return nil
        }
        if let u = units[normalised(value)] { return u }
        let close = value.count <= 40 ? suggestion(for: value, among: context.unitIDs).map { "; did you mean '\($0)'?" } ?? "" : ""
        unexpected(row: row, column: k, "unit", expected: "one of the region's units (\(context.unitIDs.joined(separator: ", ")))\(close)")
        return nil
    }

    static let posts: [String: JobLevel] = [
        "jpt": .jpt, "jpt pratama": .jpt, "jabatan pimpinan tinggi": .jpt, "jabatan pimpinan tinggi pratama": .jpt, "eselon ii": .jpt, "eselon 2": .jpt,
        "administrator": .administrator, "jabatan administrator": .administrator, "eselon iii": .administrator, "eselon 3": .administrator,
        "pengawas": .pengawas, "jabatan pengawas": .pengawas, "eselon iv": .pengawas, "eselon 4": .pengawas,
        "pelaksana": .pelaksana, "jabatan pelaksana": .pelaksana, "jfu": .pelaksana, "fungsional umum": .pelaksana,
        "fungsional": .fungsional, "jabatan fungsional": .fungsional, "jft": .fungsional, "jf": .fungsional, "fungsional tertentu": .fungsional,
    ]

    mutating func readPost(_ fields: [DelimitedText.Field], row: Int) -> JobLevel? {
        guard let (value, k) = cell("post", fields) else {
            if let k = position["post"] { problem(row: row, column: k, headerName("post"), "empty; expected JPT, Administrator, Pengawas, Pelaksana or Fungsional") }
            return nil
        }
        if let level = Self.posts[normalised(value)] { return level }
        unexpected(row: row, column: k, "post", expected: "JPT, Administrator, Pengawas, Pelaksana or Fungsional")
        return nil
    }

    mutating func readStatus(_ fields: [DelimitedText.Field], row: Int) -> EmploymentStatus? {
        guard let (value, k) = cell("status", fields) else {
            if let k = position["status"] { problem(row: row, column: k, headerName("status"), "empty; expected PNS, PPPK or CPNS") }
            return nil
        }
        switch normalised(value) {
        case "pns": return .pns
        case "pppk", "p3k": return .pppk
        case "cpns": return .cpns
        default:
            unexpected(row: row, column: k, "status", expected: "PNS, PPPK or CPNS")
            return nil
        }
    }

    /// The BUP of the post; NaN for a functional post whose jenjang is not given (drawn later).
    mutating func readRetirementAge(_ fields: [DelimitedText.Field], row: Int, level: JobLevel?) -> Double {
        let retirement = context.retirement
        guard let level else { return .nan }
        guard level == .fungsional else { return retirement.ageByJobLevel[level.rawValue] }
        guard let (value, k) = cell("jenjang", fields) else { return .nan }
        switch normalised(value) {
        case "ahli pertama", "ahli muda", "pemula", "terampil", "mahir", "penyelia", "pertama", "muda":
            return retirement.ageByJobLevel[JobLevel.fungsional.rawValue]
        case "ahli madya", "madya": return retirement.fungsionalMadyaAgeYears
        case "ahli utama", "utama": return retirement.fungsionalUtamaAgeYears
        default:
            unexpected(row: row, column: k, "jenjang", expected: "Ahli Pertama, Ahli Muda, Ahli Madya, Ahli Utama, Pemula, Terampil, Mahir or Penyelia")
            return .nan
        }
    }

    /// Age on the start date from the birth date (never echoed), checked against 18 and the BUP.
    mutating func readAge(_ fields: [DelimitedText.Field], row: Int, retirementAge: Double) -> Double {
        guard let (value, k) = cell("birthDate", fields) else { return .nan }
        guard let born = Self.date(value) else {
            if value.contains(where: \.isLetter) || CellShape(value) == .nip {
                unexpected(row: row, column: k, "birthDate", expected: "a date as dd-mm-yyyy, dd/mm/yyyy or yyyy-mm-dd")
            } else {
                problem(row: row, column: k, headerName("birthDate"), "not a real date; expected dd-mm-yyyy, dd/mm/yyyy or yyyy-mm-dd (the value is not shown: it is personal data)")
            }
            return .nan
        }
        let age = Self.years(from: born, to: context.startDate)
        let bup = retirementAge.isNaN ? context.retirement.fungsionalUtamaAgeYears : retirementAge
        if age < 18 {
            problem(row: row, column: k, headerName("birthDate"), "younger than 18 on the start date \(context.startDate)")
        } else if age >= bup {
            problem(row: row, column: k, headerName("birthDate"), "already at or past the retirement age (\(NumberText.plain(bup))) on the start date \(context.startDate); leave retired staff out")
        }
        return age
    }

    mutating func readTenure(_ fields: [DelimitedText.Field], row: Int, ageYears: Double) -> Double {
        guard let (value, k) = cell("tmt", fields) else { return .nan }
        guard let appointed = Self.date(value) else {
            unexpected(row: row, column: k, "tmt", expected: "a real date as dd-mm-yyyy, dd/mm/yyyy or yyyy-mm-dd")
            return .nan
        }
        let years = Self.years(from: appointed, to: context.startDate)
        if years < 0 {
            problem(row: row, column: k, headerName("tmt"), "after the start date \(context.startDate); leave out staff not yet appointed")
        } else if !ageYears.isNaN && ageYears - years < 18 {
            problem(row: row, column: k, headerName("tmt"), "appointed before the age of 18 (by the birth date)")
        }
        return years * 12
    }

    mutating func readEducation(_ fields: [DelimitedText.Field], row: Int) -> Education? {
        guard let (value, k) = cell("education", fields) else { return nil }
        switch normalised(value) {
        case "sd", "smp", "sltp", "sma", "smk", "slta", "sma sederajat", "slta sederajat", "ma", "stm", "smea": return .sma
        case "d1", "d2", "d3", "d i", "d ii", "d iii", "di", "dii", "diii", "diploma", "diploma iii", "diploma 3": return .diploma
        case "d4", "d iv", "div", "diploma iv", "s1", "s 1", "sarjana", "sarjana terapan": return .s1
        case "s2", "s 2", "magister", "master": return .s2
        case "s3", "s 3", "doktor", "doctor": return .s3
        default:
            unexpected(row: row, column: k, "education", expected: "SD, SMP, SMA/SMK, D1–D3, D4, S1, S2 or S3")
            return nil
        }
    }

    mutating func readLatsar(_ fields: [DelimitedText.Field], row: Int, status: EmploymentStatus?) -> Bool {
        guard let (value, k) = cell("latsarOwed", fields) else { return status == .cpns }
        let owes: Bool
        switch normalised(value) {
        case "ya", "yes", "y", "1", "true", "belum", "owed", "wajib": owes = true
        case "tidak", "no", "n", "0", "false", "sudah", "done", "lulus": owes = false
        default:
            unexpected(row: row, column: k, "latsarOwed", expected: "ya or tidak (yes/no, 1/0, belum/sudah)")
            return false
        }
        if owes && status == .pppk {
            problem(row: row, column: k, headerName("latsarOwed"), "a PPPK does not owe Latsar (Latsar is the CPNS's probation training); write tidak, or correct the status")
        }
        return owes
    }

    /// A number in `range` written in decimal (`12`, `3.5`, `3,5`; not `0x1p4`, `1e3`, `inf`),
    /// or NaN when the cell is empty.
    mutating func number(_ key: String, _ fields: [DelimitedText.Field], row: Int, range: ClosedRange<Double>, expected: String) -> Double {
        guard let (value, k) = cell(key, fields) else { return .nan }
        guard let x = Self.decimal(value) else {
            unexpected(row: row, column: k, key, expected: "\(expected), in decimal digits")
            return .nan
        }
        guard range.contains(x) else {
            problem(row: row, column: k, headerName(key), "expected \(expected); this number is \(x < range.lowerBound ? "below" : "above") it (the value is not shown)")
            return .nan
        }
        return x
    }

    /// A plain decimal number: an optional sign, digits, and at most one `.` or `,` followed by
    /// digits. `nil` for anything else (hexadecimal, exponents, `inf`, `nan`, thousands separators).
    static func decimal(_ text: String) -> Double? {
        var digits = 0, point = false, afterPoint = 0, index = 0
        var normalised: [UInt8] = []
        for byte in text.utf8 {
            defer { index += 1 }
            switch byte {
            case UInt8(ascii: "-"), UInt8(ascii: "+"):
                guard index == 0 else { return nil }
                normalised.append(byte)
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if point { afterPoint += 1 } else { digits += 1 }
                normalised.append(byte)
            case UInt8(ascii: "."), UInt8(ascii: ","):
                guard !point, digits > 0 else { return nil }
                point = true
                normalised.append(UInt8(ascii: "."))
            default: return nil
            }
        }
        guard digits > 0, !point || afterPoint > 0, digits + afterPoint <= 30 else { return nil }
        return Double(String(decoding: normalised, as: UTF8.self))
    }

    // MARK: - Dates

    /// `dd-mm-yyyy`, `dd/mm/yyyy`, `dd.mm.yyyy` or `yyyy-mm-dd`, a real calendar date.
    static func date(_ text: String) -> CivilDate? {
        var numbers = (0, 0, 0), digits = (0, 0, 0), part = 0
        for byte in text.utf8 {
            if byte >= 0x30 && byte <= 0x39 {
                let d = Int(byte - 0x30)
                switch part {
                case 0: numbers.0 = numbers.0 * 10 + d; digits.0 += 1
                case 1: numbers.1 = numbers.1 * 10 + d; digits.1 += 1
                default: numbers.2 = numbers.2 * 10 + d; digits.2 += 1
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
        guard (1900...2100).contains(year), (1...12).contains(month), (1...CivilDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        return CivilDate(year, month, day)
    }

    /// Years from `a` to `b` (fractional, by days of 365.25).
    static func years(from a: CivilDate, to b: CivilDate) -> Double { Double(b.dayNumber - a.dayNumber) / 365.25 }
}
