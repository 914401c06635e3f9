import SimCore
import SimWorkforce

/// The scenario file format, version 1: every key a planner can write, its type, its default and
/// the source of that default. `simulate schema` and `docs/scenario-format.md` come from here.
///
/// Parameters are declared once, beside the struct that holds them in SimWorkforce (their key,
/// range, unit, default, meaning and source); this file adds only the structural keys the compiler
/// reads by hand: names, ids, references, weights and lists.
public enum ScenarioFormat {
    public static let schemaVersion = 1

    /// The keys whose value is the path of a personal-data file (a roster, a booked-session
    /// calendar that names roster rows, records that name NIPs): outputs record such a path by its SHA-256 only.
    public static let personalDataKeys: Set<String> = ["roster", "bookedSessions", "history"]

    /// A `--set PATH=VALUE` as outputs may record it: the value replaced by its SHA-256 when PATH
    /// names a personal-data file.
    public static func recordable(_ assignment: String) -> String {
        guard let equals = assignment.firstIndex(of: "=") else { return assignment }
        let path = assignment[..<equals]
        let last = path.split(separator: ".").last.map(String.init) ?? ""
        guard personalDataKeys.contains(last) else { return assignment }
        return "\(path)=sha256:\(SHA256.hex(of: Array(assignment[assignment.index(after: equals)...].utf8)))"
    }

    public static let modeNames = Mode.ids
    public static let jobLevelNames = JobLevel.ids
    public static let educationNames = Education.ids

    // MARK: - Modes

    static let modeFields = Field.declared(
        ModeParameters.specs(),
        structural: [
            "switchTo": Field(
                "switchTo", .reference(.mode), doc: "the mode an evaluation switches an ineffective programme to", source: "assumption")
        ])

    static let defaultModes: JSONValue = .obj(
        Mode.allCases.map { mode in
            let parameters = ModeParameters.defaults(for: mode)
            var pairs = Field.values(ModeParameters.specs(parameters))
            if let next = parameters.switchTo { pairs.append(("switchTo", .s(next.id))) }
            return (mode.id, .obj(pairs))
        })

    // MARK: - Domains

    static let domainFields = Field.declared(
        DomainParameters.specs(),
        structural: [
            "name": Field("name", .localizedText, doc: "the domain's name in reports (a string, or `id` and `en`)"),
            "requiredLevel": Field(
                "requiredLevel", .weights(.jobLevel),
                default: .obj([("jpt", .n(4)), ("administrator", .n(3)), ("pengawas", .n(2)), ("pelaksana", .n(1)), ("fungsional", .n(2))]),
                doc: "required level (1–5) per job level at the start",
                source: "PermenPAN-RB 38/2017 (managerial levels); fungsional 2 is an assumption"),
            "roles": Field(
                "roles", .list(.choice(DomainRole.ids)), default: .list([]),
                doc:
                    "what the model asks of the domain: citizenService (one domain: its competency sets handling time and complaint resolution), projectManagement (its competency sets how projects slip)",
                source: "MODEL.md §7–8"),
        ])

    static func domain(
        _ name: (id: String, en: String), _ kind: DomainKind, drift: Double, required: [Double], roles: [DomainRole]
    ) -> JSONValue {
        .obj([
            ("name", .obj([("id", .s(name.id)), ("en", .s(name.en))])), ("kind", .s(kind.rawValue)), ("requirementDriftPerYear", .n(drift)),
            ("requiredLevel", .obj(zip(jobLevelNames, required).map { ($0, .n($1)) })), ("roles", .list(roles.map { .s($0.rawValue) })),
        ])
    }

    static let defaultDomains: JSONValue = .obj([
        ("digital", domain(("TI dan e-government", "IT and e-government"), .teknis, drift: 0.1, required: [3, 3, 2, 2, 2], roles: [])),
        (
            "service",
            domain(
                ("Pelayanan publik dan penanganan pengaduan", "Public service and complaint handling"), .teknis, drift: 0,
                required: [3, 3, 2, 2, 2], roles: [.citizenService])
        ),
        (
            "management",
            domain(
                ("Manajemen proyek dan keuangan", "Project and financial management"), .manajerial, drift: 0, required: [4, 3, 2, 1, 2],
                roles: [.projectManagement])
        ),
        (
            "leadership",
            domain(("Kepemimpinan", "Leadership"), .manajerial, drift: 0, required: [4, 3, 2, 1, 1], roles: [.projectManagement])
        ),
        (
            "socioCultural",
            domain(
                ("Komunikasi dan etika kerja", "Communication and work ethics"), .sosialKultural, drift: 0, required: [4, 3, 2, 1, 2],
                roles: [])
        ),
    ])

