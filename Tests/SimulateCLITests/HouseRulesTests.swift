import Foundation
import Testing

/// The house's standing rules, checked on every run: the command-line tool stays a thin layer over
/// the libraries (parsing, I/O, progress and the one error printer; study logic goes into the
/// libraries, where it is tested without the binary), modules depend one way, and no file or
/// function grows past what a reader takes in.
@Suite struct HouseRulesTests {
    /// 800 lines held twelve commands; the budget grew by 100 with `history` and `history-check`,
    /// whose reading, comparing and writing live in SimScenario, SimReport and SimCommandLine
    /// (the two commands are their help text, argument checks and output).
    static let lineBudget = 900

    @Test func theToolFitsItsLineBudget() throws {
        let folder = packageRoot.appendingPathComponent("Sources/simulate")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
        let lines = try files.reduce(0) { sum, file in
            sum + (try read(folder.appendingPathComponent(file))).split(separator: "\n", omittingEmptySubsequences: false).count - 1
        }
        #expect(files.count >= 10, "Sources/simulate was not found where the test looks")
        #expect(lines <= Self.lineBudget, "Sources/simulate has \(lines) lines; move study logic into the libraries")
    }

    /// Every option a command reads must be one it declares (reading another traps): a roster
    /// template drawn from a scenario reads the scenario's overrides, which once read --years.
    @Test func rosterTemplateFromAScenarioRuns() throws {
        let headers = try simulate(["roster-template", "scenarios/baseline.json", "--lang", "en"])
        #expect(headers.status == 0, "\(headers.stderr)")
        #expect(headers.stdout.hasPrefix("NIP,"))
        let synthetic = try simulate([
            "roster-template", "scenarios/baseline.json", "--synthetic", "sawahlunto", "--seed", "3",
            "--set", "regions.sawahlunto.headcount=40",
        ])
        #expect(synthetic.status == 0, "\(synthetic.stderr)")
        #expect(synthetic.stdout.split(separator: "\r\n").count == 41)
    }

