import SimCore

/// A citizen-service channel of one unit (MODEL.md §7): a FIFO queue whose servers are the unit's
/// counter staff on duty, simulated request by request on a clock of its own.
///
/// Between two events of the region (a month's start, a session, a hire) nothing a request
/// depends on changes: the staff on duty, their competency and motivation, the number of
/// counters. So the region brings each channel up to the time of its next event with
/// ``advance(to:staff:)`` before firing it, and the channel runs its own arrivals, service starts
/// and completions in a local loop: no request passes through the region's event calendar. Each
/// channel draws from streams of its own, so the order in which channels are advanced changes no
/// number. Ties: a completion at the instant of an arrival goes first; the channel's events at
/// exactly a region event's time run after it.
struct ServiceChannel {
    let unit: UnitIndex
    let parameters: ServiceChannelParameters
    /// Demand multiplier per working day from the start; empty when demand is flat.
    let demand: [Double]
    let rules: ServiceRules
    /// This month's measures of this counter alone.
    var tally = ServiceTally()
    /// Staff-equivalents of the unit away at sessions or training on duty, over time, and its
    /// area (staff-days) at the start of the month.
    var training = TimeWeightedAverage(value: 0, at: .zero)
    var trainingAreaAtMonthStart = 0.0
    /// Analytic fidelity: requests still waiting at the end of the last working day.
    var backlogRequests = 0.0
    /// Analytic fidelity: citizens coming back after giving up, by working day.
    var analyticComebacks: [Int: Int] = [:]
    /// Analytic fidelity: the on-duty staff's sums, as of the region's counts of changes.
    var staffSums = StaffSums(version: -1)
    /// The work some served requests need afterwards (idle when none do).
    var backOffice: BackOffice

    // Per-request fidelity
    var streams: ChannelStreams
    /// Counters staffed now (staff on duty at the counter); open only in the office's hours.
    private(set) var servers: Int
    /// The office's day (nil: continuous), whether its counters are open now, when that next
    /// changes, and the queue numbers given on the day `quotaDay`.
    let office: OfficeDay?
    var isOpen = true
    var nextOpeningChange = Double.infinity, nextChangeClosesDay = false
    var quotaDay = Int.min, numbersGiven = 0
    /// The requests waiting, in order of arrival.
    var waiting = FIFORing<WaitingRequest>(capacity: 64)
    /// When citizens who gave up come back (working days), earliest first.
    var comebacks = MinHeap<Double>()
    /// The requests being served.
    private var inService: [RequestInService] = []
    /// The request in service that finishes first (the lowest index among equal times; −1 and ∞
    /// when none): kept as requests start, looked for again only when one is done.
    private var firstDone = (index: -1, finish: Double.infinity)
    /// When the next request arrives.
    private var nextArrival = Double.infinity
    /// Busy counters and staffed counters over time (a counter kept past a drop in staff counts as
    /// staffed until its request is done), for the utilisation.
    var busyServers: TimeWeightedAverage
    var staffedServers: TimeWeightedAverage
    /// Complaints filed since the region last attributed them to domains.
    var complaintsToAttribute = 0

    init(
        unit: UnitIndex, parameters: ServiceChannelParameters, servers: Int, demand: [Double],
        rules: ServiceRules, office: OfficeDay?, streams: ChannelStreams, at start: SimTime
    ) {
        self.unit = unit
        self.parameters = parameters
        self.servers = servers
        self.demand = demand
        self.rules = rules
        self.office = office
        self.streams = streams
        backOffice = BackOffice(parameters.backOffice)
        if let office {
            (isOpen, nextOpeningChange, nextChangeClosesDay) = office.state(at: start.workingDays)
            tally.hourNumbers = [Double](repeating: 0, count: 24)
            tally.hourWaits = [MeanTally](repeating: MeanTally(), count: 24)
            tally.hourWaitHistograms = [Int](repeating: 0, count: 24 * tally.waitHistogram.count)
            tally.hourAnalyticP90Sum = [Double](repeating: 0, count: 24)
        }
        busyServers = TimeWeightedAverage(value: 0, at: start)
        staffedServers = TimeWeightedAverage(value: Double(isOpen ? servers : 0), at: start)
    }

    var busyCount: Int { inService.count }
    /// Counters open now: the staffed ones in the office's hours, none outside them.
    var openServers: Int { isOpen ? servers : 0 }

    /// Draws the first arrival after `start` (per-request fidelity only).
    mutating func openArrivals(at start: Double) { nextArrival = arrivalTime(after: start) }