    // MARK: - Calendar periods

    /// When a period falls: a named season or a date window. Shared by no-training periods and
    /// demand peaks.
    static let periodFields: [Field] = [
        Field(
            "period", .choice(NamedPeriod.ids),
            doc:
                "a season that follows the calendar each year: lebaran (7 days before Idul Fitri to 7 after), ramadan (the 30 days before Idul Fitri), idulAdha (2 days before to 3 after), yearEnd (December); or give from and to"
        ),
        Field(
            "daysBefore", .integer(minimum: -400, maximum: 400), unit: "calendar days",
            doc: "with period: start this many days before its anchor (1 Syawal, 10 Dzulhijjah, 31 December) instead of the default"),
        Field(
            "daysAfter", .integer(minimum: -400, maximum: 400), unit: "calendar days",
            doc: "with period: end this many days after its anchor instead of the default"),
        Field("from", .date, doc: "first day of a date window (with to, instead of period)"),
        Field("to", .date, doc: "last day of a date window; with MM-DD dates the window recurs every year"),
    ]

    static let noTrainingFields: [Field] =
        periodFields + [
            Field(
                "units", .list(.reference(.unit)),
                doc: "units whose staff it keeps on duty (default every unit: sessions are then not placed in the window at all)"),
            Field(
                "modes", .list(.reference(.mode)), doc: "modes it stops (default all; list the face-to-face modes to let e-learning go on)"),
            Field("programmes", .list(.reference(.programme)), doc: "programmes it stops (default all)"),
            Field("note", .text, doc: "why"),
        ]

    static let demandFields: [Field] = [
        Field(
            "monthly", .list(.number(minimum: 0, maximum: nil, aboveMinimum: false), minimumCount: 12),
            doc: "relative demand in each calendar month, January first (12 numbers; default all 1)"),
        Field(
            "peaks",
            .list(
                .record(
                    periodFields + [
                        Field(
                            "multiplier", .number(minimum: 0, maximum: nil, aboveMinimum: false), required: true, unit: "multiplier",
                            doc: "demand on the period's days relative to the rest of its month")
                    ])), doc: "periods with more (or less) demand, on top of the monthly profile"),
        Field(
            "source", .localizedText, required: true,
            doc: "where the profile comes from (a statistic or study), or 'assumption' with the reasoning in docs/model.md"),
    ]

    // MARK: - Policy

    static let policyFields = Field.declared(
        PolicyParameters.specs(),
        structural: [
            "blackoutMonths": Field(
                "blackoutMonths", .list(.integer(minimum: 1, maximum: 12)), default: .list([.n(12)]),
                doc: "calendar months (1–12) with no session (December: fiscal closing)", source: "MODEL.md §5"),
            "noTraining": Field(
                "noTraining", .list(.record(noTrainingFields)), default: .list([]),
                doc: "periods with no training of some modes or programmes for some units (a named season or a date window, each year)",
                source: "none unless the scenario names them (MODEL.md §5)"),
            "forums.domains": Field("domains", .list(.reference(.domain)), doc: "domains discussed, one per forum in turn (default all)"),
            "evaluation.exemptProgrammes": Field(
                "exemptProgrammes", .list(.reference(.programme)), default: .list([]),
                doc: "programmes measured but never changed (mandated ones such as Latsar)",
                source: "Perlan LAN 1/2021: Latsar is mandatory"),
        ])

    // MARK: - Regions

