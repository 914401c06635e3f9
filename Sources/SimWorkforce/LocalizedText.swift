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
public struct LocalizedText: Sendable, Hashable {
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

/// Where a scenario says a value comes from. A plain string is kept as written, since its
/// language is not stated; `{"id": …, "en": …}` gives it in one language or both, so a brief in
/// either language can show it as its own words or mark it as a quotation in the other.
public enum SourceNote: Sendable, Hashable {
    case asWritten(String)
    case given(LocalizedText)

    /// The note in `language` when it was given so; nil for a plain string or the other language.
    public func text(in language: Language) -> String? {
        guard case .given(let text) = self else { return nil }
        return language == .id ? text.indonesian : text.english
    }

    /// Every text it has, to recognise its kind whatever language it was written in.
    public var texts: [String] {
        switch self {
        case .asWritten(let text): return [text]
        case .given(let text): return [text.indonesian, text.english].compactMap { $0 }
        }
    }

    /// Whether the note calls the value an assumption ("assumption…" or "asumsi…").
    public var isAssumption: Bool { texts.contains { $0.hasPrefix("assumption") || $0.hasPrefix("asumsi") } }
}
