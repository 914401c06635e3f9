/// What a cell of a personal-data file looks like, so a message can say what is wrong with it
/// without quoting it: a NIP, a date, a name, or something else.
enum CellShape: Equatable {
    case nip, date, name, other

    init(_ text: String) {
        let bytes = Array(text.utf8)
        let digits = bytes.filter { $0 >= 0x30 && $0 <= 0x39 }.count
        let letters = text.unicodeScalars.filter { $0.properties.isAlphabetic }.count
        if digits >= 15
            && digits
                + bytes.filter({
                    $0 == 0x20 || $0 == UInt8(ascii: "'") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "E") || $0 == UInt8(ascii: "+")
                }).count == bytes.count
        {
            self = .nip
        } else if RosterReader.date(text) != nil {
            self = .date
        } else if Self.looksLikeName(text, letters: letters) {
            self = .name
        } else {
            self = .other
        }
    }

    /// Two to six words, mostly letters, the first capitalised, none mixing letters and digits
    /// (S1, D3) and none a word that names an office, a status or a schooling (Dinas, PNS, Negeri,
    /// Sarjana…): how a person's name reads in an export.
    static func looksLikeName(_ text: String, letters: Int) -> Bool {
        let words = text.split(separator: " ")
        guard (2...6).contains(words.count), letters * 10 >= text.count * 7, words[0].first?.isUppercase == true else { return false }
        return !words.contains { word in
            (word.contains(where: \.isNumber) && word.contains(where: \.isLetter)) || notInNames.contains(word.lowercased())
        }
    }

    static let notInNames: Set<String> = [
        "dinas", "badan", "kantor", "bagian", "sekretariat", "kecamatan", "kelurahan", "rumah", "sakit", "puskesmas", "satuan",
        "inspektorat", "unit", "bidang", "seksi", "jabatan", "fungsional", "pelaksana", "ahli", "sd", "smp", "sma", "smk", "negeri",
        "daerah", "kota", "kabupaten", "pns", "cpns", "pppk", "pegawai", "sarjana", "diploma", "magister", "strata", "sekolah",
    ]

    /// How a message says what the cell is, without quoting it.
    func words(in column: String) -> String {
        switch self {
        case .nip:
            return
                "this cell looks like a NIP, not a value of \(column): the columns look shifted (the value is not shown: it is personal data)"
        case .date:
            return
                "this cell looks like a date, not a value of \(column): the columns may be shifted (the value is not shown: it may be personal data)"
        case .name:
            return
                "this cell looks like a person's name, not a value of \(column): the columns look shifted (the value is not shown: it is personal data)"
        case .other: return "not a value this column takes (the value is not shown: a roster cell may be personal data)"
        }
    }
}