    static let unitFields = Field.declared(
        UnitParameters.specs(),
        structural: [
            "name": Field("name", .text, doc: "the unit's name in reports"),
            "usage": Field(
                "usage", .weights(.domain), default: .emptyObject,
                doc: "how much the job uses each domain, 0–1 (unused domains decay fastest)"),
            "maxAwayShare": Field(
                "maxAwayShare", .number(minimum: 0, maximum: 1, aboveMinimum: false), unit: "share",
                doc: "the unit's own away cap: most of its staff off duty for training at once (default the policy's maxAwayShare)"),
            "service": Field(
                "service",
                .record(
                    Field.declared(
                        ServiceChannelParameters.specs(),
                        structural: [
                            "demand": Field(
                                "demand", .record(demandFields),
                                doc:
                                    "seasonal demand: a monthly profile and peaks, scaled so each year's mean is requestsPerDay (default flat)"
                            )
                        ])),
                doc: "the citizen-service channel, if the unit serves citizens directly"),
        ])

    static let regionFields = Field.declared(
        RegionParameters.specs(),
        structural: [
            "name": Field("name", .text, doc: "the region's name in reports"),
            "jobLevelShares": Field(
                "jobLevelShares", .weights(.jobLevel),
                default: .obj([
                    ("jpt", .n(0.005)), ("administrator", .n(0.03)), ("pengawas", .n(0.075)), ("pelaksana", .n(0.38)),
                    ("fungsional", .n(0.51)),
                ]),
                doc: "share of staff per job level",
                source: "BKN 2021: struktural 11%, fungsional 51%, pelaksana 38%; split of struktural is an assumption"),
            "educationShares": Field(
                "educationShares", .weights(.education),
                default: .obj([("sma", .n(0.14)), ("diploma", .n(0.15)), ("s1", .n(0.62)), ("s2", .n(0.085)), ("s3", .n(0.005))]),
                doc: "share of staff per education level", source: "BKN 2023: 71% sarjana, 14% SD–SMA; S2/S3 split is an assumption"),
            "units": Field("units", .table(.unit, .record(unitFields)), required: true, doc: "groups of OPD"),
            "budget.quarterShares": Field(
                "quarterShares", .list(.number(minimum: 0, maximum: 1, aboveMinimum: false)),
                default: .list([.n(0.25), .n(0.25), .n(0.25), .n(0.25)]),
                doc: "share of the year's budget released each quarter", source: "assumption"),
            "retirement.ageByJobLevel": Field(
                "ageByJobLevel", .weights(.jobLevel),
                default: .obj([
                    ("jpt", .n(60)), ("administrator", .n(58)), ("pengawas", .n(58)), ("pelaksana", .n(58)), ("fungsional", .n(58)),
                ]),
                doc: "retirement age (BUP) per job level (years)", source: "UU 20/2023 and PP 11/2017 (BUP 58/60; 65 for ahli utama)"),
            "policy": Field(
                "policy",
                .record(
                    policyFields.map {
                        var f = $0
                        f.defaultValue = nil
                        return f
                    }),
                doc: "overrides of the scenario's policy for this region"),
            "roster": Field(
                "roster", .text,
                doc:
                    "path of the region's roster CSV (relative to the file that names it): its rows replace the workforce drawn from the shares above, and headcount (or, with rosterCovers, the staff of the units it lists); docs/roster.md"
            ),
            "rosterCovers": Field(
                "rosterCovers", .list(.reference(.unit), minimumCount: 1),
                doc:
                    "the units the roster holds when it is not the whole region (left out: the roster is everyone); the other units are drawn at their shares of headcount, and every roster row must be in a listed unit"
            ),
            "rosterMapping": Field(
                "rosterMapping", .record(rosterMappingFields),
                doc: "the region's own values in its roster file mapped to the model's, read before the built-in spellings (docs/roster.md)"
            ),
            "history": Field(
                "history", .list(.text, minimumCount: 1),
                doc:
                    "files or folders of the region's records (course history, SKM results, queue logs, budget realisation, headcount), each file recognised by its columns; read by `simulate history-check`, not by a run (docs/history.md)"
            ),
            "startState": Field(
                "startState", .record(startStateFields), doc: "where the region is on the start date beyond its staff (docs/roster.md)"),
            "intake": Field(
                "intake", .list(.record(intakeFields)), default: .list([]),
                doc: "dated appointments of new CPNS or PPPK (a formasi, a wave of PPPK), beside the replacement of leavers",
                source: "none unless the scenario names them: the region's formasi and SK dates"),
        ])

