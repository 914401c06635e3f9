/// Escapes text for XML/XHTML content and attributes.
public func xml(_ s: String) -> String {
    var out = ""
    for c in s {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.append(c)
        }
    }
    return out
}

/// Escapes characters Markdown would read as markup in user text.
func escapeMarkdown(_ s: String) -> String {
    var out = ""
    for c in s {
        if "\\`*_[]<>|".contains(c) { out.append("\\") }
        out.append(c)
    }
    return out
}
