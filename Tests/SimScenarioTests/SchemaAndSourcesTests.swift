import Foundation
import SimScenario
import SimWorkforce
import Testing

@Suite struct SchemaAndSourcesTests {
    @Test func theShippedSchemaIsWhatSimulateSchemaPrints() throws {
        let shipped = try String(contentsOf: packageRoot.appendingPathComponent("scenarios/scenario.schema.json"), encoding: .utf8)
        #expect(shipped == JSONSchema.text(), "regenerate with: swift run simulate schema > scenarios/scenario.schema.json")
        // It parses back, and its top level names every key of the format.
        let parsed = try JSONParser.parse(shipped, file: "scenario.schema.json")
        #expect(parsed["properties"]?.members?.map(\.key) == ScenarioFormat.root.map(\.name))
        #expect(parsed["$schema"]?.string == "https://json-schema.org/draft/2020-12/schema")
    }

    /// The default domains are named in both languages, so an Indonesian workbook or brief never
    /// says "Kompetensi IT and e-government" (found opening the workbook in LibreOffice).
    @Test func theDefaultDomainsAreNamedInBothLanguages() throws {
        let model = try ScenarioLoader.load(packageRoot.appendingPathComponent("scenarios/baseline.json").path).parameters
        #expect(model.domains.count == 5)
        for domain in model.domains {
            let (id, en) = (domain.name.indonesian ?? "", domain.name.english ?? "")
            #expect(!id.isEmpty && !en.isEmpty && id != en, "\(domain.id): \(id) / \(en)")
        }
    }

    @Test func theFormatReferenceIsGeneratedFromTheCode() throws {
        let shipped = try String(contentsOf: packageRoot.appendingPathComponent("docs/scenario-format.md"), encoding: .utf8)
        #expect(shipped == FormatDocs.markdown(), "regenerate with: swift run simulate schema --markdown > docs/scenario-format.md")
    }

    /// Every default of the format names its source or says it is an assumption.
    @Test func everyFormatDefaultHasASource() {
        let missing = formatFields().filter { path, field in
            field.defaultValue.map { !isContainer($0) && (field.source ?? "").isEmpty } ?? false
        }.map(\.path)
        #expect(missing.isEmpty, "defaults without a source: \(missing)")
    }

    func isContainer(_ value: JSONValue) -> Bool {
        if case .object(let members) = value { return members.isEmpty }
        return false
    }

    /// Every number the bundled baseline sets is covered by a `sources` entry for its path or a
    /// parent path, and that entry names a source or says "assumption"/"estimate".
    @Test func everyNumberInTheBaselineHasASource() throws {
        let text = try String(contentsOf: packageRoot.appendingPathComponent("scenarios/baseline.json"), encoding: .utf8)
        let root = try JSONParser.parse(text, file: "baseline.json")
        let sources = root["sources"]?.members?.map { ($0.key, $0.value.sourceNote?.texts.joined(separator: " ") ?? "") } ?? []
        var uncovered: [String] = []
        func walk(_ node: JSONNode, _ path: String) {
            switch node.value {
            case .number:
                let covered = sources.contains { key, _ in path == key || path.hasPrefix(key + ".") || path.hasPrefix(key + "[") }
                if !covered && path != "schemaVersion" { uncovered.append(path) }
            case .object(let members):
                // The uncertainty block's numbers carry their own required `source`.
                for member in members where member.key != "sources" && member.key != "uncertainty" {
                    walk(member.value, path.isEmpty ? member.key : "\(path).\(member.key)")
                }
            case .array(let elements):
                for (i, element) in elements.enumerated() { walk(element, "\(path)[\(i)]") }
            default: break
            }
        }
        walk(root, "")
        #expect(uncovered.isEmpty, "numbers without a source: \(uncovered)")
        #expect(sources.allSatisfy { !$0.1.isEmpty })
        #expect(sources.first { $0.0 == "regions.sawahlunto.headcount" }?.1.contains("ESTIMATE") == true)
        let ranges = root["uncertainty"]?.members ?? []
        #expect(
            ranges.count >= 15 && ranges.allSatisfy { ($0.value["source"]?.sourceNote?.texts.first ?? "").count > 10 },
            "every range says why")
        // A note the brief lists as a caveat is given in both languages, so each brief shows it in its own.
        for key in ["regions.sawahlunto.headcount", "regions.sorong.budget.rupiahPerYear"] {
            guard case .given(let text)? = root["sources"]?[key]?.sourceNote else {
                Issue.record("\(key): expected {id, en}")
                continue
            }
            #expect((text.indonesian ?? "").count > 20 && (text.english ?? "").count > 20, "\(key)")
        }
    }
}

/// Every field of the format with its path (`*` for table ids, `[]` for list elements).
func formatFields(_ fields: [Field] = ScenarioFormat.root, _ path: String = "") -> [(path: String, field: Field)] {
    fields.flatMap { field -> [(path: String, field: Field)] in
        let here = path.isEmpty ? field.name : "\(path).\(field.name)"
        switch field.type {
        case .record(let inner): return [(here, field)] + formatFields(inner, here)
        case .table(_, .record(let inner)): return [(here, field)] + formatFields(inner, here + ".*")
        case .list(.record(let inner), _): return [(here, field)] + formatFields(inner, here + "[]")
        default: return [(here, field)]
        }
    }
}
