import SimWorkforce

/// The check as the planner reads it on a terminal, ending with a `rosterMapping` block ready to
/// paste. Only headers that are known spellings, values that ``RosterCheck`` may show, counts and
/// the model's own ids appear in it.
extension RosterCheck {
    public func report() -> String {
        var lines = ["Roster check: \(file), region \(region) (\(employees) employee row\(employees == 1 ? "" : "s"))", ""]
        lines.append("Columns recognised (\(recognised.count)):")
        let width = recognised.map(\.header.count).max() ?? 0
        lines += recognised.map {
            "  column \($0.number)\t\($0.header.padding(toLength: width, withPad: " ", startingAt: 0))  -> \($0.key)"
        }
        if !unused.isEmpty {
            lines.append("SIASN columns the model does not need (\(unused.count)): \(unused.map(\.header).joined(separator: ", "))")
        }
        if !unknownColumns.isEmpty {
            lines.append(
                "Columns not read (\(unknownColumns.count)): column \(unknownColumns.map(String.init).joined(separator: ", ")) (their headers are not shown: in a file without a header row they would be a person's data)"
            )
        }
        if !missingColumns.isEmpty { lines.append("Missing columns: \(missingColumns.joined(separator: ", ")) (see docs/roster.md)") }
        if excelNIPRows > 0 {
            lines += [
                "",
                "NIP: \(excelNIPRows) row\(excelNIPRows == 1 ? "" : "s") hold a NIP that Excel stored as a number and lost its last digits; format the NIP column as text in Excel and export again.",
            ]
        }
        lines += [""] + valueLines() + mappingLines() + loadLines()
        return lines.joined(separator: "\n") + "\n"
    }

    func valueLines() -> [String] {
        guard !suggestions.isEmpty || !hidden.isEmpty else {
            return ["Values: every unit, status, post and education value is one the model or the scenario's rosterMapping knows."]
        }
        var lines = ["Values that need a mapping:"]
        for column in Self.mappableColumns where suggestions[column] != nil || hidden[column] != nil {
            let header = recognised.first { $0.key == column }?.header ?? column
            lines.append("  \(column) (\(header)):")
            for entry in suggestions[column] ?? [] {
                let values = entry.values > 1 ? " (\(entry.values) values)" : ""
                let target = entry.target.map { "-> \($0)" } ?? "-> no suggestion; map it by hand"
                lines.append("    \(String(entry.rows).leftPadded(6)) rows  \(JSONWriter.quote(entry.key))\(values)  \(target)")
            }
            if let rest = hidden[column] {
                let values = rest.values > 0 ? "\(rest.values) value\(rest.values == 1 ? "" : "s") in " : ""
                lines.append(
                    "    \(values)\(rest.rows) row\(rest.rows == 1 ? "" : "s") not shown (each held by fewer than \(Self.shownMinimumRows) rows, or shaped like a NIP, a date or a name: it could be personal data); find them in the file and map them by hand"
                )
            }
        }
        return lines
    }

    func mappingLines() -> [String] {
        let blocks = Self.mappableColumns.compactMap { column -> String? in
            let entries = (suggestions[column] ?? []).compactMap { entry in entry.target.map { (entry.key, $0) } }
            guard !entries.isEmpty, let key = Self.mappingKeys[column] else { return nil }
            let members = entries.map { "      \(JSONWriter.quote($0.0)): \(JSONWriter.quote($0.1))" }.joined(separator: ",\n")
            return "    \(JSONWriter.quote(key)): {\n\(members)\n    }"
        }
        guard !blocks.isEmpty else { return [] }
        return [
            "", "Add to regions.\(region) of the scenario (merged with any rosterMapping it has); check each suggestion first:",
            "  \"rosterMapping\": {\n\(blocks.joined(separator: ",\n"))\n  }",
        ]
    }

    func loadLines() -> [String] {
        let mapped = suggestions.values.contains { $0.contains { $0.target != nil } }
        let with = mapped ? "With this mapping" : "As it is"
        guard loads else {
            return [
                "",
                "\(with) the roster does not load yet: \(remaining.count) problem\(remaining.count == 1 ? "" : "s") remain (listed on stderr, by row and column). Fix them, then run roster-check again.",
            ]
        }
        let total = loaded.reduce(0) { $0 + $1.status.reduce(0) { $0 + $1.1 } }
        let width = loaded.map(\.unit.count).max() ?? 0
        return ["", "\(with) the roster loads: \(total) employees by unit and status on the start date:"]
            + loaded.map { unit in
                let count = unit.status.reduce(0) { $0 + $1.1 }
                let statuses = unit.status.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
                return "  \(unit.unit.padding(toLength: width, withPad: " ", startingAt: 0))  \(String(count).leftPadded(6))"
                    + (statuses.isEmpty ? "" : "  (\(statuses))")
            }
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
