import SimWorkforce

/// The JSON Schema (draft 2020-12) of the scenario format, generated from ``ScenarioFormat``,
/// so editors can check files as they are typed. `simulate schema` prints it.
public enum JSONSchema {
    public static func text() -> String {
        var root: [(String, JSONValue)] = [
            ("$schema", .s("https://json-schema.org/draft/2020-12/schema")),
            ("$id", .s("https://kompeten.example/scenario.schema.json")),
            ("title", .s("Kompeten training-policy scenario, format version \(ScenarioFormat.schemaVersion)")),
        ]
        if case .object(let members) = record(ScenarioFormat.root) { root += members.map { ($0.key, $0.value.value) } }
        // A what-if file that extends another may leave out anything its base defines, so only a
        // file without `extends` must name every required key; `simulate validate` checks the
        // merged result, nested required keys included.
        let required = ScenarioFormat.root.filter { $0.required && $0.name != "schemaVersion" }.map { JSONValue.s($0.name) }
        root += [
            ("required", .list([.s("schemaVersion")])),
            ("if", .obj([("not", .obj([("required", .list([.s("extends")]))]))])),
            ("then", .obj([("required", .list(required))])),
        ]
        return JSONWriter.render(.obj(root), indent: 0) + "\n"
    }

    static func record(_ fields: [Field]) -> JSONValue {
        let properties = fields.map { field -> (String, JSONValue) in
            var schema = type(field.type)
            if case .object(var members) = schema {
                var description = field.doc
                if let unit = field.unit { description += " [\(unit)]" }
                if let source = field.source { description += " (source: \(source))" }
                members.insert(("description", JSONNode(.s(description))), at: 0)
                if let value = field.defaultValue { members.append(("default", JSONNode(value))) }
                schema = .object(members)
            }
            return (field.name, schema)
        }
        let pairs: [(String, JSONValue)] = [
            ("type", .s("object")), ("properties", .obj(properties)), ("additionalProperties", .bool(false)),
        ]
        return .obj(pairs)
    }

    static let idPattern = "^[A-Za-z][A-Za-z0-9_-]*$"

    static func type(_ type: FieldType) -> JSONValue {
        switch type {
        case .number(let minimum, let maximum, let above):
            var pairs: [(String, JSONValue)] = [("type", .s("number"))]
            if let minimum { pairs.append((above ? "exclusiveMinimum" : "minimum", .n(minimum))) }
            if let maximum { pairs.append(("maximum", .n(maximum))) }
            return .obj(pairs)
        case .integer(let minimum, let maximum):
            var pairs: [(String, JSONValue)] = [("type", .s("integer"))]
            if let minimum { pairs.append(("minimum", .n(Double(minimum)))) }
            if let maximum { pairs.append(("maximum", .n(Double(maximum)))) }
            return .obj(pairs)
        case .boolean: return .obj([("type", .s("boolean"))])
        case .text: return .obj([("type", .s("string"))])
        case .localizedText:
            let languages = JSONValue.obj([
                ("type", .s("object")), ("minProperties", .n(1)), ("additionalProperties", .bool(false)),
                ("properties", .obj(Language.allCases.map { ($0.rawValue, .obj([("type", .s("string"))])) })),
            ])
            return .obj([("oneOf", .list([.obj([("type", .s("string"))]), languages]))])
        case .choice(let words): return .obj([("enum", .list(words.map(JSONValue.s)))])
        case .month: return .obj([("type", .s("string")), ("pattern", .s("^[0-9]{4}-(0[1-9]|1[0-2])$"))])
        case .date: return .obj([("type", .s("string")), ("pattern", .s("^([0-9]{4}-)?(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"))])
        case .reference(let kind):
            switch kind {
            case .mode: return .obj([("enum", .list(ScenarioFormat.modeNames.map(JSONValue.s)))])
            case .jobLevel: return .obj([("enum", .list(ScenarioFormat.jobLevelNames.map(JSONValue.s)))])
            case .education: return .obj([("enum", .list(ScenarioFormat.educationNames.map(JSONValue.s)))])
            default: return .obj([("type", .s("string")), ("pattern", .s(idPattern))])
            }
        case .list(let element, let minimumCount):
            var pairs: [(String, JSONValue)] = [("type", .s("array")), ("items", self.type(element))]
            if minimumCount > 0 { pairs.append(("minItems", .n(Double(minimumCount)))) }
            return .obj(pairs)
        case .record(let fields): return record(fields)
        case .table(let kind, let element):
            let names: JSONValue =
                kind == .mode ? .obj([("enum", .list(ScenarioFormat.modeNames.map(JSONValue.s)))]) : .obj([("pattern", .s(idPattern))])
            return .obj([
                ("type", .s("object")), ("propertyNames", names),
                ("additionalProperties", .obj([("oneOf", .list([self.type(element), .obj([("type", .s("null"))])]))])),
            ])
        case .weights:
            return .obj([("type", .s("object")), ("additionalProperties", .obj([("type", .s("number")), ("minimum", .n(0))]))])
        case .textMap:
            return .obj([("type", .s("object")), ("additionalProperties", self.type(.localizedText))])
        case .pathTable(let element), .valueMap(let element):
            return .obj([("type", .s("object")), ("additionalProperties", self.type(element))])
        case .scalar:
            return .obj([("type", .list([.s("string"), .s("number"), .s("boolean")]))])
        }
    }
}
