import SimCore

/// The region model's random streams, one per purpose, so a policy that changes how often one
/// purpose draws leaves the others' numbers alone (common random numbers across scenarios).
/// A stream's id is the region's index and the purpose's number: renumbering a purpose changes
/// every result, so new purposes go at the end.
struct RegionStreams {
    var population, exits, invitations, completions, planning, evaluation, forums, award, projects: RandomStream
    /// The analytic counters' day counts and outcomes (per-request counters draw from their own, ``channel(_:)``).
    var handling, outcomes: RandomStream
    var hires: RandomStream

    let seed: UInt64, replication: Int, region: Int

    init(seed: UInt64, replication: Int, region: Int) {
        (self.seed, self.replication, self.region) = (seed, replication, region)
        func stream(_ purpose: UInt64) -> RandomStream {
            RandomStream(seed: seed, replication: replication, stream: StreamID(UInt64(region) << 16 | purpose))
        }
        population = stream(1); exits = stream(2); invitations = stream(3); completions = stream(4)
        planning = stream(5); evaluation = stream(6); forums = stream(7); award = stream(8); projects = stream(9)
        // 10 and 13 (arrivals, handlers) were the region's request streams before each counter had its own: never reuse them.
        handling = stream(11); outcomes = stream(12); hires = stream(14)
    }

    /// The streams of the region's channel `c` (per-request fidelity): purposes 0x100 + 4c + k,
    /// clear of the region's own.
    func channel(_ c: Int) -> ChannelStreams {
        func stream(_ k: Int) -> RandomStream {
            RandomStream(seed: seed, replication: replication, stream: StreamID(UInt64(region) << 16 | UInt64(0x100 + 4 * c + k)))
        }
        return ChannelStreams(arrivals: stream(0), handlers: stream(1), handling: stream(2), outcomes: stream(3))
    }
}
