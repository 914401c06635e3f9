import SimWorkforce

/// A region's own values in its roster file mapped to the model's (`regions.<r>.rosterMapping`,
/// issue 39 item 2): a unit as the region's export names it, by its full name or a pattern, and
/// statuses, posts and education levels the built-in spellings do not know. Keys are compared
/// normalised (``RosterFormat/normalised(_:)``), as headers are.
struct RosterMapping: Hashable, Sendable {
    /// A unit name with `*` for any text, normalised, and the unit it names.
    struct UnitPattern: Hashable, Sendable {
        var parts: [String]
        var unit: Int
    }

    var units: [String: Int] = [:]
    var unitPatterns: [UnitPattern] = []
    var status: [String: EmploymentStatus] = [:]
    var post: [String: JobLevel] = [:]
    var education: [String: Education] = [:]

    /// The unit a pattern names for `value` (normalised), the first pattern that matches in the
    /// scenario's order. Each pattern is matched in time linear in the value (greedy, `*` only).
    func unit(matching value: String) -> Int? {
        unitPatterns.first { Self.matches(value, $0.parts) }?.unit
    }

    /// Whether `value` is `parts` joined by any text (`parts` from splitting a pattern at `*`).
    static func matches(_ value: String, _ parts: [String]) -> Bool {
        guard let first = parts.first, let last = parts.last, parts.count > 1 else { return value == parts.first }
        guard value.hasPrefix(first) else { return false }
        var rest = value.dropFirst(first.count)
        guard rest.count >= last.count else { return false }
        let tail = rest.suffix(last.count)
        guard tail == Substring(last) else { return false }
        rest = rest.dropLast(last.count)
        for middle in parts.dropFirst().dropLast() where !middle.isEmpty {
            guard let found = rest.range(of: middle) else { return false }
            rest = rest[found.upperBound...]
        }
        return true
    }
}

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
            if member.key.contains("*") {
                let parts = member.key.split(separator: "*", omittingEmptySubsequences: false).map { RosterFormat.normalised(String($0)) }
                mapping.unitPatterns.append(.init(parts: parts, unit: u))
            } else {
                mapping.units[RosterFormat.normalised(member.key)] = u
            }
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
