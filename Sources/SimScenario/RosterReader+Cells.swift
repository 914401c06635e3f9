import SimCore
import SimWorkforce

/// Each column of a roster row: read, checked, and a problem named by row and column (never
/// quoting the cell: it may be personal data).
extension RosterReader {
    mutating func checkNIP(_ fields: [DelimitedText.Field], row: Int, nips: inout [UInt64: Int]) {
        guard let (value, k) = cell("nip", fields) else {
            if let k = position["nip"] { problem(row: row, column: k, headerName("nip"), "empty; every employee needs a NIP (or NI PPPK)") }
            return
        }
        var digits: UInt64 = 0
        var count = 0
        var clean = true
        for byte in value.utf8 {
            if byte == 0x20 || byte == UInt8(ascii: "'") { continue }
            guard byte >= 0x30 && byte <= 0x39, count < 19 else {
                clean = false
                break
            }
            digits = digits * 10 + UInt64(byte - 0x30)
            count += 1
        }
        guard clean && count == 18 else {
            if Self.isExcelNumber(value) {
                excelNIPRows += 1
                problem(
                    row: row, column: k, headerName("nip"),
                    "Excel stored this NIP as a number and lost its last digits (it is written with E+); format the NIP column as text in Excel and export again"
                )
            } else {
                problem(row: row, column: k, headerName("nip"), "expected 18 digits (a NIP or NI PPPK)")
            }
            return
        }
        if let first = nips[digits] {
            problem(row: row, column: k, headerName("nip"), "duplicate NIP: the same as row \(first)")
        } else {
            nips[digits] = row
        }
    }

