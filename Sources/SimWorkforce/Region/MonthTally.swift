import SimCore

/// What happened in the current month, counted as it happens and written to the region's result
/// at the month's end; `reset()` starts the next month. One reset for all, so no counter is forgotten.
struct MonthTally {
    var invited = 0, accepted = 0, completed = 0, droppedOut = 0
    /// People dropped from a session's list at its start because the released money ran short.
    var cutForMoney = 0
    var retired = 0, otherExits = 0, hired = 0
    /// Appointed by a dated intake (``Intake``).
    var intakeCPNS = 0, intakePPPK = 0
    var spentRupiah = 0.0
    /// Spent on programmes paid from outside the region's budget (``Funder``).
    var outsideRupiah = 0.0
    /// Competency gained from courses and forums, in levels summed over employees and domains.
    var gainLevels = 0.0
    /// Staff-days of duty spent on forums and participatory needs analysis.
    var extraStaffDays = 0.0
    var projectsCompleted = 0
    var projectOverrunRupiah = 0.0
    /// Spent on mandated programmes (Latsar), which are funded first.
    var mandatoryRupiah = 0.0
    var latsarStarted = 0, latsarCompleted = 0
    var promoted = 0, vacanciesUnfilled = 0

    mutating func reset() { self = MonthTally() }
}

/// Citizen-service measures of the current month: each counter keeps its own, and the region's
/// are their sum at the month's end (plus complaint resolution times, kept by the region).
struct ServiceTally {
    var requests = 0, resolved = 0, complaints = 0
    /// Citizens who gave up waiting, and visits of those who came back after giving up.
    var abandoned = 0, returned = 0
    /// Citizens refused a queue number (the daily quota was gone) or sent home at closing.
    var turnedAway = 0
    /// An office counter's month by clock hour of arrival (24 entries; empty for a continuous
    /// day and for the region's sum, which reports no hours): numbers taken, waits of the served.
    var hourNumbers: [Double] = []
    var hourWaits: [MeanTally] = []
    /// By hour, the served's waits in 1-minute bins (hour × bins + minute), for the hour's p90;
    /// analytic fidelity: Σ the fluid day's p90 × served, for a served-weighted mean.
    var hourWaitHistograms: [Int] = []
    var hourAnalyticP90Sum: [Double] = []
    var waitMinutes = MeanTally(), handlingMinutes = MeanTally()
    /// Per served request, the mean share over the nine SKM elements (the IKM's), and the five
    /// modelled elements' shares (the held ones are constants of the counter).
    var satisfaction = MeanTally(), complaintResolutionDays = MeanTally()
    var skm = SKMTally()
    /// Waits in 1-minute bins (the last bin holds everything longer), for the p90.
    var waitHistogram = [Int](repeating: 0, count: CounterMeasure.recordedWaitMinutes + 1)
    /// Analytic fidelity: Σ p90 × requests and Σ utilisation × requests, for request-weighted means.
    var analyticWaitP90Sum = 0.0, analyticUtilisationSum = 0.0
    /// Analytic fidelity: Σ offered load (arrivals × mean handling ÷ servers) × requests.
    var analyticLoadSum = 0.0
    /// Waits of requests that arrived in the Lebaran window.
    var lebaranWaitMinutes = MeanTally()

    /// Starts the next month without reallocating the histogram.
    mutating func reset() {
        requests = 0
        resolved = 0
        complaints = 0
        abandoned = 0
        returned = 0
        turnedAway = 0
        for h in hourNumbers.indices {
            hourNumbers[h] = 0
            hourWaits[h] = MeanTally()
            hourAnalyticP90Sum[h] = 0
        }
        for i in hourWaitHistograms.indices { hourWaitHistograms[i] = 0 }
        waitMinutes = MeanTally()
        handlingMinutes = MeanTally()
        lebaranWaitMinutes = MeanTally()
        satisfaction = MeanTally()
        skm = SKMTally()
        complaintResolutionDays = MeanTally()
        for i in waitHistogram.indices { waitHistogram[i] = 0 }
        analyticWaitP90Sum = 0
        analyticUtilisationSum = 0
        analyticLoadSum = 0
    }

    /// Adds another counter's month.
    mutating func absorb(_ other: ServiceTally) {
        requests += other.requests
        resolved += other.resolved
        complaints += other.complaints
        abandoned += other.abandoned
        returned += other.returned
        turnedAway += other.turnedAway
        waitMinutes.merge(other.waitMinutes)
        handlingMinutes.merge(other.handlingMinutes)
        satisfaction.merge(other.satisfaction)
        skm.merge(other.skm)
        complaintResolutionDays.merge(other.complaintResolutionDays)
        for i in waitHistogram.indices { waitHistogram[i] += other.waitHistogram[i] }
        analyticWaitP90Sum += other.analyticWaitP90Sum
        analyticUtilisationSum += other.analyticUtilisationSum
        analyticLoadSum += other.analyticLoadSum
        lebaranWaitMinutes.merge(other.lebaranWaitMinutes)
    }

