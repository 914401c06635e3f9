import Foundation
import SimCore
import Testing

@testable import SimReport
@testable import SimScenario

/// The hand-written CSV writer and DEFLATE tested as libraries: CSV read back through the
/// product's own reader (the one that reads rosters), DEFLATE inflated by the system's zlib.
@Suite struct CodecTests {
    static let texts = [
        "plain", "a,b", "a;b", "quote \" inside", "\"quoted\"", "line\nbreak", "cr\rlf", "=SUM(A1)",
        "+62", "-5", "@x", "é–€😀", "tab\tinside", "  ", "0,5",
    ]

    /// A random table: an identifier column first (never empty, so no row is blank), then
    /// numbers, integers and user text.
    static func table(_ random: inout RandomStream) -> [[CSVField]] {
        (0..<Int.random(in: 1..<30, using: &random)).map { r in
            [CSVField.identifier("row\(r)")]
                + (0..<Int.random(in: 1..<8, using: &random)).map { _ in
                    switch Int.random(in: 0..<4, using: &random) {
                    case 0: return .number(Double(bitPattern: random.next()))
                    case 1: return .number(Double.random(in: -1e7...1e7, using: &random))
                    case 2: return .integer(Int.random(in: -1_000_000...1_000_000, using: &random))
                    default: return .userText(texts[Int.random(in: 0..<texts.count, using: &random)])
                    }
                }
        }
    }

    /// What a reader should find in a cell: the number to 6 significant digits (non-finite
    /// written empty), the text with a formula neutralised (and the spaces the reader trims).
    static func matches(_ cell: String, _ field: CSVField, locale: CSVLocale) -> Bool {
        switch field {
        case .integer(let n): return cell == String(n)
        case .identifier(let s): return cell == s
        case .userText(let s): return cell == neutralisingFormula(s).trimmingCharacters(in: CharacterSet(charactersIn: " \t"))
        case .number(let x):
            guard x.isFinite else { return cell.isEmpty }
            let text = locale == .indonesian ? cell.replacingOccurrences(of: ",", with: ".") : cell
            guard let y = Double(text) else { return false }
            return abs(y - x) <= abs(x) * 5e-6
        }
    }

    @Test(arguments: CSVLocale.allCases)
    func csvIsReadBackByTheProductsReader(locale: CSVLocale) {
        var random = RandomStream(seed: 41)
        for k in 0..<300 {
            let rows = Self.table(&random)
            var table = ResultTable()
            // The header row: identifiers, so the reader finds the locale's separator in it.
            table.row((0..<(rows.map(\.count).max() ?? 1)).map { .identifier("column\($0)") })
            for row in rows { table.row(row) }
            let reader = DelimitedText(Array(table.csv(locale).utf8))
            var read: [[String]] = []
            let findings = reader.forEachRecord { _, fields in read.append(fields.map { reader.text($0) }) }
            #expect(findings.allSatisfy { if case .unterminatedQuote = $0 { false } else { true } })
            #expect(read.count == rows.count + 1, "table \(k): \(read.count) records for \(rows.count + 1) rows")
            for (row, cells) in zip(rows, read.dropFirst()) {
                #expect(cells.count == row.count, "table \(k): \(cells.count) cells for \(row.count) fields")
                for (cell, field) in zip(cells, row) where !Self.matches(cell, field, locale: locale) {
                    Issue.record("table \(k): \(field) read back as '\(cell)'")
                    return
                }
            }
        }
    }

    // MARK: - DEFLATE

    /// zlib's `uncompress`, loaded at run time (libxml2, which the workbook tests need, links it).
    typealias Uncompress = @convention(c) (UnsafeMutablePointer<UInt8>?, UnsafeMutablePointer<UInt>?, UnsafePointer<UInt8>?, UInt) -> Int32
    static let uncompress: Uncompress? = {
        for name in ["libz.so.1", "libz.so", "libz.1.dylib", "libz.dylib"] {
            if let library = dlopen(name, RTLD_NOW), let symbol = dlsym(library, "uncompress") {
                return unsafeBitCast(symbol, to: Uncompress.self)
            }
        }
        return nil
    }()

    /// Inflates a raw DEFLATE stream with zlib: wrapped as a zlib stream (RFC 1950 header, and
    /// the Adler-32 of the expected bytes, which zlib checks).
    static func inflate(_ deflated: [UInt8], expectedCount: Int, original: [UInt8]) -> [UInt8]? {
        guard let uncompress else { return nil }
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in original {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        let adler = b << 16 | a
        let stream =
            [0x78, 0x01] + deflated + [UInt8(adler >> 24), UInt8(adler >> 16 & 0xFF), UInt8(adler >> 8 & 0xFF), UInt8(adler & 0xFF)]
        var out = [UInt8](repeating: 0, count: max(expectedCount, 1))
        var length = UInt(expectedCount)
        let status = out.withUnsafeMutableBufferPointer { o in
            stream.withUnsafeBufferPointer { s in uncompress(o.baseAddress, &length, s.baseAddress, UInt(s.count)) }
        }
        guard status == 0 else { return nil }  // Z_OK; Z_DATA_ERROR is -3
        return Array(out.prefix(Int(length)))
    }

    static func inputs() -> [(String, [UInt8])] {
        var random = RandomStream(seed: 5)
        let block = (0..<40_000).map { _ in UInt8.random(in: 0...255, using: &random) }
        return [
            ("empty", []),
            ("one byte", [0x41]),
            ("every byte value", Array(0...255)),
            ("a long run", [UInt8](repeating: 0x61, count: 1_000_000)),
            ("random bytes", Array(block.prefix(100_000 / 3))),
            // The same 32 KiB of random bytes twice: the only matches are at distance 32,768,
            // the largest DEFLATE allows; then again at 32,769, which it does not.
            ("a 32 KiB distance", Array(block.prefix(32_768)) + Array(block.prefix(32_768))),
            ("just past the window", Array(block.prefix(32_769)) + Array(block.prefix(32_769))),
            ("repetitive XML", Array(String(repeating: "<c r=\"A1\" t=\"s\"><v>12</v></c>", count: 5_000).utf8)),
        ]
    }

    @Test func deflateIsInflatedByZlib() throws {
        try #require(Self.uncompress != nil, "zlib (libz.so.1) could not be loaded")
        for (name, input) in Self.inputs() {
            let deflated = Deflate.compress(input)
            let inflated = Self.inflate(deflated, expectedCount: input.count, original: input)
            let same = inflated == input  // compared outside #expect, which would print every byte
            #expect(same, "\(name): zlib did not read back the \(input.count) bytes")
        }
    }

    @Test func deflateCompressesWhatRepeats() {
        let run = Deflate.compress([UInt8](repeating: 0x61, count: 1_000_000))
        #expect(run.count < 1_000_000 / 100)  // 258-byte matches at distance 1: about 1 byte per match
        let twice = Self.inputs().first { $0.0 == "a 32 KiB distance" }!.1
        let once = Deflate.compress(Array(twice.prefix(32_768)))
        #expect(Deflate.compress(twice).count < once.count + 1_000, "the second copy is found 32,768 bytes back")
    }
}
