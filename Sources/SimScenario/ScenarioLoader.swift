import Foundation
import SimCore
import SimWorkforce

/// What a what-if asks: whether the region should do something (an option to rank), or what
/// happens when something it does not choose differs: its data, an assumption, an event
/// (compared, never recommended).
public enum ScenarioKind: String, CaseIterable, Sendable {
    case policy
    case context
}

/// A scenario read, merged, validated and compiled: ready to run.
public struct Scenario: Sendable {
    /// Short id used in outputs (the file's `id`, or its name without `.json`).
    public var id: String
    /// Title and question for reports, in one or both languages.
    public var name: LocalizedText
    public var question: LocalizedText
    /// Each region's roster beside the headcount the scenario stated before it.
    public var rosterSizes: [RosterSize] = []
    /// A short title for chart labels (`shortName`).
    public var shortName: LocalizedText?
    /// The metric the brief ranks options by when this scenario is the comparison (`brief.outcome`).
    public var briefOutcome: String?
    /// Whether it is an option a region can choose or about what it does not choose (`kind`).
    public var kind = ScenarioKind.policy
    public var file: String
    /// The merged tree after `extends` and overrides, with defaults filled in (for hashing and reports).
    public var resolved: JSONNode
    public var parameters: ModelParameters
    public var replications: Int
    public var seed: UInt64
    /// JSON path → source, from the scenario and its bases.
    public var sources: [(path: String, source: SourceNote)]
    /// The format paths the compiler read (`*` for ids, `[]` for list elements): a test checks
    /// them against the declared keys.
    public var compiledPaths: Set<String>
    /// The data files read (rosters, booked-session calendars), known by their hash only.
    public var dataFiles: [DataFile] = []
    /// Each region's record files and folders (`regions.<r>.history`), read on demand (``HistoryLoader``).
    public var historySources: [HistorySource] = []
    /// The `uncertainty` block, resolved: each factor with the values it sets.
    public var uncertainty: [UncertainParameter] = []
    /// The `optimise` block, resolved (nil when the file has none).
    public var optimisation: OptimisationProblem?
    /// What loading did on the planner's behalf, to say on stderr: entries inherited for a
    /// region the file removes, dropped with it.
    public var notes: [String] = []
    /// The file as read, to compile again with other overrides without touching the disk.
    public var source: ScenarioSource
}

/// Reads scenario files: parses them with locations, follows `extends`, applies overrides,
/// validates everything, and compiles the model parameters.
public enum ScenarioLoader {
    /// Loads one scenario; throws every problem found at once.
    ///
    /// - Throws: ``ScenarioError`` listing each problem with its file, JSON path and message.
    public static func load(_ path: String, overrides: [Override] = []) throws(ScenarioError) -> Scenario {
        try ScenarioSource(reading: path).compile(overrides: overrides)
    }

