import Foundation
import SimCore
import SimExperiment
import SimScenario
import SimWorkforce

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A bundled scenario with command-line style overrides.
func bundled(_ name: String, _ overrides: String...) throws -> ModelParameters {
    try bundled(name, overrides)
}

func bundled(_ name: String, _ overrides: [String]) throws -> ModelParameters {
    try ScenarioLoader.load(packageRoot.appendingPathComponent("scenarios/\(name)").path, overrides: overrides.compactMap(Override.init))
        .parameters
}

func bundledScenarioFiles() throws -> [String] {
    let directory = packageRoot.appendingPathComponent("scenarios")
    return try FileManager.default.contentsOfDirectory(atPath: directory.path)
        .filter { $0.hasSuffix(".json") && !$0.hasSuffix(".schema.json") }
        .sorted()
}

extension RegionResult {
    func total(_ metric: Metric) -> Double { (0..<months).reduce(0) { $0 + self[metric, $1] } }

    /// The value of series `key` in `month`, which the region must report.
    subscript(series key: MetricKey, month: Int) -> Double {
        guard let value = self[key, month] else { preconditionFailure("\(region) reports no \(key.id)") }
        return value
    }
}

/// `model` with one two-week course (10 working days, 10 seats, the first programme) booked for
/// the first unit's staff from the first working day on or after `start`.
func withTwoWeekCourse(_ model: ModelParameters, from start: CivilDate) -> ModelParameters {
    var model = model
    let clock = WorkingClock(model.simulation)
    var day = start
    while !clock.isWorkingDay(day) { day = day.adding(days: 1) }
    model.regions[0].startState.bookedSessions = [
        BookedSession(programme: 0, start: day, lengthDays: 10, seats: 10, participants: [], units: [0])
    ]
    return model
}

/// Mean over replications of a value computed from each replication's result.
func meanOver(_ replications: Range<Int>, _ model: ModelParameters, seed: UInt64 = 11, _ value: (ReplicationResult) -> Double) -> Double {
    replications.map { value(runReplication(model, seed: seed, replication: $0)) }.reduce(0, +) / Double(replications.count)
}

/// The paired difference `value(b) − value(a)` with common random numbers (the same seed and
/// replication indices in both arms), as a mean with its 95% Student-t interval. Replications run
/// in parallel; each writes only its own slot, so the result does not depend on the order.
func pairedDifference(
    _ a: ModelParameters, _ b: ModelParameters, replications: Int = 20, seed: UInt64 = 11,
    _ value: @escaping @Sendable (ReplicationResult) -> Double
) -> Estimate {
    let differences = DifferenceSlots(count: replications)
    DispatchQueue.concurrentPerform(iterations: replications) { r in
        differences.set(r, value(runReplication(b, seed: seed, replication: r)) - value(runReplication(a, seed: seed, replication: r)))
    }
    var stats = RunningStatistics()
    for d in differences.values { stats.add(d) }
    return Estimate(stats)
}

/// Paired differences of several values from one pair of runs per replication (as
/// ``pairedDifference(_:_:replications:seed:_:)`` does for one), in the order of `values`.
func pairedDifferences(
    _ a: ModelParameters, _ b: ModelParameters, replications: Int, seed: UInt64 = 11,
    _ values: [@Sendable (ReplicationResult) -> Double]
) -> [Estimate] {
    let slots = values.map { _ in DifferenceSlots(count: replications) }
    DispatchQueue.concurrentPerform(iterations: replications) { r in
        let (resultA, resultB) = (runReplication(a, seed: seed, replication: r), runReplication(b, seed: seed, replication: r))
        for (value, slot) in zip(values, slots) { slot.set(r, value(resultB) - value(resultA)) }
    }
    return slots.map { slot in
        var stats = RunningStatistics()
        for d in slot.values { stats.add(d) }
        return Estimate(stats)
    }
}

/// One slot per replication, written from `concurrentPerform`.
final class DifferenceSlots: @unchecked Sendable {
    private var slots: [Double]
    private let lock = NSLock()
    init(count: Int) { slots = [Double](repeating: .nan, count: count) }
    func set(_ i: Int, _ value: Double) { lock.withLock { slots[i] = value } }
    var values: [Double] { lock.withLock { slots } }
}

extension Estimate {
    /// The interval in words, for failure messages.
    var shown: String { "\(mean) [\(low), \(high)]" }
}