    /// An office counter's served wait by the hour its citizen came.
    mutating func recordHourWait(_ minutes: Double, hour: Int) {
        hourWaits[hour].add(minutes)
        let bins = waitHistogram.count
        hourWaitHistograms[hour * bins + min(Int(minutes), bins - 1)] += 1
    }

    /// A served request's SKM elements (`times` requests alike in analytic fidelity).
    @inline(__always)
    mutating func recordSKM(_ shares: SKMShares, heldShareSum: Double, times: Int = 1) {
        satisfaction.add(shares.meanShare(heldShareSum: heldShareSum), times: times)
        skm.add(shares, times: times)
    }

    /// Scales the month's SKM U3 (completion time) share by `factor` (``BackOffice/completionTimeFactor``),
    /// and each request's mean share over the nine elements with it.
    mutating func scaleCompletionTime(by factor: Double) {
        let change = skm.scaleCompletionTime(by: factor)
        satisfaction.addToSum(change / Double(SKMElement.allCases.count))
    }

    @inline(__always)
    mutating func recordWait(_ minutes: Double) {
        waitMinutes.add(minutes)
        waitHistogram[min(Int(minutes), waitHistogram.count - 1)] += 1
    }
}

/// The month's sums of the modelled SKM elements' shares over served requests.
struct SKMTally {
    private(set) var count = 0
    private var sums = SKMShares(completionTime: 0, product: 0, competence: 0, behaviour: 0, complaintHandling: 0)

    @inline(__always)
    mutating func add(_ x: SKMShares, times: Int) {
        let n = Double(times)
        count += times
        sums.completionTime += x.completionTime * n
        sums.product += x.product * n
        sums.competence += x.competence * n
        sums.behaviour += x.behaviour * n
        sums.complaintHandling += x.complaintHandling * n
    }

    /// Scales the completion-time shares' sum by `factor` and returns how much it changed.
    mutating func scaleCompletionTime(by factor: Double) -> Double {
        let before = sums.completionTime
        sums.completionTime *= factor
        return sums.completionTime - before
    }

    mutating func merge(_ other: SKMTally) {
        count += other.count
        sums.completionTime += other.sums.completionTime
        sums.product += other.sums.product
        sums.competence += other.sums.competence
        sums.behaviour += other.sums.behaviour
        sums.complaintHandling += other.sums.complaintHandling
    }

    /// The month's mean score (1–4) of a modelled element; undefined with nobody served.
    func meanScore(_ element: SKMElement) -> Double {
        guard count > 0, let sum = sums.share(of: element) else { return .nan }
        return 1 + 3 * sum / Double(count)
    }
}

/// A count and a sum, for a month's mean: the service measures report means only, and a request
/// adds to a sum where a running mean (Welford's) would divide.
struct MeanTally {
    private(set) var count = 0
    private(set) var sum = 0.0

    @inline(__always)
    mutating func add(_ x: Double) {
        count += 1
        sum += x
    }

    /// `x` counted `times` times (analytic fidelity: a day's requests share one value).
    mutating func add(_ x: Double, times: Int) {
        count += times
        sum += x * Double(times)
    }

    /// Moves the sum by `delta` with the count unchanged (a month-end correction of every value).
    mutating func addToSum(_ delta: Double) { sum += delta }

    mutating func merge(_ other: MeanTally) {
        count += other.count
        sum += other.sum
    }

    /// NaN when nothing was counted.
    var mean: Double { sum / Double(count) }
}

/// Projects finished since the start, for the running on-time share, delay and overrun.
struct ProjectTally {
    var completed = 0, onTime = 0
    var delayMonthsSum = 0.0, overrunShareSum = 0.0
}

/// What each programme did in the current month, in ``ProgrammeMeasure`` order; written to the
/// region's result at the month's end, then reset.
struct ProgrammeTally {
    private(set) var values: [Double]
    static let measures = ProgrammeMeasure.allCases.count

    init(programmeCount: Int) { values = [Double](repeating: 0, count: programmeCount * Self.measures) }

    mutating func add(_ amount: Double, to measure: ProgrammeMeasure, of p: ProgrammeIndex) {
        values[p.rawValue * Self.measures + measure.rawValue] += amount
    }

    /// What programme `p` (by index in the scenario) did in the month on `measure`.
    subscript(p: Int, measure: ProgrammeMeasure) -> Double { values[p * Self.measures + measure.rawValue] }

    mutating func reset() { for i in values.indices { values[i] = 0 } }
}