    /// The next arrival after `t`. Seasonal demand inverts the cumulative rate, constant within
    /// each working day, so one exponential draw makes one arrival whatever the profile (common
    /// random numbers hold).
    @inline(__always)
    mutating func arrivalTime(after t: Double) -> Double {
        let rate = parameters.requestsPerDay
        if let office { return officeArrivalTime(after: t, office: office) }
        guard !demand.isEmpty else { return t + streams.arrivals.exponential(mean: 1 / rate) }
        var work = streams.arrivals.exponential(mean: 1) / rate
        var t = t
        while true {
            let d = Int(t.rounded(.down))
            guard d < demand.count else { return t + work }
            // A warm-up before 1 January takes the first day's demand.
            let multiplier = demand[max(d, 0)]
            let room = (Double(d + 1) - t) * multiplier
            if work <= room && multiplier > 0 { return t + work / multiplier }
            work -= room
            t = Double(d + 1)
        }
    }

    /// Runs the channel's arrivals, comebacks, starts and completions strictly before `t`.
    /// Ties: a completion first, then the office opening or closing, then an arrival.
    mutating func advance(to t: Double, workforce: Workforce, staff: inout CounterStaff) {
        while true {
            let (first, finish) = firstDone
            let comeback = comebacks.min ?? .infinity
            let arrival = Swift.min(nextArrival, comeback)
            if finish <= arrival && finish <= nextOpeningChange {
                guard finish < t else { return }
                complete(first, at: finish, staff: staff)
                startWaiting(at: finish, workforce: workforce, staff: &staff)
            } else if nextOpeningChange <= arrival {
                guard nextOpeningChange < t else { return }
                changeOpening(at: nextOpeningChange, workforce: workforce, staff: &staff)
            } else {
                guard arrival < t else { return }
                if nextArrival <= comeback {
                    tally.requests += 1
                    nextArrival = arrivalTime(after: arrival)
                } else {
                    _ = comebacks.removeMin()
                    tally.returned += 1
                }
                guard takesANumber(at: arrival) else { continue }
                if let office { tally.hourNumbers[office.hour(at: arrival)] += 1 }
                join(at: arrival)
                startWaiting(at: arrival, workforce: workforce, staff: &staff)
            }
        }
    }

    /// A citizen joins the back of the line at `time`, with the time they will give up.
    @inline(__always)
    mutating func join(at time: Double) {
        let patience = rules.channel.patience
        var givesUpAt = Double.infinity
        switch patience.distribution {
        case .none: break
        case .exponential: givesUpAt = time + streams.patience.exponential(mean: patience.meanMinutes) * rules.daysPerMinute
        case .lognormal: givesUpAt = time + streams.patience.lognormal(mean: patience.meanMinutes, cv: patience.cv) * rules.daysPerMinute
        }
        waiting.append(WaitingRequest(arrival: time, givesUpAt: givesUpAt))
    }

    /// A citizen who came before the run's start joins the line at `time` (served and counted in
    /// the run, but not as an arrival of it).
    mutating func addWaiting(at time: Double) { join(at: time) }

    /// A waiting citizen whose patience ran out before a counter was free for them has gone:
    /// counted as abandoned, and perhaps back `returnDelayDays` after giving up.
    ///
    /// The line is FIFO, so whoever gave up is found when their turn comes, at the head, and
    /// dropped then without ever taking a counter: each request is looked at once, and no event
    /// scans the line (the waits of those served and the count who gave up are exact; the count
    /// lands in the month of their turn, not of their leaving). A comeback due before `time`
    /// comes at `time`.
    mutating func giveUp(_ request: WaitingRequest, at time: Double) {
        tally.abandoned += 1
        mayComeBack(leftAt: request.givesUpAt, noEarlierThan: time)
    }

    /// `returnShare` of those who leave unserved come back: `returnDelayDays` after leaving on a
    /// continuous day; in an office, in the morning rush of the working day that many days later.
    mutating func mayComeBack(leftAt left: Double, noEarlierThan time: Double) {
        let share = rules.channel.returnShare
        guard share > 0, streams.patience.bernoulli(share) else { return }
        guard let office else {
            comebacks.insert(Swift.max(left + rules.channel.returnDelayDays, time))
            return
        }
        let day = Swift.max(left, time).rounded(.down) + Swift.max(1, rules.channel.returnDelayDays.rounded())
        comebacks.insert(day + office.numbersFrom + streams.patience.uniform() * (office.rushEnd - office.numbersFrom))
    }

    /// The number of counters becomes `count` at `time`. Requests in service are never
    /// interrupted; a rise lets waiting requests start.
    mutating func setServers(_ count: Int, at time: Double, workforce: Workforce, staff: inout CounterStaff) {
        servers = count
        staffedServers.record(Double(Swift.max(openServers, busyCount)), at: SimTime(workingDays: time))
        startWaiting(at: time, workforce: workforce, staff: &staff)
    }