    static let intakeFields: [Field] = [
        Field("month", .month(), required: true, doc: "the month they join, on its first working day (YYYY-MM)"),
        Field("people", .integer(minimum: 1, maximum: 200_000), required: true, unit: "people", doc: "how many join"),
        Field(
            "status", .choice(["cpns", "pppk", "pppkPartTime"]), required: true,
            doc:
                "cpns (owe Latsar), pppk, or pppkPartTime (PPPK paruh waktu, KepmenPANRB 16/2025: PPPK under the same JP rules, working recruitment.partTimeDutyShare of full hours)"
        ),
        Field("units", .weights(.unit), doc: "their spread over the units (default the region's unit shares)"),
        Field("note", .text, doc: "where the number comes from"),
    ]

    static let startStateFields: [Field] = [
        Field(
            "budgetSpentRupiah", .number(minimum: 0, maximum: nil), default: .n(0), unit: "Rupiah",
            doc: "spent from the start date's fiscal-year budget before the start", source: "the region's own accounts"),
        Field(
            "bookedSessions", .text,
            doc: "path of a CSV of sessions already booked: programme, start, end, seats, participants (docs/roster.md)"),
        Field(
            "waiting", .weights(.unit), default: .emptyObject, unit: "people",
            doc: "citizens already waiting at each unit's counter on the start date"),
        Field(
            "cpnsOwingLatsar", .integer(minimum: 0, maximum: 200_000), default: .n(0), unit: "people",
            doc:
                "CPNS of the last formasi who have not done Latsar on the start date: the PNS with the shortest service of a drawn workforce (a roster says it per person)",
            source: "the region's own records (BKPSDM); 0 unless given"),
    ]

    static let shockFields: [Field] = [
        Field("kind", .choice(["suspendMode", "budgetCut", "requirementJump"]), required: true, doc: "what happens"),
        Field("from", .month(), required: true, doc: "first month affected (YYYY-MM)"),
        Field("to", .month(endOfWindow: true), doc: "last month affected (YYYY-MM), may lie past the horizon; default: to the end"),
        Field("region", .reference(.region), doc: "the region affected (default all)"),
        Field("mode", .reference(.mode), doc: "suspendMode: the mode suspended"),
        Field(
            "share", .number(minimum: 0, maximum: 1, aboveMinimum: false), default: .n(0.3), unit: "share",
            doc: "budgetCut: share of the remaining yearly budget cut", source: "assumption"),
        Field("domain", .reference(.domain), doc: "requirementJump: the domain"),
        Field(
            "levels", .number(minimum: -4, maximum: 4, aboveMinimum: false), default: .n(1), unit: "levels",
            doc: "requirementJump: change of the required level", source: "assumption"),
        Field("note", .text, doc: "why"),
    ]

    /// The brief's settings.
    static let briefFields: [Field] = [
        Field(
            "outcome", .choice(BriefOutcome.choices),
            doc:
                "the outcome the first page ranks the options by: a region metric with a direction (docs/outputs.md); default `jp.pns_reaching_20`, the PNS who reach the 20 JP every PNS is owed a year"
        )
    ]

    // MARK: - The whole file

