import SimCore

/// Citizen service (MODEL.md §7): each frontline unit's channel is a FIFO queue whose servers are
/// the unit's counter staff on duty at that moment. Per-request fidelity simulates every request,
/// each channel on its own clock (``ServiceChannel``), brought up to each region event before it
/// fires; analytic fidelity evaluates Erlang C (Erlang A when citizens give up) per channel and
/// working day with the same inputs (RegionSimulation+AnalyticService.swift).
extension RegionSimulation {
    var quality: ServiceQualityParameters { model.serviceQuality }
    var perRequest: Bool { model.simulation.serviceFidelity == .perRequest }

    /// `e`'s ĉ and mean handling minutes at the unit's counter (``HandlerTerms/remembered``).
    /// Inlined: the loops over a unit's staff mostly find the terms remembered.
    @inline(__always)
    mutating func handlerTerms(_ e: EmployeeIndex) -> HandlerTerms {
        // The common case first, with nothing captured.
        if let known = HandlerTerms.known(e, workforce: workforce, memo: handlerMemo, serviceDomain: serviceDomain) { return known }
        let setup = setup
        let unit = workforce.unit[e]
        return HandlerTerms.remembered(e, workforce: workforce, memo: &handlerMemo, serviceDomain: serviceDomain, quality: quality) {
            setup.region.units[unit].service
        }
    }

    /// Counters open in `unit` now (none for a unit without a counter). A hot path calls
    /// ``UnitRoster/counterServers(_:counterShare:)`` itself: a non-mutating call on the
    /// simulation from a mutating one copies the simulation.
    func counterServers(_ unit: UnitIndex) -> Int {
        guard let channel = region.units[unit].service else { return 0 }
        return roster.counterServers(unit, counterShare: channel.counterShare)
    }

    mutating func openChannels() {
        for u in roster.units {
            guard let parameters = region.units[u].service else { continue }
            roster.channel[u] = channels.count
            let rules = ServiceRules(
                channel: parameters, quality: quality, hoursPerWorkingDay: model.hoursPerWorkingDay, lebaranSpans: lebaranSpans)
            channels.append(
                ServiceChannel(
                    unit: u, parameters: parameters, servers: counterServers(u),
                    demand: parameters.demand?.daily(on: clock) ?? [], rules: rules,
                    office: parameters.day.isOffice
                        ? OfficeDay(parameters.day, hoursPerWorkingDay: model.hoursPerWorkingDay, clock: clock) : nil,
                    streams: streams.channel(unit: region.units[u].id), at: now))
            if perRequest { channels[channels.count - 1].openArrivals(at: now.workingDays) }
        }
        if !perRequest || channels.contains(where: { $0.backOffice.parameters.isUsed }), !channels.isEmpty {
            // From now: a back office works through the counters' warm-up too (none in analytic
            // fidelity), at its staff's competency from the start.
            refreshUnitServiceCompetency()
            let first = now.workingDays.rounded(.up)
            calendar.schedule(.serviceDay(Int32(first)), at: SimTime(workingDays: first))
        }
    }

    /// The start: what the warm-up measured is dropped (its queues stay), and the citizens the
    /// start state says are already waiting join the queues.
    mutating func openRun() {
        if warmUpDays > 0 {
            for c in channels.indices {
                channels[c].tally.reset()
                channels[c].backOffice.startMonth()
                _ = channels[c].takeServerDays(upTo: now)
            }
            service.reset()
            for d in complaintsByDomain.indices { complaintsByDomain[d] = 0 }
        }
        for c in channels.indices {
            let waiting =
                region.startState.waiting.indices.contains(channels[c].unit.rawValue)
                ? region.startState.waiting[channels[c].unit.rawValue] : 0
            guard waiting > 0 else { continue }
            if !perRequest {
                channels[c].backlogRequests += Double(waiting)
                continue
            }
            // They arrived before the start: served (and their waits counted) in the run, not counted as its arrivals.
            for _ in 0..<waiting { channels[c].addWaiting(at: now.workingDays) }
            withStaff(of: c) { channel, now, people, staff in channel.startWaiting(at: now, workforce: people, staff: &staff) }
        }
    }

    /// Brings every channel up to `now`, before a region event changes who is at the counters
    /// (per-request fidelity), and counts the complaints filed meanwhile toward their domains.
    mutating func advanceChannels() {
        for c in channels.indices {
            withStaff(of: c) { channel, now, people, staff in channel.advance(to: now, workforce: people, staff: &staff) }
            if channels[c].complaintsToAttribute > 0 {
                attributeComplaints(unit: channels[c].unit, count: channels[c].complaintsToAttribute)
                channels[c].complaintsToAttribute = 0
            }
        }
    }

