import SimCore

/// Whether `actual` is within `relative` of `expected` (|a − e| ≤ relative·|e|).
func isClose(_ actual: Double, _ expected: Double, relative: Double) -> Bool {
    abs(actual - expected) <= relative * abs(expected)
}

/// The 0.975 quantile of Student's t with `df` degrees of freedom, for small df (table, df ≥ 30 → normal).
func studentT975(df: Int) -> Double {
    let table: [Double] = [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
        2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045,
    ]
    return df >= 1 && df <= table.count ? table[df - 1] : 1.960
}

/// The pooled outcome of several replications of the M/M/c reference model.
struct MMcExperiment {
    /// Mean wait per replication, in hours.
    var replicationWaits: [Double] = []
    var pooledWaits = RunningStatistics()
    var tailCount = 0
    var queueLengthAverages: [Double] = []
    var arrivalRates: [Double] = []  // per hour, observed
    var utilisations: [Double] = []

    /// Pooled mean wait in hours.
    var meanWaitHours: Double { pooledWaits.mean }
    var tailShare: Double { Double(tailCount) / Double(pooledWaits.count) }

    /// Half-width of the 95% t interval over replication means, in hours.
    var halfWidthHours: Double {
        var stats = RunningStatistics()
        for wait in replicationWaits { stats.add(wait) }
        return studentT975(df: replicationWaits.count - 1) * stats.standardDeviation / Double(replicationWaits.count).squareRoot()
    }
}

/// Runs `replications` replications of M/M/c in hours (one working day = 8 hours), each for
/// `customers` expected arrivals after a warm-up of `warmupCustomers`.
func runMMc(
    arrivalsPerHour: Double, servicesPerHour: Double, servers: Int, customers: Int,
    replications: Int, seed: UInt64 = 20_261_122, warmupCustomers: Int = 2_000,
    tailHours: Double = 1
) -> MMcExperiment {
    let hoursPerDay = 8.0
    var experiment = MMcExperiment()
    for replication in 0..<replications {
        var model = MMcModel(
            arrivalRate: arrivalsPerHour * hoursPerDay, serviceRate: servicesPerHour * hoursPerDay,
            servers: servers, seed: seed, replication: replication,
            tailThreshold: .hours(tailHours, hoursPerWorkingDay: hoursPerDay))
        let warmup = SimTime(workingDays: Double(warmupCustomers) / (arrivalsPerHour * hoursPerDay))
        model.run(until: warmup)
        model.resetStatistics()
        let end = warmup + SimDuration(workingDays: Double(customers) / (arrivalsPerHour * hoursPerDay))
        model.run(until: end)
        let waits = model.queue.waits
        experiment.replicationWaits.append(waits.mean * hoursPerDay)
        experiment.tailCount += model.waitsAboveThreshold
        experiment.queueLengthAverages.append(model.queue.queueLength.average(upTo: end))
        experiment.arrivalRates.append(Double(model.queue.arrivals) / (end - warmup).hours(hoursPerWorkingDay: hoursPerDay))
        experiment.utilisations.append(model.queue.utilisation(upTo: end))
        experiment.pooledWaits.merge(waits.scaled(by: hoursPerDay))
    }
    return experiment
}
