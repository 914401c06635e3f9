import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// results.xlsx, read back without a spreadsheet program: the ZIP is parsed entry by entry, each
/// entry inflated and its CRC-32 checked, each worksheet's XML parsed, and the cells compared
/// with the CSVs.
@Suite struct WorkbookTests {
    /// The entries of a ZIP of deflated entries, by name, each inflated and CRC-checked.
    static func unzip(_ data: [UInt8]) throws -> [String: [UInt8]] {
        func u16(_ i: Int) -> Int { Int(data[i]) | Int(data[i + 1]) << 8 }
        func u32(_ i: Int) -> Int { u16(i) | u16(i + 2) << 16 }
        var entries: [String: [UInt8]] = [:]
        var i = 0
        while i + 30 <= data.count && u32(i) == 0x0403_4B50 {
            #expect(u16(i + 8) == 8, "deflated entries")
            let packedSize = u32(i + 18)
            let size = u32(i + 22)
            let nameLength = u16(i + 26)
            let extra = u16(i + 28)
            let name = String(decoding: data[(i + 30)..<(i + 30 + nameLength)], as: UTF8.self)
            let start = i + 30 + nameLength + extra
            let bytes = inflateFixed(Array(data[start..<(start + packedSize)]))
            #expect(bytes.count == size, "size of \(name)")
            #expect(crc32(bytes) == UInt32(u32(i + 14)), "CRC of \(name)")
            entries[name] = bytes
            i = start + packedSize
        }
        #expect(u32(i) == 0x0201_4B50, "the central directory follows the entries")
        return entries
    }