    /// Starts waiting requests while a counter is free: the handler is an on-duty member of the
    /// unit drawn at random, whose competency sets the handling time. Inlined into the request
    /// loop, which calls it after every arrival and completion.
    @inline(__always)
    mutating func startWaiting(at time: Double, workforce: Workforce, staff: inout CounterStaff) {
        while inService.count < openServers, let request = waiting.popFirst() {
            if request.givesUpAt < time {
                giveUp(request, at: time)
                continue
            }
            let arrival = request.arrival
            var competency = 0.0
            var motivation = 0.5
            var mean = rules.noviceMinutes
            var logMean = rules.logNoviceMinutes
            if let handler = staff.drawHandler(&streams.handlers, workforce: workforce) {
                // The remembered terms, read in place; worked out (with the rules copied) only when stale.
                let terms =
                    HandlerTerms.known(handler, workforce: workforce, memo: staff.memo, serviceDomain: staff.serviceDomain)
                    ?? staff.terms(handler, workforce: workforce, rules: rules)
                competency = terms.competency
                mean = terms.minutes
                logMean = terms.logMinutes
                motivation = workforce.effectiveMotivation(handler)
            }
            let minutes =
                parameters.exponentialHandling
                ? streams.handling.exponential(mean: mean)
                : streams.handling.lognormal(logMean: logMean, shape: rules.handlingShape)
            let waitMinutes = (time - arrival) * rules.minutesPerDay
            tally.handlingMinutes.add(minutes)
            if rules.isLebaran(arrival) { tally.lebaranWaitMinutes.add(waitMinutes) }
            if let office { tally.recordHourWait(waitMinutes, hour: office.hour(at: arrival)) }
            let finish = time + minutes * rules.daysPerMinute
            inService.append(RequestInService(finish: finish, waitMinutes: waitMinutes, competency: competency, motivation: motivation))
            if finish < firstDone.finish { firstDone = (inService.count - 1, finish) }
            busyServers.record(Double(inService.count), at: SimTime(workingDays: time))
        }
    }

    /// The request in service at `i` is done: resolved or not, its satisfaction, perhaps a complaint.
    @inline(__always)
    private mutating func complete(_ i: Int, at time: Double, staff: CounterStaff) {
        let request = inService[i]
        inService[i] = inService[inService.count - 1]
        inService.removeLast()
        firstDone = (-1, .infinity)
        for k in inService.indices where inService[k].finish < firstDone.finish { firstDone = (k, inService[k].finish) }
        let busy = Double(inService.count)
        busyServers.record(busy, at: SimTime(workingDays: time))
        // A counter kept past a drop in staff leaves the staffed count when its request is done.
        if inService.count >= openServers { staffedServers.record(busy, at: SimTime(workingDays: time)) }
        let quality = rules.quality
        let resolved = streams.outcomes.bernoulli(quality.firstContactResolution(competency: request.competency))
        let shares = quality.skmShares(
            timeliness: quality.timeliness(waitMinutes: request.waitMinutes),
            competency: request.competency, resolved: resolved ? 1 : 0, motivation: request.motivation,
            complaintHandling: staff.complaintHandling)
        if resolved { tally.resolved += 1 }
        backOffice.served += 1
        tally.recordWait(request.waitMinutes)
        tally.recordSKM(shares, heldShareSum: rules.heldShareSum)
        if streams.outcomes.bernoulli(quality.complaintChance(resolved: resolved, waitMinutes: request.waitMinutes)) {
            tally.complaints += 1
            complaintsToAttribute += 1
            tally.complaintResolutionDays.add(
                streams.outcomes.exponential(mean: quality.resolutionDays(unitCompetency: staff.unitCompetency)))
        }
    }

    /// Busy counter-days and staffed counter-days up to `time`, and new windows from there.
    mutating func takeServerDays(upTo time: SimTime) -> (busy: Double, staffed: Double) {
        let days = (busyServers.area(upTo: time), staffedServers.area(upTo: time))
        busyServers = TimeWeightedAverage(value: Double(busyCount), at: time)
        staffedServers = TimeWeightedAverage(value: Double(Swift.max(openServers, busyCount)), at: time)
        return days
    }
}

/// A citizen in the line: when they came, and when they will give up (∞: never).
struct WaitingRequest {
    var arrival: Double
    var givesUpAt: Double
}

/// A request at a counter: when it will be done, and what it takes to judge it then.
struct RequestInService {
    var finish: Double
    var waitMinutes: Double
    var competency: Double
    var motivation: Double
}

