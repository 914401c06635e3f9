import Foundation
import SimCore
import SimScenario
import SimWorkforce
import Testing

func fixture(_ name: String, _ overrides: String...) throws -> ModelParameters {
    try fixture(name, overrides)
}

func fixture(_ name: String, _ overrides: [String]) throws -> ModelParameters {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)").path
    return try ScenarioLoader.load(path, overrides: overrides.compactMap(Override.init)).parameters
}

@Suite struct ServiceChannelTests {
    /// With no training and fixed staff the counter is M/M/c: 100 staff × 8% = 8 servers,
    /// λ = 200 per 450-minute day, 15-minute exponential handling (ρ = 0.83). The mean wait pooled
    /// over 30 replications of 5 years (≈ 7.3 million requests) is within ±2% of Erlang C computed
    /// here, and the replications' own 95% interval is narrower than that tolerance (20
    /// replications gave a half-width of 2.1% on the streams keyed by name: too few for the test).
    @Test func aCounterWithFixedStaffMatchesErlangC() throws {
        let model = try fixture("counter.json")
        let minutesPerDay = model.hoursPerWorkingDay * 60
        let theory = ErlangC(arrivalRate: 200 / minutesPerDay, serviceRate: 1.0 / 15, servers: 8)
        var waitSum = 0.0
        var requests = 0.0
        var replicationMeans: [Double] = []
        for replication in 0..<30 {
            let region = runReplication(model, seed: 99, replication: replication).regions[0]
            #expect(region.total(.completed) == 0 && region[.headcount, region.months - 1] == 100, "staff must stay fixed")
            var sum = 0.0
            var count = 0.0
            for month in 1..<region.months {  // month 0 holds the empty-start transient
                sum += region[.serviceWaitMean, month] * region[.serviceRequests, month]
                count += region[.serviceRequests, month]
            }
            waitSum += sum
            requests += count
            replicationMeans.append(sum / count)
        }
        let pooled = waitSum / requests
        #expect(abs(pooled - theory.meanWait) / theory.meanWait < 0.02, "mean wait \(pooled) min vs Erlang C \(theory.meanWait) min")
        var spread = RunningStatistics()
        for mean in replicationMeans { spread.add(mean) }
        let halfWidth = 2.045 * spread.standardDeviation / Double(replicationMeans.count).squareRoot()
        #expect(halfWidth / theory.meanWait < 0.02, "replications too noisy for a ±2% test: half-width \(halfWidth / theory.meanWait)")
    }

    /// Common random numbers: the same arrivals with and without a session that takes 40% of the
    /// counter's staff away in March. March's waits are longer with the session; once the
    /// attendees are back, handling is faster than without it.
    @Test func trainingLengthensWaitsWhileAwayAndShortensHandlingAfter() throws {
        let noTraining = try fixture(
            "counter.json", "regions.town.units.counter.service.noviceMultiplier=1.6",
            "regions.town.units.counter.service.counterShare=0.12")
        let training = try fixture(
            "counter.json", "regions.town.units.counter.service.noviceMultiplier=1.6",
            "regions.town.units.counter.service.counterShare=0.12",
            "regions.town.budget.rupiahPerYear=1e9", "programmes.service-course.lengthJP=80",
            "simulation.years=1", "policy.allocation=random")
        var march = (with: 0.0, without: 0.0)
        var later = (with: 0.0, without: 0.0)
        for replication in 0..<4 {
            let a = runReplication(training, seed: 5, replication: replication).regions[0]
            let b = runReplication(noTraining, seed: 5, replication: replication).regions[0]
            let session = (0..<a.months).first { a[.staffDaysOffDuty, $0] > 0 } ?? 0
            march.with += a[.serviceWaitMean, session]
            march.without += b[.serviceWaitMean, session]
            let after = min(session + 2, a.months - 1)
            later.with += a[.serviceHandlingMean, after]
            later.without += b[.serviceHandlingMean, after]
            #expect(a.total(.completed) > 0)
        }
        #expect(march.with > march.without, "waits \(march)")
        #expect(later.with < later.without, "handling \(later)")
    }

    @Test func ikmGradeBoundariesAreExact() {
        #expect(IKMGrade(ikm: 100) == .a)
        #expect(IKMGrade(ikm: 88.31) == .a)
        #expect(IKMGrade(ikm: 88.30) == .b)
        #expect(IKMGrade(ikm: 76.61) == .b)
        #expect(IKMGrade(ikm: 76.60) == .c)
        #expect(IKMGrade(ikm: 65.00) == .c)
        #expect(IKMGrade(ikm: 64.99) == .d)
        #expect(IKMGrade(ikm: 25) == .d)
        // The regulation's ×25 conversion of the 1–4 scale: satisfaction 0 → 25, 1 → 100.
        #expect(IKMGrade.index(meanSatisfaction: 0) == 25)
        #expect(IKMGrade.index(meanSatisfaction: 1) == 100)
        #expect(IKMGrade.index(meanSatisfaction: 0.5) == 62.5)
    }

