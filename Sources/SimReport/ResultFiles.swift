import SimExperiment

/// The result files of a run or a merge.
public enum ResultFiles {
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
