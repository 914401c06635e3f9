import Foundation
import SimScenario
import SimWorkforce
import Testing

/// Every parameter is declared once, beside the struct that holds it; these tests prove the
/// declarations, the structs and the compiler agree, so a key cannot be misspelt between them.
@Suite struct ParameterDeclarationTests {
    /// Every parameter group of the model, with the stored properties that are not file keys
    /// (`id`: the group's key in its table).
    static let groups: [(name: String, check: @Sendable () -> [String])] = [
        ("SimulationParameters", { problems(SimulationParameters.self) }),
        ("LearningParameters", { problems(LearningParameters.self) }),
        ("TransferParameters", { problems(TransferParameters.self) }),
        ("DecayParameters", { problems(DecayParameters.self) }),
        ("RampUpParameters", { problems(RampUpParameters.self) }),
        ("MotivationParameters", { problems(MotivationParameters.self) }),
        ("ParticipationParameters", { problems(ParticipationParameters.self) }),
        ("ServiceQualityParameters", { problems(ServiceQualityParameters.self) }),
        ("ServiceChannelParameters", { problems(ServiceChannelParameters.self) }),
        ("ModeParameters", { problems(ModeParameters.self) }),
        ("DomainParameters", { problems(DomainParameters.self) }),
        ("ProgrammeParameters", { problems(ProgrammeParameters.self) }),
        ("PolicyParameters", { problems(PolicyParameters.self) }),
        ("IncentiveParameters", { problems(IncentiveParameters.self) }),
        ("AwardParameters", { problems(AwardParameters.self) }),
        ("ForumParameters", { problems(ForumParameters.self) }),
        ("EvaluationParameters", { problems(EvaluationParameters.self) }),
        ("RegionParameters", { problems(RegionParameters.self) }),
        ("AgeParameters", { problems(AgeParameters.self) }),
        ("MotivationDistribution", { problems(MotivationDistribution.self) }),
        ("BudgetParameters", { problems(BudgetParameters.self) }),
        ("CostParameters", { problems(CostParameters.self) }),
        ("RetirementParameters", { problems(RetirementParameters.self) }),
        ("RecruitmentParameters", { problems(RecruitmentParameters.self) }),
        ("ProjectParameters", { problems(ProjectParameters.self) }),
        ("UnitParameters", { problems(UnitParameters.self) }),
    ]

    /// Each stored property is declared under its own name, and each declared parameter, read from a
    /// file that gives only it, changes exactly the property of that name (nested groups included).
    @Test(arguments: groups.map(\.name))
    func declarationsAndPropertiesAgree(group: String) throws {
        let check = try #require(Self.groups.first { $0.name == group }).check
        let found = check()
        #expect(found.isEmpty, "\(group): \(found.joined(separator: "; "))")
    }

    /// The compiler reads every declared key and no other: the union of the format paths it read
    /// over the bundled scenarios and a fixture that sets every optional key equals the set of paths
    /// the format declares. Keys the loader reads itself (the file's metadata) are named here.
    @Test func theCompilerReadsExactlyTheDeclaredKeys() throws {
        let files = try bundledScenarioFiles() + [fixture("every-key.json")]
        var read: Set<String> = []
        for file in files { read.formUnion(try ScenarioLoader.load(file).compiledPaths) }
        // The scenario policy is read through each region's merged policy.
        read = Set(read.map { $0.hasPrefix("regions.*.policy") ? String($0.dropFirst("regions.*.".count)) : $0 })
        let declared = Set(formatFields().map(\.path))
        // The uncertainty and optimise blocks are read by the loader (factors for designs and draws;
        // the search's problem), not compiled into the model.
        let metadata = Set([
            "schemaVersion", "extends", "id", "name", "shortName", "question", "notes", "sources", "shocks[].note", "uncertainty", "brief",
            "brief.outcome", "kind",
        ])
        .union(declared.filter { $0 == "optimise" || $0.hasPrefix("optimise.") })
        // A region's own policy keys are laid over the scenario's before they are read.
        let regionPolicy = declared.filter { $0.hasPrefix("regions.*.policy") }
        #expect(declared.subtracting(metadata).subtracting(regionPolicy).subtracting(read).sorted() == [], "declared but never read")
        #expect(read.subtracting(declared).sorted() == [], "read but not declared")
    }

