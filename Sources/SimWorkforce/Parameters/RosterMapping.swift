/// A region's own values in its roster file mapped to the model's (`regions.<r>.rosterMapping`,
/// issue 39 item 2): a unit as the region's export names it, by its full name or a pattern, and
/// statuses, posts and education levels the built-in spellings do not know. Keys are compared
/// normalised as the roster reader normalises headers (lowercase, punctuation as spaces).
public struct RosterMapping: Hashable, Sendable {
    /// A unit name with `*` for any text, normalised, and the unit it names.
    public struct UnitPattern: Hashable, Sendable {
        public var parts: [String]
        public var unit: Int

        public init(parts: [String], unit: Int) {
            self.parts = parts
            self.unit = unit
        }
    }

    public var units: [String: Int] = [:]
    public var unitPatterns: [UnitPattern] = []
    public var status: [String: EmploymentStatus] = [:]
    public var post: [String: JobLevel] = [:]
    public var education: [String: Education] = [:]

    public init() {}

    /// The unit a pattern names for `value` (normalised), the first pattern that matches in the
    /// scenario's order. Each pattern is matched in time linear in the value (greedy, `*` only).
    public func unit(matching value: String) -> Int? {
        unitPatterns.first { Self.matches(value, $0.parts) }?.unit
    }

    /// Whether `value` is `parts` joined by any text (`parts` from splitting a pattern at `*`).
    public static func matches(_ value: String, _ parts: [String]) -> Bool {
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
