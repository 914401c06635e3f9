import SimScenario
import Testing

/// The scenario parser: strict JSON (RFC 8259) with locations, key order kept, duplicate keys and
/// runaway nesting refused.
@Suite struct JSONParserTests {
    func value(_ text: String) throws -> JSONValue { try JSONParser.parse(text, file: "t.json").value }
    func failure(_ text: String) -> String? {
        do {
            _ = try JSONParser.parse(text, file: "t.json")
            return nil
        } catch { return error.message }
    }

    @Test func escapes() throws {
        #expect(try value(#""a\"b\\c\/d\b\f\n\r\t""#) == .string("a\"b\\c/d\u{8}\u{C}\n\r\t"))
        #expect(try value(#""\u00e9\u0041""#) == .string("éA"))
        // A surrogate pair is one scalar outside the Basic Multilingual Plane.
        #expect(try value(#""\ud83d\ude00""#) == .string("😀"))
        #expect(try value("\"Sawahlunto – Sorong\"") == .string("Sawahlunto – Sorong"))
    }

    @Test(arguments: [#""\ud83d""#, #""\ud83dx""#, #""\ude00""#, #""\ud83d\u0041""#, #""\q""#, #""\u12""#, "\"a\nb\""])
    func badStringsAreRefused(text: String) {
        #expect(failure(text) != nil, "accepted \(text)")
    }

    @Test(arguments: [
        ("0", 0.0), ("-0", -0.0), ("1.5e3", 1500), ("1E-2", 0.01), ("-12.25", -12.25),
        ("9007199254740993", 9_007_199_254_740_992), ("1e308", 1e308),
    ])
    func numbers(text: String, expected: Double) throws {
        let parsed = try value(text)
        #expect(parsed == .number(expected))
        if case .number(let x) = parsed { #expect(x.sign == expected.sign) }
    }

    @Test(arguments: ["01", "1.", ".5", "+1", "1e", "-", "0x10", "NaN", "Infinity", "1e400"])
    func badNumbersAreRefused(text: String) {
        #expect(failure(text) != nil, "accepted \(text)")
    }

    @Test func duplicateKeysAreRefusedWithTheirLocation() throws {
        do {
            _ = try JSONParser.parse("{\n  \"a\": 1,\n  \"a\": 2\n}", file: "t.json")
            Issue.record("accepted a duplicate key")
        } catch {
            #expect(error.message == "duplicate key 'a'")
            #expect(error.location.line == 3 && error.location.column == 3)
        }
    }

    @Test func nestingIsLimited() throws {
        _ = try value(String(repeating: "[", count: 199) + String(repeating: "]", count: 199))
        #expect(failure(String(repeating: "[", count: 201) + String(repeating: "]", count: 201)) == "nesting deeper than 200 levels")
    }

    @Test func keyOrderAndLocationsAreKept() throws {
        let node = try JSONParser.parse("{\"z\": 1, \"a\": [true, null]}", file: "t.json")
        #expect(node.members?.map(\.key) == ["z", "a"])
        #expect(node["a"]?.location?.column == 15)
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "tru", "1 2", "{'a': 1}"])
    func malformedDocumentsAreRefused(text: String) {
        #expect(failure(text) != nil, "accepted \(text)")
    }
}