    /// Runs `body` on channel `c` with its unit's staff. The handler memo is moved out of the
    /// simulation for the call and back after it, so neither copy is ever duplicated.
    mutating func withStaff(of c: Int, _ body: (inout ServiceChannel, Double, Workforce, inout CounterStaff) -> Void) {
        let unit = channels[c].unit
        let unitCompetency = roster.serviceCompetency[unit]
        var staff = CounterStaff(
            members: roster.members[unit], memo: handlerMemo, serviceDomain: serviceDomain, unitCompetency: unitCompetency,
            complaintHandling: quality.complaintHandling(unitCompetency: unitCompetency))
        handlerMemo = PerEmployee()
        body(&channels[c], now.workingDays, workforce, &staff)
        handlerMemo = staff.memo
    }

    /// Whether working time `t` lies in the Lebaran window.
    func isLebaran(_ t: Double) -> Bool { lebaranSpans.contains { $0.contains(t) } }

    /// The counter's server count follows the unit's on-duty staff.
    mutating func updateServers(unit: UnitIndex) {
        let c = roster.channel[unit]
        guard c >= 0 else { return }
        channels[c].training.record(Double(roster.away[unit]) + roster.partlyAway[unit], at: now)
        let servers = roster.counterServers(unit, counterShare: channels[c].parameters.counterShare)
        guard perRequest else { return }
        withStaff(of: c) { channel, now, people, staff in channel.setServers(servers, at: now, workforce: people, staff: &staff) }
    }

    /// Complaints count toward the domains the unit uses (complaint-weighted needs analysis).
    mutating func attributeComplaints(unit: UnitIndex, count: Int) {
        let usage = region.units[unit].usage
        let total = usage.reduce(0, +)
        for d in 0..<domainCount { complaintsByDomain[d] += Double(count) * (total > 0 ? usage[d] / total : 1 / Double(domainCount)) }
    }

    /// Complaints of a day at channel `c` in analytic fidelity: counted, attributed, and resolved
    /// faster by a more competent unit (exponential, mean from `resolutionDays`, from the
    /// channel's own outcome stream).
    mutating func fileComplaint(channel c: Int, count: Int) {
        let unit = channels[c].unit
        channels[c].tally.complaints += count
        attributeComplaints(unit: unit, count: count)
        let unitCompetency = roster.serviceCompetency[unit]
        for _ in 0..<count {
            service.complaintResolutionDays.add(
                channels[c].streams.outcomes.exponential(mean: quality.resolutionDays(unitCompetency: unitCompetency)))
        }
    }

    /// Refreshes each unit's mean service competency of staff on duty (once a month: it moves slowly).
    mutating func refreshUnitServiceCompetency() {
        // Only a counter's unit reads it (handlers' complaint resolution).
        for unit in roster.members.indices where roster.channel[unit] >= 0 {
            roster.serviceCompetency[unit] = unitMeanServiceCompetency(unit)
        }
    }

    mutating func unitMeanServiceCompetency(_ unit: UnitIndex) -> Double {
        var sum = 0.0
        var n = 0
        let members = roster.members[unit]
        for e in members where workforce.active[e] && !workforce.offDuty[e] {
            sum += handlerTerms(e).competency
            n += 1
        }
        return n > 0 ? sum / Double(n) : 0
    }

    // MARK: - Month end

    /// Records the month's service metrics, for the region and for each counter. A quantity with
    /// nothing to measure (no request, no complaint, no counter) is NaN, written empty in the CSV,
    /// never a misleading zero.
    mutating func recordServiceMonth(_ m: Int, monthEnd: SimTime) {
        let analytic = model.simulation.serviceFidelity == .analytic
        var busy = 0.0
        var staffed = 0.0
        for c in channels.indices {
            var utilisation = channels[c].tally.analyticUtilisation
            var load = channels[c].tally.analyticLoad
            if !analytic {
                let days = channels[c].takeServerDays(upTo: monthEnd)
                busy += days.busy
                staffed += days.staffed
                utilisation = days.staffed > 0 ? days.busy / days.staffed : .nan
                load = channels[c].tally.offeredLoad(staffedMinutes: days.staffed * model.hoursPerWorkingDay * 60)
            }
            closeBackOfficeMonth(channel: c, month: m)
            writeCounter(channels[c].unit, channels[c].tally, utilisation: utilisation, load: load, analytic: analytic, month: m)
            service.absorb(channels[c].tally)
            let trainingArea = channels[c].training.area(upTo: monthEnd)
            result[slot: result.slot(counterOfUnit: channels[c].unit.rawValue, .staffDaysTraining), m] =
                trainingArea - channels[c].trainingAreaAtMonthStart
            channels[c].trainingAreaAtMonthStart = trainingArea
            channels[c].tally.reset()
        }
        result[.serviceRequests, m] = Double(service.requests)
        result[.serviceWaitMean, m] = service.waitMean
        result[.serviceHandlingMean, m] = service.handlingMinutes.count > 0 ? service.handlingMinutes.mean : .nan
        result[.serviceFCR, m] = service.firstContactResolution
        result[.serviceComplaints, m] = Double(service.complaints)
        result[.serviceComplaintResolutionDays, m] = service.complaintResolutionDays.count > 0 ? service.complaintResolutionDays.mean : .nan
        result[.serviceIKM, m] = service.ikm
        result[.serviceWaitP90, m] = service.waitP90(analytic: analytic)
        result[.serviceUtilisation, m] = analytic ? service.analyticUtilisation : (staffed > 0 ? busy / staffed : .nan)
        result[.serviceAbandoned, m] = Double(service.abandoned)
        result[.serviceAbandonedShare, m] = service.abandonedShare
        result[.serviceTurnedAway, m] = Double(service.turnedAway)
        service.reset()
    }

