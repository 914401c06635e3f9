import SimWorkforce

/// Turns a validated tree with defaults filled in into ``ModelParameters``: ids become indices,
/// region policies are the scenario policy with the region's overrides laid over it.
struct ScenarioCompiler {
    let root: JSONNode
    let raw: JSONNode
    let file: String
    var diagnostics: [Diagnostic] = []

    init(root: JSONNode, raw: JSONNode, file: String) {
        self.root = root
        self.raw = raw
        self.file = file
    }

    mutating func problem(_ node: JSONNode?, _ path: String, _ message: String) {
        diagnostics.append(Diagnostic(file: file, location: node?.location, path: path, message: message))
    }

    func number(_ node: JSONNode?, _ key: String, _ fallback: Double = 0) -> Double { node?[key]?.number ?? fallback }
    func flag(_ node: JSONNode?, _ key: String) -> Bool { node?[key]?.bool ?? false }
    func text(_ node: JSONNode?, _ key: String, _ fallback: String = "") -> String { node?[key]?.string ?? fallback }

    mutating func compile() -> ModelParameters {
        let simulation = root["simulation"]
        let domainMembers = root["domains"]?.members ?? []
        let domainIDs = domainMembers.map(\.key)
        let domains = domainMembers.map { member in
            DomainParameters(id: member.key, name: text(member.value, "name", member.key), kind: text(member.value, "kind", "teknis"),
                             requirementDriftPerYear: number(member.value, "requirementDriftPerYear"),
                             requiredLevel: JobLevel.allCases.map { number(member.value["requiredLevel"], $0.id, 1) })
        }
        if domains.isEmpty { problem(root["domains"], "domains", "define at least one domain") }
        let modeTable = root["modes"]
        let modes = Mode.allCases.map { mode -> ModeParameters in
            let node = modeTable?[mode.id]
            return ModeParameters(gainMultiplier: number(node, "gainMultiplier", 1), completionProbability: number(node, "completionProbability", 0.9),
                                  offDuty: node?["offDuty"]?.bool ?? true, dutyShareWhileTraining: number(node, "dutyShareWhileTraining", 0.2),
                                  allowanceShare: number(node, "allowanceShare", 1), switchTo: node?["switchTo"]?.string.flatMap(Mode.init(id:)))
        }
        let l = root["learning"], transfer = l?["transfer"], decay = l?["decay"], ramp = l?["rampUp"]
        var learning = LearningParameters()
        learning.baseGainSD = number(l, "baseGainSD")
        learning.cohortSpreadSD = number(l, "cohortSpreadSD")
        learning.motivationEffectPerSD = number(l, "motivationEffectPerSD")
        learning.participatoryRelevance = number(l, "participatoryRelevance")
        learning.headroomLevels = number(l, "headroomLevels")
        learning.transferImmediateShare = number(transfer, "immediateShare")
        learning.transferFloorShare = number(transfer, "floorShare")
        learning.transferTimeConstantMonths = number(transfer, "timeConstantMonths")
        learning.supportFloorGain = number(transfer, "supportFloorGain")
        learning.supportTimeConstantGain = number(transfer, "supportTimeConstantGain")
        learning.decayHalfLifeMonths = number(decay, "halfLifeMonths")
        learning.refresherRestoreShare = number(decay, "refresherRestoreShare")
        learning.rampUpTimeConstantMonths = number(ramp, "timeConstantMonths")
        learning.rampUpPeerFactor = number(ramp, "peerFactor")
        learning.experiencedShareThreshold = number(ramp, "experiencedShareThreshold")
        learning.newcomerLevel = number(ramp, "newcomerLevel")
        learning.proficientGapLevels = number(ramp, "proficientGapLevels")
        learning.experiencedTenureMonths = number(ramp, "experiencedTenureMonths", 24)
        if learning.transferFloorShare > learning.transferImmediateShare {
            problem(transfer?["floorShare"], "learning.transfer.floorShare", "the long-run share cannot exceed the immediate share (\(learning.transferImmediateShare))")
        }
        let m = root["motivation"]
        var motivation = MotivationParameters()
        motivation.monthlyAdjustment = number(m, "monthlyAdjustment")
        motivation.supportBaselineGain = number(m, "supportBaselineGain")
        motivation.workloadPenalty = number(m, "workloadPenalty")
        motivation.completionBoost = number(m, "completionBoost")
        let pa = root["participation"]
        var participation = ParticipationParameters()
        participation.baseAcceptance = number(pa, "baseAcceptance")
        participation.motivationEffect = number(pa, "motivationEffect")
        participation.supportEffect = number(pa, "supportEffect")
        participation.incentiveEffect = number(pa, "incentiveEffect")
        participation.awardEffect = number(pa, "awardEffect")
        participation.workloadThreshold = number(pa, "workloadThreshold")
        participation.workloadMaxCut = number(pa, "workloadMaxCut")
        participation.motivationCompletionEffect = number(pa, "motivationCompletionEffect")
        participation.internetCompletionPenalty = number(pa, "internetCompletionPenalty")
        participation.invitationLeadDays = number(pa, "invitationLeadDays")

        let programmes = (root["programmes"]?.members ?? []).map { member -> ProgrammeParameters in
            let node = member.value
            let levels = node["eligibleJobLevels"]?.elements?.compactMap(\.string)
            return ProgrammeParameters(
                id: member.key, name: text(node, "name", member.key),
                domainWeights: domainIDs.map { number(node["domains"], $0) },
                mode: Mode(id: text(node, "mode")) ?? .classroom, lengthJP: number(node, "lengthJP"),
                seatsPerSession: Int(number(node, "seatsPerSession")), sessionsPerYear: Int(number(node, "sessionsPerYear")),
                feePerParticipantRupiah: number(node, "feePerParticipantRupiah"),
                fixedCostPerSessionRupiah: number(node, "fixedCostPerSessionRupiah"),
                platformCostPerYearRupiah: number(node, "platformCostPerYearRupiah"), outsideRegion: flag(node, "outsideRegion"),
                eligibleJobLevels: JobLevel.allCases.map { levels?.contains($0.id) ?? true },
                eligibleUnitIDs: node["eligibleUnits"]?.elements?.compactMap(\.string) ?? [],
                employment: ["all": 0, "pns": 1, "pppk": 2][text(node, "employment", "all")] ?? 0,
                countsTowardJP: node["countsTowardJP"]?.bool ?? true, mandatoryForNewcomers: flag(node, "mandatoryForNewcomers"))
        }
        for programme in programmes where programme.domainWeights.allSatisfy({ $0 == 0 }) {
            problem(root["programmes"]?[programme.id]?["domains"], "programmes.\(programme.id).domains", "give at least one domain a positive weight")
        }
        let regionIDs = root["regions"]?.members?.map(\.key) ?? []
        let startYear = Int(number(simulation, "startYear", 2027))
        let regions = (root["regions"]?.members ?? []).map { member in
            compileRegion(member.key, member.value, domainIDs: domainIDs)
        }
        let shocks = (root["shocks"]?.elements ?? []).enumerated().compactMap { index, node -> Shock? in
            let from = parseMonth(text(node, "from")) ?? startYear * 12
            let to = node["to"]?.string.flatMap(parseMonth)
            if let to, to < from { problem(node["to"], "shocks[\(index)].to", "ends before it starts (\(text(node, "from")))") }
            let region = node["region"]?.string.flatMap { regionIDs.firstIndex(of: $0) }
            switch text(node, "kind") {
            case "suspendMode":
                guard let mode = node["mode"]?.string.flatMap(Mode.init(id:)) else {
                    problem(node, "shocks[\(index)].mode", "suspendMode needs a mode"); return nil
                }
                return Shock(kind: .suspendMode(mode), fromMonth: from, toMonth: to, region: region)
            case "budgetCut":
                return Shock(kind: .budgetCut(share: number(node, "share", 0.3)), fromMonth: from, toMonth: to, region: region)
            default:
                guard let domain = node["domain"]?.string.flatMap({ domainIDs.firstIndex(of: $0) }) else {
                    problem(node, "shocks[\(index)].domain", "requirementJump needs a domain"); return nil
                }
                return Shock(kind: .requirementJump(domain: domain, levels: number(node, "levels", 1)), fromMonth: from, toMonth: to, region: region)
            }
        }
        let q = root["serviceQuality"]
        var quality = ServiceQualityParameters()
        quality.fcrNovice = number(q, "fcrNovice")
        quality.fcrProficient = number(q, "fcrProficient")
        quality.handlingCurvature = number(q, "handlingCurvature")
        quality.complaintBase = number(q, "complaintBase")
        quality.complaintIfUnresolved = number(q, "complaintIfUnresolved")
        quality.complaintIfLongWait = number(q, "complaintIfLongWait")
        quality.longWaitMinutes = number(q, "longWaitMinutes")
        quality.timelinessScaleMinutes = number(q, "timelinessScaleMinutes")
        quality.weightTimeliness = number(q, "weightTimeliness")
        quality.weightCompetence = number(q, "weightCompetence")
        quality.weightResolution = number(q, "weightResolution")
        quality.weightCourtesy = number(q, "weightCourtesy")
        quality.weightFairness = number(q, "weightFairness")
        quality.fairnessScore = number(q, "fairnessScore")
        quality.resolutionDaysNovice = number(q, "resolutionDaysNovice")
        quality.resolutionDaysProficient = number(q, "resolutionDaysProficient")
        let weights = [quality.weightTimeliness, quality.weightCompetence, quality.weightResolution, quality.weightCourtesy, quality.weightFairness]
        if abs(weights.reduce(0, +) - 1) > 1e-6 {
            problem(q, "serviceQuality", "the five satisfaction weights must add up to 1 (they add up to \(format(weights.reduce(0, +))))")
        }
        var parameters = ModelParameters(
            startYear: startYear, years: Int(number(simulation, "years", 5)),
            workingDaysPerYear: number(simulation, "workingDaysPerYear", 245), hoursPerWorkingDay: number(simulation, "hoursPerWorkingDay", 7.5),
            jpPerTrainingDay: number(simulation, "jpPerTrainingDay", 8),
            serviceFidelity: ServiceFidelity(rawValue: text(simulation, "serviceFidelity", "perRequest")) ?? .perRequest,
            domains: domains, modes: modes, learning: learning, motivation: motivation, participation: participation,
            programmes: programmes, regions: regions, shocks: shocks)
        parameters.serviceQuality = quality
        return parameters
    }

