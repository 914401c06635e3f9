import SimWorkforce

extension ScenarioCompiler {
    /// The region's `rosterMapping`: each unit key names one of the region's units (an id of
    /// another region's unit is an error at its path).
    mutating func compileRosterMapping(_ node: ReadNode?, region: RegionParameters) -> RosterMapping {
        var mapping = RosterMapping()
        guard let node else { return mapping }
        let unitIDs = region.units.map(\.id)
        for member in node["units"]?.node.members ?? [] {
            guard let id = member.value.string else { continue }
            guard let u = unitIDs.firstIndex(of: id) else {
                problem(
                    node, "\(node.path).units.\(member.key)",
                    "unit '\(id)' is not one of region \(region.id)'s units (\(unitIDs.joined(separator: ", ")))")
                continue
            }
            mapping.add(unit: u, forKey: member.key)
        }
        func values<T>(_ key: String, _ lookup: (String) -> T?) -> [String: T] {
            var table: [String: T] = [:]
            for member in node[key]?.node.members ?? [] {
                if let id = member.value.string, let value = lookup(id) { table[RosterFormat.normalised(member.key)] = value }
            }
            return table
        }
        mapping.status = values("status") { id in EmploymentStatus.allCases.first { $0.id == id } }
        mapping.post = values("post") { id in JobLevel.allCases.first { $0.id == id } }
        mapping.education = values("education") { id in Education.allCases.first { $0.id == id } }
        return mapping
    }
}

extension RosterMapping {
    /// Maps a unit key of `rosterMapping.units` to unit `u`: a name, or a pattern with `*`.
    mutating func add(unit u: Int, forKey key: String) {
        if key.contains("*") {
            let parts = key.split(separator: "*", omittingEmptySubsequences: false).map { RosterFormat.normalised(String($0)) }
            unitPatterns.append(.init(parts: parts, unit: u))
        } else {
            units[RosterFormat.normalised(key)] = u
        }
    }
}

extension ScenarioFormat {
    static let rosterMappingFields: [Field] = [
        Field(
            "units", .valueMap(.reference(.unit)),
            doc:
                "a unit as the roster names it (compared ignoring case, spaces and punctuation; `*` stands for any text, as in `Dinas Kesehatan*`) → the id of one of the region's units"
        ),
        Field(
            "status", .valueMap(.choice(EmploymentStatus.allCases.map(\.id))), doc: "a status as the roster writes it → pns, pppk or cpns"),
        Field("post", .valueMap(.reference(.jobLevel)), doc: "a post as the roster writes it → a job level"),
        Field("education", .valueMap(.reference(.education)), doc: "an education as the roster writes it → an education level"),
    ]
}