    /// Whether a cell reads as a number in Excel's scientific form, `1.97703E+17` or, in an
    /// Indonesian locale, `1,97703E+17`: an 18-digit NIP Excel kept as a number, with only its
    /// first 15 digits or fewer left.
    static func isExcelNumber(_ value: String) -> Bool {
        let bytes = Array(value.utf8.filter { $0 != 0x20 })
        guard let e = bytes.firstIndex(where: { $0 == UInt8(ascii: "E") || $0 == UInt8(ascii: "e") }), e > 0 else { return false }
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        let mantissa = bytes[..<e]
        var exponent = bytes[(e + 1)...]
        if exponent.first == UInt8(ascii: "+") { exponent = exponent.dropFirst() }
        let separators = mantissa.filter { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",") }.count
        return isDigit(mantissa.first!) && separators <= 1
            && mantissa.allSatisfy { isDigit($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",") }
            && !exponent.isEmpty && exponent.count <= 2 && exponent.allSatisfy(isDigit)
    }

    mutating func readUnit(_ fields: [DelimitedText.Field], row: Int, units: [String: Int]) -> Int? {
        guard let (value, k) = cell("unit", fields) else {
            if let k = position["unit"] {
                problem(
                    row: row, column: k, headerName("unit"),
                    "empty; expected one of the region's units: \(context.unitIDs.joined(separator: ", "))")
            }
            return nil
        }
        let name = normalised(value)
        if let u = units[name] ?? context.mapping.unit(matching: name) { return u }
        let close = value.count <= 40 ? suggestion(for: value, among: context.unitIDs).map { "; did you mean '\($0)'?" } ?? "" : ""
        unexpected(
            row: row, column: k, "unit",
            expected:
                "one of the region's units (\(context.unitIDs.joined(separator: ", "))) or a name the scenario maps to one in rosterMapping.units\(close)"
        )
        return nil
    }

    static let posts: [String: JobLevel] = [
        "jpt": .jpt, "jpt pratama": .jpt, "jabatan pimpinan tinggi": .jpt, "jabatan pimpinan tinggi pratama": .jpt, "eselon ii": .jpt,
        "eselon 2": .jpt,
        "administrator": .administrator, "jabatan administrator": .administrator, "eselon iii": .administrator, "eselon 3": .administrator,
        "pengawas": .pengawas, "jabatan pengawas": .pengawas, "eselon iv": .pengawas, "eselon 4": .pengawas,
        "pelaksana": .pelaksana, "jabatan pelaksana": .pelaksana, "jfu": .pelaksana, "fungsional umum": .pelaksana,
        "fungsional": .fungsional, "jabatan fungsional": .fungsional, "jft": .fungsional, "jf": .fungsional,
        "fungsional tertentu": .fungsional, "jabatan fungsional tertentu": .fungsional, "jabatan fungsional umum": .pelaksana,
        "jabatan fungsional umum pelaksana": .pelaksana, "fungsional umum pelaksana": .pelaksana,
    ]

    /// Posts that SIASN writes as "Jabatan Struktural", their level given by the Eselon column.
    static let structural: Set<String> = ["jabatan struktural", "struktural"]

    /// The level of a structural post from its echelon (`II.a`, `III`, `IV.b`, …): I and II are JPT.
    static func echelonLevel(_ normalised: String) -> JobLevel? {
        switch normalised.split(separator: " ").first.map(String.init) ?? "" {
        case "i", "ii", "1", "2": return .jpt
        case "iii", "3": return .administrator
        case "iv", "4": return .pengawas
        default: return nil
        }
    }

    mutating func readPost(_ fields: [DelimitedText.Field], row: Int) -> JobLevel? {
        guard let (value, k) = cell("post", fields) else {
            if let k = position["post"] {
                problem(row: row, column: k, headerName("post"), "empty; expected JPT, Administrator, Pengawas, Pelaksana or Fungsional")
            }
            return nil
        }
        let post = normalised(value)
        if let level = context.mapping.post[post] ?? Self.posts[post] { return level }
        if Self.structural.contains(post) {
            guard let (echelon, e) = cell("eselon", fields) else {
                problem(
                    row: row, column: k, headerName("post"),
                    "a structural post needs its echelon: add the Eselon column (II, III or IV), or write JPT, Administrator or Pengawas")
                return nil
            }
            if let level = Self.echelonLevel(normalised(echelon)) { return level }
            unexpected(row: row, column: e, "eselon", expected: "an echelon I, II, III or IV (II.a, III.b, …) for a structural post")
            return nil
        }
        unexpected(row: row, column: k, "post", expected: "JPT, Administrator, Pengawas, Pelaksana or Fungsional")
        return nil
    }

    mutating func readStatus(_ fields: [DelimitedText.Field], row: Int) -> EmploymentStatus? {
        guard let (value, k) = cell("status", fields) else {
            // SIASN leaves status_cpns_pns empty for a PPPK and says so in jenis_pegawai_nama.
            if let (kind, _) = cell("employeeKind", fields) {
                let words = normalised(kind).split(separator: " ")
                if words.contains("pppk") || words.contains("p3k") { return .pppk }
            }
            if let k = position["status"] { problem(row: row, column: k, headerName("status"), "empty; expected PNS, PPPK or CPNS") }
            return nil
        }
        let key = normalised(value)
        if let status = context.mapping.status[key] ?? Self.status(key) { return status }
        unexpected(row: row, column: k, "status", expected: "PNS, PPPK or CPNS")
        return nil
    }

    /// A status as the model's spellings write it (normalised), SIASN's P and C codes included.
    static func status(_ normalised: String) -> EmploymentStatus? {
        switch normalised {
        case "pns", "p", "pegawai negeri sipil": return .pns
        case "pppk", "p3k", "pegawai pemerintah dengan perjanjian kerja": return .pppk
        case "cpns", "c", "calon pegawai negeri sipil", "calon pns": return .cpns
        default: return nil
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
            unexpected(
                row: row, column: k, "jenjang",
                expected: "Ahli Pertama, Ahli Muda, Ahli Madya, Ahli Utama, Pemula, Terampil, Mahir or Penyelia")
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
                problem(
                    row: row, column: k, headerName("birthDate"),
                    "not a real date; expected dd-mm-yyyy, dd/mm/yyyy or yyyy-mm-dd (the value is not shown: it is personal data)")
            }
            return .nan
        }
        let age = Self.years(from: born, to: context.startDate)
        let bup = retirementAge.isNaN ? context.retirement.fungsionalUtamaAgeYears : retirementAge
        if age < 18 {
            problem(row: row, column: k, headerName("birthDate"), "younger than 18 on the start date \(context.startDate)")
        } else if age >= bup {
            problem(
                row: row, column: k, headerName("birthDate"),
                "already at or past the retirement age (\(NumberText.plain(bup))) on the start date \(context.startDate); leave retired staff out"
            )
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
        let key = normalised(value)
        if let level = context.mapping.education[key] ?? Self.education(key) { return level }
        // SIASN writes a level and its name: S-1/Sarjana, S-3/Doktor.
        if let slash = value.firstIndex(of: "/"), let level = Self.education(normalised(String(value[..<slash]))) { return level }
        unexpected(row: row, column: k, "education", expected: "SD, SMP, SMA/SMK, D1–D3, D4, S1, S2 or S3")
        return nil
    }

    static func education(_ normalised: String) -> Education? {
        switch normalised {
        case "sd", "smp", "sltp", "sma", "smk", "slta", "sma sederajat", "slta sederajat", "ma", "stm", "smea": return .sma
        case "d1", "d2", "d3", "d i", "d ii", "d iii", "di", "dii", "diii", "diploma", "diploma iii", "diploma 3": return .diploma
        case "d4", "d iv", "div", "diploma iv", "s1", "s 1", "sarjana", "sarjana terapan": return .s1
        case "s2", "s 2", "magister", "master": return .s2
        case "s3", "s 3", "doktor", "doctor": return .s3
        default: return nil
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
            problem(
                row: row, column: k, headerName("latsarOwed"),
                "a PPPK does not owe Latsar (Latsar is the CPNS's probation training); write tidak, or correct the status")
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
            problem(
                row: row, column: k, headerName(key),
                "expected \(expected); this number is \(x < range.lowerBound ? "below" : "above") it (the value is not shown)")
            return .nan
        }
        return x
    }

    /// A plain decimal number: an optional sign, digits, and at most one `.` or `,` followed by
    /// digits. `nil` for anything else (hexadecimal, exponents, `inf`, `nan`, thousands separators).
    static func decimal(_ text: String) -> Double? {
        var digits = 0
        var point = false
        var afterPoint = 0
        var index = 0
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
}