    /// A scenario read once (``ScenarioSource``) with `overrides` applied in memory, validated
    /// and compiled.
    static func compile(_ source: ScenarioSource, overrides: [Override]) throws(ScenarioError) -> Scenario {
        let path = source.path
        var merged = source.merged
        let notes = source.notes
        var problems: [Diagnostic] = []
        for override in overrides {
            guard let segments = PathSegment.parse(override.path) else { continue }
            // A table the file leaves to its default (the default domains) is first written out in
            // full, so `--set domains.digital.x=…` changes one domain instead of replacing the table.
            if case .key(let key)? = segments.first, merged[key] == nil,
                let field = ScenarioFormat.root.first(where: { $0.name == key }), case .table = field.type,
                let defaults = field.defaultValue
            {
                _ = merged.set(path: segments.prefix(1), to: JSONNode(defaults))
            }
            if let message = merged.set(path: segments[...], to: override.value) {
                problems.append(Diagnostic(file: "--set", path: override.path, message: "cannot apply --set: \(message)"))
            }
        }
        var validator = ScenarioValidator(file: path)
        // A relative range multiplies the scenario's own value: checked before any draw, never
        // against a drawn value (a corner at 0.78 of a share would be multiplied again to 1.01).
        validator.checksRelativeRanges = !overrides.contains(where: \.isGenerated)
        validator.validate(merged)
        problems += validator.diagnostics.map { blamingInheritance(blamingOverrides($0, overrides), file: path) }
        guard problems.isEmpty else { throw ScenarioError(problems) }
        let resolved = merged.fillingDefaults(ScenarioFormat.root)
        let log = ReadLog()
        var compiler = ScenarioCompiler(root: resolved, raw: merged, file: path, log: log, dataFiles: source.dataFiles)
        let parameters = compiler.compile()
        guard compiler.diagnostics.isEmpty else { throw ScenarioError(compiler.diagnostics, isUnreadableInput: compiler.unreadableInput) }
        let dataNotes = compiler.notes
        let known =
            (Metric.allCases.map(\.id)
                + parameters.domains.flatMap { d in DomainMeasure.allCases.map { MetricKey.domain($0, domain: d.id).id } })
        let unknownMetrics = OptimisationProblem.unknownMetrics(merged, file: path, known: known)
        guard unknownMetrics.isEmpty else { throw ScenarioError(unknownMetrics) }
        let fileName = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let id = merged["id"]?.string ?? fileName
        let sources = source.sources
        var scenario = Scenario(
            id: id, name: merged["name"]?.localizedText ?? LocalizedText(id),
            question: merged["question"]?.localizedText ?? LocalizedText(""),
            file: path, resolved: resolved, parameters: parameters,
            replications: parameters.simulation.replications, seed: UInt64(parameters.simulation.seed),
            sources: sources, compiledPaths: log.paths, dataFiles: compiler.dataFiles,
            uncertainty: uncertainParameters(resolved), optimisation: OptimisationProblem.resolve(resolved), notes: notes + dataNotes,
            source: source)
        scenario.briefOutcome = merged["brief"]?["outcome"]?.string
        scenario.shortName = merged["shortName"]?.localizedText
        scenario.kind = merged["kind"]?.string.flatMap(ScenarioKind.init(rawValue:)) ?? .policy
        scenario.rosterSizes = compiler.rosterSizes
        scenario.historySources = compiler.historySources
        return scenario
    }

    /// A problem found in a value the file inherits (its location is in a base file) names the
    /// file being loaded, where the planner can change it, and says what to write there.
    static func blamingInheritance(_ diagnostic: Diagnostic, file path: String) -> Diagnostic {
        guard let location = diagnostic.location, location.file != path, diagnostic.file != "--set", !diagnostic.path.isEmpty else {
            return diagnostic
        }
        let base = URL(fileURLWithPath: location.file).lastPathComponent
        let mine = URL(fileURLWithPath: path).lastPathComponent
        var blamed = Diagnostic(file: path, path: diagnostic.path, message: diagnostic.message)
        blamed.message +=
            " (inherited from \(base), line \(location.line); write '\(diagnostic.path)' in \(mine) to replace it, or null to drop it)"
        return blamed
    }

    /// The validated `uncertainty` block as factors with their targets and base values.
    static func uncertainParameters(_ resolved: JSONNode) -> [UncertainParameter] {
        (resolved["uncertainty"]?.members ?? []).compactMap { member in
            guard case .success(let leaves) = UncertaintyPaths.leaves(of: member.key, in: resolved),
                let low = member.value["low"]?.number, let high = member.value["high"]?.number
            else { return nil }
            let distribution: UncertainDistribution
            switch member.value["distribution"]?.string ?? "uniform" {
            case "triangular": distribution = .triangular(low: low, mode: member.value["mode"]?.number ?? (low + high) / 2, high: high)
            case "normal":
                distribution = .truncatedNormal(
                    mean: member.value["mean"]?.number ?? (low + high) / 2,
                    sd: member.value["sd"]?.number ?? (high - low) / 4, low: low, high: high)
            default: distribution = .uniform(low: low, high: high)
            }
            let targets = leaves.map { leaf -> UncertainParameter.Target in
                var isInteger = false
                if case .integer = leaf.type { isInteger = true }
                return UncertainParameter.Target(path: leaf.path, base: leaf.node?.number ?? .nan, isInteger: isInteger)
            }
            return UncertainParameter(
                path: member.key, distribution: distribution, relative: member.value["relative"]?.bool ?? false,
                source: member.value["source"]?.sourceNote ?? .asWritten(""), targets: targets)
        }
    }

