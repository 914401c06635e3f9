import SimWorkforce

/// Turns a validated tree with defaults filled in into ``ModelParameters``: declared parameters
/// are read through their declarations, ids become indices, and each region's policy is the
/// scenario policy with the region's overrides laid over it. There is no fallback value here: every
/// key with a default is present in the filled tree, and an absent optional key means "none".
struct ScenarioCompiler {
    let root: ReadNode
    let raw: JSONNode
    let file: String
    var diagnostics: [Diagnostic] = []
    /// What to say on stderr that is not an error: rows read from each data file, fields that
    /// span lines, files read as UTF-16.
    var notes: [String] = []
    /// Whether a file the scenario names (a roster, a calendar) could not be read (exit 66).
    var unreadableInput = false
    /// The SHA-256 of every data file read, by region and kind, for `run.json` and the fingerprint.
    var dataFiles: [DataFile] = []
    var historySources: [HistorySource] = []
    /// Each roster read, beside the headcount it replaced.
    var rosterSizes: [RosterSize] = []

    /// The data files read so far this run (shared by every compile of one scenario source).
    let store: DataFileStore

    init(root: JSONNode, raw: JSONNode, file: String, log: ReadLog, dataFiles store: DataFileStore) {
        self.store = store
        self.root = ReadNode(root, path: "", log: log)
        self.raw = raw
        self.file = file
    }

    /// Records a problem once: a region's policy is compiled from the scenario's, so the same
    /// node can be read once per region.
    mutating func problem(_ node: ReadNode?, _ path: String, _ message: String) {
        let diagnostic = Diagnostic(file: file, location: node?.node.location, path: path, message: message)
        if !diagnostics.contains(diagnostic) { diagnostics.append(diagnostic) }
    }

    mutating func compile() -> ModelParameters {
        let domains = root.table("domains").map(compileDomain)
        if domains.isEmpty { problem(root.filled("domains"), "domains", "define at least one domain") }
        if domains.filter({ $0.roles.contains(.citizenService) }).count > 1 {
            problem(root.filled("domains"), "domains", "at most one domain may have the role citizenService")
        }
        let domainIDs = domains.map(\.id)
        let modeTable = root.table("modes")
        let modes = Mode.allCases.map { mode in
            guard let node = modeTable.first(where: { $0.key == mode.id })?.value else {
                preconditionFailure("mode \(mode.id) missing from the filled tree")
            }
            var parameters = ModeParameters(reading: node)
            parameters.switchTo = node.word("switchTo").flatMap(Mode.init(id:))
            return parameters
        }
        let learning = LearningParameters(reading: root.filled("learning"))
        if learning.transfer.floorShare > learning.transfer.immediateShare {
            problem(
                root.filled("learning").filled("transfer")["floorShare"], "learning.transfer.floorShare",
                "the long-run share cannot exceed the immediate share (\(NumberText.plain(learning.transfer.immediateShare)))")
        }
        let programmes = root.table("programmes").map { compileProgramme($0, domainIDs: domainIDs) }
        let programmeIDs = programmes.map(\.id)
        let externalLearning = root.table("externalLearning").map { compileExternalSource($0, domainIDs: domainIDs) }
        let regionIDs = root.table("regions").map(\.key)
        let simulation = SimulationParameters(reading: root.filled("simulation"))
        var regions = root.table("regions").map { compileRegion($0, domainIDs: domainIDs, programmeIDs: programmeIDs) }
        for (r, member) in root.table("regions").enumerated() {
            compileStart(&regions[r], node: member.value, simulation: simulation, domainIDs: domainIDs, programmes: programmes)
            regions[r].intake = compileIntake(member.value, region: regions[r])
        }
        checkAttendable(programmes, regions: regions)
        checkIncentiveYears(regions)
        checkEarmarks(programmes, regions: regions)
        let shocks = root.list("shocks").enumerated().compactMap { compileShock($1, index: $0, domainIDs: domainIDs, regionIDs: regionIDs) }
        let quality = ServiceQualityParameters(reading: root.filled("serviceQuality"))
        var model = ModelParameters(
            simulation: simulation, domains: domains, modes: modes, learning: learning,
            motivation: MotivationParameters(reading: root.filled("motivation")),
            participation: ParticipationParameters(reading: root.filled("participation")), serviceQuality: quality,
            ipASN: IPASNParameters(reading: root.filled("ipASN")),
            programmes: programmes, regions: regions, shocks: shocks)
        model.externalLearning = externalLearning
        return model
    }

