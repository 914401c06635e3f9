import SimWorkforce

/// Each kind's rows: read, checked, and added to the region's aggregates. A problem names the
/// row and column, never the cell.
extension HistoryReader {
    mutating func readCourse(_ fields: [DelimitedText.Field], row: Int, into accumulator: inout Accumulator) {
        let nip = readNIP(fields, row: row)
        let jp = number("jp", fields, row: row, in: 0...5_000, "lesson hours (JP), a number from 0 to 5000")
        var year: Int?
        if let key = ["end", "start"].first(where: { bytes($0, fields) != nil }), let (value, k) = bytes(key, fields) {
            year = RosterReader.date(bytes: Self.datePart(value)).map(\.year)
            if year == nil {
                problem(row: row, column: k, name(key), "expected a date as dd-mm-yyyy, dd/mm/yyyy or yyyy-mm-dd (the value is not shown)")
            }
        } else if position["year"] != nil {
            year = self.year("year", fields, row: row)
        } else {
            problem(
                row: row, column: position["end"] ?? position["start"], "year", "no date and no year; the JP cannot be counted in a year")
        }
        guard let nip, let jp, let year else { return }
        accumulator.jpByPerson[year, default: [:]][nip, default: 0] += jp
        var course = accumulator.history.courses[year] ?? RegionHistory.CourseYear()
        course.jpTotal += jp
        course.courses += 1
        let names = [cell("course", fields)?.text, cell("kind", fields)?.text].compactMap { $0?.lowercased() }
        if names.contains(where: { $0.contains("latsar") || $0.contains("latihan dasar") || $0.contains("prajabatan") }) {
            course.latsarCompleted += 1
        }
        accumulator.history.courses[year] = course
    }

    /// An 18-digit NIP or NI PPPK as a number (spaces and a leading apostrophe ignored).
    mutating func readNIP(_ fields: [DelimitedText.Field], row: Int) -> UInt64? {
        guard let (value, k) = required("nip", fields, row: row, "the person's NIP") else { return nil }
        var digits: UInt64 = 0
        var count = 0
        for byte in value.utf8 where byte != 0x20 && byte != UInt8(ascii: "'") {
            guard byte >= 0x30 && byte <= 0x39, count < 18 else {
                count = -1
                break
            }
            digits = digits * 10 + UInt64(byte - 0x30)
            count += 1
        }
        if count == 18 { return digits }
        problem(
            row: row, column: k, name("nip"),
            RosterReader.isExcelNumber(value)
                ? "Excel stored this NIP as a number and lost its last digits (it is written with E+); format the NIP column as text in Excel and export again"
                : "expected 18 digits (a NIP or NI PPPK)")
        return nil
    }

    mutating func readSKM(_ fields: [DelimitedText.Field], row: Int, into history: inout RegionHistory) {
        let unit = unit("unit", fields, row: row)
        let year = year("period", fields, row: row)
        let index = number("index", fields, row: row, in: 25...100, "the index from 25 to 100")
        let respondents = number("respondents", fields, row: row, in: 1...10_000_000, "a number of respondents from 1", required: false)
        let elements = (1...9).map {
            number("u\($0)", fields, row: row, in: 1...4, "the element's mean score from 1 to 4", required: false)
        }
        guard let unit, let year, let index else { return }
        let weight = respondents ?? 1
        var skm = history.skm[RegionHistory.UnitYear(unit: unit, year: year)] ?? RegionHistory.SKMYear()
        skm.indexTimesRespondents += index * weight
        skm.respondents += weight
        skm.periods += 1
        for (e, score) in elements.enumerated() {
            guard let score else { continue }
            skm.elementSums[e] += score * weight
            skm.elementWeights[e] += weight
        }
        history.skm[RegionHistory.UnitYear(unit: unit, year: year)] = skm
    }

    static let servedWords: Set<String> = ["served", "selesai", "dilayani", "done", "finished", "ok", "sudah dilayani", "terlayani"]
    static let notServedWords: Set<String> = [
        "batal", "tidak hadir", "skip", "dilewati", "abandoned", "cancelled", "canceled", "no show", "tidak dilayani", "lewat",
    ]

    mutating func readTicket(_ fields: [DelimitedText.Field], row: Int, into history: inout RegionHistory) {
        let unit = unit("counter", fields, row: row)
        var date: CivilDate?
        if let (value, k) = bytes("date", fields) {
            date = RosterReader.date(bytes: Self.datePart(value))
            if date == nil {
                problem(
                    row: row, column: k, name("date"), "expected a date as dd-mm-yyyy, dd/mm/yyyy or yyyy-mm-dd (the value is not shown)")
            }
        } else {
            problem(row: row, column: position["date"], name("date"), "empty; expected the day")
        }
        let issued = time("issued", fields, row: row, required: true)
        let called = time("called", fields, row: row, required: false)
        var served = called != nil
        if let (value, k) = cell("status", fields) {
            // PERF: each distinct status word is normalised and looked up once, not once a row.
            // `Benchmarks/history-load.sh`, 1,000,000 numbers: 1.9–2.1 s without this, 1.2–1.8 s with it.
            let known = statusOfCell[value] ?? Self.isServed(RosterFormat.normalised(value))
            if statusOfCell.count < 1_000 { statusOfCell[value] = known }
            if known == true {
                if called == nil {
                    problem(row: row, column: position["called"], name("called"), "empty on a ticket whose status says served")
                }
            } else if known == false {
                served = false
            } else {
                problem(
                    row: row, column: k, name("status"),
                    "expected served (selesai, dilayani) or not served (batal, tidak hadir, skip); the value is not shown")
            }
        }
        guard let unit, let date, let issued else { return }
        var tally = RegionHistory.QueueTally()
        tally.issued = 1
        if served, let called {
            guard called >= issued else {
                problem(row: row, column: position["called"], name("called"), "before the number was taken (the times are not shown)")
                return
            }
            tally.served = 1
            tally.waitMinutesTotal = called - issued
        } else {
            tally.notServed = 1
        }
        history.queue[RegionHistory.CounterMonth(unit: unit, year: date.year, month: date.month), default: .init()].add(tally)
        let key = RegionHistory.UnitYear(unit: unit, year: date.year)
        if history.queueByHour[key] == nil { history.queueByHour[key] = Array(repeating: .init(), count: 24) }
        history.queueByHour[key]![min(23, Int(issued / 60))].add(tally)
    }