    /// A problem in a value given with `--set` (it has no place in a file) names `--set`, and a
    /// misspelt key there gets the full path to write.
    static func blamingOverrides(_ diagnostic: Diagnostic, _ overrides: [Override]) -> Diagnostic {
        guard diagnostic.location == nil,
            let override = overrides.last(where: {
                diagnostic.path == $0.path || diagnostic.path.hasPrefix($0.path + ".") || diagnostic.path.hasPrefix($0.path + "[")
            })
        else { return diagnostic }
        var blamed = diagnostic
        blamed.file = "--set"
        guard diagnostic.message.hasPrefix("unknown key"), let mean = diagnostic.message.range(of: "; did you mean '"),
            let close = diagnostic.message[mean.upperBound...].firstIndex(of: "'")
        else { return blamed }
        let key = diagnostic.message[mean.upperBound..<close]
        let parent = diagnostic.path.lastIndex(of: ".").map { String(diagnostic.path[..<$0]) + "." } ?? ""
        let full = diagnostic.path == override.path ? "--set \(parent)\(key)=\(override.text)" : "\(parent)\(key)"
        blamed.message = String(diagnostic.message[..<mean.lowerBound]) + "; did you mean \(full)?"
        return blamed
    }

    /// The file's tree merged onto its bases (`extends`), without defaults.
    static func mergedTree(_ path: String, chain: [String]) throws(ScenarioError) -> JSONNode {
        let canonical = URL(fileURLWithPath: path).standardizedFileURL.path
        if chain.contains(canonical) {
            let cycle = (chain + [canonical]).map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: " → ")
            throw ScenarioError([Diagnostic(file: path, path: "extends", message: "extends forms a cycle: \(cycle)")])
        }
        guard chain.count < extendsDepthLimit else {
            throw ScenarioError([
                Diagnostic(
                    file: path, path: "extends",
                    message: "a chain of more than \(extendsDepthLimit) files extending each other; a what-if needs only a few")
            ])
        }
        let node = try parse(path)
        guard let base = node["extends"] else { return node }
        guard let relative = base.string else {
            throw ScenarioError([
                Diagnostic(
                    file: path, location: base.location, path: "extends", message: "expected a file path, found \(base.value.typeName)")
            ])
        }
        let basePath = resolve(relative, from: path)
        guard FileManager.default.fileExists(atPath: basePath) else {
            throw ScenarioError([
                Diagnostic(
                    file: path, location: base.location, path: "extends", message: "cannot find '\(relative)' (looked for \(basePath))")
            ])
        }
        if case .failure(let why) = readRegularFile(basePath, limit: scenarioFileLimit, statOnly: true) {
            throw ScenarioError(
                [Diagnostic(file: path, location: base.location, path: "extends", message: "cannot read '\(relative)': \(why.text)")],
                isUnreadableInput: true)
        }
        var own = node
        if case .object(let members) = node.value {
            // The child's own id, name and question are never inherited by a later child.
            own = JSONNode(.object(members.filter { $0.key != "extends" }), at: node.location)
        }
        var baseTree = try mergedTree(basePath, chain: chain + [canonical])
        if case .object(let members) = baseTree.value {
            baseTree = JSONNode(
                .object(members.filter { !["id", "name", "shortName", "question", "notes", "kind"].contains($0.key) }),
                at: baseTree.location)
        }
        return baseTree.merged(with: own)
    }

    /// The file an `extends` names: an absolute path as it is, `~/…` in the home directory,
    /// anything else relative to the folder of the file that extends.
    static func resolve(_ reference: String, from path: String) -> String {
        let url: URL
        if reference.hasPrefix("/") {
            url = URL(fileURLWithPath: reference)
        } else if reference == "~" || reference.hasPrefix("~/") {
            let home = ProcessInfo.processInfo.environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path
            url = URL(fileURLWithPath: home).appendingPathComponent(String(reference.dropFirst(2)))
        } else {
            url = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(reference)
        }
        return url.standardizedFileURL.path
    }

    /// The documented limits on what a scenario may ask of the loader (docs/scenario-format.md).
    public static let extendsDepthLimit = 32
    public static let scenarioFileLimit = 16 << 20
    public static let dataFileLimit = 1 << 30

    /// Why a file could not be read, in words.
    public struct ReadFailure: Error, Sendable { public var text: String }

    /// The bytes of a regular file of at most `limit` bytes. A folder, a device (`/dev/zero`), a
    /// file that is too large or one that cannot be opened is refused with a reason.
    public static func readRegularFile(_ path: String, limit: Int, statOnly: Bool = false) -> Result<[UInt8], ReadFailure> {
        var info = stat()
        guard stat(path, &info) == 0 else {
            return .failure(ReadFailure(text: errno == ENOENT ? "no such file" : "cannot open it (\(String(cString: strerror(errno))))"))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failure(ReadFailure(text: "it is a folder; give a file"))
        default: return .failure(ReadFailure(text: "it is not a regular file (a device or a pipe); give a file"))
        }
        guard Int(info.st_size) <= limit else {
            return .failure(ReadFailure(text: "it is \(Int(info.st_size)) bytes, more than the \(limit) this kind of file may have"))
        }
        if statOnly { return .success([]) }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(ReadFailure(text: "cannot read it (check its permissions)"))
        }
        return .success([UInt8](data))
    }

    /// Reads and parses one file: UTF-8 (a byte-order mark is skipped) or UTF-16 with a
    /// byte-order mark; anything else is refused with the line and column of the first byte that
    /// is not UTF-8.
    static func parse(_ path: String) throws(ScenarioError) -> JSONNode {
        let bytes: [UInt8]
        switch readRegularFile(path, limit: scenarioFileLimit) {
        case .success(let read): bytes = read
        case .failure(let why):
            throw ScenarioError([Diagnostic(file: path, path: "", message: "cannot read the file: \(why.text)")], isUnreadableInput: true)
        }
        let text: String
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            text = String(decoding: DelimitedText.utf8(bytes).0, as: UTF8.self)
        } else {
            let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
            guard let valid = String(validating: body, as: UTF8.self) else {
                let at = firstInvalidUTF8(body)
                throw ScenarioError([
                    Diagnostic(
                        file: path, location: at.map { SourceLocation(file: path, line: $0.line, column: $0.column) }, path: "",
                        message: "the file is not UTF-8 text (a byte at this place is not UTF-8); save it as UTF-8")
                ])
            }
            text = valid
        }
        do {
            return try JSONParser.parse(text, file: path)
        } catch {
            throw ScenarioError([Diagnostic(file: path, location: error.location, path: "", message: "invalid JSON: \(error.message)")])
        }
    }

    /// The line and column of the first byte that does not decode as UTF-8.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> (line: Int, column: Int)? {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var consumed = 0
        var line = 1
        var lineStart = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                consumed += String(scalar).utf8.count
                if scalar == "\n" {
                    line += 1
                    lineStart = consumed
                }
            case .emptyInput: return nil
            case .error: return (line, consumed - lineStart + 1)
            }
        }
    }

    static func collectSources(_ path: String, into sources: inout [(String, SourceNote)], chain: [String]) {
        guard chain.count < 16, let node = try? parse(path) else { return }
        if let base = node["extends"]?.string {
            collectSources(resolve(base, from: path), into: &sources, chain: chain + [path])
        }
        for member in node["sources"]?.members ?? [] {
            if let text = member.value.sourceNote {
                sources.removeAll { $0.0 == member.key }
                sources.append((member.key, text))
            }
        }
    }
}