    /// A region's earmarks come out of its budget, so together they may not exceed it: an error at
    /// the region's budget, naming the earmarks.
    /// An earmark's region must be one of the scenario's: a misspelt id would leave the money in
    /// the common budget without a word. (A region the file removes takes its inherited earmarks
    /// with it: ``ScenarioLoader/dropInherited(forRemovedRegions:in:file:)``.)
    mutating func checkEarmarks(_ programmes: [ProgrammeParameters], regions: [RegionParameters]) {
        let regionIDs = regions.map(\.id)
        for programme in programmes {
            for key in programme.budgetRupiahPerYear.keys.sorted() where !regionIDs.contains(key) {
                problem(
                    root.filled("programmes")[programme.id]?["budgetRupiahPerYear"]?[key],
                    "programmes.\(programme.id).budgetRupiahPerYear.\(key)",
                    "no region '\(key)' in this scenario\(didYouMean(key, among: regionIDs)); an earmark is given by region id")
            }
        }
        for region in regions {
            let earmarked = programmes.filter { $0.fundedBy == .region && $0.budgetRupiahPerYear[region.id] != nil }
            let total = earmarked.reduce(0) { $0 + $1.budgetRupiahPerYear[region.id]! }
            guard total > region.budget.rupiahPerYear else { continue }
            let names = earmarked.map { "programmes.\($0.id).budgetRupiahPerYear.\(region.id)" }.joined(separator: ", ")
            problem(
                root.filled("regions")[region.id]?.filled("budget")["rupiahPerYear"], "regions.\(region.id).budget.rupiahPerYear",
                "the earmarks paid from this budget (\(names)) add up to Rp \(NumberText.plain(total)), more than the budget of Rp \(NumberText.plain(region.budget.rupiahPerYear)); lower them, raise the budget, or set fundedBy to external or unit for money from outside"
            )
        }
    }

    /// An incentive whose last year comes before its first would never reward anyone: an error at
    /// `untilYear` (the scenario's, or the region's when it sets its own).
    mutating func checkIncentiveYears(_ regions: [RegionParameters]) {
        for region in regions {
            let incentive = region.policy.incentive
            guard incentive.untilYear != 0 && incentive.untilYear < incentive.fromYear else { continue }
            let regional = root.filled("regions")[region.id]?["policy"]?["incentive"]?["untilYear"]
            let path = regional != nil ? "regions.\(region.id).policy.incentive.untilYear" : "policy.incentive.untilYear"
            problem(
                regional ?? root.filled("policy").filled("incentive")["untilYear"], path,
                "the last year rewarded (\(incentive.untilYear)) comes before the first (fromYear \(incentive.fromYear)); set untilYear to \(incentive.fromYear) or later, or 0 for no end"
            )
        }
    }

    /// A discretionary programme longer than every per-employee JP cap that applies to it, in
    /// every region, could never be attended: an error at its length (mandated programmes sit
    /// outside the caps).
    mutating func checkAttendable(_ programmes: [ProgrammeParameters], regions: [RegionParameters]) {
        guard !regions.isEmpty else { return }
        for programme in programmes where !programme.isMandated {
            let pnsCap = regions.map(\.policy.maxJPPerEmployeePerYear).max() ?? 0
            let pppkCap = regions.map { min($0.policy.maxJPPerEmployeePerYear, $0.policy.pppkMaxJPPerYear) }.max() ?? 0
            let caps = [
                (programme.employment.admits(isPPPK: false), pnsCap, "policy.maxJPPerEmployeePerYear"),
                (programme.employment.admits(isPPPK: true), pppkCap, "policy.pppkMaxJPPerYear"),
            ].filter(\.0)
            guard !caps.isEmpty, caps.allSatisfy({ programme.lengthJP > $0.1 }) else { continue }
            let limits = caps.map { "\($0.2) \(NumberText.plain($0.1))" }.joined(separator: " and ")
            problem(
                root.filled("programmes")[programme.id]?.filled("lengthJP") ?? root.filled("programmes")[programme.id],
                "programmes.\(programme.id).lengthJP",
                "\(NumberText.plain(programme.lengthJP)) JP is more than any eligible employee may take in a year (\(limits)), so no one could ever attend; shorten it, raise the cap, or mark it mandatoryForNewcomers or mandatoryOnPromotion if it is mandated"
            )
        }
    }