    /// A default lives only in its declaration: the compiled baseline of an empty-as-possible file
    /// equals each group's `init()`.
    @Test func defaultsComeFromTheDeclarations() throws {
        let scenario = try ScenarioLoader.load(fixture("minimal.json"))
        let model = scenario.parameters
        #expect(mirrorLeaves(model.learning) == mirrorLeaves(LearningParameters()))
        #expect(mirrorLeaves(model.participation) == mirrorLeaves(ParticipationParameters()))
        #expect(mirrorLeaves(model.serviceQuality) == mirrorLeaves(ServiceQualityParameters()))
        #expect(mirrorLeaves(model.simulation) == mirrorLeaves(SimulationParameters()))
        var policy = PolicyParameters()
        policy.blackoutMonths[11] = true  // the format's default blackout, December
        policy.evaluation.exemptProgrammes = [false]
        #expect(mirrorLeaves(model.regions[0].policy) == mirrorLeaves(policy))
        for mode in Mode.allCases {
            #expect(mirrorLeaves(model[mode]) == mirrorLeaves(ModeParameters.defaults(for: mode)), "\(mode.id)")
        }
    }
}

let fixturesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
func fixture(_ name: String) -> String { fixturesDirectory.appendingPathComponent(name).path }

/// The leaves of a value, by dotted path, as text (NaN-safe, nested structs flattened).
func mirrorLeaves(_ value: Any, _ path: String = "") -> [String: String] {
    let mirror = Mirror(reflecting: value)
    guard mirror.displayStyle == .struct, !mirror.children.isEmpty else { return [path: String(describing: value)] }
    var leaves: [String: String] = [:]
    for child in mirror.children {
        let label = child.label ?? "?"
        leaves.merge(mirrorLeaves(child.value, path.isEmpty ? label : "\(path).\(label)")) { $1 }
    }
    return leaves
}

/// A source that gives one value at one dotted path and nothing else.
struct SingleValueSource: ParameterSource {
    let path: [String]
    let value: Marker
    enum Marker {
        case number(Double)
        case flag(Bool)
        case word(String)
    }

    func leaf(_ key: String) -> Marker? { path == [key] ? value : nil }
    func number(_ key: String) -> Double? {
        if case .number(let x)? = leaf(key) { return x }
        return nil
    }
    func flag(_ key: String) -> Bool? {
        if case .flag(let x)? = leaf(key) { return x }
        return nil
    }
    func word(_ key: String) -> String? {
        if case .word(let x)? = leaf(key) { return x }
        return nil
    }
    func child(_ key: String) -> (any ParameterSource)? {
        path.count > 1 && path[0] == key ? SingleValueSource(path: Array(path.dropFirst()), value: value) : nil
    }
}

/// What is wrong with a group's declarations: properties with no declaration, declarations with
/// no property, and declarations that write a property of another name.
func problems<G: ParameterGroup>(_ group: G.Type) -> [String] {
    var found: [String] = []
    let labels = Mirror(reflecting: G()).children.compactMap(\.label).filter { $0 != "id" }
    let keys = G.declarations.map(\.key)
    if labels != keys { found.append("stored properties \(labels) but declared keys \(keys)") }
    let defaults = mirrorLeaves(G())
    func probe(_ specs: [ParameterSpec], prefix: [String]) {
        for spec in specs {
            let path = prefix + [spec.key]
            let marker: SingleValueSource.Marker
            switch spec.kind {
            case .number(let x, _, _, _): marker = .number(x + 0.123)
            case .integer(let x, _, _): marker = .number(Double(x + 1))
            case .flag(let x): marker = .flag(!x)
            case .choice(let word, let words):
                guard let other = words.first(where: { $0 != word }) else { continue }
                marker = .word(other)
            case .group(let inner):
                probe(inner, prefix: path)
                continue
            case .structural: continue
            }
            let changed = mirrorLeaves(G(reading: SingleValueSource(path: path, value: marker))).filter { defaults[$0.key] != $0.value }
                .map(\.key)
            let expected = path.joined(separator: ".")
            if changed != [expected] { found.append("\(expected) changes \(changed)") }
        }
    }
    probe(G.specs(), prefix: [])
    return found
}
