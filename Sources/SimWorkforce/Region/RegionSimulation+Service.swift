import SimCore

/// Citizen service (MODEL.md §7): each frontline unit's channel is a FIFO queue whose servers are
/// the unit's counter staff on duty at that moment. Per-request fidelity simulates every request;
/// analytic fidelity evaluates Erlang C per channel and working day with the same inputs.
extension RegionSimulation {
    var quality: ServiceQualityParameters { model.serviceQuality }

    /// A handler's service competency ĉ on [0,1]: level 1 → 0, the channel's proficient level → 1.
    func serviceCompetency(_ e: EmployeeIndex) -> Double {
        guard let d = serviceDomain else { return 0.5 }
        let proficient = region.units[workforce.unit[e]].service?.proficientLevel ?? 3
        return clamp((workforce.applied(e, d) - 1) / max(proficient - 1, 1e-6), 0, 1)
    }

    func counterServers(_ unit: UnitIndex) -> Int {
        guard let channel = region.units[unit].service else { return 0 }
        // Staff training part of the day (e-learning, coaching) leave the counter for that share.
        let working = roster.workingStaff(unit)
        return roster.onDuty[unit] > 0 ? max(1, Int((channel.counterShare * working).rounded())) : 0
    }

    mutating func openChannels() {
        for u in roster.units {
            guard let parameters = region.units[u].service else { continue }
            roster.channel[u] = channels.count
            channels.append(ServiceChannel(unit: u, parameters: parameters, queue: MultiServerQueue(servers: counterServers(u))))
            if model.simulation.serviceFidelity == .perRequest {
                scheduleArrival(channel: channels.count - 1)
            }
        }
        if model.simulation.serviceFidelity == .analytic && !channels.isEmpty {
            calendar.schedule(.analyticDay(0), at: .zero)
        }
    }

    mutating func scheduleArrival(channel c: Int) {
        let meanGapDays = 1 / channels[c].parameters.requestsPerDay
        calendar.schedule(.requestArrival(Int32(c)), after: SimDuration(workingDays: streams.arrivals.exponential(mean: meanGapDays)))
    }

    /// The counter's server count follows the unit's on-duty staff.
    mutating func updateServers(unit: UnitIndex) {
        let c = roster.channel[unit]
        guard c >= 0 else { return }
        channels[c].queue.setServerCount(counterServers(unit), at: now)
        if model.simulation.serviceFidelity == .perRequest { startRequests(channel: c) }
    }

    mutating func requestArrives(channel c: Int) {
        service.requests += 1
        channels[c].queue.arrive(0, at: now)
        scheduleArrival(channel: c)
        startRequests(channel: c)
    }

    /// Starts waiting requests while counter staff are free; the handler is an on-duty member of
    /// the unit drawn at random, whose competency sets the handling time.
    mutating func startRequests(channel c: Int) {
        let unit = channels[c].unit
        while let started = channels[c].queue.startNext(at: now) {
            let handler = drawHandler(unit: unit)
            let competency = handler.map { serviceCompetency($0) } ?? 0
            let motivation = handler.map { workforce.effectiveMotivation($0) } ?? 0.5
            let parameters = channels[c].parameters
            let mean = quality.handlingMinutes(parameters, competency: competency)
            let minutes = parameters.exponentialHandling ? streams.handling.exponential(mean: mean)
                : streams.handling.lognormal(mean: mean, cv: parameters.handlingCV)
            let waitMinutes = started.wait.workingDays * model.hoursPerWorkingDay * 60
            let slot: Int32
            if let free = channels[c].freeSlots.popLast() {
                slot = free
                channels[c].waitMinutes[Int(slot)] = waitMinutes
                channels[c].handlerCompetency[Int(slot)] = competency
                channels[c].handlerMotivation[Int(slot)] = motivation
            } else {
                slot = Int32(channels[c].waitMinutes.count)
                channels[c].waitMinutes.append(waitMinutes)
                channels[c].handlerCompetency.append(competency)
                channels[c].handlerMotivation.append(motivation)
            }
            service.handlingMinutes.add(minutes)
            calendar.schedule(.requestDone(channel: Int32(c), slot: slot),
                              after: SimDuration(workingDays: minutes / 60 / model.hoursPerWorkingDay))
        }
    }

    mutating func drawHandler(unit: UnitIndex) -> EmployeeIndex? {
        let members = roster.members[unit]
        guard !members.isEmpty else { return nil }
        for _ in 0..<16 {
            let e = members[streams.handlers.index(below: members.count)]
            if workforce.active[e] && !workforce.offDuty[e] { return e }
        }
        return members.first { workforce.active[$0] && !workforce.offDuty[$0] }
    }

