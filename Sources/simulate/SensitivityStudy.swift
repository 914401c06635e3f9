import SimCore
import SimWorkforce
import SimScenario
import SimExperiment
import SimSensitivity

/// Which global sensitivity method a study uses.
enum SensitivityMethod: String, CaseIterable {
    case morris, sobol
}

/// A drawn design, which alone fixes the points and how their outputs become indices. It is made
/// again from (method, factor count, samples, seed, scenario id) by a merge, so shards need not
/// carry it.
enum SensitivityDesign {
    case morris(MorrisDesign)
    case sobol(SaltelliDesign)

    init(_ method: SensitivityMethod, factors: Int, samples: Int, seed: UInt64, scenario id: String) {
        let designSeed = Self.seed(seed, scenario: id, purpose: 1)
        switch method {
        case .morris: self = .morris(MorrisDesign(factors: factors, trajectories: samples, seed: designSeed))
        case .sobol: self = .sobol(SaltelliDesign(factors: factors, baseSamples: samples, seed: designSeed))
        }
    }

    /// A seed for one purpose (1 design, 2 bootstrap) of one file's study, from the run seed and the
    /// file's id: two files get unrelated designs and the same file always the same one.
    static func seed(_ seed: UInt64, scenario id: String, purpose: UInt64) -> UInt64 {
        var h = SplitMix64.mix(seed ^ 0x5E45_1717_7E57_0000 ^ purpose)
        for byte in id.utf8 { h = SplitMix64.mix(h ^ UInt64(byte)) }
        return h
    }

    var points: [[Double]] {
        switch self {
        case .morris(let design): return design.points
        case .sobol(let design): return design.points
        }
    }

    /// Per factor, the method's indices by name (mu_star and sigma, or S1 and ST).
    func indices(outputs: [Double], bootstrap: Int, seed: UInt64) -> [[(name: String, value: SensitivityIndex)]] {
        switch self {
        case .morris(let design):
            return design.measures(outputs: outputs, bootstrap: bootstrap, seed: seed).map { [("mu_star", $0.muStar), ("sigma", $0.sigma)] }
        case .sobol(let design):
            return design.indices(outputs: outputs, bootstrap: bootstrap, seed: seed).map { [("S1", $0.firstOrder), ("ST", $0.total)] }
        }
    }
}

/// One scenario file's study: its uncertain factors and the design over them (each coordinate of
/// a point is a quantile of its factor's distribution).
struct SensitivityStudy {
    var scenario: Scenario
    var factors: [UncertainParameter]
    var method: SensitivityMethod
    var samples: Int
    var design: SensitivityDesign

    init(scenario: Scenario, factors: [UncertainParameter], method: SensitivityMethod, samples: Int, seed: UInt64) {
        self.scenario = scenario
        self.factors = factors
        self.method = method
        self.samples = samples
        design = SensitivityDesign(method, factors: factors.count, samples: samples, seed: seed, scenario: scenario.id)
    }

    var points: [[Double]] { design.points }

    /// The overrides that put every factor at point `p` (after the run's own `--set`).
    func overrides(point p: Int, common: [Override]) -> [Override] {
        common + zip(factors, points[p]).flatMap { factor, u in factor.overrides(atQuantile: u) }
    }
}
