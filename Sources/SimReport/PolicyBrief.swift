import SimCore
import SimWorkforce
import SimExperiment

/// The brief's language: Bahasa Indonesia (default) or English.
public typealias BriefLanguage = Language

/// The policy brief, for a Kepala BKPSDM or Bappeda: a first page that answers each scenario's
/// question in a sentence per region (effect, interval, and whether it is a real difference),
/// year 1 beside the horizon, charts that compare each what-if with the baseline, the adaptive
/// policy's decisions in words, and what the model assumes. Numbers follow the language's
/// conventions and are rounded to what their interval supports (``NumberStyle``).
///
/// `brief.html` is self-contained (inline CSS and SVG, no network), well-formed XHTML and prints on
/// A4; every figure and plotted value carries the CSV value it came from in `data-*` attributes.
public struct PolicyBrief {
    let result: ExperimentResult
    let labels: [ScenarioLabels]
    let baseline: Int
    let language: Language
    let replications: Int
    let seed: UInt64
    /// The regions reported (by index in the baseline), all unless `--region` names one.
    let regions: [Int]
    let style: NumberStyle
    /// The uncertain inputs drawn per replication (`run --uncertain`); empty for a run at fixed values.
    public var uncertainPaths: [String] = []

    public init(result: ExperimentResult, labels: [ScenarioLabels], baseline: Int, language: Language, replications: Int, seed: UInt64,
                region: String? = nil) {
        self.result = result
        self.labels = labels
        self.baseline = baseline
        self.language = language
        self.replications = replications
        self.seed = seed
        let all = Array(labels[baseline].regionIDs.indices)
        regions = region.map { id in all.filter { labels[baseline].regionIDs[$0] == id } } ?? all
        style = NumberStyle(language)
    }

    func t(_ id: String, _ en: String) -> String { language == .id ? id : en }

    /// The scenarios compared with the baseline: none when the run has no baseline.
    var whatIfs: [Int] { result.hasBaseline ? labels.indices.filter { $0 != baseline && labels[$0].isReported } : [] }
    func name(_ s: Int) -> String { labels[s].name.text(in: language) }
    func regionName(_ r: Int) -> String { labels[baseline].regionNames[r] }
    var firstYear: Int { labels[baseline].startYear }
    var lastYear: Int { firstYear + result.years - 1 }

    func definition(_ s: Int, _ id: String) -> (index: Int, definition: MetricDefinition)? {
        guard let m = labels[s].metrics.firstIndex(where: { $0.id == id }) else { return nil }
        return (m, labels[s].metrics[m])
    }

    /// A what-if against the baseline on one metric in one region, at the horizon or in one year.
    struct Comparison {
        let metric: BriefMetric
        let summary: HorizonSummary
        let higherIsBetter: Bool?
        let base: Estimate
        let value: Estimate
        let delta: Estimate
        /// The calendar year, or `nil` for the horizon.
        let year: Int?

        /// The paired 95% interval excludes zero.
        var isSignificant: Bool { delta.low.isFinite && delta.high.isFinite && (delta.low > 0 || delta.high < 0) }
        /// Every replication gave exactly the baseline's value.
        var isIdentical: Bool { delta.mean == 0 && delta.standardDeviation == 0 }
        /// Whether the difference is an improvement (`nil`: the metric has no direction).
        var improves: Bool? { higherIsBetter.map { $0 == (delta.mean > 0) } }

        /// Roughly how many replications a paired interval needs to exclude zero if the mean
        /// difference stays as estimated: n ≈ (2·sd/|Δ|)², rounded up to tens.
        var replicationsToResolve: Int? {
            guard !isSignificant, delta.mean != 0, delta.standardDeviation.isFinite else { return nil }
            let n = (2 * delta.standardDeviation / abs(delta.mean)) * (2 * delta.standardDeviation / abs(delta.mean))
            guard n < 100_000 else { return nil }
            return max(delta.replications + 10, Int((n / 10).rounded(.up)) * 10)
        }
    }

    func comparison(_ s: Int, region r: Int, _ metric: BriefMetric, year: Int? = nil) -> Comparison? {
        guard r < result.regionCounts[s], r < result.regionCounts[baseline],
              let (m, definition) = definition(s, metric.id), let (mb, _) = self.definition(baseline, metric.id) else { return nil }
        let value: Estimate, base: Estimate, delta: Estimate
        if let year {
            let y = year - firstYear, years = result.years
            value = Estimate(result.yearly[s][r][m * years + y])
            base = Estimate(result.yearly[baseline][r][mb * years + y])
            delta = Estimate(result.yearlyDelta[s][r][m * years + y])
        } else {
            value = Estimate(result.horizon[s][r][m])
            base = Estimate(result.horizon[baseline][r][mb])
            delta = Estimate(result.pairedDelta[s][r][m])
        }
        guard value.mean.isFinite, base.mean.isFinite, delta.mean.isFinite else { return nil }
        return Comparison(metric: metric, summary: definition.summary, higherIsBetter: definition.higherIsBetter,
                          base: base, value: value, delta: delta, year: year)
    }

    /// A what-if leaves a region exactly as the baseline has it in every replication and metric
    /// (it changes only another region).
    func leavesUntouched(_ s: Int, region r: Int) -> Bool {
        guard r < result.regionCounts[s], r < result.pairedDelta[s].count else { return false }
        return result.pairedDelta[s][r].allSatisfy { $0.count == 0 || ($0.mean == 0 && $0.standardDeviation == 0) }
    }

    /// "akhir 2031", "rata-rata 2031", "total 2027–2031" for a comparison.
    func when(_ c: Comparison) -> String {
        if let year = c.year { return BriefWords.when(c.summary, firstYear: year, lastYear: year, language) }
        return BriefWords.when(c.summary, firstYear: firstYear, lastYear: lastYear, language)
    }

    // MARK: - Figures

    /// A figure of a comparison. The two levels compared are both shown to the precision of
    /// their paired difference (pairing is what makes the difference precise), so
    /// "80,1 → 80,4 (+0,3)" never reads "80 → 80 (+0,3)". The figure
    /// records the interval that governs its rounding (`data-ci-*`) for the tests.
    func figure(_ s: Int, _ r: Int, _ c: Comparison, role: Figure.Role) -> Piece {
        let own = role == .baseline ? c.base : role == .value ? c.value : c.delta
        let quantity = c.metric.quantity
        let scale = style.layout(own, quantity).scale
        var governing = own
        if (role == .baseline || role == .value) && s != baseline && style.layout(c.delta, quantity).scale.factor == scale.factor {
            governing = c.delta
        }
        let places = style.layout(governing, quantity).places
        let text: String
        switch role {
        case .baseline, .value: text = style.value(own.mean, quantity, places: places)
        case .delta: text = style.difference(own, quantity)
        case .interval: text = style.interval(own, quantity, signed: true)
        }
        let scenario = role == .baseline ? labels[baseline].id : labels[s].id
        var figure = Figure(scenario: scenario, region: labels[baseline].regionIDs[r], metric: c.metric.id, role: role,
                            period: c.year.map(String.init) ?? "horizon", value: role == .interval ? own.low : own.mean,
                            halfWidth: governing.halfWidth, scale: scale.factor)
        figure.governing = (governing.mean, governing.low, governing.high)
        if role == .interval { figure.high = own.high }
        return .figure(text, figure)
    }

    /// "berbeda nyata" / "tidak berbeda nyata".
    func significance(_ c: Comparison) -> String {
        c.isSignificant ? t("berbeda nyata", "a significant difference") : t("tidak berbeda nyata", "not a significant difference")
    }
}
