import SimCore
import SimExperiment
import SimWorkforce

/// `results.xlsx`: the run's tables as an Office Open XML workbook, written by hand (the package
/// has no dependencies). Numbers are typed as numbers, rounded as in the CSVs, so each cell equals
/// its CSV value; headers are in the brief's language. Sheets: a wide summary per region (metrics
/// as rows, scenarios as columns, then each what-if's difference), then the yearly, timeseries,
/// counters, decisions and programmes tables.
public enum Workbook {
    public static func make(
        _ result: ExperimentResult, labels: [ScenarioLabels], baseline: Int, language: Language, region only: String? = nil
    ) -> [UInt8] {
        let t = language.pick
        var regions = labels[baseline].regionIDs
        for label in labels where label.isReported { for id in label.regionIDs where !regions.contains(id) { regions.append(id) } }
        if let only { regions = regions.filter { $0 == only } }
        var sheets: [(name: String, table: ResultTable)] = regions.map { region in
            (
                t("Ringkasan ", "Summary ") + regionName(region, labels: labels, baseline: baseline),
                summary(result, labels: labels, baseline: baseline, region: region, language: language)
            )
        }
        let tables: [(String, ResultTable)] = [
            (t("Tahunan", "Yearly"), ResultTables.yearly(result, labels: labels)),
            (t("Deret waktu", "Timeseries"), ResultTables.timeseries(result, labels: labels)),
            (t("Loket", "Counters"), ResultTables.services(result, labels: labels)),
            (t("Keputusan", "Decisions"), ResultTables.decisions(result, labels: labels)),
            (t("Program", "Programmes"), ResultTables.programmes(result, labels: labels)),
        ]
        // Metrics and scenarios by name, beside the ids the CSVs use.
        var metricNames: [String: String] = [:]
        for regions in result.catalogues {
            for catalogue in regions { for m in catalogue.metrics { metricNames[m.id] = m.label.text(in: language) } }
        }
        let scenarioNames = Dictionary(labels.map { ($0.id, $0.name.text(in: language)) }, uniquingKeysWith: { a, _ in a })
        sheets += tables.map { name, table in
            let named = table.inserting("metric_name", before: "metric") { metricNames[$0] }
                .inserting("measure_name", before: "measure") { id in
                    CounterMeasure.allCases.first { $0.name == id }?.definition(unit: "").label.text(in: language)
                }
                .inserting("scenario_name", before: "scenario") { scenarioNames[$0] }
            return (name, only.map { named.keeping(region: $0) } ?? named)
        }
        var zip = ZipArchive()
        zip.add("[Content_Types].xml", Array(contentTypes(sheets.count).utf8))
        zip.add("_rels/.rels", Array(packageRelations.utf8))
        zip.add("xl/workbook.xml", Array(workbook(sheets.map { sheetName($0.name) }).utf8))
        zip.add("xl/_rels/workbook.xml.rels", Array(workbookRelations(sheets.count).utf8))
        zip.add("xl/styles.xml", Array(styles.utf8))
        for (i, sheet) in sheets.enumerated() {
            zip.add(
                "xl/worksheets/sheet\(i + 1).xml", Array(worksheet(sheet.table, language: language, comparison: labels[baseline].id).utf8))
        }
        return zip.finished()
    }

    static func regionName(_ region: String, labels: [ScenarioLabels], baseline: Int) -> String {
        for label in [labels[baseline]] + labels { if let r = label.region(region) { return label.regionName(r) } }
        return region
    }