    mutating func writeCounter(_ unit: UnitIndex, _ tally: ServiceTally, utilisation: Double, load: Double, analytic: Bool, month m: Int) {
        func write(_ measure: CounterMeasure, _ value: Double) {
            result[slot: result.slot(counterOfUnit: unit.rawValue, measure), m] = value
        }
        write(.requests, Double(tally.requests))
        write(.waitMean, tally.waitMean)
        write(.waitP90, tally.waitP90(analytic: analytic))
        write(.utilisation, utilisation)
        write(.offeredLoad, load)
        write(.firstContactResolution, tally.firstContactResolution)
        write(.complaints, Double(tally.complaints))
        write(.ikm, tally.ikm)
        write(.lebaranWaitMean, tally.lebaranWaitMinutes.count > 0 ? tally.lebaranWaitMinutes.mean : .nan)
        write(.abandoned, Double(tally.abandoned))
        write(.returned, Double(tally.returned))
        write(.abandonedShare, tally.abandonedShare)
        write(.turnedAway, Double(tally.turnedAway))
        for measure in CounterMeasure.allCases { if let element = measure.skmElement { write(measure, tally.skm.meanScore(element)) } }
        guard let hours = region.units[unit].service?.reportedHours else { return }
        for (k, hour) in hours.enumerated() {
            result[slot: result.slot(counterOfUnit: unit.rawValue, hourIndex: k, .numbersTaken), m] = tally.hourNumbers[hour]
            let waits = tally.hourWaits[hour]
            result[slot: result.slot(counterOfUnit: unit.rawValue, hourIndex: k, .waitMean), m] = waits.count > 0 ? waits.mean : .nan
            result[slot: result.slot(counterOfUnit: unit.rawValue, hourIndex: k, .waitP90), m] = tally.hourWaitP90(hour, analytic: analytic)
        }
    }
}

extension ServiceTally {
    var served: Int { waitMinutes.count }
    var waitMean: Double { served > 0 ? waitMinutes.mean : .nan }
    var firstContactResolution: Double { served > 0 ? Double(resolved) / Double(served) : .nan }
    /// Gave up ÷ visits that ended (served or gave up); undefined when none ended.
    var abandonedShare: Double { served + abandoned > 0 ? Double(abandoned) / Double(served + abandoned) : .nan }
    var ikm: Double { satisfaction.count > 0 ? IKMGrade.index(meanSatisfaction: satisfaction.mean) : .nan }
    var analyticUtilisation: Double { served > 0 ? analyticUtilisationSum / Double(served) : .nan }
    var analyticLoad: Double { served > 0 ? analyticLoadSum / Double(served) : .nan }
    /// The work that arrived (requests × mean handling minutes) ÷ the minutes staff were at the counter.
    func offeredLoad(staffedMinutes: Double) -> Double {
        guard requests > 0, handlingMinutes.count > 0 else { return .nan }
        return staffedMinutes > 0 ? Double(requests) * handlingMinutes.mean / staffedMinutes : .nan
    }
    /// The p90 of the wait: from the 1-minute histogram, or the request-weighted Erlang C quantile.
    func waitP90(analytic: Bool) -> Double {
        guard served > 0 else { return .nan }
        return analytic ? analyticWaitP90Sum / Double(served) : percentile(waitHistogram, 0.9)
    }

    /// The 90th-percentile wait of the served who came in clock hour `hour` (an office counter's).
    func hourWaitP90(_ hour: Int, analytic: Bool) -> Double {
        let served = hourWaits[hour].count
        guard served > 0 else { return .nan }
        if analytic { return hourAnalyticP90Sum[hour] / Double(served) }
        let bins = waitHistogram.count
        return percentile(hourWaitHistograms[(hour * bins)..<((hour + 1) * bins)], 0.9)
    }
}

/// The q-quantile of a histogram of 1-minute bins (the last bin holds everything longer).
func percentile(_ histogram: some Collection<Int>, _ q: Double) -> Double {
    let total = histogram.reduce(0, +)
    guard total > 0 else { return 0 }
    let target = q * Double(total)
    var running = 0
    for (minute, count) in histogram.enumerated() {
        running += count
        if Double(running) >= target { return Double(minute) + 0.5 }
    }
    return Double(histogram.count)
}
