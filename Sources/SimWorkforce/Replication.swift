import SimCore

/// Runs one replication of a scenario: every region for the whole horizon.
///
/// The result depends only on (parameters, seed, replication): each region draws from its own
/// streams fixed by those three, so replication k sees the same random numbers in every scenario.
///
/// - Parameter layoutShuffle: tests only: each region writes its series in shuffled slots
///   (``ResultLayout``), which nothing downstream may notice.
public func runReplication(_ model: ModelParameters, seed: UInt64, replication: Int, layoutShuffle: UInt64? = nil) -> ReplicationResult {
    ReplicationResult(
        regions: model.regions.indices.map { region in
            var simulation = RegionSimulation(
                model: model, regionIndex: region, seed: seed, replication: replication,
                layoutShuffle: layoutShuffle.map { $0 &+ UInt64(region) })
            return simulation.runToHorizon()
        })
}
