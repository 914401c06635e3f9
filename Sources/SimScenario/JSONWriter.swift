import SimWorkforce

/// JSON text from a ``JSONValue``: the scenario schema, run metadata, shard manifests and
/// fingerprints all render through here, so equal values give equal bytes.
public enum JSONWriter {
    /// Pretty JSON with two-space indents, keys in the order given. JSON has no NaN or infinity:
    /// a number that is not finite is written `null` (RFC 8259 §6), so every text this writes
    /// is one the parser reads back.
    public static func render(_ value: JSONValue, indent: Int) -> String {
        let pad = String(repeating: "  ", count: indent + 1)
        let close = String(repeating: "  ", count: indent)
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let x): return x.isFinite ? NumberText.plain(x) : "null"
        case .string(let s): return quote(s)
        case .array(let elements):
            if elements.isEmpty { return "[]" }
            if elements.allSatisfy({
                if case .object = $0.value { return false }
                if case .array = $0.value { return false }
                return true
            }) {
                return "[" + elements.map { render($0.value, indent: indent + 1) }.joined(separator: ", ") + "]"
            }
            return "[\n" + elements.map { pad + render($0.value, indent: indent + 1) }.joined(separator: ",\n") + "\n" + close + "]"
        case .object(let members):
            if members.isEmpty { return "{}" }
            return "{\n" + members.map { pad + quote($0.key) + ": " + render($0.value.value, indent: indent + 1) }.joined(separator: ",\n")
                + "\n" + close + "}"
        }
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped.
    public static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
