import SimCore
import SimScenario
import Testing

/// The hand-written JSON writer and parser tested as a library: whatever value the writer is
/// given, the parser reads back the same value (numbers exactly, in their shortest round-trip
/// form; strings with every kind of scalar); a number that is not finite is written `null`.
@Suite struct JSONRoundTripTests {
    /// A random JSON value of at most `depth` levels: every type, strings drawn from the scalars
    /// that need escaping, non-ASCII text and characters outside the Basic Multilingual Plane,
    /// and numbers from integers, decimal-looking values and raw bit patterns.
    static func value(_ random: inout RandomStream, depth: Int) -> JSONValue {
        let kind = Int.random(in: 0..<(depth > 0 ? 7 : 5), using: &random)
        switch kind {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &random))
        case 2: return .number(number(&random))
        case 3, 4: return .string(string(&random))
        case 5:
            let n = Int.random(in: 0..<5, using: &random)
            return .array((0..<n).map { _ in JSONNode(value(&random, depth: depth - 1)) })
        default:
            let n = Int.random(in: 0..<5, using: &random)
            var keys = Set<String>()
            var members: [(key: String, value: JSONNode)] = []
            for _ in 0..<n {
                let key = string(&random)
                guard keys.insert(key).inserted else { continue }  // the parser refuses duplicate keys
                members.append((key, JSONNode(value(&random, depth: depth - 1))))
            }
            return .object(members)
        }
    }

    static func number(_ random: inout RandomStream) -> Double {
        switch Int.random(in: 0..<4, using: &random) {
        case 0: return Double(Int.random(in: -1_000_000_000...1_000_000_000, using: &random))
        case 1: return Double(Int.random(in: -99_999...99_999, using: &random)) / 100
        case 2: return Double.random(in: -1e6...1e6, using: &random)
        default:
            // Any finite double, from its bits: subnormals, 1e-300, 1e+300, integers past 2^53.
            var x: Double
            repeat { x = Double(bitPattern: random.next()) } while !x.isFinite
            return x
        }
    }

    static let alphabet: [Unicode.Scalar] = [
        "a", "Z", "0", " ", "\"", "\\", "/", "\n", "\r", "\t", "\u{0}",
        "\u{1F}", "\u{7F}", "é", "–", "€", "😀", "\u{10FFFF}", "\u{FEFF}", ":", ",",
    ]

    static func string(_ random: inout RandomStream) -> String {
        var s = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0..<12, using: &random) {
            s.append(alphabet[Int.random(in: 0..<alphabet.count, using: &random)])
        }
        return String(s)
    }

    @Test func everyWrittenValueIsReadBackUnchanged() throws {
        var random = RandomStream(seed: 20_261_205)
        for k in 0..<2_000 {
            let original = Self.value(&random, depth: 4)
            let text = JSONWriter.render(original, indent: 0)
            let parsed = try JSONParser.parse(text, file: "round-trip.json").value
            #expect(parsed == original, "value \(k) changed on the way: \(text)")
            if parsed != original { return }
        }
    }

    @Test func numbersKeepEveryBit() throws {
        var random = RandomStream(seed: 7)
        for _ in 0..<20_000 {
            let x = Self.number(&random)
            let parsed = try JSONParser.parse(JSONWriter.render(.number(x), indent: 0), file: "n.json").value
            guard case .number(let y) = parsed else {
                Issue.record("\(x) read back as \(parsed)")
                return
            }
            // -0 is written 0 (JSON readers differ on -0); every other value keeps its bits.
            #expect(y.bitPattern == x.bitPattern || (x == 0 && y == 0), "\(x) read back as \(y)")
        }
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func aNumberThatIsNotFiniteIsWrittenNull(x: Double) throws {
        let text = JSONWriter.render(.object([("x", JSONNode(.number(x)))]), indent: 0)
        #expect(!text.lowercased().contains("nan") && !text.lowercased().contains("inf"))
        #expect(try JSONParser.parse(text, file: "n.json").value == .object([("x", JSONNode(.null))]))
    }
}
