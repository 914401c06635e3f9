import SimWorkforce

/// Reads a region's calendar of sessions already booked on the start date: one row per session,
/// with the programme, its dates, seats and who attends (roster rows, or units). Problems are
/// reported like a roster's, `FILE:ROW:COL: error: COLUMN: message`, the first hundred at once,
/// and like a roster's they never quote a cell.
struct BookedSessionReader {
    struct Context {
        var programmeIDs: [String]
        var unitIDs: [String]
        /// The programmes' seats per session, the default when a row gives none.
        var seatsPerSession: [Int]
        /// The roster's employee rows → employee numbers (empty: no roster, so participants must be units).
        var rosterRows: [Int: Int]
        var rosterLastRow: Int
        var clock: WorkingClock
        var startDate: CivilDate
    }

    static let columns: [(key: String, spellings: [String], doc: String)] = [
        ("programme", ["programme", "program", "pelatihan", "diklat", "programme id"], "the programme's id in the scenario"),
        ("start", ["start", "mulai", "tanggal mulai", "start date"], "first day (dd-mm-yyyy or yyyy-mm-dd), on or after the start date"),
        ("end", ["end", "selesai", "tanggal selesai", "end date"], "last day (empty: the programme's own length)"),
        ("seats", ["seats", "kursi", "kuota", "jumlah peserta"], "seats (empty: the programme's seatsPerSession)"),
        (
            "participants", ["participants", "peserta"],
            "roster rows (e.g. `2 17 40`, the header being row 1), or unit ids (e.g. `dukcapil dpmptsp`); empty: anyone eligible"
        ),
    ]

    let file: String
    let text: DelimitedText
    let context: Context
    private(set) var diagnostics: [Diagnostic] = []
    private var position: [String: Int] = [:]
    private var header: [String] = []
    private var suppressed = 0
    /// What to say on stderr that is not an error.
    private(set) var notes: [String] = []

    init(file: String, bytes: [UInt8], context: Context) {
        self.file = file
        text = DelimitedText(bytes)
        self.context = context
    }

    mutating func problem(row: Int, column: Int, _ name: String, _ message: String) {
        guard diagnostics.count < RosterReader.problemLimit else {
            suppressed += 1
            return
        }
        diagnostics.append(
            Diagnostic(file: file, location: SourceLocation(file: file, line: row, column: column + 1), path: name, message: message))
    }

    mutating func read() -> [BookedSession] {
        var sessions: [BookedSession] = []
        var headerRead = false
        var rows = 0
        let findings = text.forEachRecord { row, fields in
            guard headerRead else {
                headerRead = true
                header = fields.map { text.text($0) }
                for (k, name) in header.enumerated() {
                    let key = RosterFormat.normalised(name)
                    if let column = Self.columns.first(where: { $0.spellings.contains(key) }) {
                        position[column.key] = k
                        header[k] = column.key
                    } else {
                        header[k] = "column \(k + 1)"
                    }
                }
                for required in ["programme", "start"] where position[required] == nil {
                    problem(
                        row: row, column: 0, required,
                        "no \(required) column; the header needs \(Self.columns.first { $0.key == required }!.spellings.prefix(2).map { "'\($0)'" }.joined(separator: " or "))"
                    )
                }
                return
            }
            guard position["programme"] != nil, position["start"] != nil else { return }
            rows += 1
            if let session = readRow(fields, row: row) { sessions.append(session) }
        }
        for finding in findings {
            switch finding {
            case .unterminatedQuote(let row, let line):
                problem(
                    row: row, column: 0, "bookedSessions",
                    "a quoted field opened in this row (line \(line) of the file) is never closed, so the rest of the file would be one cell; close the quote or remove it"
                )
            case .spansLines(let row, let line, let lines):
                notes.append(
                    "\(file):\(row): a quoted field of this row spans \(lines) lines (from line \(line)); check that the row is one session"
                )
            }
        }
        if !headerRead {
            problem(
                row: 1, column: 0, "bookedSessions",
                "the file is empty; expected a header row (programme, start, …) and one row per session")
        } else if rows == 0 && diagnostics.isEmpty {
            problem(
                row: 2, column: 0, "bookedSessions",
                "the file has a header but no session; remove startState.bookedSessions, or add the sessions")
        }
        if suppressed > 0 {
            var summary = Diagnostic(
                file: file, path: "bookedSessions",
                message: "and \(suppressed) more problems in this file, not listed; fix the ones above first")
            summary.isSummary = true
            diagnostics.append(summary)
        }
        return diagnostics.isEmpty ? sessions : []
    }

    func cell(_ key: String, _ fields: [DelimitedText.Field]) -> (text: String, column: Int)? {
        guard let k = position[key], k < fields.count else { return nil }
        let value = text.text(fields[k])
        return value.isEmpty ? nil : (value, k)
    }

