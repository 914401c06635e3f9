import SimCore
import SimScenario
import SimSensitivity
import SimWorkforce

/// Which global sensitivity method a study uses.
public enum SensitivityMethod: String, CaseIterable, Sendable {
    case morris, sobol
}

/// A drawn design, which alone fixes the points and how their outputs become indices. It is made
/// again from (method, factor count, samples, seed, scenario id) by a merge, so shards need not
/// carry it.
public enum SensitivityDesign: Sendable {
    case morris(MorrisDesign)
    case sobol(SaltelliDesign)

    public init(_ method: SensitivityMethod, factors: Int, samples: Int, seed: UInt64, scenario id: String) {
        let designSeed = Self.seed(seed, scenario: id, purpose: 1)
        switch method {
        case .morris: self = .morris(MorrisDesign(factors: factors, trajectories: samples, seed: designSeed))
        case .sobol: self = .sobol(SaltelliDesign(factors: factors, baseSamples: samples, seed: designSeed))
        }
    }

    /// A seed for one purpose (1 design, 2 bootstrap) of one file's study, from the run seed and the
    /// file's id: two files get unrelated designs and the same file always the same one.
    public static func seed(_ seed: UInt64, scenario id: String, purpose: UInt64) -> UInt64 {
        var h = SplitMix64.mix(seed ^ 0x5E45_1717_7E57_0000 ^ purpose)
        for byte in id.utf8 { h = SplitMix64.mix(h ^ UInt64(byte)) }
        return h
    }

    public var points: [[Double]] {
        switch self {
        case .morris(let design): return design.points
        case .sobol(let design): return design.points
        }
    }

    /// Per factor, the method's indices by name (mu_star and sigma, or S1 and ST).
    public func indices(outputs: [Double], bootstrap: Int, seed: UInt64) -> [[(name: String, value: SensitivityIndex)]] {
        switch self {
        case .morris(let design):
            return design.measures(outputs: outputs, bootstrap: bootstrap, seed: seed).map {
                [("mu_star", $0.muStar), ("sigma", $0.sigma)]
            }
        case .sobol(let design):
            return design.indices(outputs: outputs, bootstrap: bootstrap, seed: seed).map { [("S1", $0.firstOrder), ("ST", $0.total)] }
        }
    }
}

/// One scenario file's study: its uncertain factors and the design over them (each coordinate of
/// a point is a quantile of its factor's distribution).
public struct SensitivityStudy: Sendable {
    public var scenario: Scenario
    public var factors: [UncertainParameter]
    public var method: SensitivityMethod
    public var samples: Int
    public var design: SensitivityDesign

    public init(scenario: Scenario, factors: [UncertainParameter], method: SensitivityMethod, samples: Int, seed: UInt64) {
        self.scenario = scenario
        self.factors = factors
        self.method = method
        self.samples = samples
        design = SensitivityDesign(method, factors: factors.count, samples: samples, seed: seed, scenario: scenario.id)
    }

    public var points: [[Double]] { design.points }

    /// The overrides that put every factor at point `p` (after the run's own `--set`).
    public func overrides(point p: Int, common: [Override]) -> [Override] {
        common + zip(factors, points[p]).flatMap { factor, u in factor.overrides(atQuantile: u) }
    }
}

extension SensitivityStudy {
    /// The factors of a scenario: its whole uncertainty block, or the paths `--factors` names.
    public static func chooseFactors(_ scenario: Scenario, only: [String]?) throws(CommandError) -> [UncertainParameter] {
        guard !scenario.uncertainty.isEmpty else {
            throw .usage("\(scenario.file) has no uncertainty block; add one (docs/uncertainty.md) or extend scenarios/baseline.json")
        }
        guard let only else { return scenario.uncertainty }
        let known = scenario.uncertainty.map(\.path)
        var chosen: [UncertainParameter] = []
        for path in only {
            guard let factor = scenario.uncertainty.first(where: { $0.path == path }) else {
                let hint =
                    suggestion(for: path, among: known).map { "; did you mean '\($0)'?" }
                    ?? "; the block has \(known.joined(separator: ", "))"
                throw .usage("--factors: '\(path)' is not in the uncertainty block of \(scenario.file)\(hint)")
            }
            if !chosen.contains(where: { $0.path == path }) { chosen.append(factor) }
        }
        return chosen
    }

    /// Runs the design points this process owns (all of them, or a shard's slice).
    public static func evaluate(
        _ studies: [SensitivityStudy], plan: RunPlan, common: [Override], bootstrap: Int,
        shard: (index: Int, count: Int)?, progress: (Int) -> Void
    ) throws(CommandError) -> SensitivityOutcome {
        let owners = studies.enumerated().flatMap { s, study in study.points.indices.map { (s, $0) } }
        let slice = shard.map { ShardSlice.range(shard: $0.index, of: $0.count, items: owners.count) } ?? 0..<owners.count
        let runner = DesignRunner(seed: plan.seed, replications: plan.replications, jobs: plan.jobs)
        let outcome = runner.run(
            points: Array(slice),
            compile: { (global: Int) -> Result<ExperimentScenario, ScenarioError> in
                let (s, p) = owners[global]
                do throws(ScenarioError) {
                    let scenario = try studies[s].scenario.source.compile(overrides: studies[s].overrides(point: p, common: common))
                    return .success(ExperimentScenario(id: scenario.id, parameters: scenario.parameters))
                } catch {
                    return .failure(error)
                }
            }, progress: progress)
        let means: [DesignRunner.PointMeans]
        switch outcome {
        case .success(let values): means = values
        case .failure(let error): throw .scenarios(error)
        }
        // Only region-level metrics: they are what indices are computed for, and every region reports them.
        let summaries = studies.enumerated().map { s, study in
            let label = plan.labels[s]
            return SensitivityOutcome.Study(
                id: study.scenario.id, file: study.scenario.file, sha256: plan.fingerprints[s].sha256,
                name: study.scenario.name, regionIDs: label.regionIDs, regionNames: label.regionNames,
                metrics: label.catalogues.first?.metrics.filter(\.isRegionLevel) ?? [], factors: study.factors.map(\.path),
                pointCount: study.points.count,
                horizonYear: label.startYear + (study.scenario.parameters.months + 11) / 12 - 1)
        }
        // Each point's values read by region id and key, in the study's order.
        let kept = slice.enumerated().map { offset, global in
            let study = summaries[owners[global].0]
            return study.regionIDs.map { region in study.metrics.map { means[offset].value(region: region, $0.key) ?? .nan } }
        }
        return SensitivityOutcome(
            method: studies[0].method, samples: studies[0].samples, seed: plan.seed, replications: plan.replications,
            bootstrap: bootstrap, studies: summaries, firstPoint: slice.lowerBound, means: kept,
            shard: shard)
    }
}