    mutating func requestDone(channel c: Int, slot: Int32) {
        channels[c].queue.finishService(at: now)
        let i = Int(slot)
        let wait = channels[c].waitMinutes[i], competency = channels[c].handlerCompetency[i]
        let motivation = channels[c].handlerMotivation[i]
        channels[c].freeSlots.append(slot)
        let resolved = streams.outcomes.bernoulli(quality.firstContactResolution(competency: competency))
        if resolved { service.resolved += 1 }
        service.recordWait(wait)
        service.satisfaction.add(quality.satisfaction(timeliness: quality.timeliness(waitMinutes: wait), competency: competency, resolved: resolved ? 1 : 0, motivation: motivation))
        if streams.outcomes.bernoulli(quality.complaintChance(resolved: resolved, waitMinutes: wait)) {
            fileComplaint(unit: channels[c].unit, count: 1)
        }
        startRequests(channel: c)
    }

    /// Complaints count toward the domains the unit uses and are resolved faster by a more
    /// competent unit (exponential, mean from `resolutionDays`).
    mutating func fileComplaint(unit: UnitIndex, count: Int) {
        service.complaints += count
        let usage = region.units[unit].usage
        let total = usage.reduce(0, +)
        for d in 0..<domainCount { complaintsByDomain[d] += Double(count) * (total > 0 ? usage[d] / total : 1 / Double(domainCount)) }
        let unitCompetency = roster.serviceCompetency[unit]
        for _ in 0..<count {
            service.complaintResolutionDays.add(streams.outcomes.exponential(mean: quality.resolutionDays(unitCompetency: unitCompetency)))
        }
    }

    /// Refreshes each unit's mean service competency of staff on duty (once a month: it moves slowly).
    mutating func refreshUnitServiceCompetency() {
        for unit in roster.members.indices { roster.serviceCompetency[unit] = unitMeanServiceCompetency(unit) }
    }

    func unitMeanServiceCompetency(_ unit: UnitIndex) -> Double {
        var sum = 0.0, n = 0
        for e in roster.members[unit] where workforce.active[e] && !workforce.offDuty[e] {
            sum += serviceCompetency(e)
            n += 1
        }
        return n > 0 ? sum / Double(n) : 0
    }

    // MARK: - Analytic fidelity

