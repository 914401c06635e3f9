/// The scenario file format, version 1: every key a planner can write, its type, its default and
/// the source of that default. `simulate schema` and `docs/scenario-format.md` come from here.
public enum ScenarioFormat {
    public static let schemaVersion = 1

    public static let modeNames = ["classroom", "workshop", "simulation", "elearning", "elearningPractice", "blended", "coaching"]
    public static let jobLevelNames = ["jpt", "administrator", "pengawas", "pelaksana", "fungsional"]
    public static let educationNames = ["sma", "diploma", "s1", "s2", "s3"]

    static func num(_ name: String, _ value: Double, min: Double? = 0, max: Double? = nil, above: Bool = false,
                    _ doc: String, _ source: String) -> Field {
        Field(name, .number(minimum: min, maximum: max, aboveMinimum: above), default: .n(value), doc: doc, source: source)
    }
    static func share(_ name: String, _ value: Double, _ doc: String, _ source: String) -> Field {
        num(name, value, min: 0, max: 1, doc, source)
    }
    static func positive(_ name: String, _ value: Double, _ doc: String, _ source: String) -> Field {
        num(name, value, min: 0, above: true, doc, source)
    }

    // MARK: - Modes

    static func mode(gain: Double, completion: Double, offDuty: Bool, dutyShare: Double, allowance: Double,
                     switchTo: String?) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("gainMultiplier", .n(gain)), ("completionProbability", .n(completion)),
                                            ("offDuty", .bool(offDuty)), ("dutyShareWhileTraining", .n(dutyShare)),
                                            ("allowanceShare", .n(allowance))]
        if let switchTo { pairs.append(("switchTo", .s(switchTo))) }
        return .obj(pairs)
    }

    static let modeFields: [Field] = [
        positive("gainMultiplier", 1, "learning gain relative to classroom training (multiplies baseGainSD)", "Sitzmann et al. 2006, 2011"),
        share("completionProbability", 0.9, "chance an attendee of average motivation completes", "assumption (MODEL.md §4: mandatory/classroom ≈ 0.90)"),
        Field("offDuty", .boolean, default: .bool(true), doc: "whether attendees leave duty for the whole session", source: "MODEL.md §4"),
        share("dutyShareWhileTraining", 0.2, "for modes that keep staff on duty: the share of duty time the course takes", "assumption"),
        share("allowanceShare", 1, "share of training days for which the daily allowance is paid", "assumption"),
        Field("switchTo", .reference(.mode), doc: "the mode an evaluation switches an ineffective programme to", source: "assumption"),
    ]

    static let defaultModes: JSONValue = .obj([
        ("classroom", mode(gain: 1.0, completion: 0.90, offDuty: true, dutyShare: 1, allowance: 1, switchTo: "blended")),
        ("workshop", mode(gain: 1.0, completion: 0.90, offDuty: true, dutyShare: 1, allowance: 1, switchTo: "simulation")),
        ("simulation", mode(gain: 1.12, completion: 0.90, offDuty: true, dutyShare: 1, allowance: 1, switchTo: nil)),
        ("elearning", mode(gain: 0.95, completion: 0.60, offDuty: false, dutyShare: 0.2, allowance: 0.25, switchTo: "elearningPractice")),
        ("elearningPractice", mode(gain: 1.15, completion: 0.60, offDuty: false, dutyShare: 0.25, allowance: 0.25, switchTo: "blended")),
        ("blended", mode(gain: 1.25, completion: 0.85, offDuty: true, dutyShare: 1, allowance: 0.5, switchTo: nil)),
        ("coaching", mode(gain: 0.5, completion: 0.90, offDuty: false, dutyShare: 0.1, allowance: 0, switchTo: nil)),
    ])

    // MARK: - Domains

    static let domainFields: [Field] = [
        Field("name", .text, doc: "the domain's name in reports"),
        Field("kind", .choice(["teknis", "manajerial", "sosialKultural"]), default: .s("teknis"),
              doc: "the official competency type", source: "PermenPAN-RB 38/2017"),
        num("requirementDriftPerYear", 0, min: -1, max: 1, "rise of the required level per year (levels/year)", "assumption (MODEL.md §3: digital +0.1)"),
        Field("requiredLevel", .weights(.jobLevel), default: .obj([("jpt", .n(4)), ("administrator", .n(3)), ("pengawas", .n(2)), ("pelaksana", .n(1)), ("fungsional", .n(2))]),
              doc: "required level (1–5) per job level at the start", source: "PermenPAN-RB 38/2017 (managerial levels); fungsional 2 is an assumption"),
    ]

    static func domain(_ name: String, _ kind: String, drift: Double, required: [Double]) -> JSONValue {
        .obj([("name", .s(name)), ("kind", .s(kind)), ("requirementDriftPerYear", .n(drift)),
              ("requiredLevel", .obj(zip(jobLevelNames, required).map { ($0, .n($1)) }))])
    }

    static let defaultDomains: JSONValue = .obj([
        ("digital", domain("IT and e-government", "teknis", drift: 0.1, required: [3, 3, 2, 2, 2])),
        ("service", domain("Public service and complaint handling", "teknis", drift: 0, required: [3, 3, 2, 2, 2])),
        ("management", domain("Project and financial management", "manajerial", drift: 0, required: [4, 3, 2, 1, 2])),
        ("leadership", domain("Leadership", "manajerial", drift: 0, required: [4, 3, 2, 1, 1])),
        ("socioCultural", domain("Communication and work ethics", "sosialKultural", drift: 0, required: [4, 3, 2, 1, 2])),
    ])

    // MARK: - Learning, motivation, participation

    static let learningFields: [Field] = [
        positive("baseGainSD", 0.6, "gain from completing a programme, in cohort SDs", "Arthur et al. 2003 (d ≈ 0.6)"),
        positive("cohortSpreadSD", 0.6, "SD of competency across a cohort (levels)", "assumption (MODEL.md §3)"),
        num("motivationEffectPerSD", 0.25, "relative gain per SD of motivation", "Colquitt et al. 2000 [recalled]"),
        num("participatoryRelevance", 1.2, min: 1, "gain multiplier when needs analysis is participatory", "assumption"),
        num("headroomLevels", 1.5, min: 0, above: true, "gains shrink linearly over this many levels below 5", "assumption"),
        Field("transfer", .record([
            share("immediateShare", 0.62, "share of a gain applied on the job right after training (T0)", "Saks & Belcourt 2006"),
            share("floorShare", 0.22, "long-run applied share (T∞)", "fit to Saks & Belcourt 2006 (62/44/34%)"),
            positive("timeConstantMonths", 10, "time constant τ of the fall from T0 to T∞ (months)", "fit to Saks & Belcourt 2006"),
            share("supportFloorGain", 0.15, "rise of T∞ at full leadership support", "assumption after Blume et al. 2010 [recalled]"),
            num("supportTimeConstantGain", 0.5, "relative rise of τ at full leadership support", "assumption"),
        ]), default: .emptyObject, doc: "how much of a gain is applied on the job over time"),
        Field("decay", .record([
            positive("halfLifeMonths", 11, "half-life of an unused gain, for a skill the job never uses (months)", "Tatel & Ackerman (6.5–13 months)"),
            share("refresherRestoreShare", 0.8, "share of unused knowledge a new course in the domain brings back into use", "spacing literature; assumption"),
        ]), default: .emptyObject, doc: "forgetting of unused gains"),
        Field("rampUp", .record([
            positive("timeConstantMonths", 9, "time constant of on-the-job learning for newcomers (months)", "De Grip et al. 2016 (≈ 90% in 9–12 months); assumption"),
            positive("peerFactor", 0.64, "time-to-proficiency multiplier next to experienced peers", "De Grip et al. 2016 (−36%)"),
            share("experiencedShareThreshold", 0.5, "share of a unit's staff with ≥ 2 years' tenure that counts as experienced peers", "assumption"),
            num("newcomerLevel", 1.2, min: 1, max: 5, "competency level newcomers start at", "assumption (MODEL.md §9: low competency)"),
            positive("proficientGapLevels", 0.3, "newcomers learn on the job until this close to the unit's experienced mean", "assumption"),
            positive("experiencedTenureMonths", 24, "tenure after which a colleague counts as experienced and ramp-up ends (months)", "assumption"),
        ]), default: .emptyObject, doc: "newcomers learning on the job"),
    ]

    static let motivationFields: [Field] = [
        share("monthlyAdjustment", 0.1, "share of the distance to the baseline closed each month", "assumption"),
        share("supportBaselineGain", 0.1, "rise of the motivation baseline at full leadership support", "assumption"),
        share("workloadPenalty", 0.3, "monthly fall per unit of utilisation above the workload threshold", "assumption"),
        share("completionBoost", 0.02, "rise after completing a programme (self-efficacy)", "assumption"),
    ]

    static let participationFields: [Field] = [
        share("baseAcceptance", 0.85, "chance an average invitee accepts", "assumption"),
        num("motivationEffect", 0.8, "log-odds of accepting per SD of motivation", "assumption"),
        num("supportEffect", 0.6, "log-odds of accepting at full leadership support", "assumption"),
        num("incentiveEffect", 0.5, "log-odds of accepting when completions are rewarded", "assumption"),
        num("awardEffect", 4, "log-odds of accepting per unit of award-driven motivation boost", "assumption"),
        share("workloadThreshold", 0.85, "unit utilisation above which participation falls", "MODEL.md §4 [A]; AES 2022 (schedule conflict is the most cited barrier)"),
        share("workloadMaxCut", 0.5, "largest relative cut in acceptance, reached at full utilisation", "MODEL.md §4 [A]"),
        num("motivationCompletionEffect", 0.4, "log-odds of completing per SD of motivation", "assumption"),
        share("internetCompletionPenalty", 0.5, "relative cut in e-learning completion when internet quality is 0", "assumption"),
        num("invitationLeadDays", 10, min: 0, "working days between invitations and the session's start", "assumption"),
    ]

    // MARK: - Service quality

    static let serviceQualityFields: [Field] = [
        share("fcrNovice", 0.55, "first-contact resolution of a novice handler", "MODEL.md §7 [A]"),
        share("fcrProficient", 0.85, "first-contact resolution of a proficient handler", "MODEL.md §7 [A]"),
        positive("handlingCurvature", 1.5, "γ in handling time t_min·(1 + (m − 1)(1 − ĉ)^γ)", "evidence.md §9 (γ 1–2) [A]"),
        share("complaintBase", 0.02, "chance of a complaint after any request", "assumption"),
        share("complaintIfUnresolved", 0.10, "extra chance when the request was not resolved", "assumption"),
        share("complaintIfLongWait", 0.08, "extra chance at a long wait (linear up to it)", "assumption"),
        positive("longWaitMinutes", 60, "a wait this long counts fully as long (minutes)", "assumption"),
        positive("timelinessScaleMinutes", 30, "timeliness of a request is e^(−wait/scale) (minutes)", "assumption"),
        share("weightTimeliness", 0.35, "weight of timeliness in satisfaction", "Citizens First driver ranking; weight assumed (MODEL.md §7)"),
        share("weightCompetence", 0.25, "weight of handler competence", "Citizens First driver ranking; weight assumed"),
        share("weightResolution", 0.20, "weight of resolution", "Citizens First driver ranking; weight assumed"),
        share("weightCourtesy", 0.10, "weight of courtesy (follows the handler's motivation)", "Citizens First driver ranking; weight assumed"),
        share("weightFairness", 0.10, "weight of fairness", "Citizens First driver ranking; weight assumed"),
        share("fairnessScore", 0.8, "fairness score of every request", "assumption"),
        positive("resolutionDaysNovice", 12.5, "mean working days to resolve a complaint in a novice unit", "assumption"),
        positive("resolutionDaysProficient", 2.5, "mean working days in a proficient unit", "assumption"),
    ]

    // MARK: - Programmes

    static let programmeFields: [Field] = [
        Field("name", .text, doc: "the programme's name in reports"),
        Field("domains", .weights(.domain), required: true, doc: "target domains and the share of the gain each receives"),
        Field("mode", .reference(.mode), required: true, doc: "delivery mode"),
        num("lengthJP", 24, min: 0, above: true, "length in JP (1 JP = 45 minutes)", "Perlan LAN 10/2018 [bg]"),
        num("seatsPerSession", 30, min: 1, "seats per session", "assumption"),
        num("sessionsPerYear", 4, min: 0, "most sessions a provider can run per year", "assumption"),
        num("feePerParticipantRupiah", 1_000_000, "course fee per participant (Rupiah), before allowance and travel", "assumption"),
        num("fixedCostPerSessionRupiah", 5_000_000, "fixed cost per session: venue, trainers (Rupiah)", "assumption"),
        num("platformCostPerYearRupiah", 0, "yearly platform cost, charged when the programme runs that year (Rupiah)", "assumption"),
        Field("outsideRegion", .boolean, default: .bool(false), doc: "held outside the region, so travel is paid", source: "MODEL.md §2"),
        Field("eligibleJobLevels", .list(.reference(.jobLevel)), doc: "job levels that may attend (default all)"),
        Field("eligibleUnits", .list(.reference(.unit)), doc: "units that may attend (default all)"),
        Field("employment", .choice(["all", "pns", "pppk"]), default: .s("all"), doc: "PNS, PPPK or both", source: "UU 20/2023: development is owed to every ASN"),
        Field("countsTowardJP", .boolean, default: .bool(true), doc: "whether its JP count toward the 20 JP a year", source: "PP 11/2017 art. 203"),
        Field("mandatoryForNewcomers", .boolean, default: .bool(false), doc: "planned first for every newcomer (Latsar)", source: "Perlan LAN 1/2021"),
    ]

    // MARK: - Policy

    static let policyFields: [Field] = [
        Field("allocation", .choice(["needsBased", "equalHours", "seniority", "random"]), default: .s("needsBased"),
              doc: "how seats and budget are allocated", source: "MODEL.md §6"),
        Field("needsAnalysis", .choice(["standard", "participatory"]), default: .s("standard"), doc: "participatory raises relevance and costs staff time", source: "MODEL.md §6"),
        num("participatoryHoursPerEmployee", 4, "staff hours per employee per year spent on a participatory needs analysis", "assumption"),
        Field("complaintWeighting", .boolean, default: .bool(false), doc: "weight domain gaps by citizen complaints about the domain", source: "MODEL.md §6"),
        num("complaintWeight", 2, "extra weight of a domain that draws all complaints", "assumption"),
        num("targetJPPerYear", 20, "JP each PNS is owed per year", "PP 11/2017 art. 203(4), as amended by PP 17/2020"),
        num("pppkMaxJPPerYear", 24, "most JP a PPPK may take per year", "Perlan LAN 15/2020"),
        num("maxJPPerEmployeePerYear", 80, min: 1, "most JP one employee is planned for per year", "assumption"),
        share("maxAwayShare", 0.10, "most of a unit's staff off duty for training at once", "assumption (MODEL.md §5)"),
        Field("blackoutMonths", .list(.integer(minimum: 1, maximum: 12)), default: .list([.n(12)]),
              doc: "calendar months (1–12) with no session (December: fiscal closing)", source: "MODEL.md §5"),
        share("leadershipSupport", 0.3, "supervisor and leadership support for learning, 0–1", "assumption"),
        Field("incentive", .record([
            Field("enabled", .boolean, default: .bool(false), doc: "reward completions", source: "assumption: off unless a scenario turns it on"),
            num("rupiahPerCompletion", 250_000, "reward per completion (Rupiah)", "assumption"),
            num("completionOddsMultiplier", 1.7, min: 1, "odds multiplier on completion when new", "Despujol et al. (×1.7)"),
            positive("wearOffHalfLifeMonths", 4, "half-life of the incentive's extra effect (months)", "Kim & Castelli; assumption"),
        ]), default: .emptyObject, doc: "incentives per completion"),
        Field("award", .record([
            Field("enabled", .boolean, default: .bool(false), doc: "hold the yearly ASN Berprestasi award", source: "assumption: no city award was found for Sawahlunto or Sorong"),
            share("topShare", 0.02, "share of staff awarded, by performance", "assumption"),
            share("recipientBoost", 0.15, "motivation lift of a recipient", "assumption"),
            share("peerBoost", 0.02, "motivation lift of a recipient's unit peers", "assumption"),
            positive("fadeHalfLifeMonths", 6, "half-life of the lift (months)", "assumption"),
            num("rupiahPerRecipient", 2_500_000, "prize per recipient, from the development budget (Rupiah)", "assumption"),
            Field("month", .integer(minimum: 1, maximum: 12), default: .n(8), doc: "calendar month of the award", source: "assumption"),
        ]), default: .emptyObject, doc: "the ASN Berprestasi award"),
        Field("forums", .record([
            Field("enabled", .boolean, default: .bool(false), doc: "hold knowledge-sharing forums", source: "assumption: off unless a scenario turns it on"),
            Field("everyMonths", .integer(minimum: 1, maximum: 12), default: .n(1), doc: "months between forums", source: "assumption"),
            Field("domains", .list(.reference(.domain)), doc: "domains discussed, one per forum in turn (default all)"),
            share("participationShare", 0.5, "share of a unit's staff attending a forum", "assumption"),
            share("pullShare", 0.05, "share of the way to the unit's upper quartile a participant moves", "assumption, uncalibrated: no study gives a per-forum effect; sweep it"),
            num("jpPerForum", 2, "JP credited per forum", "Perlan LAN 10/2018 (komunitas belajar counts) [bg]"),
            num("costPerParticipantRupiah", 25_000, "cost per participant (Rupiah)", "assumption"),
        ]), default: .emptyObject, doc: "knowledge-sharing forums (learning culture)"),
        Field("evaluation", .record([
            Field("enabled", .boolean, default: .bool(true), doc: "evaluate programmes and act on the result", source: "MODEL.md §6 (the regions' documents call for periodic evaluation)"),
            Field("everyMonths", .integer(minimum: 1, maximum: 24), default: .n(6), doc: "months between evaluations", source: "MODEL.md §6"),
            share("thresholdShareOfMedian", 0.6, "a programme below this share of the median effect is acted on", "assumption"),
            share("maxBudgetShift", 0.2, "most of a programme's remaining budget moved to the best programme", "MODEL.md §6; evidence.md §8 (±20%)"),
            num("measurementNoiseSD", 0.1, "SD of the measured gain per participant (levels)", "assumption"),
            Field("dropAfterFailures", .integer(minimum: 1, maximum: 10), default: .n(2), doc: "consecutive failing evaluations before a programme is dropped", source: "evidence.md §8 (2 cycles)"),
            Field("exemptProgrammes", .list(.reference(.programme)), default: .list([]),
                  doc: "programmes measured but never changed (mandated ones such as Latsar)", source: "Perlan LAN 1/2021: Latsar is mandatory"),
        ]), default: .emptyObject, doc: "periodic evaluation and continuous improvement"),
    ]

    // MARK: - Regions

    static let unitFields: [Field] = [
        Field("name", .text, doc: "the unit's name in reports"),
        positive("headcountShare", 0.2, "share of the region's staff in this unit (normalised)", "assumption"),
        Field("usage", .weights(.domain), default: .emptyObject, doc: "how much the job uses each domain, 0–1 (unused domains decay fastest)"),
        share("workload", 0.8, "utilisation of staff by routine work, 0–1", "assumption"),
        Field("service", .record([
            positive("requestsPerDay", 40, "citizen requests per working day", "assumption"),
            positive("minutesPerRequestProficient", 15, "mean handling time of a proficient handler (minutes)", "assumption"),
            num("noviceMultiplier", 1.6, min: 1, "handling time of a novice relative to a proficient handler", "De Grip et al. 2016"),
            share("counterShare", 0.3, "share of the unit's on-duty staff at the counter", "assumption"),
            Field("handlingDistribution", .choice(["lognormal", "exponential"]), default: .s("lognormal"),
                  doc: "distribution of handling time around its mean (exponential makes the channel M/M/c)", source: "MODEL.md §7"),
            num("handlingCV", 0.5, "coefficient of variation of a lognormal handling time", "assumption"),
            num("proficientLevel", 3, min: 1, max: 5, above: true, "service competency level at which a handler is fully proficient (Menengah)", "assumption"),
        ]), doc: "the citizen-service channel, if the unit serves citizens directly"),
    ]

    static let regionFields: [Field] = [
        Field("name", .text, doc: "the region's name in reports"),
        num("population", 0, "population (people)", "BPS"),
        Field("headcount", .integer(minimum: 1, maximum: 200_000), required: true, doc: "ASN at the start"),
        share("pppkShare", 0.11, "share of PPPK among ASN", "BKN Buku Statistik ASN Sem I 2023 (11%)"),
        Field("jobLevelShares", .weights(.jobLevel), default: .obj([("jpt", .n(0.005)), ("administrator", .n(0.03)), ("pengawas", .n(0.075)), ("pelaksana", .n(0.38)), ("fungsional", .n(0.51))]),
              doc: "share of staff per job level", source: "BKN 2021: struktural 11%, fungsional 51%, pelaksana 38%; split of struktural is an assumption"),
        Field("educationShares", .weights(.education), default: .obj([("sma", .n(0.14)), ("diploma", .n(0.15)), ("s1", .n(0.62)), ("s2", .n(0.085)), ("s3", .n(0.005))]),
              doc: "share of staff per education level", source: "BKN 2023: 71% sarjana, 14% SD–SMA; S2/S3 split is an assumption"),
        Field("age", .record([
            num("mean", 43, min: 18, max: 65, "mean age (years)", "BKN 2023 age mix (41–50: 32%, 51–60: 31%)"),
            positive("sd", 9, "SD of age (years)", "BKN 2023 age mix"),
        ]), default: .emptyObject, doc: "age at the start"),
        Field("motivation", .record([
            share("mean", 0.6, "mean motivation, 0–1", "assumption"),
            share("sd", 0.15, "SD of motivation", "assumption"),
        ]), default: .emptyObject, doc: "motivation at the start"),
        num("initialGapLevels", 0.4, min: -2, max: 3, "mean shortfall of competency below the required level at the start", "assumption; LAN 2024: 35% meet the competency standard"),
        Field("units", .table(.unit, .record(unitFields)), required: true, doc: "groups of OPD"),
        Field("budget", .record([
            num("rupiahPerYear", 0, "competency-development budget per year (Rupiah)", "regional budget"),
            Field("quarterShares", .list(.number(minimum: 0, maximum: 1, aboveMinimum: false)), default: .list([.n(0.25), .n(0.25), .n(0.25), .n(0.25)]),
                  doc: "share of the year's budget released each quarter", source: "assumption"),
            Field("carryOver", .boolean, default: .bool(false), doc: "unspent budget carries into the next year", source: "MODEL.md §5"),
        ]), default: .emptyObject, doc: "the development budget"),
        Field("costs", .record([
            num("dailyAllowanceRupiah", 110_000, "daily allowance per training day (Rupiah)", "PMK 49/2023"),
            num("travelPerParticipantRupiah", 0, "travel per participant for training outside the region (Rupiah)", "assumption"),
        ]), default: .emptyObject, doc: "cost context"),
        share("internetQuality", 0.7, "internet quality, 0–1 (e-learning completion)", "assumption"),
        Field("retirement", .record([
            Field("ageByJobLevel", .weights(.jobLevel), default: .obj([("jpt", .n(60)), ("administrator", .n(58)), ("pengawas", .n(58)), ("pelaksana", .n(58)), ("fungsional", .n(58))]),
                  doc: "retirement age (BUP) per job level (years)", source: "UU 20/2023 and PP 11/2017 (BUP 58/60; 65 for ahli utama)"),
            share("otherExitRatePerYear", 0.01, "other exits per year", "MODEL.md §9 [A]"),
        ]), default: .emptyObject, doc: "retirement and other exits"),
        Field("recruitment", .record([
            share("replaceShare", 0.8, "share of leavers replaced", "assumption"),
            num("lagMonths", 6, "months between a vacancy and the intake", "assumption"),
            share("pppkShare", 0.5, "share of intake hired as PPPK", "assumption (recent Sorong intakes mix CPNS and PPPK)"),
            num("cpnsAgeYears", 27, min: 18, max: 40, "mean age of new CPNS (years)", "assumption: CPNS are recruited up to 35"),
            num("pppkAgeYears", 38, min: 18, max: 60, "mean age of new PPPK (years)", "jpnn.com 2026: honorer over 35 were appointed PPPK"),
            share("motivationLift", 0.1, "how much more motivated newcomers start than the region's mean", "assumption"),
        ]), default: .emptyObject, doc: "CPNS/PPPK intake"),
        Field("projects", .record([
            num("perYear", 10, "development projects started per year", "assumption"),
            positive("plannedMonths", 8, "planned length (months)", "assumption"),
            num("budgetRupiah", 2_000_000_000, "budget per project (Rupiah)", "assumption"),
            share("slipChanceNovice", 0.3, "monthly chance of slipping a month with a novice manager", "assumption"),
            share("slipChanceExpert", 0.05, "monthly chance of slipping with an expert manager", "assumption"),
            share("overrunPerSlippedMonth", 0.04, "cost overrun per slipped month, share of budget", "assumption"),
        ]), default: .emptyObject, doc: "development projects"),
        Field("policy", .record(policyFields.map { var f = $0; f.defaultValue = nil; return f }),
              doc: "overrides of the scenario's policy for this region"),
    ]

    static let shockFields: [Field] = [
        Field("kind", .choice(["suspendMode", "budgetCut", "requirementJump"]), required: true, doc: "what happens"),
        Field("from", .month(), required: true, doc: "first month affected (YYYY-MM)"),
        Field("to", .month(endOfWindow: true), doc: "last month affected (YYYY-MM), may lie past the horizon; default: to the end"),
        Field("region", .reference(.region), doc: "the region affected (default all)"),
        Field("mode", .reference(.mode), doc: "suspendMode: the mode suspended"),
        share("share", 0.3, "budgetCut: share of the remaining yearly budget cut", "assumption"),
        Field("domain", .reference(.domain), doc: "requirementJump: the domain"),
        num("levels", 1, min: -4, max: 4, "requirementJump: change of the required level", "assumption"),
        Field("note", .text, doc: "why"),
    ]

    // MARK: - The whole file

    public static let root: [Field] = [
        Field("schemaVersion", .integer(minimum: 1, maximum: 1), required: true, doc: "version of this format (1)"),
        Field("extends", .text, doc: "path of a scenario this one modifies, relative to this file"),
        Field("id", .text, doc: "short id used in outputs (default: the file name without .json)"),
        Field("name", .text, doc: "title shown in reports"),
        Field("question", .text, doc: "the policy question this scenario answers"),
        Field("notes", .text, doc: "free text"),
        Field("sources", .textMap, doc: "JSON path → source of that value (regulation, statistic, study or 'assumption')"),
        Field("simulation", .record([
            Field("startYear", .integer(minimum: 2000, maximum: 2100), default: .n(2027), doc: "first fiscal year simulated", source: "assumption"),
            Field("years", .integer(minimum: 1, maximum: 30), default: .n(5), doc: "horizon (years)", source: "MODEL.md §1"),
            num("workingDaysPerYear", 245, min: 100, max: 366, "working days per year", "MODEL.md §1"),
            positive("hoursPerWorkingDay", 7.5, "duty hours per working day", "assumption (37.5 h/week)"),
            positive("jpPerTrainingDay", 8, "JP per classroom training day", "MODEL.md §4 [bg]"),
            Field("replications", .integer(minimum: 1, maximum: 100_000), default: .n(20), doc: "replications per scenario", source: "chosen for ±CI in README"),
            Field("seed", .integer(minimum: 0, maximum: 9_007_199_254_740_991), default: .n(2027), doc: "master seed", source: "any"),
            Field("serviceFidelity", .choice(["perRequest", "analytic"]), default: .s("perRequest"),
                  doc: "simulate every citizen request, or Erlang C per channel and day", source: "MODEL.md §7"),
        ]), default: .emptyObject, doc: "clock and run settings"),
        Field("domains", .table(.domain, .record(domainFields)), default: defaultDomains, doc: "competency domains",
              source: "MODEL.md §3 default domains; kinds and levels PermenPAN-RB 38/2017"),
        Field("modes", .table(.mode, .record(modeFields)), default: defaultModes, doc: "delivery modes (fixed names)",
              source: "gains Sitzmann et al. 2006, 2011 and Jones et al. 2016 (coaching ≈ 0.3 SD); completion MODEL.md §4 and Jordan (online); duty shares and allowances are assumptions"),
        Field("learning", .record(learningFields), default: .emptyObject, doc: "learning, transfer and decay"),
        Field("motivation", .record(motivationFields), default: .emptyObject, doc: "monthly motivation dynamics"),
        Field("participation", .record(participationFields), default: .emptyObject, doc: "invitations and completion"),
        Field("serviceQuality", .record(serviceQualityFields), default: .emptyObject, doc: "how service outcomes follow from competency and waits"),
        Field("programmes", .table(.programme, .record(programmeFields)), required: true, doc: "training programmes"),
        Field("policy", .record(policyFields), default: .emptyObject, doc: "the training policy"),
        Field("regions", .table(.region, .record(regionFields)), required: true, doc: "regions and their workforce"),
        Field("shocks", .list(.record(shockFields)), default: .list([]), doc: "dated overrides", source: "none unless the scenario names them"),
    ]
}