    /// One region's horizon values as a planner reads them: per metric (named in words) and
    /// scenario (by name), the value and its 95% interval, then the paired difference from the
    /// comparison and its interval; the metric's id closes the row, to join with the CSVs.
    ///
    /// Each cell is found by the region's id and the metric's key in its own scenario; a scenario
    /// without the region or the series has no row, and a difference where the comparison has
    /// nothing to compare with is left empty.
    static func summary(_ result: ExperimentResult, labels: [ScenarioLabels], baseline: Int, region: String, language: Language)
        -> ResultTable
    {
        let shown = labels.indices.filter { labels[$0].isReported && result.region($0, region) != nil }
        var table = ResultTable()
        table.row(
            [
                "metric_name", "unit", "scenario_name", "mean", "ci_low", "ci_high", "delta_vs_baseline", "delta_ci_low", "delta_ci_high",
                "metric",
            ]
            .map(CSVField.identifier))
        // The rows: every region-level series any shown scenario reports here, the baseline's first.
        var rows: [MetricDefinition] = []
        for s in [baseline] + shown {
            guard let r = result.region(s, region) else { continue }
            for metric in result.catalogues[s][r].metrics where metric.isRegionLevel && !rows.contains(metric) { rows.append(metric) }
        }
        for metric in rows {
            for s in shown {
                guard let r = result.region(s, region), let m = result.metric(s, r, metric.key) else { continue }
                let value = Estimate(result.horizon[s][r][m])
                let delta = (result.hasBaseline ? result.horizonDifference(s, r, m) : nil).map(Estimate.init)
                table.row(
                    [
                        .userText(metric.label.text(in: language)), .identifier(metric.unit), .userText(labels[s].name.text(in: language)),
                        .number(value.mean), .number(value.low), .number(value.high),
                        .number(delta?.mean ?? .nan), .number(delta?.low ?? .nan), .number(delta?.high ?? .nan),
                        .identifier(metric.id),
                    ])
            }
        }
        return table
    }

    // MARK: - Parts

    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    static func contentTypes(_ sheets: Int) -> String {
        header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + (1...sheets).map {
                "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            }.joined()
            + "</Types>"
    }

    static let packageRelations =
        header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationships)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"

    /// The sheets, each printing its header row on every page (`_xlnm.Print_Titles`).
    static func workbook(_ names: [String]) -> String {
        header + "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relationships)\"><sheets>"
            + names.enumerated().map { "<sheet name=\"\(xml($1))\" sheetId=\"\($0 + 1)\" r:id=\"rId\($0 + 1)\"/>" }.joined()
            + "</sheets><definedNames>"
            + names.enumerated().map { i, name in
                let quoted = "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
                return "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(i)\">\(xml(quoted))!$1:$1</definedName>"
            }.joined()
            + "</definedNames></workbook>"
    }

    /// How a sheet prints: A4 landscape, every column on one page's width (as many pages down as
    /// it needs), so a printed table keeps each row whole instead of splitting its columns.
    static let pageSetup =
        "<pageMargins left=\"0.4\" right=\"0.4\" top=\"0.6\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>"
        + "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"

    static func workbookRelations(_ sheets: Int) -> String {
        header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + (1...sheets).map {
                "<Relationship Id=\"rId\($0)\" Type=\"\(relationships)/worksheet\" Target=\"worksheets/sheet\($0).xml\"/>"
            }.joined()
            + "<Relationship Id=\"rId\(sheets + 1)\" Type=\"\(relationships)/styles\" Target=\"styles.xml\"/></Relationships>"
    }

    /// Cell formats by index: 0 plain, 1 bold (the header row), 2 a share as a percentage
    /// (`0.0%`), 3 Rupiah and people with thousands separators (`#,##0`), 4 other numbers
    /// (`#,##0.00`), 5 competency levels (`0.000`: a difference of a few thousandths is real).
    static let styles =
        header + "<styleSheet xmlns=\"\(main)\">"
        + "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"0.0%\"/><numFmt numFmtId=\"165\" formatCode=\"0.000\"/></numFmts>"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"6\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
        + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"3\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"4\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"

    /// The cell format of a row's numbers, from its unit: shares as percentages, Rupiah and
    /// people with thousands separators, levels and other measures with two decimals.
    static func numberStyle(unit: String?) -> Int {
        switch unit {
        case "share", "share per year", "share of budget": return 2
        case "Rupiah", "people", "requests", "visits", "complaints", "staff-days", "posts", "projects": return 3
        case nil: return 0
        case let unit? where unit.hasPrefix("level"): return 5
        default: return 4
        }
    }

