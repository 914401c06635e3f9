import SimWorkforce

/// The kinds of identifier a scenario defines and refers to.
public enum IDKind: String, Sendable, CaseIterable {
    case domain, programme, region, unit, mode, jobLevel, education, externalSource

    /// How a message names it.
    var noun: String {
        switch self {
        case .jobLevel: return "job level"
        case .externalSource: return "external source"
        default: return rawValue
        }
    }
}

/// The shape of one value in the scenario format. The validator, the default filler, the JSON
/// Schema and the format's documentation are all derived from these, so they cannot disagree.
public indirect enum FieldType: Sendable {
    /// A number in `[minimum, maximum]` (an exclusive minimum when `aboveMinimum`).
    case number(minimum: Double?, maximum: Double?, aboveMinimum: Bool = false)
    /// A whole number in `[minimum, maximum]`.
    case integer(minimum: Int?, maximum: Int?)
    case boolean
    case text
    /// Text for reports in one or both languages: a string, or `{"id": "…", "en": "…"}` with
    /// at least one of the two.
    case localizedText
    /// One of a fixed set of words.
    case choice([String])
    /// A calendar month written `YYYY-MM`, inside the simulated horizon (or, for the end of a
    /// window, at or after its start: a window may run past the horizon and is cut there).
    case month(endOfWindow: Bool = false)
    /// A day: `YYYY-MM-DD` (that date once) or `MM-DD` (that day every year).
    case date
    /// The id of something the scenario defines.
    case reference(IDKind)
    /// An array of values of one type.
    case list(FieldType, minimumCount: Int = 0)
    /// An object with fixed keys.
    case record([Field])
    /// An object whose keys are ids the scenario defines (regions, units, domains, programmes),
    /// each mapping to a value of one type.
    case table(IDKind, FieldType)
    /// An object from referenced ids to non-negative weights.
    case weights(IDKind)
    /// An object from free-form keys to text in one language or both (sources for paths).
    case textMap
    /// An object from scenario paths (numbers the scenario has) to values of one type.
    case pathTable(FieldType)
    /// An object from values as a data file writes them (free text) to values of one type.
    case valueMap(FieldType)
    /// A string, number or boolean, checked against whatever it stands for (a decision's choices).
    case scalar
}

/// One key of a record: its type, default, meaning and where the default comes from.
public struct Field: Sendable {
    public var name: String
    public var type: FieldType
    /// The value used when the key is absent; `nil` for required keys and for optional keys
    /// whose absence means "none".
    public var defaultValue: JSONValue?
    public var required: Bool
    /// The unit of a number (Rupiah, JP, months, working days, share, …), shown beside its meaning.
    public var unit: String?
    /// One line for the documentation.
    public var doc: String
    /// The regulation, statistic or study behind the default, or "assumption".
    public var source: String?

    public init(
        _ name: String, _ type: FieldType, default defaultValue: JSONValue? = nil, required: Bool = false,
        unit: String? = nil, doc: String, source: String? = nil
    ) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.required = required
        self.unit = unit
        self.doc = doc
        self.source = source
    }
}

extension JSONValue {
    /// A number literal for defaults.
    static func n(_ x: Double) -> JSONValue { .number(x) }
    static func s(_ x: String) -> JSONValue { .string(x) }
    static func list(_ xs: [JSONValue]) -> JSONValue { .array(xs.map { JSONNode($0) }) }
    static func obj(_ pairs: [(String, JSONValue)]) -> JSONValue { .object(pairs.map { ($0.0, JSONNode($0.1)) }) }
    static let emptyObject = JSONValue.object([])
}

extension Field {
    /// The fields of a parameter group, in declaration order: declared parameters from their specs,
    /// structural keys from `structural`, keyed by their path inside the group (`forums.domains`).
    static func declared(_ specs: [ParameterSpec], structural: [String: Field] = [:], prefix: String = "") -> [Field] {
        specs.map { spec in
            let type: FieldType
            let value: JSONValue?
            switch spec.kind {
            case .number(let x, let minimum, let maximum, let excludesMinimum):
                type = .number(minimum: minimum, maximum: maximum, aboveMinimum: excludesMinimum)
                value = .n(x)
            case .integer(let x, let minimum, let maximum):
                type = .integer(minimum: minimum, maximum: maximum)
                value = .n(Double(x))
            case .flag(let x): (type, value) = (.boolean, .bool(x))
            case .choice(let word, let words): (type, value) = (.choice(words), .s(word))
            case .group(let inner):
                type = .record(declared(inner, structural: structural, prefix: "\(prefix)\(spec.key)."))
                value = .emptyObject
            case .structural:
                guard let field = structural[prefix + spec.key] else {
                    preconditionFailure("no format entry for structural key \(prefix)\(spec.key)")
                }
                return field
            }
            return Field(
                spec.key, type, default: spec.required ? nil : value, required: spec.required, unit: spec.unit,
                doc: spec.doc, source: spec.source)
        }
    }

    /// The values of a group's declared parameters, as JSON (structural keys left out).
    static func values(_ specs: [ParameterSpec]) -> [(String, JSONValue)] {
        specs.compactMap { spec in
            switch spec.kind {
            case .number(let x, _, _, _): return (spec.key, .n(x))
            case .integer(let x, _, _): return (spec.key, .n(Double(x)))
            case .flag(let x): return (spec.key, .bool(x))
            case .choice(let word, _): return (spec.key, .s(word))
            case .group(let inner): return (spec.key, .obj(values(inner)))
            case .structural: return nil
            }
        }
    }
}
