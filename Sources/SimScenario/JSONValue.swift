import SimWorkforce

/// A parsed JSON document that remembers where each value came from and keeps object keys in
/// file order (so everything derived from it is deterministic, unlike a `Dictionary`).
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONNode])
    case object([(key: String, value: JSONNode)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.array(let x), .array(let y)): return x.map(\.value) == y.map(\.value)
        case (.object(let x), .object(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value.value == $1.value.value }
        default: return false
        }
    }

    /// The JSON type's name, as a user reads it in a message.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

/// Where a value starts in its file (1-based).
public struct SourceLocation: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }
    public var description: String { "\(file):\(line):\(column)" }
}

/// A value with the location it was read from (`nil` for values made by merging or overrides).
public struct JSONNode: Sendable, Equatable {
    public var value: JSONValue
    public var location: SourceLocation?

    public init(_ value: JSONValue, at location: SourceLocation? = nil) {
        self.value = value
        self.location = location
    }

    public static func == (a: JSONNode, b: JSONNode) -> Bool { a.value == b.value }

    /// The member named `key` of an object, or `nil`.
    public subscript(key: String) -> JSONNode? {
        guard case .object(let members) = value else { return nil }
        return members.last { $0.key == key }?.value
    }

    public var number: Double? {
        if case .number(let x) = value { return x }
        return nil
    }
    public var string: String? {
        if case .string(let x) = value { return x }
        return nil
    }
    public var bool: Bool? {
        if case .bool(let x) = value { return x }
        return nil
    }
    /// A report text: a string (both languages) or `{"id": …, "en": …}`; `nil` when neither.
    public var localizedText: LocalizedText? {
        if let text = string { return LocalizedText(text) }
        let text = LocalizedText(indonesian: self["id"]?.string, english: self["en"]?.string)
        return text.indonesian == nil && text.english == nil ? nil : text
    }
    /// The form ``localizedText`` reads.
    public init(_ text: LocalizedText) {
        if text.indonesian == text.english, let both = text.english {
            self.init(.string(both))
        } else {
            self.init(languages: text)
        }
    }
    /// `{"id": …, "en": …}` with the languages `text` has.
    init(languages text: LocalizedText) {
        self.init(
            .object([("id", text.indonesian), ("en", text.english)].compactMap { pair in pair.1.map { (pair.0, JSONNode(.string($0))) } }))
    }
    /// A source note: a string as written, or `{"id": …, "en": …}`; `nil` when neither.
    public var sourceNote: SourceNote? {
        if let text = string { return .asWritten(text) }
        return localizedText.map(SourceNote.given)
    }
    /// The form ``sourceNote`` reads: a given note stays an object, so it keeps its languages.
    public init(_ note: SourceNote) {
        switch note {
        case .asWritten(let text): self.init(.string(text))
        case .given(let text): self.init(languages: text)
        }
    }
    public var members: [(key: String, value: JSONNode)]? {
        if case .object(let m) = value { return m }
        return nil
    }
    public var elements: [JSONNode]? {
        if case .array(let e) = value { return e }
        return nil
    }
}