    func compileDomain(_ member: (key: String, value: ReadNode)) -> DomainParameters {
        let node = member.value
        var domain = DomainParameters(reading: node)
        domain.id = member.key
        domain.name = node["name"]?.node.localizedText ?? LocalizedText(member.key)
        domain.requiredLevel = node.weights("requiredLevel", ids: JobLevel.ids)
        domain.roles = node.list("roles").compactMap { $0.node.string.flatMap(DomainRole.init(rawValue:)) }
        return domain
    }

    mutating func compileProgramme(_ member: (key: String, value: ReadNode), domainIDs: [String]) -> ProgrammeParameters {
        let node = member.value
        var programme = ProgrammeParameters(reading: node)
        programme.id = member.key
        programme.name = node["name"]?.node.localizedText ?? LocalizedText(member.key)
        programme.domains = domainWeights(node, path: "programmes.\(member.key).domains", domainIDs: domainIDs)
        if let mode = node.word("mode").flatMap(Mode.init(id:)) { programme.mode = mode }
        if let levels = node["eligibleJobLevels"]?.node.elements?.compactMap(\.string) {
            programme.eligibleJobLevels = JobLevel.allCases.map { levels.contains($0.id) }
        }
        programme.eligibleUnits = node["eligibleUnits"]?.node.elements?.compactMap(\.string) ?? []
        for (region, amount) in node.table("budgetRupiahPerYear") {
            if let rupiah = amount.node.number { programme.budgetRupiahPerYear[region] = rupiah }
        }
        return programme
    }

    /// What a programme or a source teaches: the weight of each domain, at least one positive.
    mutating func domainWeights(_ node: ReadNode, path: String, domainIDs: [String]) -> [Double] {
        let weights = node.weights("domains", ids: domainIDs)
        if weights.allSatisfy({ $0 == 0 }) { problem(node["domains"], path, "give at least one domain a positive weight") }
        return weights
    }

    mutating func compileExternalSource(_ member: (key: String, value: ReadNode), domainIDs: [String]) -> ExternalSourceParameters {
        let node = member.value
        var source = ExternalSourceParameters(reading: node)
        source.id = member.key
        source.name = node["name"]?.node.localizedText ?? LocalizedText(member.key)
        source.domains = domainWeights(node, path: "externalLearning.\(member.key).domains", domainIDs: domainIDs)
        source.units = node["units"]?.node.elements?.compactMap(\.string) ?? []
        return source
    }

    mutating func compileShock(_ node: ReadNode, index: Int, domainIDs: [String], regionIDs: [String]) -> Shock? {
        let path = "shocks[\(index)]"
        guard let from = node.word("from").flatMap(parseMonth) else { return nil }
        let to = node.word("to").flatMap(parseMonth)
        if let to, to < from { problem(node["to"], "\(path).to", "ends before it starts (\(node.word("from") ?? ""))") }
        let region = node.word("region").flatMap { regionIDs.firstIndex(of: $0) }
        let kind: Shock.Kind
        switch node.word("kind") {
        case "suspendMode":
            guard let mode = node.word("mode").flatMap(Mode.init(id:)) else {
                problem(node, "\(path).mode", "suspendMode needs a mode")
                return nil
            }
            kind = .suspendMode(mode)
        case "budgetCut":
            kind = .budgetCut(share: node.required("share"))
        default:
            guard let domain = node.word("domain").flatMap({ domainIDs.firstIndex(of: $0) }) else {
                problem(node, "\(path).domain", "requirementJump needs a domain")
                return nil
            }
            kind = .requirementJump(domain: domain, levels: node.required("levels"))
        }
        return Shock(kind: kind, fromMonth: from, toMonth: to, region: region)
    }

