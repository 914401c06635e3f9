import Foundation
import SimCore
import SimWorkforce

/// A data file a scenario reads (a roster or a booked-session calendar): only its hash leaves the
/// program, in `run.json` and in the scenario's fingerprint.
public struct DataFile: Sendable, Equatable {
    public var region: String
    /// `roster` or `bookedSessions`.
    public var kind: String
    public var sha256: String
    /// People (roster) or sessions (calendar) read.
    public var rows: Int

    public init(region: String, kind: String, sha256: String, rows: Int) {
        self.region = region
        self.kind = kind
        self.sha256 = sha256
        self.rows = rows
    }
}

extension [DataFile] {
    /// As `run.json` and shard manifests write them.
    public var json: JSONValue {
        .array(
            map { file in
                JSONNode(
                    .object([
                        ("region", JSONNode(.string(file.region))), ("kind", JSONNode(.string(file.kind))),
                        ("sha256", JSONNode(.string(file.sha256))), ("rows", JSONNode(.number(Double(file.rows)))),
                    ]))
            })
    }

    /// Read back from ``json``; entries that do not parse are left out.
    public init(parsing node: JSONNode?) {
        self = (node?.elements ?? []).compactMap { entry in
            guard let region = entry["region"]?.string, let kind = entry["kind"]?.string, let sha = entry["sha256"]?.string,
                let rows = entry["rows"]?.number
            else { return nil }
            return DataFile(region: region, kind: kind, sha256: sha, rows: Int(rows))
        }
    }
}

/// The region's start: its roster file, the money spent, the sessions booked and the queues on
/// the start date (docs/roster.md).
extension ScenarioCompiler {
    mutating func compileStart(
        _ region: inout RegionParameters, node: ReadNode?, simulation: SimulationParameters,
        domainIDs: [String], programmes: [ProgrammeParameters]
    ) {
        guard let node else { return }
        let path = "regions.\(region.id)"
        let startDate = CivilDate(simulation.startYear, simulation.startMonth, 1)
        var rosterRows: [Int: Int] = [:]
        region.rosterMapping = compileRosterMapping(node["rosterMapping"], region: region)
        compileHistory(node, region: &region)
        if let rosterNode = node["roster"], let reference = rosterNode.node.string,
            let (file, resolved, bytes) = readDataFile(reference, node: rosterNode, path: "\(path).roster")
        {
            let reading = store.roster(
                resolved, shown: file, bytes: bytes,
                context: .init(
                    unitIDs: region.units.map(\.id), unitNames: region.units.map(\.name), domainIDs: domainIDs,
                    retirement: region.retirement, startDate: startDate,
                    mapping: region.rosterMapping))
            if let roster = reading.roster {
                region.roster = roster
                if let covers = node["rosterCovers"] {
                    region.rosterCovers = compileRosterCovers(
                        covers, roster: roster, rows: reading.employeeRows, file: file, region: region)
                } else {
                    rosterSizes.append(RosterSize(region: region.id, rows: roster.count, statedHeadcount: region.headcount))
                    region.headcount = roster.count
                }
                dataFiles.append(DataFile(region: region.id, kind: "roster", sha256: roster.sha256, rows: roster.count))
                for (k, row) in reading.employeeRows.enumerated() { rosterRows[row] = k }
                notes.append("\(file): read \(roster.count) employee row\(roster.count == 1 ? "" : "s") (the roster of \(region.id))")
            }
            notes += reading.notes
            diagnostics += reading.diagnostics
        }
        if node["rosterCovers"] != nil && node["roster"] == nil {
            problem(
                node["rosterCovers"], "\(path).rosterCovers",
                "names the units a roster covers, but the region has no roster; add regions.\(region.id).roster or leave this out")
        }
        let start = node["startState"]
        region.startState.budgetSpentRupiah = start?.number("budgetSpentRupiah") ?? 0
        if region.startState.budgetSpentRupiah > region.budget.rupiahPerYear {
            problem(
                start?["budgetSpentRupiah"], "\(path).startState.budgetSpentRupiah",
                "more than the year's budget (\(NumberText.plain(region.budget.rupiahPerYear)) Rupiah)")
        }
        region.startState.waiting = (start?.weights("waiting", ids: region.units.map(\.id)) ?? []).map { Int($0.rounded()) }
        region.startState.cpnsOwingLatsar = Int(start?.number("cpnsOwingLatsar") ?? 0)
        if region.startState.cpnsOwingLatsar > 0 && region.roster != nil {
            problem(
                start?["cpnsOwingLatsar"], "\(path).startState.cpnsOwingLatsar",
                "the roster says who owes Latsar (its status and Latsar columns); leave this out")
        }
        if let waiting = start?["waiting"]?.node.members {
            for member in waiting where !region.units.contains(where: { $0.id == member.key && $0.service != nil }) {
                problem(
                    start?["waiting"], "\(path).startState.waiting.\(member.key)", "'\(member.key)' has no service counter in this region")
            }
        }
        guard let calendarNode = start?["bookedSessions"], let reference = calendarNode.node.string,
            let (file, _, bytes) = readDataFile(reference, node: calendarNode, path: "\(path).startState.bookedSessions")
        else { return }
        var reader = BookedSessionReader(
            file: file, bytes: bytes,
            context: .init(
                programmeIDs: programmes.map(\.id), unitIDs: region.units.map(\.id), seatsPerSession: programmes.map(\.seatsPerSession),
                rosterRows: rosterRows, rosterLastRow: rosterRows.keys.max() ?? 1, clock: WorkingClock(simulation), startDate: startDate))
        region.startState.bookedSessions = reader.read()
        diagnostics += reader.diagnostics
        notes += reader.notes
        if reader.diagnostics.isEmpty {
            let count = region.startState.bookedSessions.count
            notes.append("\(file): read \(count) booked session\(count == 1 ? "" : "s") (\(region.id))")
        }
        dataFiles.append(
            DataFile(region: region.id, kind: "bookedSessions", sha256: SHA256.hex(of: bytes), rows: region.startState.bookedSessions.count)
        )
    }