    func name(_ key: String) -> String { position[key].map { header[$0] } ?? key }

    mutating func readRow(_ fields: [DelimitedText.Field], row: Int) -> BookedSession? {
        let programme = readProgramme(fields, row: row)
        let start = readDate("start", fields, row: row)
        var lengthDays: Double?
        if let start, start < context.startDate, let k = position["start"] {
            problem(
                row: row, column: k, name("start"),
                "before the run's start date \(context.startDate); a session already held is in the roster's JP, not booked")
        }
        if let start, context.clock.time(of: start) >= context.clock.horizonDays, let k = position["start"] {
            problem(row: row, column: k, name("start"), "after the horizon")
        } else if let start, start >= context.startDate, !context.clock.isWorkingDay(start) {
            notes.append(
                "\(file):\(row): the session's start falls on a weekend or holiday; it starts on the next working day (the date is not shown)"
            )
        }
        if let start, let end = readDate("end", fields, row: row) {
            if end < start {
                if let k = position["end"] { problem(row: row, column: k, name("end"), "ends before it starts (the dates are not shown)") }
            } else {
                let span = context.clock.span(start...end)
                lengthDays = max(0.5, span.upperBound - span.lowerBound)
            }
        }
        var seats = programme.map { context.seatsPerSession[$0] } ?? 1
        if let (value, k) = cell("seats", fields) {
            if value.utf8.count <= 6, value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let n = Int(value), (1...10_000).contains(n) {
                seats = n
            } else {
                problem(row: row, column: k, name("seats"), "expected a whole number of seats from 1 to 10000 (the value is not shown)")
            }
        }
        let (people, units) = readParticipants(fields, row: row)
        if people.count > seats, let k = position["participants"] {
            problem(row: row, column: k, name("participants"), "\(people.count) people booked on \(seats) seats")
        }
        guard let programme, let start else { return nil }
        return BookedSession(programme: programme, start: start, lengthDays: lengthDays, seats: seats, participants: people, units: units)
    }

    mutating func readProgramme(_ fields: [DelimitedText.Field], row: Int) -> Int? {
        guard let (value, k) = cell("programme", fields) else {
            problem(row: row, column: position["programme"] ?? 0, name("programme"), "empty; expected a programme id")
            return nil
        }
        if let p = context.programmeIDs.firstIndex(of: value) { return p }
        let close = value.count <= 40 ? suggestion(for: value, among: context.programmeIDs).map { "; did you mean '\($0)'?" } ?? "" : ""
        problem(
            row: row, column: k, name("programme"),
            "not one of the scenario's programmes (\(context.programmeIDs.joined(separator: ", ")))\(close) (the value is not shown)")
        return nil
    }

    mutating func readDate(_ key: String, _ fields: [DelimitedText.Field], row: Int) -> CivilDate? {
        guard let (value, k) = cell(key, fields) else {
            if key == "start" { problem(row: row, column: position[key] ?? 0, name(key), "empty; expected the session's first day") }
            return nil
        }
        guard let date = RosterReader.date(value) else {
            problem(row: row, column: k, name(key), "expected a real date as dd-mm-yyyy or yyyy-mm-dd (the value is not shown)")
            return nil
        }
        return date
    }

    /// Roster rows (as employee numbers) or unit indices.
    mutating func readParticipants(_ fields: [DelimitedText.Field], row: Int) -> (people: [Int], units: [Int]) {
        guard let (value, k) = cell("participants", fields) else { return ([], []) }
        let words = value.split(whereSeparator: { $0 == " " || $0 == "|" || $0 == "," }).map(String.init)
        var people: [Int] = []
        var units: [Int] = []
        var booked: Set<Int> = []
        for word in words {
            if word.utf8.count <= 9, word.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let rosterRow = Int(word) {
                guard !context.rosterRows.isEmpty else {
                    problem(
                        row: row, column: k, name("participants"),
                        "row \(rosterRow): the region has no roster, so name units instead of rows")
                    continue
                }
                guard let employee = context.rosterRows[rosterRow] else {
                    problem(
                        row: row, column: k, name("participants"),
                        "row \(rosterRow) is not an employee row of the roster (rows 2–\(context.rosterLastRow))")
                    continue
                }
                if !booked.insert(employee).inserted {
                    problem(row: row, column: k, name("participants"), "row \(rosterRow) is booked twice")
                }
                people.append(employee)
            } else if let u = context.unitIDs.firstIndex(of: word) {
                units.append(u)
            } else {
                problem(
                    row: row, column: k, name("participants"),
                    "a word that is neither a roster row nor one of the region's units (\(context.unitIDs.joined(separator: ", "))); the value is not shown"
                )
            }
        }
        if !people.isEmpty && !units.isEmpty {
            problem(row: row, column: k, name("participants"), "give either roster rows or units, not both")
        }
        return (people, units)
    }
}
