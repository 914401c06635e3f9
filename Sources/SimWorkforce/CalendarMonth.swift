// Calendar months as the scenario format and every output write them: `YYYY-MM`, counted as one
// absolute index year·12 + month − 1 so months add and compare as integers.

/// `YYYY-MM` → year·12 + month − 1, or `nil` when the text is not such a month.
public func parseMonth(_ text: String) -> Int? {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
        let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month)
    else { return nil }
    return year * 12 + month - 1
}

/// year·12 + month − 1 → `YYYY-MM`.
public func monthText(_ index: Int) -> String {
    let year = index / 12
    let month = index % 12 + 1
    return "\(year)-\(month < 10 ? "0" : "")\(month)"
}
