// One declaration per parameter. A parameter group is a plain struct whose stored properties hold
// their declared defaults; beside it, `declarations` says, for every stored property, the key a
// scenario file uses, its kind and range, its unit, what it means and where its default comes from.
// The scenario format (validator, JSON Schema, docs, defaults) and the compiler are derived from
// these, so adding a parameter touches its declaration and the code that uses it, nothing else.
// A test walks every group with `Mirror` and fails if a stored property has no declaration or a
// declaration writes a property of another name.

/// A struct of scenario parameters, each stored property declared once in ``declarations``.
///
/// `init()` gives every property its declared default; the compiler starts there and overwrites
/// each declared key from the scenario file (which already has its defaults filled in).
public protocol ParameterGroup: Sendable {
    init()
    static var declarations: [Declaration<Self>] { get }
}

/// An enum a scenario names by a word (its raw value).
public protocol ParameterChoice: RawRepresentable, CaseIterable, Sendable where RawValue == String {}

/// One parameter: its file key, kind, unit, meaning and source.
public struct Declaration<Group: ParameterGroup>: Sendable {
    public let key: String
    public let kind: Kind
    /// The unit, written as the docs show it (Rupiah, JP, months, working days, share, …); `nil` for
    /// flags, words and groups.
    public let unit: String?
    public let doc: String
    /// The regulation, statistic or study behind the default, or "assumption".
    public let source: String?
    /// Whether the file must give it (its value in `init()` is a placeholder, never used).
    public let required: Bool

    public enum Kind: Sendable {
        case number(WritableKeyPath<Group, Double> & Sendable, minimum: Double?, maximum: Double?, excludesMinimum: Bool)
        case integer(WritableKeyPath<Group, Int> & Sendable, minimum: Int, maximum: Int)
        case flag(WritableKeyPath<Group, Bool> & Sendable)
        case choice(words: [String], get: @Sendable (Group) -> String, set: @Sendable (inout Group, String) -> Void)
        case group(specs: @Sendable (Group) -> [ParameterSpec], read: @Sendable (inout Group, any ParameterSource) -> Void)
        /// Compiled by hand (ids, references, weights, lists); its format entry is written in
        /// SimScenario, where the kinds of reference are known.
        case structural
    }

    // MARK: - Constructors, one per kind

    /// A number in `[minimum, maximum]` (`minimum` excluded when `above` is true).
    public static func number(
        _ key: String, _ path: WritableKeyPath<Group, Double> & Sendable, min: Double? = 0, max: Double? = nil,
        above: Bool = false, unit: String, _ doc: String, source: String
    ) -> Self {
        Self(
            key: key, kind: .number(path, minimum: min, maximum: max, excludesMinimum: above), unit: unit, doc: doc, source: source,
            required: false)
    }

    /// A share or probability in [0, 1].
    public static func share(_ key: String, _ path: WritableKeyPath<Group, Double> & Sendable, _ doc: String, source: String) -> Self {
        number(key, path, min: 0, max: 1, unit: "share", doc, source: source)
    }

    /// A whole number in `minimum...maximum`.
    public static func integer(
        _ key: String, _ path: WritableKeyPath<Group, Int> & Sendable, _ range: ClosedRange<Int>, unit: String,
        _ doc: String, source: String?, required: Bool = false
    ) -> Self {
        Self(
            key: key, kind: .integer(path, minimum: range.lowerBound, maximum: range.upperBound), unit: unit, doc: doc,
            source: source, required: required)
    }

    public static func flag(_ key: String, _ path: WritableKeyPath<Group, Bool> & Sendable, _ doc: String, source: String) -> Self {
        Self(key: key, kind: .flag(path), unit: nil, doc: doc, source: source, required: false)
    }

    /// One of an enum's words.
    public static func choice<E: ParameterChoice>(
        _ key: String, _ path: WritableKeyPath<Group, E> & Sendable, _ doc: String,
        source: String
    ) -> Self {
        Self(
            key: key,
            kind: .choice(
                words: E.allCases.map(\.rawValue), get: { $0[keyPath: path].rawValue },
                set: { group, word in if let value = E(rawValue: word) { group[keyPath: path] = value } }),
            unit: nil, doc: doc, source: source, required: false)
    }

    /// A nested group, written in the file as an object under `key`.
    public static func group<Child: ParameterGroup>(_ key: String, _ path: WritableKeyPath<Group, Child> & Sendable, _ doc: String) -> Self
    {
        Self(
            key: key,
            kind: .group(
                specs: { Child.specs($0[keyPath: path]) },
                read: { group, source in
                    if let child = source.child(key) { group[keyPath: path] = Child(reading: child) }
                }), unit: nil, doc: doc, source: nil, required: false)
    }

    /// A key the compiler reads by hand (see ``Kind/structural``).
    public static func structural(_ key: String) -> Self {
        Self(key: key, kind: .structural, unit: nil, doc: "", source: nil, required: false)
    }
}

/// Where the compiler reads a group's values from: the scenario tree with its defaults filled in.
public protocol ParameterSource {
    func number(_ key: String) -> Double?
    func flag(_ key: String) -> Bool?
    func word(_ key: String) -> String?
    func child(_ key: String) -> (any ParameterSource)?
}

extension ParameterGroup {
    /// The group read from `source`: every declared key that is present overwrites its default;
    /// structural keys are left to the caller.
    public init(reading source: any ParameterSource) {
        self.init()
        for declaration in Self.declarations {
            let key = declaration.key
            switch declaration.kind {
            case .number(let path, _, _, _): if let x = source.number(key) { self[keyPath: path] = x }
            case .integer(let path, _, _): if let x = source.number(key) { self[keyPath: path] = Int(x) }
            case .flag(let path): if let x = source.flag(key) { self[keyPath: path] = x }
            case .choice(_, _, let set): if let word = source.word(key) { set(&self, word) }
            case .group(_, let read): read(&self, source)
            case .structural: break
            }
        }
    }

    /// The group's declarations, with the values of `defaults` (the declared defaults unless given),
    /// as the scenario format sees them.
    public static func specs(_ defaults: Self = Self()) -> [ParameterSpec] {
        declarations.map { declaration in
            let kind: ParameterSpec.Kind
            switch declaration.kind {
            case .number(let path, let minimum, let maximum, let excludesMinimum):
                kind = .number(default: defaults[keyPath: path], minimum: minimum, maximum: maximum, excludesMinimum: excludesMinimum)
            case .integer(let path, let minimum, let maximum):
                kind = .integer(default: defaults[keyPath: path], minimum: minimum, maximum: maximum)
            case .flag(let path): kind = .flag(default: defaults[keyPath: path])
            case .choice(let words, let get, _): kind = .choice(default: get(defaults), words: words)
            case .group(let specs, _): kind = .group(specs(defaults))
            case .structural: kind = .structural
            }
            return ParameterSpec(
                key: declaration.key, kind: kind, unit: declaration.unit, doc: declaration.doc,
                source: declaration.source, required: declaration.required)
        }
    }
}

/// A declaration without its group's type, with its default: what the scenario format is made of.
public struct ParameterSpec: Sendable {
    public enum Kind: Sendable {
        case number(default: Double, minimum: Double?, maximum: Double?, excludesMinimum: Bool)
        case integer(default: Int, minimum: Int, maximum: Int)
        case flag(default: Bool)
        case choice(default: String, words: [String])
        case group([ParameterSpec])
        case structural
    }
    public let key: String
    public let kind: Kind
    public let unit: String?
    public let doc: String
    public let source: String?
    public let required: Bool
}