    /// Per-request and analytic fidelity agree on the bundled baseline's yearly mean wait and IKM,
    /// region by region: their means over 6 replications differ by no more than the two 95%
    /// half-widths plus a planning margin (10% of the wait, 0.25 IKM points). The margin is there
    /// because the analytic day is an approximation: with 40 replications it reads Sorong's mean
    /// wait about 8% low (0.87 against 0.94–0.95 minutes, in this code and in the code before the
    /// counters ran on their own clocks), a bias the intervals of 6 replications may or may not show.
    @Test func perRequestAndAnalyticFidelityAgreeOnTheBaseline() throws {
        let perRequest = try bundled("baseline.json", "simulation.years=1")
        let analytic = try bundled("baseline.json", "simulation.years=1", "simulation.serviceFidelity=analytic")
        for metric in [Metric.serviceWaitMean, .serviceIKM] {
            for region in perRequest.regions.indices {
                var a = RunningStatistics()
                var b = RunningStatistics()
                for replication in 0..<6 {
                    let x = runReplication(perRequest, seed: 21, replication: replication).regions[region]
                    let y = runReplication(analytic, seed: 21, replication: replication).regions[region]
                    a.add(yearlyMean(x, metric))
                    b.add(yearlyMean(y, metric))
                }
                let t = 2.571
                let halfA = t * a.standardDeviation / 6.0.squareRoot()
                let halfB = t * b.standardDeviation / 6.0.squareRoot()
                let margin = metric == .serviceIKM ? 0.25 : 0.10 * a.mean
                #expect(
                    abs(a.mean - b.mean) <= halfA + halfB + margin,
                    "\(metric) region \(region): per-request \(a.mean)±\(halfA), analytic \(b.mean)±\(halfB)")
            }
        }
    }

    func yearlyMean(_ region: RegionResult, _ metric: Metric) -> Double {
        var sum = 0.0
        var weight = 0.0
        for month in 0..<region.months {
            sum += region[metric, month] * region[.serviceRequests, month]
            weight += region[.serviceRequests, month]
        }
        return sum / weight
    }

    /// E-learning keeps staff at work but takes a share of their day, and that share leaves the
    /// counter: with 40 of the counter's 100 staff on a course taking 20% of the day, 8 servers
    /// become round(0.08 × 92) = 7 and the wait rises. Handling time does not depend on competency
    /// here (noviceMultiplier 1), so only the time away can move the wait; when e-learners stayed
    /// at the counter the difference was nil.
    @Test func eLearningTimeLeavesTheCounter() throws {
        let course = [
            "programmes.service-course.mode=elearning", "programmes.service-course.sessionsPerYear=12",
            "policy.maxJPPerEmployeePerYear=1000", "simulation.years=2",
        ]
        let idle = try fixture("counter.json", course + ["regions.town.budget.rupiahPerYear=0"])
        let learning = try fixture("counter.json", course + ["regions.town.budget.rupiahPerYear=1e9"])
        let wait: @Sendable (ReplicationResult) -> Double = { result in
            let r = result.regions[0]
            return (0..<r.months).reduce(0) { $0 + r[.serviceWaitMean, $1] } / Double(r.months)
        }
        let d = pairedDifference(idle, learning, replications: 10, wait)
        #expect(d.low > 0, "the mean wait rose by \(d.shown) minutes")
    }

    /// Analytic fidelity through an overload: a 40-seat classroom course takes up to 40 of the
    /// counter's 100 staff away four times a year, leaving 5–6 servers for 200 requests a day
    /// (ρ ≈ 1.1–1.3); a backlog builds and drains over the next week. The year's mean wait, pooled
    /// over 10 replications, from analytic fidelity is within 60–115% of per-request simulation's.
    /// Why that band: the fluid day leaves out the random swing of the queue on top of the backlog,
    /// which makes per-request drains last longer, so it reads low in overloaded months (105 against
    /// 154 minutes in January) and agrees in the others; per-request's own year mean carries ±15%
    /// over 10 replications. The former overload branch (no backlog carried to the next day, +30
    /// minutes) read 39% of per-request and fails this test.
    @Test func analyticFidelityFollowsAnOverloadAndItsBacklog() throws {
        let overload = ["regions.town.budget.rupiahPerYear=1e9", "programmes.service-course.sessionsPerYear=4", "simulation.years=1"]
        let perRequest = try fixture("counter.json", overload + ["simulation.serviceFidelity=perRequest"])
        let analytic = try fixture("counter.json", overload + ["simulation.serviceFidelity=analytic"])
        func yearWait(_ model: ModelParameters) -> Double {
            meanOver(0..<10, model, seed: 3) { result in
                let r = result.regions[0]
                let requests = (0..<r.months).map { r[.serviceRequests, $0] }
                return (0..<r.months).reduce(0) { $0 + r[.serviceWaitMean, $1] * requests[$1] } / requests.reduce(0, +)
            }
        }
        let ratio = yearWait(analytic) / yearWait(perRequest)
        #expect(ratio >= 0.6 && ratio <= 1.15, "analytic ÷ per-request mean wait over the year: \(ratio)")
    }
}
