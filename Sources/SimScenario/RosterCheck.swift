import SimCore
import SimWorkforce

/// What `simulate roster-check` finds in a region's roster file (issue 39 item 3), said without
/// personal data: the columns it recognised, the values a `rosterMapping` must place (each with
/// its rows and a suggestion), NIPs Excel damaged, and whether the roster loads once the
/// suggested mapping is added.
///
/// A value is shown only when at least ``shownMinimumRows`` rows hold it and it does not look like
/// a NIP, a date or a name: a unit's name written by many rows is the organisation's, while a rare
/// value may be one person's cell in the wrong column. Rarer values are counted, and where several
/// start with the same office word (Puskesmas, SD, Kelurahan) they are offered as one pattern,
/// which shows that word alone.
public struct RosterCheck: Sendable {
    /// A value the reader could not place: its text as first written, whether its shape is a
    /// NIP's, a date's or a name's, and how many rows hold it.
    public struct Value: Hashable, Sendable {
        public var text: String
        public var looksPersonal: Bool
        public var rows = 0
    }

    /// A column of the file as the check names it: its number (from 1), its header (a known
    /// spelling, so safe to show) and the model's key for it.
    public struct Column: Hashable, Sendable {
        public var number: Int
        public var header: String
        public var key: String
    }

    /// An entry for `rosterMapping`: the value as written or a pattern with `*`, how many
    /// distinct values and rows it places, and the model's id it suggests (`nil`: none found).
    public struct Suggestion: Hashable, Sendable {
        public var key: String
        public var values: Int
        public var rows: Int
        public var target: String?
    }

    /// The values of one column not shown, and their rows.
    public struct Hidden: Hashable, Sendable {
        public var values = 0
        public var rows = 0
    }

    /// The columns a `rosterMapping` can fix, in the order the check reports them.
    public static let mappableColumns: [String] = ["unit", "status", "post", "education"]
    /// The mapping's key for each mappable column.
    public static let mappingKeys = ["unit": "units", "status": "status", "post": "post", "education": "education"]
    /// A value is shown only when at least this many rows hold it.
    public static let shownMinimumRows = 5
    /// At most this many distinct values are told apart per column; the rest are counted together.
    static let distinctLimit = 10_000
    static let overflowKey = "\u{0}"

    public var file: String
    public var region: String
    public var employees: Int
    public var recognised: [Column]
    /// SIASN columns the model knows and does not need (agama, email…).
    public var unused: [Column]
    /// Numbers of the columns whose header is not a known spelling (not shown: a file without
    /// a header row would put a person's data there).
    public var unknownColumns: [Int]
    public var missingColumns: [String]
    public var excelNIPRows: Int
    /// Per mappable column, the entries suggested, most rows first.
    public var suggestions: [String: [Suggestion]]
    public var hidden: [String: Hidden]
    /// What still stops the roster loading with the suggested mapping added.
    public var remaining: [Diagnostic]
    /// With the suggested mapping, the employees per unit id and status id (empty when it does not load).
    public var loaded: [(unit: String, status: [(String, Int)])] = []

    /// Checks `bytes`, the roster file `file`, against region `r` of `parameters`.
    public init(file: String, bytes: [UInt8], parameters: ModelParameters, region r: Int) {
        let region = parameters.regions[r]
        let context = RosterReader.Context(
            unitIDs: region.units.map(\.id), unitNames: region.units.map(\.name), domainIDs: parameters.domains.map(\.id),
            retirement: region.retirement,
            startDate: CivilDate(parameters.simulation.startYear, parameters.simulation.startMonth, 1), mapping: region.rosterMapping)
        var reader = RosterReader(file: file, bytes: bytes, context: context)
        _ = reader.read()
        self.file = file
        self.region = region.id
        employees = reader.employeeRows.count
        let spellings = RosterFormat.spellings(domains: context.domainIDs)
        var recognised: [Column] = []
        var unused: [Column] = []
        var unknown: [Int] = []
        for (k, name) in reader.header.enumerated() {
            let key = RosterFormat.normalised(name)
            if key.isEmpty { continue }
            if let column = spellings[key] {
                recognised.append(Column(number: k + 1, header: name, key: column))
            } else if RosterFormat.siasnIgnored.contains(key) {
                unused.append(Column(number: k + 1, header: name, key: ""))
            } else {
                unknown.append(k + 1)
            }
        }
        (self.recognised, self.unused, unknownColumns) = (recognised, unused, unknown)
        missingColumns = RosterFormat.columns.filter { $0.required && reader.position[$0.key] == nil }.map(\.key)
        excelNIPRows = reader.excelNIPRows
        suggestions = [:]
        hidden = [:]
        for column in Self.mappableColumns {
            let (entries, rest) = Self.suggest(column, values: reader.unplaced[column] ?? [:], units: region.units)
            if !entries.isEmpty { suggestions[column] = entries }
            if rest.rows > 0 { hidden[column] = rest }
        }
        var mapped = context
        mapped.mapping = Self.adding(suggestions, to: region.rosterMapping, unitIDs: context.unitIDs)
        var second = RosterReader(file: file, bytes: bytes, context: mapped)
        let roster = second.read()
        remaining = second.diagnostics
        if let roster { loaded = Self.counts(roster, units: context.unitIDs) }
    }

