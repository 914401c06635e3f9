import SimCore
import SimScenario
import SimWorkforce

/// `run --uncertain`: every replication draws the uncertain inputs once, and every scenario of
/// that replication uses the same draw, so the paired differences keep their pairing and now
/// include what we do not know as well as the model's own randomness.
///
/// A factor draws one quantile per replication from its own stream (from the seed, the replication
/// and the factor's path), and each scenario maps it through its own distribution for that path.
/// A scenario that sets a value of its own at one of the factor's paths (a what-if whose policy is
/// that value) keeps it: only the baseline's unknowns are drawn, not the what-if's decisions.
public struct UncertainDraws: Sendable {
    /// The fewest replications a run that draws its inputs takes unless `--replications` says
    /// otherwise. The brief's chance of beating the comparison is the share of paired
    /// replications in which an option does better, a binomial proportion: its standard error is
    /// at most 0.5/√n, 0.11 at 20, so 20 tell an option that wins nine times in ten from a coin
    /// toss (0.9 − 0.5 is more than three standard errors), where 10 (0.16) barely do.
    public static let minimumReplications = 20

    /// The replications a run that draws these inputs takes unless `--replications` says
    /// otherwise: ``minimumReplications``, or more when naming the input that decides an answer
    /// needs more among this many inputs (``InputInfluence/replicationsNeeded(inputs:)``: 22 for 30).
    public var defaultReplications: Int {
        max(Self.minimumReplications, InputInfluence.replicationsNeeded(inputs: paths.count))
    }

    public struct Member: Sendable {
        /// The scenario as read once; each draw is compiled from it in memory.
        public var source: ScenarioSource
        public var overrides: [Override]
        public var factors: [UncertainParameter]
    }

    public let members: [Member]
    public let seed: UInt64
    /// Every factor path drawn, in the baseline's order then any others.
    public let paths: [String]
    /// Per scenario, the factors it keeps at its own value (for the note on stderr).
    public let kept: [[String]]

    public init(_ scenarios: [Scenario], baseline: Int, seed: UInt64, overrides: [Override]) throws(CommandError) {
        let reference = scenarios[baseline].uncertainty
        guard scenarios.contains(where: { !$0.uncertainty.isEmpty }) else {
            throw .usage("--uncertain needs an uncertainty block in the scenarios (docs/uncertainty.md); none of them has one")
        }
        var members: [Member] = []
        var kept: [[String]] = []
        var paths: [String] = reference.map(\.path)
        for scenario in scenarios {
            var mine: [UncertainParameter] = []
            var own: [String] = []
            for factor in scenario.uncertainty {
                if !paths.contains(factor.path) { paths.append(factor.path) }
                if let base = reference.first(where: { $0.path == factor.path }), base.targets != factor.targets {
                    own.append(factor.path)
                    continue
                }
                mine.append(factor)
            }
            members.append(Member(source: scenario.source, overrides: overrides, factors: mine))
            kept.append(own)
        }
        self.members = members
        self.seed = seed
        self.paths = paths
        self.kept = kept
        try checkCorners()
    }

    /// The quantile factor `path` takes in replication k: one uniform from a stream of its own.
    public func quantile(_ path: String, replication: Int) -> Double {
        Self.quantile(path, seed: seed, replication: replication)
    }

    /// The quantile factor `path` takes in replication k of a run from `seed`, so a report can
    /// recover each replication's draw from the seed alone (the draw is a monotone map of it).
    public static func quantile(_ path: String, seed: UInt64, replication: Int) -> Double {
        var h: UInt64 = 0x0C3A_17A1_4700_0000
        for byte in path.utf8 { h = SplitMix64.mix(h ^ UInt64(byte)) }
        var stream = RandomStream(seed: seed, replication: replication, stream: StreamID(h | (1 << 63)))
        return stream.uniform()
    }

    public func overrides(scenario s: Int, replication k: Int) -> [Override] {
        members[s].overrides + members[s].factors.flatMap { $0.overrides(atQuantile: quantile($0.path, replication: k)) }
    }

    /// The parameters of scenario s in replication k. The ranges were validated against every
    /// value a path accepts and both corners compiled before the run, so a failure here is a bug.
    public func parameters(scenario s: Int, replication k: Int) -> ModelParameters {
        do {
            return try members[s].source.compile(overrides: overrides(scenario: s, replication: k)).parameters
        } catch {
            preconditionFailure(
                "scenario \(members[s].source.path) failed to compile at replication \(k)'s draw: \(error.diagnostics.map(\.description).joined(separator: "; "))"
            )
        }
    }

    /// Compiles every scenario with all its factors at their lowest and at their highest, so a
    /// range that breaks the model fails before the run, with the file's own diagnostics.
    func checkCorners() throws(CommandError) {
        var problems: [Diagnostic] = []
        for member in members where !member.factors.isEmpty {
            for u in [0.0, 1.0] {
                let corner = member.overrides + member.factors.flatMap { $0.overrides(atQuantile: u) }
                do { _ = try member.source.compile(overrides: corner) } catch {
                    problems += error.diagnostics.map {
                        var d = $0
                        d.message = "with every uncertain input at its \(u == 0 ? "lowest" : "highest"): " + d.message
                        return d
                    }
                }
            }
        }
        guard problems.isEmpty else { throw .scenarios(ScenarioError(problems)) }
    }
}
