import SimCore

/// One working day of a counter with an office's day, for analytic fidelity: the day in steps of
/// a few minutes, each with its arrivals (the rush, the rest of the numbers window, up to the
/// quota) and its open counters. The line is a fluid (the pointwise stationary fluid
/// approximation): it grows while arrivals outrun the open counters and drains after; an arrival
/// waits until the counters' capacity after it has cleared what stood ahead of it, and, while no
/// line stands, the stationary wait of Erlang C (with the Allen–Cunneen factor) or Erlang A (with
/// a patience). Whoever still waits at the day's last closing is sent home. With a patience the
/// fluid line also loses θ·line per minute to citizens who give up.
struct FluidOfficeDay {
    /// Visits served, given up and sent home (sent home includes those refused by the quota).
    var served = 0.0, abandoned = 0.0, turnedAway = 0.0
    /// Mean and 90th-percentile wait of the served (minutes), their mean timeliness, and busy ÷ open counter time.
    var meanWait = 0.0, p90Wait = 0.0, timeliness = 1.0, utilisation = 0.0
    /// By clock hour of arrival (0–23): arrivals given a number, and the served's summed waits and count.
    var hourArrivals = [Double](repeating: 0, count: 24)
    var hourWaitMinutes = [Double](repeating: 0, count: 24)
    var hourServed = [Double](repeating: 0, count: 24)
    /// By clock hour of arrival: the served's 90th-percentile wait (the step waits, weighted by the served).
    var hourP90Wait = [Double](repeating: 0, count: 24)

    static let stepMinutes = 5.0

    /// The day's steps: arrivals given a number, whether the counters are open, and how many
    /// visits the quota refused. The steps' shares of the day, hours and opening are the office's
    /// (``OfficeDay/FluidSteps``), worked out once.
    struct Steps {
        var arrivals: [Double]
        let open: [Bool]
        let hour: [Int]
        var refused: Double
        let minutes: Double
        var count: Int { arrivals.count }

        init(office: OfficeDay, day: Int, visits: Int) {
            let grid = office.fluidSteps
            minutes = grid.minutes
            open = office.isFriday(day) ? grid.fridayOpen : grid.open
            hour = grid.hour
            refused = max(Double(visits) - (office.quota > 0 ? Double(office.quota) : .infinity), 0)
            var left = Double(visits) - refused
            arrivals = grid.mass.map { mass in
                let a = min(Double(visits) * mass, max(left, 0))
                left -= a
                return a
            }
        }
    }

    /// - Parameters:
    ///   - visits: the day's arrivals (drawn), comebacks included; those past the quota are turned away.
    ///   - servers: counters staffed; `meanMinutes`: mean handling; `handlingCorrection`: (1 + cv²)/2 or 1.
    ///   - patienceMinutes: the mean patience, or nil when nobody gives up.
    init(
        office: OfficeDay, day: Int, visits: Int, servers: Int, meanMinutes: Double, handlingCorrection: Double,
        patienceMinutes: Double?, timelinessScaleMinutes: Double
    ) {
        let steps = Steps(office: office, day: day, visits: visits)
        turnedAway = steps.refused
        let perStep = Double(servers) * steps.minutes / meanMinutes
        let lastOpen = steps.open.lastIndex(of: true) ?? -1
        let abandonRate = patienceMinutes.map { 1 / $0 } ?? 0
        var line = 0.0
        var waits: [(minutes: Double, weight: Double, hour: Int)] = []
        var busy = 0.0
        var openSteps = 0.0
        var timelinessSum = 0.0
        var stationary: [Int: Steady] = [:]
        for k in 0..<steps.count {
            let a = steps.arrivals[k]
            let hour = steps.hour[k]
            hourArrivals[hour] += a
            if k > lastOpen {
                // Past the last closing: whoever comes or still waits is sent home.
                turnedAway += line + a
                line = 0
                continue
            }
            let capacity = steps.open[k] ? perStep : 0
            if steps.open[k] { openSteps += 1 }
            var wait = Double.nan
            var servedHere = a
            if line < 1 && a < capacity {
                // No line stands and the counters keep up: the stationary queue of the step's rate.
                let rate = a / steps.minutes
                let key = Int((rate * 1e9).rounded())
                let steady =
                    stationary[key]
                    ?? Steady(
                        arrivalsPerMinute: rate, servers: servers, meanMinutes: meanMinutes, correction: handlingCorrection,
                        abandonRate: abandonRate, timelinessScale: timelinessScaleMinutes)
                stationary[key] = steady
                abandoned += a * steady.abandon
                servedHere = a * (1 - steady.abandon)
                busy += steady.utilisation
                wait = steady.wait
                timelinessSum += servedHere * steady.timeliness
                line = 0
            } else {
                wait = Self.fluidWait(
                    ahead: line + a / 2, from: k, steps: steps, perStep: perStep, lastOpen: lastOpen, abandonRate: abandonRate)
                let gaveUp = min(line, abandonRate * line * steps.minutes)
                abandoned += gaveUp
                if capacity > 0 { busy += min(capacity, line - gaveUp + a) / capacity }
                line = max(line - gaveUp + a - capacity, 0)
                if wait.isFinite { timelinessSum += a * (wait == 0 ? 1 : exp(-wait / timelinessScaleMinutes)) }
            }
            if wait.isFinite && servedHere > 0 {
                waits.append((wait, servedHere, hour))
                hourWaitMinutes[hour] += wait * servedHere
                hourServed[hour] += servedHere
            }
        }
        turnedAway += line
        served = max(Double(visits) - turnedAway - abandoned, 0)
        utilisation = openSteps > 0 ? busy / openSteps : 0
        summarise(waits, timelinessSum: timelinessSum)
    }