    mutating func compileRegion(_ member: (key: String, value: ReadNode), domainIDs: [String], programmeIDs: [String]) -> RegionParameters {
        let (id, node) = member
        let path = "regions.\(id)"
        var region = RegionParameters(reading: node)
        region.id = id
        region.name = node.word("name") ?? id
        region.units = node.table("units").map { compileUnit($0, regionPath: path, domainIDs: domainIDs) }
        if region.units.isEmpty { problem(node["units"], "\(path).units", "define at least one unit") }
        if !region.units.isEmpty && region.units.allSatisfy({ $0.headcountShare <= 0 }) {
            problem(node["units"], "\(path).units", "every unit has headcountShare 0; give at least one unit a positive share")
        }
        let budget = node.filled("budget")
        region.budget.quarterShares = budget.list("quarterShares").compactMap(\.node.number)
        if region.budget.quarterShares.count != 4 || abs(region.budget.quarterShares.reduce(0, +) - 1) > 1e-6 {
            problem(budget["quarterShares"], "\(path).budget.quarterShares", "expected 4 shares that add up to 1")
        }
        region.jobLevelShares = node.weights("jobLevelShares", ids: JobLevel.ids)
        if region.jobLevelShares.reduce(0, +) <= 0 {
            problem(node["jobLevelShares"], "\(path).jobLevelShares", "expected a positive total")
        }
        region.educationShares = node.weights("educationShares", ids: Education.ids)
        if region.educationShares.reduce(0, +) <= 0 {
            problem(node["educationShares"], "\(path).educationShares", "expected a positive total")
        }
        if region.age.bands.reduce(0, { $0 + $1.share }) <= 0 {
            problem(node["age"], "\(path).age", "give at least one age band a positive share")
        }
        if region.retirement.fungsionalMadyaShare + region.retirement.fungsionalUtamaShare > 1 {
            problem(node["retirement"], "\(path).retirement", "fungsionalMadyaShare and fungsionalUtamaShare add up to more than 1")
        }
        let retirement = node.filled("retirement")
        region.retirement.ageByJobLevel = retirement.weights("ageByJobLevel", ids: JobLevel.ids, missing: .nan)
        for (level, age) in zip(JobLevel.allCases, region.retirement.ageByJobLevel) where age.isNaN {
            problem(
                retirement["ageByJobLevel"], "\(path).retirement.ageByJobLevel",
                "give a retirement age for every job level (\(level.id) is missing)")
        }
        // The region's policy: the scenario's, with the region's own keys laid over it (read from
        // the unfilled tree, so defaults of the region's partial policy do not mask the scenario's).
        _ = node["policy"]
        var policyTree = raw["policy"] ?? JSONNode(.object([]))
        if let own = raw["regions"]?[id]?["policy"] { policyTree = policyTree.merged(with: own) }
        let policy = ReadNode(policyTree.fillingDefaults(ScenarioFormat.policyFields), path: "regions.*.policy", log: node.log)
        region.policy = compilePolicy(policy, domainIDs: domainIDs, programmeIDs: programmeIDs)
        region.policy.noTraining = compileNoTraining(policy, programmeIDs: programmeIDs)
        return region
    }

    /// A region's dated intakes (the validator keeps their months within the simulated ones).
    mutating func compileIntake(_ node: ReadNode, region: RegionParameters) -> [Intake] {
        node.list("intake").enumerated().compactMap { index, entry -> Intake? in
            let path = "regions.\(region.id).intake[\(index)]"
            guard let month = entry.word("month").flatMap(parseMonth) else { return nil }
            _ = entry["note"]
            let weights = entry["units"] == nil ? [] : entry.weights("units", ids: region.units.map(\.id))
            if entry["units"] != nil && weights.reduce(0, +) <= 0 {
                problem(entry["units"], "\(path).units", "expected at least one unit with a positive weight")
                return nil
            }
            let status = entry.word("status")
            return Intake(
                month: month, people: Int(entry.required("people")), isPPPK: status == "pppk", isPartTime: status == "pppkPartTime",
                unitWeights: weights)
        }
    }