    /// One table as a worksheet: the header row bold and frozen, numbers as numbers, empty
    /// numbers (NaN) as empty cells, text inline.
    static func worksheet(_ table: ResultTable, language: Language, comparison: String) -> String {
        var out =
            header + "<worksheet xmlns=\"\(main)\"><sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
            + "<sheetViews><sheetView workbookViewId=\"0\">"
            + "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
            + columnWidths(table, language: language, comparison: comparison) + "<sheetData>"
        out.reserveCapacity(table.rows.count * 160)
        let unitColumn = table.rows.first?.firstIndex { if case .identifier("unit") = $0 { return true } else { return false } }
        for (i, row) in table.rows.enumerated() {
            out += "<row r=\"\(i + 1)\">"
            var unit: String?
            if let unitColumn, i > 0, unitColumn < row.count, case .identifier(let text) = row[unitColumn] { unit = text }
            let style = numberStyle(unit: unit)
            for (c, field) in row.enumerated() {
                switch field {
                case .identifier(let s) where i > 0 && c == unitColumn:
                    out += "<c t=\"inlineStr\"><is><t>\(cellText(WorkbookHeaders.unit(s, language)))</t></is></c>"
                case .number(let x) where x.isNaN: out += "<c/>"
                case .number(let x): out += "<c\(style > 0 ? " s=\"\(style)\"" : "")><v>\(formatNumber(x))</v></c>"
                case .integer(let n): out += "<c><v>\(n)</v></c>"
                case .identifier(let s):
                    out +=
                        i == 0
                        ? "<c s=\"1\" t=\"inlineStr\"><is><t>\(cellText(WorkbookHeaders.title(s, language, comparison: comparison)))</t></is></c>"
                        : "<c t=\"inlineStr\"><is><t>\(cellText(s))</t></is></c>"
                case .userText(let s):
                    out += "<c\(i == 0 ? " s=\"1\"" : "") t=\"inlineStr\"><is><t xml:space=\"preserve\">\(cellText(s))</t></is></c>"
                }
            }
            out += "</row>"
        }
        return out + "</sheetData>" + pageSetup + "</worksheet>"
    }

    /// Each column as wide as its widest text among the header and the first 500 rows (8 to 50 characters).
    static func columnWidths(_ table: ResultTable, language: Language, comparison: String) -> String {
        var widths: [Int] = []
        for (i, row) in table.rows.prefix(501).enumerated() {
            for (c, field) in row.enumerated() {
                let length: Int
                switch field {
                case .number(let x): length = x.isNaN ? 0 : formatNumber(x).count
                case .integer(let n): length = String(n).count
                case .identifier(let text): length = (i == 0 ? WorkbookHeaders.title(text, language, comparison: comparison) : text).count
                case .userText(let text): length = text.count
                }
                if c >= widths.count { widths.append(0) }
                widths[c] = max(widths[c], length)
            }
        }
        guard !widths.isEmpty else { return "" }
        return "<cols>"
            + widths.enumerated().map {
                "<col min=\"\($0 + 1)\" max=\"\($0 + 1)\" width=\"\(min(50, max(8, $1 + 2)))\" customWidth=\"1\"/>"
            }.joined() + "</cols>"
    }

    /// Text as XML 1.0 allows it: escaped, control characters other than tab and line breaks dropped.
    static func cellText(_ s: String) -> String {
        xml(String(s.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\t" || $0 == "\n" || $0 == "\r" }.map(Character.init)))
    }

    /// Sheet names: at most 31 characters, none of `[]:*?/\`.
    static func sheetName(_ name: String) -> String {
        String(name.filter { !"[]:*?/\\".contains($0) }.prefix(31))
    }
}