    /// One working day of every channel by Erlang C with the Allen–Cunneen correction for
    /// lognormal handling times (Wq ≈ Wq(M/M/c)·(1 + cv²)/2), the same inputs as per-request.
    mutating func analyticDay(_ day: Int) {
        for c in channels.indices {
            let unit = channels[c].unit
            let parameters = channels[c].parameters
            var minutesSum = 0.0, competencySum = 0.0, motivationSum = 0.0, n = 0
            for e in roster.members[unit] where workforce.active[e] && !workforce.offDuty[e] {
                let competency = serviceCompetency(e)
                minutesSum += quality.handlingMinutes(parameters, competency: competency)
                competencySum += competency
                motivationSum += workforce.effectiveMotivation(e)
                n += 1
            }
            let requests = streams.handling.poisson(mean: parameters.requestsPerDay)
            guard requests > 0 else { continue }
            service.requests += requests
            let meanMinutes = n > 0 ? minutesSum / Double(n) : parameters.minutesPerRequestProficient * parameters.noviceMultiplier
            let competency = n > 0 ? competencySum / Double(n) : 0
            let motivation = n > 0 ? motivationSum / Double(n) : 0.5
            let servers = max(counterServers(unit), 1)
            let minutesPerDay = model.hoursPerWorkingDay * 60
            // The expected rate: Erlang C already carries the Poisson variation of arrivals.
            let arrivals = parameters.requestsPerDay / minutesPerDay
            let queue = ErlangC(arrivalRate: arrivals, serviceRate: 1 / meanMinutes, servers: servers)
            let cv = parameters.exponentialHandling ? 1 : parameters.handlingCV
            let correction = (1 + cv * cv) / 2
            // The stationary day (Erlang C with the Allen–Cunneen correction), when it is stable.
            var stationary = (mean: 0.0, p90: 0.0, timeliness: 1.0, utilisation: 1.0)
            if queue.isStable {
                let pWait = queue.probabilityOfWaiting
                let theta = (Double(servers) / meanMinutes - arrivals) / correction
                // E[e^{−W/s}] for W = 0 w.p. 1 − C, else exponential with rate θ.
                stationary = (queue.meanWait * correction, queue.waitQuantile(0.9) * correction,
                              (1 - pWait) + pWait * theta / (theta + 1.0 / quality.timelinessScaleMinutes), queue.utilisation)
            }
            // A backlog from yesterday, or more arrivals than service today: the fluid day.
            let day = BacklogDay(backlog: channels[c].backlogRequests, arrivalsPerMinute: arrivals,
                                 servicePerMinute: Double(servers) / meanMinutes, minutes: minutesPerDay,
                                 stationary: (stationary.mean, stationary.p90))
            channels[c].backlogRequests = day.backlogAtEnd
            let meanWait = day.meanWait, p90 = day.p90Wait
            let queuedWait = day.queuedShare > 0 ? (meanWait - (1 - day.queuedShare) * stationary.mean) / day.queuedShare : 0
            let timeliness = day.queuedShare * quality.timeliness(waitMinutes: queuedWait) + (1 - day.queuedShare) * stationary.timeliness
            let utilisation = day.queuedShare + (1 - day.queuedShare) * stationary.utilisation
            let fcr = quality.firstContactResolution(competency: competency)
            let served = Double(requests)
            service.waitMinutes.merge(RunningStatistics.repeated(meanWait, count: requests))
            service.handlingMinutes.merge(RunningStatistics.repeated(meanMinutes, count: requests))
            service.resolved += Int((fcr * served).rounded())
            let satisfaction = quality.satisfaction(timeliness: timeliness, competency: competency, resolved: fcr, motivation: motivation)
            service.satisfaction.merge(RunningStatistics.repeated(satisfaction, count: requests))
            let complaintMean = served * (fcr * quality.complaintChance(resolved: true, waitMinutes: meanWait)
                + (1 - fcr) * quality.complaintChance(resolved: false, waitMinutes: meanWait))
            let complaints = streams.outcomes.poisson(mean: complaintMean)
            if complaints > 0 { fileComplaint(unit: unit, count: complaints) }
            service.analyticWaitP90Sum += p90 * served
            service.analyticUtilisationSum += utilisation * served
        }
        let next = Double(day + 1)
        if next < Double(model.months) * daysPerMonth {
            calendar.schedule(.analyticDay(Int32(day + 1)), at: SimTime(workingDays: next))
        }
    }

    // MARK: - Month end

    /// Records the month's service metrics. A quantity with nothing to measure (no request, no
    /// complaint, no counter) is NaN, written empty in the CSV, never a misleading zero.
    mutating func recordServiceMonth(_ m: Int, monthEnd: SimTime) {
        func mean(_ stats: RunningStatistics) -> Double { stats.count > 0 ? stats.mean : .nan }
        let served = service.waitMinutes.count
        result[.serviceRequests, m] = Double(service.requests)
        result[.serviceWaitMean, m] = mean(service.waitMinutes)
        result[.serviceHandlingMean, m] = mean(service.handlingMinutes)
        result[.serviceFCR, m] = served > 0 ? Double(service.resolved) / Double(served) : .nan
        result[.serviceComplaints, m] = Double(service.complaints)
        result[.serviceComplaintResolutionDays, m] = mean(service.complaintResolutionDays)
        result[.serviceIKM, m] = service.satisfaction.count > 0 ? IKMGrade.index(meanSatisfaction: service.satisfaction.mean) : .nan
        if model.simulation.serviceFidelity == .analytic {
            result[.serviceWaitP90, m] = served > 0 ? service.analyticWaitP90Sum / Double(served) : .nan
            result[.serviceUtilisation, m] = served > 0 ? service.analyticUtilisationSum / Double(served) : .nan
        } else {
            result[.serviceWaitP90, m] = served > 0 ? percentile(service.waitHistogram, 0.9) : .nan
            var busy = 0.0, staffed = 0.0
            for c in channels.indices {
                busy += channels[c].queue.busyServers.area(upTo: monthEnd)
                staffed += channels[c].queue.availableServers.area(upTo: monthEnd)
                channels[c].queue.resetStatistics(at: monthEnd)
            }
            result[.serviceUtilisation, m] = staffed > 0 ? busy / staffed : .nan
        }
        service.reset()
    }
}

/// The q-quantile of a histogram of 1-minute bins (the last bin holds everything longer).
func percentile(_ histogram: [Int], _ q: Double) -> Double {
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