/// What a channel reads of the region while it runs, besides the workforce: its unit's members,
/// the handler memo and the unit's mean competency (for complaint resolution).
struct CounterStaff {
    let members: [EmployeeIndex]
    var memo: PerEmployee<HandlerTerms>
    let serviceDomain: Int?
    let unitCompetency: Double
    /// SKM element U8 of the unit (``ServiceQualityParameters/complaintHandling(unitCompetency:)``).
    let complaintHandling: Double

    /// An on-duty member of the unit, drawn at random; `nil` when the unit has nobody on duty.
    func drawHandler(_ stream: inout RandomStream, workforce: Workforce) -> EmployeeIndex? {
        guard !members.isEmpty else { return nil }
        for _ in 0..<16 {
            let e = members[stream.index(below: members.count)]
            if workforce.active[e] && !workforce.offDuty[e] { return e }
        }
        return members.first { workforce.active[$0] && !workforce.offDuty[$0] }
    }

    mutating func terms(_ e: EmployeeIndex, workforce: Workforce, rules: ServiceRules) -> HandlerTerms {
        HandlerTerms.remembered(e, workforce: workforce, memo: &memo, serviceDomain: serviceDomain, quality: rules.quality) {
            rules.channel
        }
    }
}

/// A channel's own random streams: a change in one counter's traffic leaves every other
/// counter's numbers alone.
struct ChannelStreams {
    var arrivals, handlers, handling, outcomes: RandomStream
    /// Patience and comebacks: drawn only when citizens give up, so a counter without a patience
    /// draws exactly what it drew before patience was modelled.
    var patience: RandomStream
}

/// A handler's ĉ and mean handling minutes, with the service level and unit they were worked out from.
struct HandlerTerms {
    var level = Double.nan
    var unit = UnitIndex(-1)
    var competency = 0.0, minutes = 0.0, logMinutes = 0.0

    /// What `e`'s service level makes of a request: ĉ on [0,1] (level 1 → 0, the unit's
    /// proficient level → 1), the mean handling minutes at the unit's counter and their logarithm.
    /// Worked out again only when the level or the unit changed since `e` last handled a request
    /// (levels move monthly and at completions; requests come by the hundred a day), so the answer
    /// is exactly what working it out afresh gives.
    static func remembered(
        _ e: EmployeeIndex, workforce: Workforce, memo: inout PerEmployee<HandlerTerms>, serviceDomain: Int?,
        quality: ServiceQualityParameters, service: () -> ServiceChannelParameters?
    ) -> HandlerTerms {
        if let known = known(e, workforce: workforce, memo: memo, serviceDomain: serviceDomain) { return known }
        let level = serviceDomain.map { workforce.applied(e, $0) } ?? .nan
        let unit = workforce.unit[e]
        if e.rawValue >= memo.count {
            memo.storage.append(contentsOf: repeatElement(HandlerTerms(), count: e.rawValue + 1 - memo.count))
        }
        var terms = HandlerTerms(level: level, unit: unit, competency: 0.5, minutes: 0, logMinutes: 0)
        let service = service()
        if serviceDomain != nil {
            let proficient = service?.proficientLevel ?? 3
            terms.competency = clamp((level - 1) / max(proficient - 1, 1e-6), 0, 1)
        }
        if let service {
            terms.minutes = quality.handlingMinutes(service, competency: terms.competency)
            terms.logMinutes = log(terms.minutes)
        }
        memo[e] = terms
        return terms
    }
}

extension HandlerTerms {
    /// `e`'s remembered terms if its level and unit are still those they were worked out from.
    @inline(__always)
    static func known(_ e: EmployeeIndex, workforce: Workforce, memo: PerEmployee<HandlerTerms>, serviceDomain: Int?) -> HandlerTerms? {
        guard e.rawValue < memo.count else { return nil }
        let known = memo[e]
        let level = serviceDomain.map { workforce.applied(e, $0) } ?? .nan
        return known.unit == workforce.unit[e] && known.level.bitPattern == level.bitPattern ? known : nil
    }
}

/// The sums over a unit's staff on duty that an analytic day reads, with the region's count of
/// month starts and the unit's count of changes when they were worked out (none of the staff
/// changes otherwise).
struct StaffSums {
    var version: Int
    var unitChanges = 0
    var minutes = 0.0, competency = 0.0, motivation = 0.0
    var count = 0

    /// The same sums, to the bit (the versions aside).
    func matches(_ other: StaffSums) -> Bool {
        minutes.bitPattern == other.minutes.bitPattern && competency.bitPattern == other.competency.bitPattern
            && motivation.bitPattern == other.motivation.bitPattern && count == other.count
    }
}