    public static let root: [Field] = [
        Field("schemaVersion", .integer(minimum: 1, maximum: 1), required: true, doc: "version of this format (1)"),
        Field(
            "extends", .text, doc: "path of a scenario this one modifies: relative to this file, absolute, or in the home directory (`~/…`)"
        ),
        Field("id", .text, doc: "short id used in outputs (default: the file name without .json)"),
        Field(
            "name", .localizedText, doc: "title shown in reports, in Bahasa Indonesia (`id`) and English (`en`); a plain string serves both"
        ),
        Field(
            "shortName", .localizedText,
            doc:
                "a short title for chart labels, in `id` and `en` like `name` (default: `name`; a label too long for its chart is cut, or replaced by the id where two cut labels would read alike)"
        ),
        Field("question", .localizedText, doc: "the policy question this scenario answers, in `id` and `en` like `name`"),
        Field(
            "kind", .choice(ScenarioKind.allCases.map(\.rawValue)),
            doc:
                "`policy` (when absent): an option the region can choose, ranked on the brief's first page; `context`: a what-if about what the region does not choose (its data, an assumption, an event: another roster, a pandemic, a refocusing cut), compared in the brief but never ranked or recommended as an option. Not inherited by a file that extends this one"
        ),
        Field("notes", .text, doc: "free text"),
        Field(
            "sources", .textMap,
            doc:
                "JSON path → source of that value (regulation, statistic, study or 'assumption'); a plain string is quoted as written, {\"id\": …, \"en\": …} is shown in the brief's language"
        ),
        Field("simulation", .record(Field.declared(SimulationParameters.specs())), default: .emptyObject, doc: "clock and run settings"),
        Field(
            "domains", .table(.domain, .record(domainFields)), default: defaultDomains, doc: "competency domains",
            source: "MODEL.md §3 default domains; kinds and levels PermenPAN-RB 38/2017"),
        Field(
            "modes", .table(.mode, .record(modeFields)), default: defaultModes, doc: "delivery modes (fixed names)",
            source:
                "gains Sitzmann et al. 2006, 2011 and Jones et al. 2016 (coaching ≈ 0.3 SD); completion MODEL.md §4 and Jordan (online); duty shares and allowances are assumptions"
        ),
        Field("learning", .record(Field.declared(LearningParameters.specs())), default: .emptyObject, doc: "learning, transfer and decay"),
        Field(
            "motivation", .record(Field.declared(MotivationParameters.specs())), default: .emptyObject, doc: "monthly motivation dynamics"),
        Field(
            "participation", .record(Field.declared(ParticipationParameters.specs())), default: .emptyObject,
            doc: "invitations and completion"),
        Field(
            "serviceQuality", .record(Field.declared(ServiceQualityParameters.specs())), default: .emptyObject,
            doc: "how service outcomes follow from competency and waits"),
        Field(
            "ipASN", .record(Field.declared(IPASNParameters.specs())), default: .emptyObject,
            doc: "how the IP ASN proxy scores each dimension"),
        Field("programmes", .table(.programme, .record(programmeFields)), required: true, doc: "training programmes"),
        Field(
            "externalLearning", .table(.externalSource, .record(externalSourceFields)),
            doc:
                "learning outside the region's budget (LAN/BPSDM MOOCs and the ASN Corpu LMS, webinars, sector platforms): staff take its courses on their own, it costs the region nothing, credits JP and teaches a little (docs/model.md, Learning outside the budget)",
            source: "none unless the scenario names them"),
        Field("policy", .record(policyFields), default: .emptyObject, doc: "the training policy"),
        Field("regions", .table(.region, .record(regionFields)), required: true, doc: "regions and their workforce"),
        Field(
            "shocks", .list(.record(shockFields)), default: .list([]), doc: "dated overrides", source: "none unless the scenario names them"
        ),
        Field(
            "uncertainty", .pathTable(.record(uncertaintyFields)),
            doc:
                "what is not known of a number: for a scenario path (a `*` stands for every id of a table), its plausible range or distribution and why; read by `simulate sensitivity`, and drawn once per replication by `simulate run` unless `--fixed-inputs` (docs/uncertainty.md)"
        ),
        Field(
            "brief", .record(briefFields), default: .emptyObject,
            doc: "how the policy brief reads this scenario when it is the comparison (the baseline); a what-if that extends it inherits it"),
        Field(
            "optimise", .record(optimiseFields),
            doc:
                "a search for the best plan: the decisions it may change, the objective, the constraints and its budget; read by `simulate optimise` and ignored by every other command (docs/optimise.md)"
        ),
    ]
}

/// The outcome a brief's first page ranks options by.
public enum BriefOutcome {
    /// PNS reaching 20 JP a year: the obligation every option is held to (PP 17/2020 art. 203).
    public static let standard = Metric.pnsReaching20
    /// Region metrics with a direction: an option can be better or worse on them.
    public static let choices = Metric.allCases.filter { $0.definition.higherIsBetter != nil }.map(\.id)
}
