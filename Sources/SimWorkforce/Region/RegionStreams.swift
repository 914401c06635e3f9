import SimCore

/// The region model's random streams, one per purpose, so a policy that changes how often one
/// purpose draws leaves the others' numbers alone (common random numbers across scenarios).
/// A stream is named by the region's id and the purpose (``StreamID/init(named:)``), a counter's
/// by the region's id, the counter's unit id and the purpose: a what-if that drops a region or
/// adds a counter changes no other region's or counter's numbers.
struct RegionStreams {
    var population, exits, invitations, completions, planning, evaluation, forums, award, projects: RandomStream
    var hires, intake, external: RandomStream

    let seed: UInt64, replication: Int, region: String

    init(seed: UInt64, replication: Int, region: String) {
        (self.seed, self.replication, self.region) = (seed, replication, region)
        func stream(_ purpose: String) -> RandomStream {
            RandomStream(seed: seed, replication: replication, stream: StreamID(named: ["region", region, purpose]))
        }
        population = stream("population")
        exits = stream("exits")
        invitations = stream("invitations")
        completions = stream("completions")
        planning = stream("planning")
        evaluation = stream("evaluation")
        forums = stream("forums")
        award = stream("award")
        projects = stream("projects")
        hires = stream("hires")
        intake = stream("intake")
        external = stream("external")
    }

    /// The streams of the counter of unit `unit`: its requests, handlers, handling times and
    /// outcomes per request, or its day counts and complaints in analytic fidelity.
    func channel(unit: String) -> ChannelStreams {
        func stream(_ purpose: String) -> RandomStream {
            RandomStream(seed: seed, replication: replication, stream: StreamID(named: ["region", region, "counter", unit, purpose]))
        }
        return ChannelStreams(
            arrivals: stream("arrivals"), handlers: stream("handlers"), handling: stream("handling"), outcomes: stream("outcomes"),
            patience: stream("patience"))
    }
}