    mutating func compileRegion(_ id: String, _ node: JSONNode, domainIDs: [String]) -> RegionParameters {
        let path = "regions.\(id)"
        let units = (node["units"]?.members ?? []).map { member -> UnitParameters in
            let unit = member.value
            let service = unit["service"].map { s in
                ServiceChannelParameters(requestsPerDay: number(s, "requestsPerDay"), minutesPerRequestProficient: number(s, "minutesPerRequestProficient"),
                                         noviceMultiplier: number(s, "noviceMultiplier"), counterShare: number(s, "counterShare"),
                                         proficientLevel: number(s, "proficientLevel", 3),
                                         exponentialHandling: text(s, "handlingDistribution") == "exponential",
                                         handlingCV: number(s, "handlingCV", 0.5))
            }
            for (domain, weight) in (unit["usage"]?.members ?? []).map({ ($0.key, $0.value.number ?? 0) }) where weight > 1 {
                problem(unit["usage"]?[domain], "\(path).units.\(member.key).usage.\(domain)", "expected a number at most 1, found \(format(weight))")
            }
            return UnitParameters(id: member.key, name: text(unit, "name", member.key), headcountShare: number(unit, "headcountShare"),
                                  usage: domainIDs.map { number(unit["usage"], $0) }, workload: number(unit, "workload"), service: service)
        }
        if units.isEmpty { problem(node["units"], "\(path).units", "define at least one unit") }
        let budget = node["budget"], costs = node["costs"], retirement = node["retirement"], recruitment = node["recruitment"]
        let quarterShares = budget?["quarterShares"]?.elements?.compactMap(\.number) ?? [0.25, 0.25, 0.25, 0.25]
        if quarterShares.count != 4 || abs(quarterShares.reduce(0, +) - 1) > 1e-6 {
            problem(budget?["quarterShares"], "\(path).budget.quarterShares", "expected 4 shares that add up to 1")
        }
        let jobLevelShares = JobLevel.allCases.map { number(node["jobLevelShares"], $0.id) }
        if jobLevelShares.reduce(0, +) <= 0 { problem(node["jobLevelShares"], "\(path).jobLevelShares", "expected a positive total") }
        let educationShares = Education.allCases.map { number(node["educationShares"], $0.id) }
        if educationShares.reduce(0, +) <= 0 { problem(node["educationShares"], "\(path).educationShares", "expected a positive total") }
        let projectsNode = node["projects"]
        var projects = ProjectParameters()
        projects.perYear = number(projectsNode, "perYear")
        projects.plannedMonths = number(projectsNode, "plannedMonths")
        projects.budgetRupiah = number(projectsNode, "budgetRupiah")
        projects.slipChanceNovice = number(projectsNode, "slipChanceNovice")
        projects.slipChanceExpert = number(projectsNode, "slipChanceExpert")
        projects.overrunPerSlippedMonth = number(projectsNode, "overrunPerSlippedMonth")
        // The region's policy: the scenario's, with the region's own keys laid over it.
        var policyTree = raw["policy"] ?? JSONNode(.object([]))
        if let own = raw["regions"]?[id]?["policy"] { policyTree = policyTree.merged(with: own) }
        let policy = compilePolicy(policyTree.fillingDefaults(ScenarioFormat.policyFields), domainIDs: domainIDs,
                                   programmeIDs: root["programmes"]?.members?.map(\.key) ?? [])
        var compiled = RegionParameters(
            id: id, name: text(node, "name", id), population: number(node, "population"), headcount: Int(number(node, "headcount", 1)),
            pppkShare: number(node, "pppkShare"), jobLevelShares: jobLevelShares, educationShares: educationShares,
            ageMean: number(node["age"], "mean", 43), ageSD: number(node["age"], "sd", 9),
            motivationMean: number(node["motivation"], "mean", 0.6), motivationSD: number(node["motivation"], "sd", 0.15),
            initialGapLevels: number(node, "initialGapLevels"), units: units,
            budgetRupiahPerYear: number(budget, "rupiahPerYear"), quarterShares: quarterShares, budgetCarryOver: flag(budget, "carryOver"),
            dailyAllowanceRupiah: number(costs, "dailyAllowanceRupiah"), travelPerParticipantRupiah: number(costs, "travelPerParticipantRupiah"),
            internetQuality: number(node, "internetQuality"),
            retirementAge: JobLevel.allCases.map { number(retirement?["ageByJobLevel"], $0.id, 58) },
            otherExitRatePerYear: number(retirement, "otherExitRatePerYear"), replaceShare: number(recruitment, "replaceShare"),
            recruitmentLagMonths: number(recruitment, "lagMonths"), recruitmentPPPKShare: number(recruitment, "pppkShare"),
            projects: projects, policy: policy)
        compiled.newcomerAgeCPNS = number(recruitment, "cpnsAgeYears", 27)
        compiled.newcomerAgePPPK = number(recruitment, "pppkAgeYears", 38)
        compiled.newcomerMotivationLift = number(recruitment, "motivationLift", 0.1)
        return compiled
    }