    /// RFC 1951 inflate of fixed-Huffman blocks (what the writer emits), written from the RFC
    /// independently of the writer.
    static func inflateFixed(_ data: [UInt8]) -> [UInt8] {
        var position = 0
        func bit() -> Int {
            defer { position += 1 }
            return position / 8 < data.count ? Int(data[position / 8] >> UInt8(position % 8)) & 1 : 0
        }
        func bits(_ n: Int) -> Int { (0..<n).reduce(0) { $0 | bit() << $1 } }
        func code(_ n: Int) -> Int { (0..<n).reduce(0) { value, _ in value << 1 | bit() } }
        func symbol() -> Int {
            var c = code(7)
            if c <= 23 { return 256 + c }
            c = c << 1 | bit()
            if (48...191).contains(c) { return c - 48 }
            if (192...199).contains(c) { return 280 + c - 192 }
            c = c << 1 | bit()
            return 144 + c - 400
        }
        let lengthBase = [
            3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
        ]
        let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
        let distanceBase = [
            1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289,
            16385, 24577,
        ]
        let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
        var out: [UInt8] = []
        var final = 0
        repeat {
            final = bit()
            guard bits(2) == 1 else {
                Issue.record("not a fixed-Huffman block")
                return out
            }
            while true {
                let s = symbol()
                if s < 256 {
                    out.append(UInt8(s))
                    continue
                }
                if s == 256 { break }
                let length = lengthBase[s - 257] + bits(lengthExtra[s - 257])
                let d = code(5)
                let distance = distanceBase[d] + bits(distanceExtra[d])
                for _ in 0..<length { out.append(out[out.count - distance]) }
            }
        } while final == 0
        return out
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            c ^= UInt32(byte)
            for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        }
        return c ^ 0xFFFF_FFFF
    }

    /// A worksheet's rows as (text, isNumber) cells, in order.
    final class SheetReader: NSObject, XMLParserDelegate {
        var rows: [[(text: String, isNumber: Bool)]] = []
        var text = "", inValue = false, isNumber = false
        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            switch name {
            case "row": rows.append([])
            case "c":
                text = ""
                isNumber = attributes["t"] == nil
            case "v", "t": inValue = true
            default: break
            }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { if inValue { text += string } }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "v" || name == "t" { inValue = false }
            if name == "c" { rows[rows.count - 1].append((text, isNumber && !text.isEmpty)) }
        }
    }

    static func sheet(_ bytes: [UInt8]?) -> [[(text: String, isNumber: Bool)]] {
        let reader = SheetReader()
        let parser = XMLParser(data: Data(bytes ?? []))
        parser.delegate = reader
        #expect(parser.parse(), "well-formed worksheet")
        return reader.rows
    }

    @Test func theWorkbookParsesAndItsCellsAreTheCSVValues() throws {
        let dir = scratchDirectory("xlsx")
        defer { try? FileManager.default.removeItem(at: dir) }
        let lean = fixtures.appendingPathComponent("tiny-lean.json").path
        let outcome = try simulate([
            fixtures.appendingPathComponent("tiny.json").path, lean, "--baseline", "tiny", "--years", "2", "--xlsx", "--out", dir.path,
            "--quiet",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let entries = try Self.unzip(Array(try Data(contentsOf: dir.appendingPathComponent("results.xlsx"))))
        for part in ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"] {
            #expect(entries[part] != nil, "\(part) is missing")
            let parser = XMLParser(data: Data(entries[part] ?? []))
            #expect(parser.parse(), "\(part) is well-formed")
        }
        // Every sheet's headings are words, never a CSV identifier the headings table left out.
        for (part, bytes) in entries where part.hasPrefix("xl/worksheets/sheet") {
            for heading in Self.sheet(bytes).first?.map(\.text) ?? [] {
                let identifier = heading.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLowercase || $0.isNumber)) }
                #expect(!identifier, "\(part): the heading \(heading) is an identifier, not a word")
            }
        }
        let workbook = String(decoding: entries["xl/workbook.xml"] ?? [], as: UTF8.self)
        #expect(
            workbook.contains("name=\"Ringkasan town\"") && workbook.contains("name=\"Tahunan\""), "Indonesian sheet names: \(workbook)")
        // Sheet 1 is the summary of the one region (per metric and scenario: the value, its
        // interval, the difference and its interval); sheet 2 the yearly table, names beside ids.
        let summary = parseCSV(try read(dir.appendingPathComponent("summary.csv"))).dropFirst()
        let ids = ["Tiny town": "tiny", "Tiny town, lean budget": "tiny-lean"]
        let rows = Self.sheet(entries["xl/worksheets/sheet1.xml"])
        #expect(
            rows.first?.map(\.text) == [
                "Ukuran", "Satuan", "Skenario", "Rata-rata", "IK 95% bawah", "IK 95% atas", "Selisih thd tiny", "Selisih, IK 95% bawah",
                "Selisih, IK 95% atas", "Kode ukuran",
            ])
        var compared = 0
        for row in rows.dropFirst() {
            #expect(row.count == 10, "\(row.map(\.text))")
            guard row.count == 10 else { continue }
            let id = ids[row[2].text] ?? row[2].text
            let csv = summary.first { $0[0] == id && $0[2] == row[9].text }
            #expect(csv != nil, "\(row.map(\.text))")
            guard let csv else { continue }
            #expect(row[0].text != row[9].text, "the measure is named in words: \(row[0].text)")
            #expect(
                [row[3], row[4], row[5], row[6], row[7], row[8]].map(\.text) == [csv[4], csv[5], csv[6], csv[8], csv[9], csv[10]],
                "\(row.map(\.text)) against \(csv)")
            if !csv[4].isEmpty { #expect(row[3].isNumber, "\(row[0].text) is a number") }
            compared += 1
        }
        #expect(compared == summary.count, "every summary.csv row of the region is on the sheet")
        let yearly = parseCSV(try read(dir.appendingPathComponent("yearly.csv")))
        let sheet = Self.sheet(entries["xl/worksheets/sheet2.xml"])
        #expect(sheet.count == yearly.count)
        #expect(sheet.first?.map(\.text).prefix(5) == ["Skenario", "Skenario (id)", "Wilayah", "Ukuran", "Kode ukuran"])
        for (cells, fields) in zip(sheet.dropFirst(), yearly.dropFirst()) {
            // Without the names; the unit is in the brief's language (`porsi` for `share`).
            let ids = cells.enumerated().filter { ![0, 3].contains($0.offset) }.map(\.element)
            #expect(ids.count == fields.count && !ids[3].text.isEmpty)
            var unitless = ids.map(\.text)
            var expected = fields
            if unitless.count > 3 && expected.count > 3 { (unitless[3], expected[3]) = ("", "") }
            #expect(unitless == expected, "\(cells.map(\.text)) against \(fields)")
            #expect(ids[4].isNumber && ids[6].isNumber, "year and mean are numbers: \(cells)")
        }
    }

    /// `--region sorong`: the workbook has no Sawahlunto sheet and no Sawahlunto row, and its
    /// cells carry the formats a planner reads (a share as a percentage, Rupiah with separators).
    @Test func theWorkbookKeepsTheRegionAndShowsPercentagesAndRupiah() throws {
        let dir = scratchDirectory("xlsx-region")
        defer { try? FileManager.default.removeItem(at: dir) }
        let outcome = try simulate([
            packageRoot.appendingPathComponent("scenarios/baseline.json").path,
            packageRoot.appendingPathComponent("scenarios/budget-plus-50.json").path, "--region", "sorong", "--years", "1",
            "--replications", "2", "--xlsx", "--out", dir.path, "--quiet",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let entries = try Self.unzip(Array(try Data(contentsOf: dir.appendingPathComponent("results.xlsx"))))
        let workbook = String(decoding: entries["xl/workbook.xml"] ?? [], as: UTF8.self)
        #expect(workbook.contains("name=\"Ringkasan Kota Sorong\"") && !workbook.contains("Sawahlunto"), "\(workbook)")
        for (name, bytes) in entries where name.hasPrefix("xl/worksheets/") {
            #expect(!String(decoding: bytes, as: UTF8.self).contains("sawahlunto"), "\(name) has a Sawahlunto row")
        }
        let styles = String(decoding: entries["xl/styles.xml"] ?? [], as: UTF8.self)
        #expect(styles.contains("formatCode=\"0.0%\""))
        // Sheet 1: the share rows' numbers carry style 2 (0.0%), the Rupiah rows' style 3 (#,##0).
        let xml = String(decoding: entries["xl/worksheets/sheet1.xml"] ?? [], as: UTF8.self)
        let rows = xml.components(separatedBy: "<row ").dropFirst()
        let share = try #require(rows.first { $0.contains("<t>porsi</t>") })
        let rupiah = try #require(rows.first { $0.contains("<t>Rupiah</t>") })
        #expect(share.contains("<c s=\"2\"><v>") && !share.contains("<c><v>"), "\(share.prefix(400))")
        #expect(rupiah.contains("<c s=\"3\"><v>") && !rupiah.contains("<c><v>"), "\(rupiah.prefix(400))")
        // Printed, a sheet keeps its rows whole: one page wide, landscape, the header row on every page
        // (LibreOffice printed the summary as 1,971 portrait pages with its columns split before).
        let sheets = entries.filter { $0.key.hasPrefix("xl/worksheets/") }.map { String(decoding: $0.value, as: UTF8.self) }
        #expect(!sheets.isEmpty && sheets.allSatisfy { $0.contains("<pageSetUpPr fitToPage=\"1\"/>") })
        #expect(sheets.allSatisfy { $0.contains("orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"") })
        let titles = "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">&#39;Ringkasan Kota Sorong&#39;!$1:$1</definedName>"
        #expect(workbook.contains(titles), "\(workbook)")
    }
}