    /// `roster-check` prints its report on stdout and, when the roster still would not load, the
    /// problems by row and column on stderr with exit 65; a missing --region or file is a usage or
    /// input error. (What the report says is tested in RosterCheckTests.)
    @Test func rosterCheckExitsByWhetherTheRosterLoads() throws {
        let fixture = "Tests/SimScenarioTests/BrokenRosters/"
        let check = try simulate(["roster-check", fixture + "siasn-city.csv", "--region", "city", "--scenario", fixture + "city.json"])
        #expect(check.status == 65 && check.stdout.contains("\"rosterMapping\": {") && check.stderr.contains("siasn-city.csv:11:2: error"))
        let good = try simulate([
            "roster-check", fixture + "siasn-export.csv", "--region", "town", "--scenario", fixture + "town.json", "--set",
            #"regions.town.units.dukcapil.name="Dinas Kependudukan dan Pencatatan Sipil""#, "--set",
            #"regions.town.units.kantor.name="Sekretariat Daerah""#,
        ])
        #expect(
            good.status == 0 && good.stdout.contains("As it is the roster loads: 8 employees") && !good.stderr.contains("error"), "\(good)")
        // A scenario that already names the broken roster does not stop the check of it.
        let named = try simulate([
            "roster-check", fixture + "siasn-city.csv", "--region", "city", "--scenario", fixture + "city-with-roster.json",
        ])
        #expect(named.status == 65 && named.stdout == check.stdout, "\(named.stderr)")
        #expect(try simulate(["roster-check", fixture + "siasn-city.csv"]).status == 64)
        let nowhere = try simulate(["roster-check", fixture + "siasn-city.csv", "--region", "nowhere", "--scenario", fixture + "city.json"])
        #expect(nowhere.status == 65 && nowhere.stderr.contains("no region 'nowhere'"), "\(nowhere.stderr)")
        let missing = try simulate(["roster-check", "nowhere.csv", "--region", "sorong"])
        #expect(missing.status == 66 && missing.stderr.hasPrefix("nowhere.csv"), "\(missing)")
    }

    static let fileLineLimit = 400
    static let functionLineLimit = 80

    static func swiftFiles(under folder: String) -> [URL] {
        let root = packageRoot.appendingPathComponent(folder)
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        return (walker?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "swift" }.sorted { $0.path < $1.path }
    }

    @Test func noFileIsLongerThanTheLimit() throws {
        let files = Self.swiftFiles(under: "Sources") + Self.swiftFiles(under: "Tests")
        #expect(files.count > 100)
        for file in files {
            let lines = try read(file).split(separator: "\n", omittingEmptySubsequences: false).count - 1
            #expect(lines <= Self.fileLineLimit, "\(file.path): \(lines) lines; split it by what its parts do")
        }
    }

    @Test func noFunctionIsLongerThanTheLimit() throws {
        var measured = 0
        for file in Self.swiftFiles(under: "Sources") + Self.swiftFiles(under: "Tests") {
            for function in Self.functions(in: try read(file)) {
                measured += 1
                #expect(
                    function.lines <= Self.functionLineLimit,
                    "\(file.lastPathComponent):\(function.line): a function of \(function.lines) lines; give its parts names")
            }
        }
        #expect(measured > 1000)
    }

    /// Finds the functions, initialisers and subscripts of Swift source and their length from the
    /// declaration to the closing brace (braces in strings and comments are left out).
    static func functions(in text: String) -> [(line: Int, lines: Int)] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let declaration = try! Regex(
            #"^\s*(@\w+(\([^)]*\))?\s+)*((public|private|fileprivate|internal|static|mutating|nonisolated|override|final|convenience|required|class)\s+)*(func\s|init[?(<\s]|subscript)"#
        )
        func braces(_ line: String) -> Int {
            var depth = 0
            var inString = false
            var escaped = false
            var previous: Character = " "
            for character in line {
                if inString {
                    if escaped {
                        escaped = false
                    } else if character == "\\" {
                        escaped = true
                    } else if character == "\"" {
                        inString = false
                    }
                } else if character == "\"" {
                    inString = true
                } else if character == "/" && previous == "/" {
                    break
                } else if character == "{" {
                    depth += 1
                } else if character == "}" {
                    depth -= 1
                }
                previous = character
            }
            return depth
        }
        var found: [(Int, Int)] = []
        for start in lines.indices where lines[start].firstMatch(of: declaration) != nil {
            var depth = 0
            var opened = false
            for end in start..<lines.count {
                let change = braces(lines[end])
                depth += change
                if lines[end].contains("{") { opened = true }
                if opened && depth <= 0 {
                    found.append((start + 1, end - start + 1))
                    break
                }
            }
        }
        return found
    }

    /// Modules depend one way: Core <- Workforce <- Scenario <- Experiment <- {Report, Shard} <-
    /// Output <- CommandLine <- simulate, with Sensitivity and Optimise on Core alone.
    @Test func modulesDependOneWay() throws {
        let rank = [
            "SimCore": 0, "SimWorkforce": 1, "SimSensitivity": 1, "SimOptimise": 1, "SimScenario": 2, "SimExperiment": 3,
            "SimReport": 4, "SimShard": 4, "SimOutput": 5, "SimCommandLine": 6, "simulate": 7,
        ]
        let manifest = try read(packageRoot.appendingPathComponent("Package.swift"))
        let target = try Regex(#"\.(?:target|executableTarget)\(\s*name: "(\w+)",\s*dependencies: \[([^\]]*)\]"#)
        var checked = 0
        for match in manifest.matches(of: target) {
            guard let name = match.output[1].substring.map(String.init), let mine = rank[name],
                let list = match.output[2].substring
            else { continue }
            let dependencies = list.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" \n")) }
            for dependency in dependencies where !dependency.isEmpty {
                let theirs = try #require(rank[dependency], "\(name) depends on \(dependency), which has no place in the layering")
                #expect(theirs < mine, "\(name) depends on \(dependency), which is not below it")
            }
            if name == "SimSensitivity" || name == "SimOptimise" { #expect(dependencies == ["SimCore"]) }
            checked += 1
        }
        #expect(checked == rank.count - 1)  // SimCore declares no dependencies
    }
}
