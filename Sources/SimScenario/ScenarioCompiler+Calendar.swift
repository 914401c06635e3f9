import SimWorkforce

/// Periods on the calendar: no-training periods, demand profiles and their peaks.
extension ScenarioCompiler {
    /// A period from its record: `period` (with optional `daysBefore`, `daysAfter`), or `from`
    /// and `to` both `YYYY-MM-DD` (once) or both `MM-DD` (every year).
    mutating func compilePeriod(_ node: ReadNode, path: String) -> CalendarPeriod? {
        let named = node.word("period").flatMap(NamedPeriod.init(id:))
        let from = node.word("from")
        let to = node.word("to")
        let before = node.number("daysBefore").map(Int.init)
        let after = node.number("daysAfter").map(Int.init)
        if let named {
            if from != nil || to != nil {
                problem(node, path, "give either period or from and to, not both")
                return nil
            }
            let days = named.defaultDays
            let period = CalendarPeriod.named(named, daysBefore: before ?? days.before, daysAfter: after ?? days.after)
            if (before ?? days.before) + (after ?? days.after) < 0 {
                problem(node, path, "the window ends before it starts (daysBefore + daysAfter is negative)")
                return nil
            }
            return period
        }
        if before != nil || after != nil {
            problem(node["daysBefore"] ?? node["daysAfter"], path, "daysBefore and daysAfter go with period")
            return nil
        }
        guard let from, let to else {
            problem(node, path, "give a period (\(NamedPeriod.ids.joined(separator: ", "))) or both from and to")
            return nil
        }
        if let first = CivilDate(parsing: from), let last = CivilDate(parsing: to) {
            if last < first {
                problem(node["to"], "\(path).to", "ends before it starts (\(from))")
                return nil
            }
            return .once(from: first, to: last)
        }
        if let first = CivilDate(parsing: "2000-" + from), let last = CivilDate(parsing: "2000-" + to) {
            return .everyYear(from: (first.month, first.day), to: (last.month, last.day))
        }
        if CivilDate(parsing: from) != nil || CivilDate(parsing: to) != nil {
            problem(node, path, "write from and to alike: both YYYY-MM-DD (once) or both MM-DD (every year)")
        }
        return nil
    }

    mutating func compileNoTraining(_ node: ReadNode, programmeIDs: [String]) -> [NoTrainingPeriod] {
        node.list("noTraining").enumerated().compactMap { index, entry in
            guard let period = compilePeriod(entry, path: "policy.noTraining[\(index)]") else { return nil }
            let modes = entry.list("modes").compactMap { $0.node.string.flatMap(Mode.init(id:)) }
            let programmes = entry.list("programmes").compactMap(\.node.string)
            _ = entry["note"]
            return NoTrainingPeriod(
                period: period, units: entry.list("units").compactMap(\.node.string),
                modes: Mode.allCases.map { modes.isEmpty || modes.contains($0) },
                programmes: programmes.isEmpty ? [] : programmeIDs.map { programmes.contains($0) })
        }
    }

    mutating func compileDemand(_ node: ReadNode, path: String) -> DemandProfile {
        var profile = DemandProfile(source: node["source"]?.node.sourceNote ?? .asWritten(""))
        let monthly = node.list("monthly").compactMap(\.node.number)
        if node["monthly"] != nil {
            if monthly.count == 12 && monthly.contains(where: { $0 > 0 }) {
                profile.monthly = monthly
            } else {
                problem(node["monthly"], "\(path).monthly", "expected 12 numbers, January to December, at least one above 0")
            }
        }
        for (index, peak) in node.list("peaks").enumerated() {
            if let period = compilePeriod(peak, path: "\(path).peaks[\(index)]") {
                profile.peaks.append((period, peak.required("multiplier")))
            }
        }
        return profile
    }
}