    func compilePolicy(_ node: JSONNode, domainIDs: [String], programmeIDs: [String]) -> PolicyParameters {
        var p = PolicyParameters()
        p.allocation = AllocationRule(rawValue: text(node, "allocation", "needsBased")) ?? .needsBased
        p.participatory = text(node, "needsAnalysis") == "participatory"
        p.participatoryHoursPerEmployee = number(node, "participatoryHoursPerEmployee")
        p.complaintWeighting = flag(node, "complaintWeighting")
        p.complaintWeight = number(node, "complaintWeight")
        p.targetJPPerYear = number(node, "targetJPPerYear")
        p.pppkMaxJPPerYear = number(node, "pppkMaxJPPerYear")
        p.maxJPPerEmployeePerYear = number(node, "maxJPPerEmployeePerYear")
        p.maxAwayShare = number(node, "maxAwayShare")
        var blackout = [Bool](repeating: false, count: 12)
        for month in node["blackoutMonths"]?.elements?.compactMap(\.number) ?? [] where (1...12).contains(Int(month)) {
            blackout[Int(month) - 1] = true
        }
        p.blackoutMonths = blackout
        p.leadershipSupport = number(node, "leadershipSupport")
        let incentive = node["incentive"], award = node["award"], forums = node["forums"], evaluation = node["evaluation"]
        p.incentiveEnabled = flag(incentive, "enabled")
        p.incentiveRupiahPerCompletion = number(incentive, "rupiahPerCompletion")
        p.incentiveCompletionOddsMultiplier = number(incentive, "completionOddsMultiplier", 1)
        p.incentiveWearOffHalfLifeMonths = number(incentive, "wearOffHalfLifeMonths", 4)
        p.awardEnabled = flag(award, "enabled")
        p.awardTopShare = number(award, "topShare")
        p.awardRecipientBoost = number(award, "recipientBoost")
        p.awardPeerBoost = number(award, "peerBoost")
        p.awardFadeHalfLifeMonths = number(award, "fadeHalfLifeMonths", 6)
        p.awardRupiahPerRecipient = number(award, "rupiahPerRecipient")
        p.awardMonth = Int(number(award, "month", 8))
        p.forumsEnabled = flag(forums, "enabled")
        p.forumEveryMonths = Int(number(forums, "everyMonths", 1))
        p.forumDomains = (forums?["domains"]?.elements?.compactMap(\.string) ?? []).compactMap { domainIDs.firstIndex(of: $0) }
        p.forumParticipationShare = number(forums, "participationShare")
        p.forumPullShare = number(forums, "pullShare")
        p.forumJP = number(forums, "jpPerForum")
        p.forumCostPerParticipantRupiah = number(forums, "costPerParticipantRupiah")
        p.evaluationEnabled = evaluation?["enabled"]?.bool ?? true
        p.evaluationEveryMonths = Int(number(evaluation, "everyMonths", 6))
        p.evaluationThresholdShareOfMedian = number(evaluation, "thresholdShareOfMedian")
        p.evaluationMaxBudgetShift = number(evaluation, "maxBudgetShift")
        p.evaluationNoiseSD = number(evaluation, "measurementNoiseSD")
        p.evaluationDropAfterFailures = Int(number(evaluation, "dropAfterFailures", 2))
        let exempt = evaluation?["exemptProgrammes"]?.elements?.compactMap(\.string) ?? []
        p.evaluationExempt = programmeIDs.map { exempt.contains($0) }
        return p
    }
}
