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
    /// Analytic fidelity: the on-duty staff's sums, as of the region's counts of changes.
    var staffSums = StaffSums(version: -1)

    // Per-request fidelity
    var streams: ChannelStreams
    /// Counters open now (staff on duty at the counter).
    private(set) var servers: Int
    /// The arrival times of the requests waiting, in order.
    private var waiting = FIFORing<Double>(capacity: 64)
    /// The requests being served.
    private var inService: [RequestInService] = []
    /// The request in service that finishes first (the lowest index among equal times; −1 and ∞
    /// when none): kept as requests start, looked for again only when one is done.
    private var firstDone = (index: -1, finish: Double.infinity)
    /// When the next request arrives.
    private var nextArrival = Double.infinity
    /// Busy counters and staffed counters over time (a counter kept past a drop in staff counts as
    /// staffed until its request is done), for the utilisation.
    private(set) var busyServers: TimeWeightedAverage
    private(set) var staffedServers: TimeWeightedAverage
    /// Complaints filed since the region last attributed them to domains.
    var complaintsToAttribute = 0

    init(
        unit: UnitIndex, parameters: ServiceChannelParameters, servers: Int, demand: [Double],
        rules: ServiceRules, streams: ChannelStreams, at start: SimTime
    ) {
        self.unit = unit
        self.parameters = parameters
        self.servers = servers
        self.demand = demand
        self.rules = rules
        self.streams = streams
        busyServers = TimeWeightedAverage(value: 0, at: start)
        staffedServers = TimeWeightedAverage(value: Double(servers), at: start)
    }

    var busyCount: Int { inService.count }

    /// Draws the first arrival after `start` (per-request fidelity only).
    mutating func openArrivals(at start: Double) { nextArrival = arrivalTime(after: start) }

    /// The next arrival after `t`. Seasonal demand inverts the cumulative rate, constant within
    /// each working day, so one exponential draw makes one arrival whatever the profile (common
    /// random numbers hold).
    @inline(__always)
    mutating func arrivalTime(after t: Double) -> Double {
        let rate = parameters.requestsPerDay
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

    /// Runs the channel's arrivals, starts and completions strictly before `t`.
    mutating func advance(to t: Double, workforce: Workforce, staff: inout CounterStaff) {
        while true {
            let (first, finish) = firstDone
            if finish <= nextArrival {
                guard finish < t else { return }
                complete(first, at: finish, staff: staff)
                startWaiting(at: finish, workforce: workforce, staff: &staff)
            } else {
                guard nextArrival < t else { return }
                let arrival = nextArrival
                tally.requests += 1
                waiting.append(arrival)
                nextArrival = arrivalTime(after: arrival)
                startWaiting(at: arrival, workforce: workforce, staff: &staff)
            }
        }
    }

    /// A citizen who came before the run's start joins the line at `time` (served and counted in
    /// the run, but not as an arrival of it).
    mutating func addWaiting(at time: Double) { waiting.append(time) }

    /// The number of counters becomes `count` at `time`. Requests in service are never
    /// interrupted; a rise lets waiting requests start.
    mutating func setServers(_ count: Int, at time: Double, workforce: Workforce, staff: inout CounterStaff) {
        servers = count
        staffedServers.record(Double(Swift.max(count, busyCount)), at: SimTime(workingDays: time))
        startWaiting(at: time, workforce: workforce, staff: &staff)
    }

    /// Starts waiting requests while a counter is free: the handler is an on-duty member of the
    /// unit drawn at random, whose competency sets the handling time. Inlined into the request
    /// loop, which calls it after every arrival and completion.
    @inline(__always)
    mutating func startWaiting(at time: Double, workforce: Workforce, staff: inout CounterStaff) {
        while inService.count < servers, let arrival = waiting.popFirst() {
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
        if inService.count >= servers { staffedServers.record(busy, at: SimTime(workingDays: time)) }
        let quality = rules.quality
        let resolved = streams.outcomes.bernoulli(quality.firstContactResolution(competency: request.competency))
        let satisfaction = quality.satisfaction(
            timeliness: quality.timeliness(waitMinutes: request.waitMinutes),
            competency: request.competency, resolved: resolved ? 1 : 0, motivation: request.motivation)
        if resolved { tally.resolved += 1 }
        tally.recordWait(request.waitMinutes)
        tally.satisfaction.add(satisfaction)
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
        staffedServers = TimeWeightedAverage(value: Double(Swift.max(servers, busyCount)), at: time)
        return days
    }
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

/// A channel's constants, worked out once.
struct ServiceRules {
    let channel: ServiceChannelParameters
    let quality: ServiceQualityParameters
    /// Minutes in a working day: a wait in working days times this is minutes.
    let minutesPerDay: Double
    /// 1 / minutesPerDay: a handling time in working days is a product, not a division per request.
    let daysPerMinute: Double
    /// σ² and σ of the lognormal handling time.
    let handlingShape: LognormalShape
    /// Mean handling minutes (and their log) when no one is on duty to draw as the handler (ĉ = 0).
    let noviceMinutes: Double, logNoviceMinutes: Double
    /// The default Lebaran window in working time, where the counter's Lebaran wait is measured.
    let lebaranSpans: [Range<Double>]
    /// Per working day from 0: whether the window covers none of it (0), all of it (1) or part of
    /// it (2), so most requests are placed by one look-up instead of a search of the spans.
    let lebaranDays: [UInt8]

    init(channel: ServiceChannelParameters, quality: ServiceQualityParameters, hoursPerWorkingDay: Double, lebaranSpans: [Range<Double>]) {
        self.channel = channel
        self.quality = quality
        minutesPerDay = hoursPerWorkingDay * 60
        daysPerMinute = 1 / minutesPerDay
        handlingShape = LognormalShape(cv: channel.handlingCV)
        noviceMinutes = quality.handlingMinutes(channel, competency: 0)
        logNoviceMinutes = log(noviceMinutes)
        self.lebaranSpans = lebaranSpans
        let dayCount = Int((lebaranSpans.map(\.upperBound).max() ?? 0).rounded(.up))
        lebaranDays = (0..<max(dayCount, 0)).map { d in
            let day = Double(d)..<Double(d + 1)
            if lebaranSpans.contains(where: { $0.lowerBound <= day.lowerBound && day.upperBound <= $0.upperBound }) { return 1 }
            return lebaranSpans.contains(where: { $0.overlaps(day) }) ? 2 : 0
        }
    }

    /// Inlined: a call would copy the rules out of the channel being changed.
    @inline(__always)
    func isLebaran(_ t: Double) -> Bool {
        if t >= 0 && t < Double(lebaranDays.count) {
            switch lebaranDays[Int(t)] {
            case 0: return false
            case 1: return true
            default: break
            }
        }
        return lebaranSpans.contains { $0.contains(t) }
    }
}

/// A channel's own random streams: a change in one counter's traffic leaves every other
/// counter's numbers alone.
struct ChannelStreams {
    var arrivals, handlers, handling, outcomes: RandomStream
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
