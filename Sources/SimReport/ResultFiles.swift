import SimExperiment

/// The result files of a run or a merge.
public enum ResultFiles {
    /// What each file holds, as `simulate run --help` lists them.
    public static let described = [
        "  summary.csv      one row per scenario × region × metric at the horizon, with 95% CIs and the",
        "                   paired difference to the baseline",
        "  yearly.csv       the same by calendar year, with each year's paired difference to the baseline",
        "  timeseries.csv   the same by month (YYYY-MM)",
        "  decisions.csv    what the periodic evaluation decided, over replications",
        "  programmes.csv   what each programme did each year: invited, completed, JP, spending, gap closed",
        "  services.csv     each service counter each year: requests, waits, utilisation, FCR, complaints, IKM",
        "  services-monthly.csv",
        "                   the same by month (YYYY-MM), without paired differences",
        "  services-hourly.csv",
        "                   each office counter by hour of arrival: numbers taken, mean and p90 wait",
        "  brief.md/.html   the policy brief with charts (Bahasa Indonesia by default)",
        "  run.json         version, command line, seed, replications, scenario fingerprints, wall time",
    ]

    public static func make(
        _ result: ExperimentResult, plan: RunPlan, locale: CSVLocale, language: BriefLanguage, region: String? = nil,
        metadata: String, warnings: [RunWarning] = [], workbook: Bool = false
    ) -> [(name: String, bytes: [UInt8])] {
        var result = result
        result.hasBaseline = plan.hasBaseline
        var brief = PolicyBrief(
            result: result, labels: plan.labels, baseline: plan.baseline, language: language,
            replications: plan.replications, seed: plan.seed, region: region)
        brief.uncertainPaths = plan.uncertainPaths
        brief.warnings = warnings
        let text: [(name: String, contents: String)] = [
            ("summary.csv", ResultTables.summary(result, labels: plan.labels).csv(locale)),
            ("timeseries.csv", ResultTables.timeseries(result, labels: plan.labels).csv(locale)),
            ("decisions.csv", ResultTables.decisions(result, labels: plan.labels).csv(locale)),
            ("programmes.csv", ResultTables.programmes(result, labels: plan.labels).csv(locale)),
            ("services.csv", ResultTables.services(result, labels: plan.labels).csv(locale)),
            ("services-monthly.csv", ResultTables.servicesMonthly(result, labels: plan.labels).csv(locale)),
            ("services-hourly.csv", ResultTables.servicesHourly(result, labels: plan.labels).csv(locale)),
            ("yearly.csv", ResultTables.yearly(result, labels: plan.labels).csv(locale)),
            ("brief.md", brief.markdown()),
            ("brief.html", brief.html()),
            ("run.json", metadata),
        ]
        let files = text.map { (name: $0.name, bytes: Array($0.contents.utf8)) }
        guard workbook else { return files }
        return files + [
            ("results.xlsx", Workbook.make(result, labels: plan.labels, baseline: plan.baseline, language: language, region: region))
        ]
    }
}
