import SimWorkforce

/// `docs/scenario-format.md`, generated from ``ScenarioFormat`` so it cannot drift from the
/// validator (a test keeps the shipped file identical; `simulate schema --markdown` prints it).
public enum FormatDocs {
    public static func markdown() -> String {
        var md = """
            # Scenario format, version \(ScenarioFormat.schemaVersion)

            Generated from the code by `simulate schema --markdown`; do not edit by hand.

            A scenario is a JSON object. Keys are camelCase and carry their unit (`rupiahPerYear`,
            `lengthJP`, `months`). Regions, units, domains and programmes are objects keyed by their id, so
            `--set regions.sorong.budget.rupiahPerYear=1.5e9` and references such as `"eligibleUnits":
            ["dukcapil"]` name them. `"extends": "baseline.json"` lays this file over another (objects
            merge key by key; `null` removes an inherited key; arrays are replaced). Every key below is
            optional unless marked **required**; an absent key takes the default shown, whose source is
            given. Each parameter is declared once, beside the model struct that holds it; this table,
            the validator, the JSON Schema and the compiled model all come from those declarations. `simulate validate` rejects unknown keys, wrong types, values out of range, unknown ids
            and months outside the horizon, all in one run.

            **Limits.** A scenario file is at most \(ScenarioLoader.scenarioFileLimit >> 20) MiB and a roster or
            booked-session file at most \(ScenarioLoader.dataFileLimit >> 30) GiB, each a regular file (not a folder
            or a device); a chain of `extends` is at most \(ScenarioLoader.extendsDepthLimit) files deep; a `--set` path
            has at most \(Override.maximumSegments) segments. Files are read as UTF-8, or as UTF-16 where they carry a
            byte-order mark; a byte that is not UTF-8 is an error at its line and column. A file with
            many problems lists the first 100 and says how many more there are.

            | Key | Type | Unit | Default | Meaning | Source of the default |
            |---|---|---|---|---|---|

            """
        rows(ScenarioFormat.root, path: "", into: &md)
        return md
    }

    static func rows(_ fields: [Field], path: String, into md: inout String) {
        for field in fields {
            let here = path.isEmpty ? field.name : "\(path).\(field.name)"
            let value = field.defaultValue.map { defaultText($0) } ?? (field.required ? "**required**" : "–")
            md +=
                "| `\(here)` | \(typeText(field.type)) | \(cell(field.unit ?? "")) | \(value) | \(cell(field.doc)) | \(cell(field.source ?? "")) |\n"
            switch field.type {
            case .record(let inner): rows(inner, path: here, into: &md)
            case .table(let kind, .record(let inner)): rows(inner, path: "\(here).<\(kind.rawValue)>", into: &md)
            case .list(.record(let inner), _): rows(inner, path: "\(here)[]", into: &md)
            default: break
            }
        }
    }

    static func typeText(_ type: FieldType) -> String {
        switch type {
        case .number(let minimum, let maximum, let above):
            let low = minimum.map { above ? "> \(NumberText.plain($0))" : "≥ \(NumberText.plain($0))" }
            let high = maximum.map { "≤ \(NumberText.plain($0))" }
            return "number"
                + ([low, high].compactMap { $0 }.isEmpty ? "" : " (" + [low, high].compactMap { $0 }.joined(separator: ", ") + ")")
        case .integer(let minimum, let maximum):
            return "integer"
                + (minimum != nil || maximum != nil ? " (\(minimum.map(String.init) ?? "")…\(maximum.map(String.init) ?? ""))" : "")
        case .boolean: return "boolean"
        case .text: return "string"
        case .localizedText: return "string, or `{\"id\": …, \"en\": …}`"
        case .choice(let words): return words.map { "`\($0)`" }.joined(separator: " \\| ")
        case .month: return "month `YYYY-MM`"
        case .date: return "date `YYYY-MM-DD`, or `MM-DD` every year"
        case .reference(let kind): return "\(kind.noun) id"
        case .list(let element, _): return "array of " + typeText(element)
        case .record: return "object"
        case .table(let kind, _): return "object keyed by \(kind.noun) id"
        case .weights(let kind): return "object: \(kind.noun) id → number ≥ 0"
        case .textMap: return "object: path → string, or `{\"id\": …, \"en\": …}`"
        case .pathTable: return "object keyed by scenario path"
        case .valueMap(let element): return "object: the file's value → " + typeText(element)
        case .scalar: return "string, number or boolean"
        }
    }

    static func defaultText(_ value: JSONValue) -> String {
        switch value {
        case .object(let members) where members.isEmpty: return "(defaults below)"
        case .object(let members)
        where members.contains(where: {
            if case .object = $0.value.value { return true }
            return false
        }):
            return "(" + members.map(\.key).joined(separator: ", ") + ")"
        default:
            return "`" + JSONWriter.render(value, indent: 0).replacingPipes() + "`"
        }
    }

    static func cell(_ text: String) -> String { text.replacingPipes() }
}

extension String {
    func replacingPipes() -> String {
        var out = ""
        for c in self {
            if c == "|" { out += "\\|" } else if c == "\n" { out += " " } else { out.append(c) }
        }
        return out
    }
}