    /// Whether a status word (normalised) says served (`nil`: neither served nor not served).
    static func isServed(_ word: String) -> Bool? {
        servedWords.contains(word) ? true : notServedWords.contains(word) ? false : nil
    }

    /// Minutes after midnight from `07:42`, `07:42:10`, `07.42` or a date and time
    /// (`2024-01-05 07:42:10`, `…T07:42`).
    mutating func time(_ key: String, _ fields: [DelimitedText.Field], row: Int, required: Bool) -> Double? {
        guard let (value, k) = bytes(key, fields) else {
            if required { problem(row: row, column: position[key], name(key), "empty; expected a time of day") }
            return nil
        }
        guard let minutes = Self.clockMinutes(value) else {
            problem(row: row, column: k, name(key), "expected a time of day as hh:mm or hh:mm:ss (the value is not shown)")
            return nil
        }
        return minutes
    }

    /// `hh:mm[:ss]` (or with `.`) after the last space or `T` of a cell, in minutes.
    static func clockMinutes(_ cell: ArraySlice<UInt8>) -> Double? {
        let start = cell.lastIndex { $0 == 0x20 || $0 == UInt8(ascii: "T") }.map { $0 + 1 } ?? cell.startIndex
        var seconds = 0  // hours, then minutes, then seconds, each two digits at most
        var value = 0
        var digits = 0
        var part = 0
        for byte in cell[start...] {
            if byte >= 0x30 && byte <= 0x39 {
                guard digits < 2 else { return nil }
                value = value * 10 + Int(byte - 0x30)
                digits += 1
            } else if (byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".")) && part < 2 && digits > 0 {
                guard value <= (part == 0 ? 23 : 59) else { return nil }
                seconds += value * (part == 0 ? 3_600 : 60)
                (value, digits, part) = (0, 0, part + 1)
            } else {
                return nil
            }
        }
        guard part >= 1, digits > 0, value <= 59 else { return nil }
        return Double(seconds + value * (part == 1 ? 60 : 1)) / 60
    }

    /// The date of a cell that may carry a time after it.
    static func datePart(_ cell: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        cell.prefix { $0 != 0x20 && $0 != UInt8(ascii: "T") }
    }

    mutating func readBudget(_ fields: [DelimitedText.Field], row: Int, into history: inout RegionHistory) {
        let year = year("year", fields, row: row)
        let ceiling = number("ceiling", fields, row: row, in: 0...1e15, "the ceiling in Rupiah, 0 or more")
        let realised = number("realised", fields, row: row, in: 0...1e15, "the Rupiah realised, 0 or more")
        guard let year, let ceiling, let realised else { return }
        history.budget[year, default: .init()].ceilingRupiah += ceiling
        history.budget[year, default: .init()].realisedRupiah += realised
    }

    static let statusWords: [String: String] = [
        "pns": "PNS", "cpns": "CPNS", "pppk": "PPPK", "p3k": "PPPK", "jumlah": "all", "total": "all", "semua": "all", "all": "all",
        "asn": "all",
    ]

    mutating func readHeadcount(_ fields: [DelimitedText.Field], row: Int, into history: inout RegionHistory) {
        let year = year("year", fields, row: row)
        let headcount = number("headcount", fields, row: row, in: 0...10_000_000, "a whole number of people")
        var status: String? = "all"
        if let (value, k) = cell("status", fields) {
            status = Self.statusWords[RosterFormat.normalised(value)]
            if status == nil {
                problem(row: row, column: k, name("status"), "expected PNS, CPNS, PPPK or Jumlah (the value is not shown)")
            }
        }
        let flows = ["retirements", "otherExits", "hires"].map {
            number($0, fields, row: row, in: 0...10_000_000, "a whole number of people", required: false)
        }
        guard let year, let headcount, let status else { return }
        var workforce = history.workforce[year] ?? RegionHistory.Workforce()
        let mixes = status == "all" ? !workforce.headcount.isEmpty : workforce.headcount["all"] != nil
        if workforce.headcount[status] != nil || mixes {
            problem(
                row: row, column: position["status"] ?? position["year"], name("status"),
                "a second headcount for this year (one row per year and status, or one row per year without status)")
            return
        }
        workforce.headcount[status] = Int(headcount.rounded())
        func add(_ value: Double?, to total: Int?) -> Int? { value.map { (total ?? 0) + Int($0.rounded()) } ?? total }
        workforce.retirements = add(flows[0], to: workforce.retirements)
        workforce.otherExits = add(flows[1], to: workforce.otherExits)
        workforce.hires = add(flows[2], to: workforce.hires)
        history.workforce[year] = workforce
    }
}
