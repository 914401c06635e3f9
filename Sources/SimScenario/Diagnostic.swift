/// One problem found in a scenario, with the file, the JSON path and what was expected.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// The file the problem is in (the base file, for a value inherited through `extends`).
    public var file: String
    public var location: SourceLocation?
    /// The JSON path, e.g. `regions.sorong.budget.rupiahPerYear` or `shocks[0].from`.
    public var path: String
    /// A lowercase fragment with no trailing period, e.g. "expected a number, found a string".
    public var message: String
    /// A count of the problems a reader stopped listing ("and 199,900 more"), printed whatever
    /// the limit on problems shown.
    public var isSummary = false

    public init(file: String, location: SourceLocation? = nil, path: String, message: String) {
        self.file = location?.file ?? file
        self.location = location
        // A hostile file's 10-megabyte key is not echoed whole.
        self.path = Self.capped(path, 240)
        self.message = Self.capped(message, 1_000)
    }

    /// `text`, or its start and how long it was when it is longer than `limit` characters.
    public static func capped(_ text: String, _ limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        return String(text.prefix(limit)) + "…(\(text.count) characters)"
    }

    /// `FILE:LINE:COLUMN: error: PATH: message` (without line and column when unknown).
    public var description: String {
        let place = location.map { "\($0.file):\($0.line):\($0.column)" } ?? file
        return path.isEmpty ? "\(place): error: \(message)" : "\(place): error: \(path): \(message)"
    }
}

/// The scenarios could not be used; every problem found is listed, once (a bad `--set` is the
/// same problem in every file it is applied to).
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    /// Whether the problem is that a file could not be read (exit 66) rather than invalid (exit 65).
    public var isUnreadableInput: Bool

    public init(_ diagnostics: [Diagnostic], isUnreadableInput: Bool = false) {
        // Linear: a file with a hundred thousand bad rows must not cost a quadratic de-duplication.
        var seen: Set<Diagnostic> = []
        self.diagnostics = diagnostics.filter { seen.insert($0).inserted }
        self.isUnreadableInput = isUnreadableInput
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// The edit distance between two words (Levenshtein), for "did you mean" suggestions.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.lowercased())
    let b = Array(b.lowercased())
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}

/// The closest candidate to `word`, if it is close enough to be a likely typo ("did you mean"),
/// or else the one candidate that starts with it (`rupiah` → `rupiahPerYear`). Words longer than
/// 64 characters get no suggestion: no key or column is that long, and the edit distance would
/// cost their length times every candidate's.
public func suggestion(for word: String, among candidates: [String]) -> String? {
    guard word.count <= 64 else { return nil }
    let scored = candidates.map { ($0, editDistance(word, $0)) }
    guard let best = scored.min(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }) else { return nil }
    if best.1 <= max(2, word.count / 3) { return best.0 }
    let extending = candidates.filter { word.count >= 3 && $0.lowercased().hasPrefix(word.lowercased()) }
    return extending.count == 1 ? extending[0] : nil
}

func didYouMean(_ word: String, among candidates: [String]) -> String {
    if let close = suggestion(for: word, among: candidates) { return "; did you mean '\(close)'?" }
    return ""
}