    /// Minutes until the fluid arriving mid-step `k` is served: the counters' capacity from the
    /// step's start clears the line ahead of it, which with a patience also shrinks as those in it
    /// give up. Infinite when the day closes first (they are sent home).
    static func fluidWait(ahead: Double, from k: Int, steps: Steps, perStep: Double, lastOpen: Int, abandonRate: Double) -> Double {
        var ahead = ahead
        var j = k
        while j <= lastOpen {
            let clears = (steps.open[j] ? perStep : 0) + abandonRate * ahead * steps.minutes
            if clears >= ahead {
                let within = clears > 0 ? ahead / clears : 0
                return max(0, (Double(j) + within - (Double(k) + 0.5)) * steps.minutes)
            }
            ahead -= clears
            j += 1
        }
        return .infinity
    }

    /// The served's mean wait, timeliness and 90th-percentile wait from each step's (wait, served).
    mutating func summarise(_ waits: [(minutes: Double, weight: Double, hour: Int)], timelinessSum: Double) {
        let weight = waits.reduce(0) { $0 + $1.weight }
        guard weight > 0 else { return }
        meanWait = waits.reduce(0) { $0 + $1.minutes * $1.weight } / weight
        timeliness = min(timelinessSum / weight, 1)
        let sorted = waits.sorted { $0.minutes < $1.minutes }
        p90Wait = Self.quantile(sorted, 0.9, total: weight)
        // Each hour's p90 in the same pass order as `quantile` over that hour's entries: the first
        // wait at which the hour's running weight reaches 90% of its served, else its longest.
        // PERF: one pass instead of a filtered copy per hour. With the steps worked out once
        // (OfficeDay.FluidSteps), an analytic baseline replication went 1.791 G → 1.584 G
        // instructions (−11.5%, Benchmarks/compare-instructions.sh 184840a); summarise alone was 43%
        // of the fluid day before (callgrind of `simulate run scenarios/baseline.json --replications 1
        // --jobs 1 --fixed-inputs --years 2 --set simulation.serviceFidelity=analytic`).
        var running = [Double](repeating: 0, count: 24)
        var found = [Bool](repeating: false, count: 24)
        for entry in sorted where !found[entry.hour] {
            running[entry.hour] += entry.weight
            hourP90Wait[entry.hour] = entry.minutes
            found[entry.hour] = running[entry.hour] >= 0.9 * hourServed[entry.hour]
        }
    }

    /// The q-quantile of waits sorted by minutes, each weighted, whose weights sum to `total`.
    static func quantile(_ sorted: [(minutes: Double, weight: Double, hour: Int)], _ q: Double, total: Double) -> Double {
        var running = 0.0
        for entry in sorted {
            running += entry.weight
            if running >= q * total { return entry.minutes }
        }
        return sorted.last?.minutes ?? 0
    }

    /// The stationary wait, timeliness, utilisation and share who give up at a constant rate:
    /// Erlang C (corrected for lognormal handling) without patience, Erlang A with one.
    struct Steady {
        var wait = 0.0, timeliness = 1.0, utilisation = 0.0, abandon = 0.0

        init(
            arrivalsPerMinute λ: Double, servers: Int, meanMinutes: Double, correction: Double, abandonRate θ: Double,
            timelinessScale: Double
        ) {
            guard λ > 0, servers > 0 else { return }
            if θ > 0 {
                let queue = ErlangA(arrivalRate: λ, serviceRate: 1 / meanMinutes, servers: servers, abandonmentRate: θ)
                let waited = queue.servedWaitedShare
                let positive = waited > 0 ? queue.meanWaitOfServed / waited : 0
                (wait, utilisation, abandon) = (queue.meanWaitOfServed, queue.utilisation, queue.probabilityOfAbandonment)
                timeliness = (1 - waited) + waited / (1 + positive / timelinessScale)
                return
            }
            let queue = ErlangC(arrivalRate: λ, serviceRate: 1 / meanMinutes, servers: servers)
            guard queue.isStable else { return }
            let pWait = queue.probabilityOfWaiting
            let rate = (Double(servers) / meanMinutes - λ) / correction
            (wait, utilisation) = (queue.meanWait * correction, queue.utilisation)
            timeliness = (1 - pWait) + pWait * rate / (rate + 1 / timelinessScale)
        }
    }
}