    mutating func compileUnit(_ member: (key: String, value: ReadNode), regionPath: String, domainIDs: [String]) -> UnitParameters {
        let node = member.value
        var unit = UnitParameters(reading: node)
        unit.id = member.key
        unit.name = node.word("name") ?? member.key
        unit.service = node["service"].map { ServiceChannelParameters(reading: $0) }
        checkOfficeDay(unit.service?.day ?? .init(), node: node["service"]?["day"], path: "\(regionPath).units.\(member.key).service.day")
        if let service = unit.service {
            checkBackOffice(service, node: node["service"]?["backOffice"], path: "\(regionPath).units.\(member.key).service.backOffice")
        }
        unit.maxAwayShare = node.number("maxAwayShare")
        if let demand = node["service"]?["demand"] {
            unit.service?.demand = compileDemand(demand, path: "\(regionPath).units.\(member.key).service.demand")
        }
        unit.usage = node.weights("usage", ids: domainIDs)
        for (domain, weight) in zip(domainIDs, unit.usage) where weight > 1 {
            diagnostics.append(
                Diagnostic(
                    file: file, location: node.node["usage"]?[domain]?.location,
                    path: "\(regionPath).units.\(member.key).usage.\(domain)",
                    message: "expected a number at most 1, found \(NumberText.plain(weight))"))
        }
        return unit
    }

    func compilePolicy(_ node: ReadNode, domainIDs: [String], programmeIDs: [String]) -> PolicyParameters {
        var policy = PolicyParameters(reading: node)
        for month in node.list("blackoutMonths").compactMap(\.node.number) where (1...12).contains(Int(month)) {
            policy.blackoutMonths[Int(month) - 1] = true
        }
        let forums = node.filled("forums")
        policy.forums.domains = (forums["domains"]?.node.elements?.compactMap(\.string) ?? []).compactMap { domainIDs.firstIndex(of: $0) }
        let exempt = node.filled("evaluation").list("exemptProgrammes").compactMap(\.node.string)
        policy.evaluation.exemptProgrammes = programmeIDs.map { exempt.contains($0) }
        return policy
    }
}

/// The format paths the compiler has read (`regions.*.units.*.service.requestsPerDay`), so a test
/// can check that every declared key is read and every key read is declared.
///
/// A class because every ``ReadNode`` of one compilation appends to the same log; it lives only as
/// long as one call of ``ScenarioLoader/load(_:overrides:)`` and is never shared between threads.
final class ReadLog {
    var paths: Set<String> = []
}

/// A node of the filled scenario tree that logs the format path of everything read from it.
struct ReadNode: ParameterSource {
    let node: JSONNode
    /// The format path, with `*` for table ids and `[]` for list elements.
    let path: String
    let log: ReadLog

    init(_ node: JSONNode, path: String, log: ReadLog) {
        self.node = node
        self.path = path
        self.log = log
    }

    func childPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The member `key`, or `nil` when the file leaves it out and it has no default.
    subscript(key: String) -> ReadNode? {
        let here = childPath(key)
        log.paths.insert(here)
        return node[key].flatMap { $0.value == .null ? nil : ReadNode($0, path: here, log: log) }
    }

    /// A member that has a default, so the filled tree always holds it.
    func filled(_ key: String) -> ReadNode {
        guard let child = self[key] else { preconditionFailure("\(childPath(key)) has a default but is missing from the filled tree") }
        return child
    }

    /// A number that has a default.
    func required(_ key: String) -> Double {
        guard let x = number(key) else { preconditionFailure("\(childPath(key)) has a default but is missing from the filled tree") }
        return x
    }

    /// The entries of a table keyed by id, in file order.
    func table(_ key: String) -> [(key: String, value: ReadNode)] {
        let here = childPath(key)
        log.paths.insert(here)
        return (node[key]?.members ?? []).filter { $0.value.value != .null }.map {
            ($0.key, ReadNode($0.value, path: "\(here).*", log: log))
        }
    }

    /// The elements of a list.
    func list(_ key: String) -> [ReadNode] {
        let here = childPath(key)
        log.paths.insert(here)
        return (node[key]?.elements ?? []).map { ReadNode($0, path: "\(here)[]", log: log) }
    }

    /// An object from ids to numbers, in the order of `ids`; an id it leaves out gets `missing`.
    func weights(_ key: String, ids: [String], missing: Double = 0) -> [Double] {
        let object = self[key]?.node
        return ids.map { object?[$0]?.number ?? missing }
    }

    func number(_ key: String) -> Double? { self[key]?.node.number }
    func flag(_ key: String) -> Bool? { self[key]?.node.bool }
    func word(_ key: String) -> String? { self[key]?.node.string }
    func child(_ key: String) -> (any ParameterSource)? { self[key] }
}