    /// The units `rosterCovers` lists, as indices; every roster row must be in one of them (an
    /// error names the first row outside, never its cell).
    mutating func compileRosterCovers(_ node: ReadNode, roster: Roster, rows: [Int], file: String, region: RegionParameters) -> [Int] {
        let ids = region.units.map(\.id)
        let covers = (node.node.elements ?? []).compactMap { $0.string.flatMap(ids.firstIndex(of:)) }
        let outside = roster.unit.indices.filter { !covers.contains(roster.unit[$0]) }
        if let first = outside.first {
            let units = Set(outside.map { ids[roster.unit[$0]] }).sorted().joined(separator: ", ")
            problem(
                node, "regions.\(region.id).rosterCovers",
                "\(outside.count) row\(outside.count == 1 ? "" : "s") of \(file) (the first is row \(rows[first])) \(outside.count == 1 ? "is" : "are") in units this list leaves out (\(units)); add them to the list, or leave rosterCovers out if the roster is the whole region"
            )
        }
        return covers
    }

    /// A path a scenario names, as messages show it (relative to the working folder where it was
    /// written relative) and resolved from the file that names it.
    func place(of reference: String, node: ReadNode) -> (shown: String, resolved: String) {
        let declaringFile = node.node.location?.file ?? file
        let resolved = ScenarioLoader.resolve(reference, from: declaringFile)
        let folder = (declaringFile as NSString).deletingLastPathComponent
        if reference.hasPrefix("/") || reference.hasPrefix("~") { return (resolved, resolved) }
        return (folder.isEmpty ? reference : (folder as NSString).appendingPathComponent(reference), resolved)
    }

    /// Reads a file a scenario names, relative to the file that names it; `nil` with a diagnostic
    /// (and exit 66) when it cannot be read. Returns the path as messages show it, the path
    /// resolved, and the bytes (read once per run: ``DataFileStore``).
    mutating func readDataFile(_ reference: String, node: ReadNode, path: String) -> (String, String, [UInt8])? {
        let (shown, resolved) = place(of: reference, node: node)
        switch store.bytes(resolved) {
        case .success(let bytes): return (shown, resolved, bytes)
        case .failure(let why):
            problem(node, path, "cannot read '\(reference)' (looked for \(resolved)): \(why.text)")
            unreadableInput = true
            return nil
        }
    }
}

/// A region's roster beside the headcount the scenario stated before the roster replaced it: a
/// roster of one office in place of a city changes every answer.
public struct RosterSize: Sendable, Equatable {
    public var region: String
    public var rows: Int
    public var statedHeadcount: Int

    public init(region: String, rows: Int, statedHeadcount: Int) {
        self.region = region
        self.rows = rows
        self.statedHeadcount = statedHeadcount
    }
}