    /// Reads and checks the roster `file` against the region with id `region`: a file that cannot
    /// be read, or a region the scenario lacks, is an error naming it.
    public static func reading(
        _ file: String, parameters: ModelParameters, region: String, scenarioFile: String
    ) throws(ScenarioError) -> RosterCheck {
        guard let r = parameters.regions.firstIndex(where: { $0.id == region }) else {
            let known = parameters.regions.map(\.id).joined(separator: ", ")
            throw ScenarioError([
                Diagnostic(file: scenarioFile, path: "regions", message: "no region '\(region)' (--region); its regions are \(known)")
            ])
        }
        switch ScenarioLoader.readRegularFile(file, limit: ScenarioLoader.dataFileLimit) {
        case .success(let bytes): return RosterCheck(file: file, bytes: bytes, parameters: parameters, region: r)
        case .failure(let failure):
            throw ScenarioError([Diagnostic(file: file, path: "roster", message: failure.text)], isUnreadableInput: true)
        }
    }

    /// Whether the roster loads once the suggested mapping is added.
    public var loads: Bool { remaining.isEmpty }

    /// The column's values as mapping entries: shown values one by one, rarer values grouped by a
    /// leading office word into a pattern, and the rest counted.
    static func suggest(_ column: String, values: [String: Value], units: [UnitParameters]) -> ([Suggestion], Hidden) {
        var entries: [Suggestion] = []
        var rest = Hidden()
        var groups: [String: (word: String, values: Int, rows: Int)] = [:]
        for (key, value) in values.sorted(by: { $0.key < $1.key }) {
            let shown = key != overflowKey && !value.looksPersonal && value.rows >= shownMinimumRows
            if shown {
                entries.append(
                    Suggestion(key: value.text, values: 1, rows: value.rows, target: target(column, normalised: key, units: units)))
                continue
            }
            if column == "unit", key != overflowKey, let word = key.split(separator: " ").first.map(String.init),
                officeWords.contains(word)
            {
                // The office word only, spelt from the list (never a cell's own text).
                let written = word.count <= 4 ? word.uppercased() : word.prefix(1).uppercased() + word.dropFirst()
                groups[word, default: (written, 0, 0)].values += 1
                groups[word, default: (written, 0, 0)].rows += value.rows
                continue
            }
            rest.values += key == overflowKey ? 0 : 1
            rest.rows += value.rows
        }
        for (word, group) in groups.sorted(by: { $0.key < $1.key }) {
            guard group.values >= 2 && group.rows >= shownMinimumRows else {
                rest.values += group.values
                rest.rows += group.rows
                continue
            }
            entries.append(
                Suggestion(
                    key: group.word + " *", values: group.values, rows: group.rows, target: target(column, normalised: word, units: units)))
        }
        entries.sort { ($0.rows, $1.key) > ($1.rows, $0.key) }
        return (entries, rest)
    }

    /// The scenario's mapping with the suggestions that name a target added.
    static func adding(_ suggestions: [String: [Suggestion]], to mapping: RosterMapping, unitIDs: [String]) -> RosterMapping {
        var result = mapping
        for (column, entries) in suggestions {
            for entry in entries {
                guard let target = entry.target else { continue }
                let key = RosterFormat.normalised(entry.key)
                switch column {
                case "unit":
                    if let u = unitIDs.firstIndex(of: target) { result.add(unit: u, forKey: entry.key) }
                case "status": result.status[key] = EmploymentStatus.allCases.first { $0.id == target }
                case "post": result.post[key] = JobLevel(id: target)
                default: result.education[key] = Education(id: target)
                }
            }
        }
        return result
    }

    /// Employees per unit, then per status, in the scenario's order of units.
    static func counts(_ roster: Roster, units: [String]) -> [(unit: String, status: [(String, Int)])] {
        var table = Array(repeating: Array(repeating: 0, count: EmploymentStatus.allCases.count), count: units.count)
        for k in 0..<roster.count { table[roster.unit[k]][roster.status[k].rawValue] += 1 }
        return units.indices.map { u in
            (units[u], EmploymentStatus.allCases.map { ($0.id, table[u][$0.rawValue]) }.filter { $0.1 > 0 })
        }
    }
}
