import Foundation
import FoundationXML
import Testing

/// The brief as a reader gets it, from bundled scenarios (short runs): charts whose labels never
/// overlap, numbers rounded to what their intervals support, first-page figures equal to the CSV,
/// each language free of the other's words, untouched regions said in one line, and --region.
@Suite(.serialized) struct BriefTests {
    /// One short run of every bundled scenario per language, shared by the tests (4 replications, 2 years).
    static let runs: [String: URL] = {
        var dirs: [String: URL] = [:]
        let folder = packageRoot.appendingPathComponent("scenarios")
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".json") && !$0.contains("schema") }.sorted().map { folder.appendingPathComponent($0).path }
        for language in ["id", "en"] {
            let dir = scratchDirectory("brief-\(language)")
            _ = try? simulate(files + ["--replications", "4", "--years", "2", "--lang", language, "--out", dir.path, "--force", "--quiet"])
            dirs[language] = dir
        }
        let sweep = scratchDirectory("brief-sweep")
        _ = try? simulate([
            "sweep", packageRoot.appendingPathComponent("scenarios/baseline.json").path, "--vary",
            "regions.sorong.budget.rupiahPerYear=0:2e9:3",
            "--replications", "2", "--years", "1", "--out", sweep.path, "--force", "--quiet",
        ])
        dirs["sweep"] = sweep
        return dirs
    }()

    static func page(_ key: String, _ name: String) throws -> String { try read(runs[key]!.appendingPathComponent(name)) }

    // MARK: - Layout

    /// The box of every text in every chart, from its font size and a table of character widths
    /// (independent of the one the charts use): no two overlap and none leaves the viewBox.
    @Test(arguments: [("id", "brief.html"), ("en", "brief.html"), ("sweep", "sweep.html")])
    func chartLabelsNeitherOverlapNorLeaveTheChart(run: String, file: String) throws {
        let texts = SVGTexts()
        let parser = XMLParser(data: Data(try Self.page(run, file).utf8))
        parser.delegate = texts
        #expect(parser.parse(), "\(file) is not well-formed")
        #expect(texts.charts.count >= (file == "sweep.html" ? 5 : 6))
        for chart in texts.charts {
            for (i, a) in chart.texts.enumerated() {
                #expect(
                    a.box.x0 >= 0 && a.box.y0 >= 0 && a.box.x1 <= chart.width && a.box.y1 <= chart.height,
                    "'\(a.content)' leaves the viewBox of '\(chart.title)'")
                for b in chart.texts[(i + 1)...] where a.box.overlaps(b.box) {
                    Issue.record("'\(a.content)' overlaps '\(b.content)' in '\(chart.title)'")
                }
            }
            #expect(!chart.title.isEmpty && !chart.description.isEmpty, "every chart has a <title> and a <desc>")
        }
    }

    // MARK: - Rounding

    /// Decimal places a half-width supports: the last digit shown is the smallest power of ten at
    /// least as large as the half-width (the issue's rule: 0.004 shows two decimals), plus up to
    /// two where a significant interval would otherwise show its mean or an end as zero.
    static func allowedPlaces(halfWidth: Double, governing: (Double, Double, Double), scale: Double) -> Int {
        var places = 0
        let (mean, low, high) = governing
        // No interval (the same value in every replication): three significant digits.
        guard halfWidth > 0 else { return mean == 0 ? 0 : max(0, 2 - Int(log10(abs(mean * scale)).rounded(.down))) }
        while pow(10, -Double(places + 1)) >= halfWidth * scale && places < 6 { places += 1 }
        guard low > 0 || high < 0 else { return places }
        let base = places
        while places < base + 2 && [mean, low, high].contains(where: { (abs($0 * scale) * pow(10, Double(places))).rounded() == 0 }) {
            places += 1
        }
        return places
    }

    /// The numbers in a figure's text, as written (`−12`, `1,68`, `Rp 5,1 miliar` → `5,1`,
    /// `−Rp 169 juta` → `−169`).
    static func numbers(in text: String, decimalMark: Character) -> [(value: Double, places: Int)] {
        let text = text.replacingOccurrences(of: "Rp ", with: "")
        var out: [(Double, Int)] = []
        var current = ""
        func flush() {
            defer { current = "" }
            guard current.contains(where: \.isNumber) else { return }
            let places = current.firstIndex(of: decimalMark).map { current.distance(from: $0, to: current.endIndex) - 1 } ?? 0
            let normal = current.replacingOccurrences(of: decimalMark == "," ? "." : ",", with: "")
                .replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: "−", with: "-")
            if let value = Double(normal) { out.append((value, places)) }
        }
        for c in text {
            if c.isNumber || c == "." || c == "," || ((c == "−" || c == "-" || c == "+") && current.isEmpty) {
                current.append(c)
            } else {
                flush()
            }
        }
        flush()
        return out.filter { !($0.0 == 95 && $0.1 == 0) }  // the "95%" of "IK 95%"
    }

    @Test(arguments: ["id", "en"])
    func noFigureShowsMoreDigitsThanItsIntervalSupports(language: String) throws {
        let figures = try FigureSpans.parse(Self.page(language, "brief.html"))
        #expect(figures.count > 100)
        for figure in figures {
            let allowed = Self.allowedPlaces(
                halfWidth: figure.number("data-half-width"),
                governing: (figure.number("data-ci-mean"), figure.number("data-ci-low"), figure.number("data-ci-high")),
                scale: figure.number("data-scale"))
            for number in Self.numbers(in: figure.text, decimalMark: language == "id" ? "," : ".") {
                #expect(
                    number.places <= allowed,
                    "'\(figure.text)' shows \(number.places) decimals; its interval supports \(allowed): \(figure.attributes)")
            }
        }
    }

    /// Every horizon figure of the first page is the summary.csv value it names, rounded.
    @Test(arguments: ["id", "en"])
    func firstPageFiguresAreTheCSVValuesRounded(language: String) throws {
        let summary = parseCSV(try Self.page(language, "summary.csv")).dropFirst()
        var checked = 0
        for figure in try FigureSpans.parse(Self.page(language, "brief.html"))
        where figure.attributes["data-period"] == "horizon"
            && figure.attributes["data-metric"]?.hasPrefix("counter.") == false
            && figure.attributes["data-metric"]?.hasPrefix("programme.") == false  // programmes.csv: SummaryPageTests
        {
            let a = figure.attributes
            let row = summary.first { $0[0] == a["data-scenario"] && $0[1] == a["data-region"] && $0[2] == a["data-metric"] }
            let column: Int
            switch a["data-role"] {
            case "baseline", "value": column = 4
            case "delta": column = 8
            default: column = 9
            }
            #expect(row?[column] == a["data-value"], "\(a)")
            if a["data-role"] == "interval" { #expect(row?[10] == a["data-high"]) }
            let shown = Self.numbers(in: figure.text, decimalMark: language == "id" ? "," : ".")
            guard let first = shown.first, let value = Double(a["data-value"] ?? "") else { continue }
            let scale = figure.number("data-scale")
            #expect(
                abs(first.value - value * scale) <= 0.5 * pow(10, -Double(first.places)) + 1e-9, "'\(figure.text)' is not \(value) rounded")
            checked += 1
        }
        #expect(checked > 50)
    }

    /// The service-counter table's figures are the rows of services.csv they name (scenario,
    /// region, counter, measure, year), rounded as the first page's are.
    @Test(arguments: ["id", "en"])
    func counterFiguresAreTheServicesCSV(language: String) throws {
        let services = parseCSV(try Self.page(language, "services.csv")).dropFirst()
        var checked = 0
        for figure in try FigureSpans.parse(Self.page(language, "brief.html"))
        where figure.attributes["data-metric"]?.hasPrefix("counter.") == true {
            let a = figure.attributes
            let id = (a["data-metric"] ?? "").dropFirst("counter.".count)
            let counter = String(id.prefix { $0 != "." })
            let measure = String(id.drop { $0 != "." }.dropFirst())
            let row = services.first {
                $0[0] == a["data-scenario"] && $0[1] == a["data-region"] && $0[2] == counter && $0[3] == measure
                    && $0[5] == a["data-period"]
            }
            #expect(row?[a["data-role"] == "delta" ? 10 : 6] == a["data-value"], "\(a)")
            checked += 1
        }
        #expect(checked >= 4, "the bundled what-ifs change some counter, so the table has figures")
    }

    // MARK: - Language

    static let englishWords = [
        "the", "and", "of", "with", "from", "budget", "competency", "scenario", "significant", "difference", "share", "wait",
        "replications", "end",
    ]
    static let indonesianWords = [
        "dan", "yang", "dari", "anggaran", "kompetensi", "skenario", "berbeda", "nyata", "selisih", "akhir", "replikasi", "tidak",
    ]

    /// The words of a text, leaving out dotted identifiers (scenario paths such as
    /// `regions.sorong.budget.rupiahPerYear`, metric ids), which are the same in both languages.
    static func words(_ text: String) -> Set<String> {
        let tokens = text.lowercased().split { $0.isWhitespace }.filter { token in
            !zip(token, token.dropFirst(2)).enumerated().contains { i, pair in
                pair.0.isLetter && token[token.index(token.startIndex, offsetBy: i + 1)] == "." && pair.1.isLetter
            }
        }
        return Set(tokens.flatMap { $0.split { !$0.isLetter && $0 != "-" }.map(String.init) })
    }

    /// The visible text of the Indonesian brief holds none of the English fixed words and the
    /// reverse. Quoted source text marked `lang` (the scenario's own notes) is left out.
    @Test(arguments: [("id", englishWords), ("en", indonesianWords)])
    func eachLanguageKeepsToItsOwnWords(language: String, foreign: [String]) throws {
        let text = VisibleText()
        let parser = XMLParser(data: Data(try Self.page(language, "brief.html").utf8))
        parser.delegate = text
        #expect(parser.parse())
        let words = Self.words(text.text)
        for word in foreign { #expect(!words.contains(word), "'\(word)' in the \(language) brief") }
        let sweep = VisibleText()
        let sweepParser = XMLParser(data: Data(try Self.page("sweep", "sweep.html").utf8))
        sweepParser.delegate = sweep
        #expect(sweepParser.parse())
        if language == "id" {
            let sweepWords = Self.words(sweep.text)
            for word in foreign { #expect(!sweepWords.contains(word), "'\(word)' in the Indonesian sweep page") }
        }
    }

    // MARK: - Regions

    /// A what-if that changes only Sorong's budget leaves Sawahlunto exactly as it is (each
    /// region has its own random streams): one line, no figures, no zeros. A what-if that changes
    /// both regions (`budget-cut-30`) has figures in both, so the rule is not applied blindly.
    @Test func aRegionAWhatIfDoesNotTouchIsOneLine() throws {
        let dir = scratchDirectory("brief-untouched")
        defer { try? FileManager.default.removeItem(at: dir) }
        let scenarios = packageRoot.appendingPathComponent("scenarios").path
        let sorongOnly = dir.appendingPathComponent("sorong-more.json")
        try
            #"{ "schemaVersion": 1, "extends": "\#(scenarios)/baseline.json", "id": "sorong-more", "regions": { "sorong": { "budget": { "rupiahPerYear": 2.2e9 } } } }"#
            .write(to: sorongOnly, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out")
        let run = try simulate([
            scenarios + "/baseline.json", sorongOnly.path, scenarios + "/budget-cut-30.json", "--years", "1", "--replications", "2",
            "--out", out.path, "--quiet",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let markdown = try read(out.appendingPathComponent("brief.md"))
        #expect(markdown.contains("- Kota Sawahlunto: tidak berubah (skenario ini tidak mengubah wilayah ini)."))
        let figures = try FigureSpans.parse(read(out.appendingPathComponent("brief.html")))
        #expect(!figures.contains { $0.attributes["data-scenario"] == "sorong-more" && $0.attributes["data-region"] == "sawahlunto" })
        for region in ["sawahlunto", "sorong"] {
            #expect(figures.contains { $0.attributes["data-scenario"] == "budget-cut-30" && $0.attributes["data-region"] == region })
        }
    }

    @Test func regionLimitsTheBriefToOneRegion() throws {
        let dir = scratchDirectory("brief-region")
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = ["baseline", "budget-cut-30"].map { packageRoot.appendingPathComponent("scenarios/\($0).json").path }
        let outcome = try simulate(files + ["--replications", "2", "--years", "1", "--region", "sorong", "--out", dir.path, "--quiet"])
        #expect(outcome.status == 0)
        let figures = try FigureSpans.parse(read(dir.appendingPathComponent("brief.html")))
        #expect(!figures.isEmpty && figures.allSatisfy { $0.attributes["data-region"] == "sorong" })
        #expect(try simulate(files + ["--region", "padang", "--out", dir.path, "--force", "--quiet"]).status == 64)
    }
}

/// Text elements of each SVG chart with their boxes (font size × a character-width table).
final class SVGTexts: NSObject, XMLParserDelegate {
    struct Box {
        var x0, y0, x1, y1: Double
        func overlaps(_ o: Box) -> Bool { x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1 }
    }
    struct Text {
        var content: String
        var box: Box
    }
    struct Chart { var width = 0.0, height = 0.0, title = "", description = "", texts: [Text] = [] }
    var charts: [Chart] = []
    private var open: [String: String]?
    private var content = ""
    private var element = ""

    /// Em widths: narrow letters 0.28, wide ones 0.85, capitals and digits 0.62, the rest 0.52.
    static func width(_ s: String, size: Double, bold: Bool) -> Double {
        s.reduce(0.0) { sum, c in
            let em: Double =
                "iljtfr.,:;'|!()[] I".contains(c) ? 0.28 : "mwMW—%".contains(c) ? 0.85 : (c.isUppercase || c.isNumber) ? 0.62 : 0.52
            return sum + em
        } * size * (bold ? 1.05 : 1)
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        element = name
        content = ""
        if name == "svg" {
            let box = (attributes["viewBox"] ?? "").split(separator: " ").compactMap { Double($0) }
            charts.append(Chart(width: box.count == 4 ? box[2] : 0, height: box.count == 4 ? box[3] : 0))
        }
        if name == "text" { open = attributes }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { content += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard !charts.isEmpty else { return }
        switch name {
        case "title" where charts[charts.count - 1].title.isEmpty: charts[charts.count - 1].title = content
        case "desc": charts[charts.count - 1].description = content
        case "text":
            guard let a = open, let x = Double(a["x"] ?? ""), let y = Double(a["y"] ?? ""), let size = Double(a["font-size"] ?? "") else {
                Issue.record("a chart text without x, y and font-size: \(open ?? [:])")
                return
            }
            let w = Self.width(content, size: size, bold: a["font-weight"] == "bold")
            let left = a["text-anchor"] == "middle" ? x - w / 2 : a["text-anchor"] == "end" ? x - w : x
            charts[charts.count - 1].texts.append(
                Text(content: content, box: Box(x0: left, y0: y - 0.75 * size, x1: left + w, y1: y + 0.2 * size)))
            open = nil
        default: break
        }
        content = ""
    }
}

/// The figures of the brief's prose and tables (`<span class="fig">`), with their data.
struct FigureSpans {
    var attributes: [String: String]
    var text: String
    func number(_ key: String) -> Double { Double(attributes[key] ?? "") ?? .nan }

    static func parse(_ html: String) throws -> [FigureSpans] {
        final class Collector: NSObject, XMLParserDelegate {
            var spans: [FigureSpans] = []
            var current: FigureSpans?
            func parser(
                _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]
            ) {
                if name == "span" && attributes["class"] == "fig" { current = FigureSpans(attributes: attributes, text: "") }
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) { current?.text += string }
            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
                if name == "span", let span = current {
                    spans.append(span)
                    current = nil
                }
            }
        }
        let collector = Collector()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = collector
        #expect(parser.parse(), "brief.html is not well-formed")
        return collector.spans
    }
}

/// The text a reader sees: no markup, no `<style>`, no `<title>`/`<desc>` of charts, and no
/// passage marked with a `lang` of its own.
final class VisibleText: NSObject, XMLParserDelegate {
    var text = ""
    private var hidden = 0
    private var stack: [Bool] = []
    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        let hides = ["style", "title", "desc"].contains(name) || (attributes["lang"] != nil && name != "html")
        stack.append(hides)
        if hides { hidden += 1 }
        text += " "
    }
    // The parser may hand one run of text over in several pieces, cutting a word ("of" + "fice"):
    // pieces join as they are, and element boundaries part words.
    func parser(_ parser: XMLParser, foundCharacters string: String) { if hidden == 0 { text += string } }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if stack.popLast() == true { hidden -= 1 }
        text += " "
    }
}
