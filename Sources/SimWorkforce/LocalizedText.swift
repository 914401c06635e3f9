/// The languages reports are written in: Bahasa Indonesia (the default) and English.
public enum Language: String, Sendable, CaseIterable {
    case id, en

    /// The report's fixed words: `indonesian` in a brief in Bahasa Indonesia, else `english`.
    /// Every report picks its words through here (`let t = language.pick`).
    public func pick(_ indonesian: String, _ english: String) -> String { self == .id ? indonesian : english }
}

/// A text a scenario gives in Bahasa Indonesia, English or both (a scenario's name and question,
/// a programme's name). Reports use their own language and fall back to the other one, so a file
/// written in one language still reads everywhere.
public struct LocalizedText: Sendable, Equatable {
    public var indonesian: String?
    public var english: String?

    public init(indonesian: String? = nil, english: String? = nil) {
        self.indonesian = indonesian
        self.english = english
    }

    /// The same text in both languages (a plain string in a file).
    public init(_ text: String) { self.init(indonesian: text, english: text) }

    /// The text in `language`, else in the other one, else empty.
    public func text(in language: Language) -> String {
        switch language {
        case .id: return indonesian ?? english ?? ""
        case .en: return english ?? indonesian ?? ""
        }
    }
}
