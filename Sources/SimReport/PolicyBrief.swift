import SimCore
import SimExperiment
import SimWorkforce

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
    /// The regions reported, by id: the baseline's, then any only a what-if has, all unless
    /// `--region` names one. Every comparison finds a region by its id in each scenario.
    let regions: [String]
    let style: NumberStyle
    /// The uncertain inputs drawn per replication (`run --uncertain`); empty for a run at fixed values.
    public var uncertainPaths: [String] = []
    /// What the run says changes its answers without a word (``RunWarnings``), for the "Perhatian" box.
    public var warnings: [RunWarning] = []

    public init(
        result: ExperimentResult, labels: [ScenarioLabels], baseline: Int, language: Language, replications: Int, seed: UInt64,
        region: String? = nil
    ) {
        self.result = result
        self.labels = labels
        self.baseline = baseline
        self.language = language
        self.replications = replications
        self.seed = seed
        var all = labels[baseline].regionIDs
        for label in labels where label.isReported { for id in label.regionIDs where !all.contains(id) { all.append(id) } }
        regions = region.map { id in all.filter { $0 == id } } ?? all
        style = NumberStyle(language)
    }

    func t(_ id: String, _ en: String) -> String { language.pick(id, en) }

    /// The scenarios compared with the baseline: none when the run has no baseline.
    var whatIfs: [Int] { result.hasBaseline ? labels.indices.filter { $0 != baseline && labels[$0].isReported } : [] }
    func name(_ s: Int) -> String { labels[s].name.text(in: language) }
    /// Scenario `s`'s label on a chart: its short name, else its name, cut to fit; where two
    /// cut labels would read alike, the scenario's id (which is unique) instead.
    func chartName(_ s: Int, size: Double, maxWidth: Double, bold: Bool = false) -> String {
        func label(_ i: Int) -> String {
            SVGCanvas.fitted(labels[i].shortName?.text(in: language) ?? name(i), size: size, maxWidth: maxWidth, bold: bold)
        }
        let own = label(s)
        guard own.hasSuffix("…"), labels.indices.contains(where: { $0 != s && label($0) == own }) else { return own }
        return SVGCanvas.fitted(labels[s].id, size: size, maxWidth: maxWidth, bold: bold)
    }
    /// What every difference is taken from, by its own name in quotes (`--baseline` or
    /// `--baseline-file` may choose any scenario, so the brief never calls it "the baseline").
    var comparedWith: String { language == .id ? "“\(name(baseline))”" : "“\(name(baseline))”" }
    /// The region's name as the baseline gives it, or as the first what-if that has it does.
    func regionName(_ region: String) -> String {
        for s in [baseline] + labels.indices.filter({ $0 != baseline }) {
            if let r = labels[s].region(region) { return labels[s].regionName(r) }
        }
        return region
    }
    /// The index of `region` in scenario `s`, or `nil` when the scenario does not have it.
    func index(_ s: Int, _ region: String) -> Int? { result.region(s, region) }
    /// Whether the baseline has `region` (a what-if may add one: nothing is compared there).
    func baselineHas(_ region: String) -> Bool { index(baseline, region) != nil }
    var firstYear: Int { labels[baseline].startYear }
    var lastYear: Int { firstYear + result.years - 1 }

    /// Where series `key` of `region` sits in scenario `s`: (region index, position, definition).
    func series(_ s: Int, _ region: String, _ key: MetricKey) -> (r: Int, m: Int, definition: MetricDefinition)? {
        guard let r = index(s, region), let m = result.metric(s, r, key) else { return nil }
        return (r, m, result.catalogues[s][r].metrics[m])
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

    /// Scenario `s` against the baseline on one series of `region`, paired by key: `nil` when
    /// either lacks the region or the series (a new programme, counter or region has nothing to
    /// be compared with).
    func comparison(_ s: Int, region: String, _ metric: BriefMetric, year: Int? = nil) -> Comparison? {
        guard let (r, m, definition) = series(s, region, metric.key), let (rb, mb) = result.baselinePartner(s, r, m) else { return nil }
        let value: Estimate
        let base: Estimate
        let delta: Estimate
        if let year {
            let y = year - firstYear
            let years = result.years
            value = Estimate(result.yearly[s][r][m * years + y])
            base = Estimate(result.yearly[baseline][rb][mb * years + y])
            delta = Estimate(result.yearlyDelta[s][r][m * years + y])
        } else {
            value = Estimate(result.horizon[s][r][m])
            base = Estimate(result.horizon[baseline][rb][mb])
            delta = Estimate(result.pairedDelta[s][r][m])
        }
        guard value.mean.isFinite, base.mean.isFinite, delta.mean.isFinite else { return nil }
        return Comparison(
            metric: metric, summary: definition.summary, higherIsBetter: definition.higherIsBetter,
            base: base, value: value, delta: delta, year: year)
    }

    /// A what-if leaves a region exactly as the baseline has it in every replication and every
    /// series both report (it changes only another region, or adds something that stays idle). A
    /// series that measures nothing in either (a counter without a back office: NaN in both) is
    /// the same in both.
    func leavesUntouched(_ s: Int, region: String) -> Bool {
        guard let r = index(s, region), baselineHas(region) else { return false }
        return result.pairedDelta[s][r].indices.allSatisfy { m in
            let delta = result.pairedDelta[s][r][m]
            if delta.count == 0 || (delta.mean == 0 && delta.standardDeviation == 0) { return true }
            guard delta.mean.isNaN, let (rb, mb) = result.baselinePartner(s, r, m) else { return false }
            // Nothing but NaN was added: no value ever set the minimum or the maximum.
            func measuredNothing(_ x: RunningStatistics) -> Bool { x.minimum > x.maximum }
            return measuredNothing(result.horizon[s][r][m]) && measuredNothing(result.horizon[baseline][rb][mb])
        }
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
    func figure(_ s: Int, _ region: String, _ c: Comparison, role: Figure.Role) -> Piece {
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
        var figure = Figure(
            scenario: scenario, region: region, metric: c.metric.id, role: role,
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
