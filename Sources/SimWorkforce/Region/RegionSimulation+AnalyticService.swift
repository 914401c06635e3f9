import SimCore

/// Analytic service fidelity (MODEL.md §7): each channel's working day from steady-state queueing
/// formulas with the same inputs as per-request fidelity. Erlang C with the Allen–Cunneen
/// correction for lognormal handling, and a fluid day when a backlog stands; Erlang A when the
/// counter's citizens give up.
extension RegionSimulation {
    /// The sums over `unit`'s staff on duty that an analytic day reads, worked out afresh.
    mutating func staffSums(_ unit: UnitIndex) -> StaffSums {
        var sums = StaffSums(version: eventsFired, unitChanges: roster.staffChanges[unit])
        for e in roster.members[unit] where workforce.active[e] && !workforce.offDuty[e] {
            let terms = handlerTerms(e)
            sums.minutes += terms.minutes
            sums.competency += terms.competency
            sums.motivation += workforce.effectiveMotivation(e)
            sums.count += 1
        }
        return sums
    }

    /// One working day of every channel, the same inputs as per-request (``serviceDay(_:)``).
    mutating func analyticDay(_ day: Int) {
        let inLebaran = isLebaran(Double(day) + 0.5)
        for c in channels.indices {
            let unit = channels[c].unit
            let parameters = channels[c].parameters
            // The staff on duty only change at other events: their sums are worked out again only
            // after one that may have changed this unit's (the same sums, so the same numbers).
            if channels[c].staffSums.version != eventsFired || channels[c].staffSums.unitChanges != roster.staffChanges[unit] {
                channels[c].staffSums = staffSums(unit)
            } else if BuildConfiguration.internalChecks {
                let fresh = staffSums(unit)
                precondition(
                    fresh.matches(channels[c].staffSums),
                    "the staff sums of unit \(unit) were reused after a change nobody counted (UnitRoster.staffChanges)")
            }
            let sums = channels[c].staffSums
            let n = sums.count
            let demand = channels[c].demand.isEmpty ? 1 : channels[c].demand[min(day, channels[c].demand.count - 1)]
            let requestsPerDay = parameters.requestsPerDay * demand
            let requests = channels[c].streams.handling.poisson(mean: requestsPerDay)
            let comebacks = channels[c].analyticComebacks.removeValue(forKey: day) ?? 0
            guard requests + comebacks > 0 else { continue }
            channels[c].tally.requests += requests
            channels[c].tally.returned += comebacks
            let meanMinutes = n > 0 ? sums.minutes / Double(n) : parameters.minutesPerRequestProficient * parameters.noviceMultiplier
            let competency = n > 0 ? sums.competency / Double(n) : 0
            let motivation = n > 0 ? sums.motivation / Double(n) : 0.5
            let servers = max(roster.counterServers(unit, counterShare: parameters.counterShare), 1)
            let minutesPerDay = model.hoursPerWorkingDay * 60
            // The expected rate: the queueing formulas already carry the Poisson variation of arrivals.
            let arrivals = (requestsPerDay + Double(comebacks)) / minutesPerDay
            let visits = requests + comebacks
            let waits =
                channels[c].office != nil
                ? officeDay(channel: c, visits: visits, meanMinutes: meanMinutes, servers: servers, day: day)
                : parameters.patience.isFinite
                    ? impatientDay(
                        channel: c, visits: visits, arrivalsPerMinute: arrivals, meanMinutes: meanMinutes, servers: servers, day: day)
                    : patientDay(channel: c, visits: visits, arrivalsPerMinute: arrivals, meanMinutes: meanMinutes, servers: servers)
            let meanWait = waits.meanWait
            let fcr = quality.firstContactResolution(competency: competency)
            let served = waits.served
            let shares = quality.skmShares(
                timeliness: waits.timeliness, competency: competency, resolved: fcr, motivation: motivation,
                complaintHandling: quality.complaintHandling(unitCompetency: roster.serviceCompetency[unit]))
            channels[c].tally.abandoned += visits - served - waits.turnedAway
            channels[c].tally.turnedAway += waits.turnedAway
            guard served > 0 else { continue }
            let count = Double(served)
            channels[c].backOffice.served += served
            channels[c].tally.waitMinutes.add(meanWait, times: served)
            channels[c].tally.handlingMinutes.add(meanMinutes, times: served)
            channels[c].tally.resolved += Int((fcr * count).rounded())
            channels[c].tally.recordSKM(shares, heldShareSum: channels[c].rules.heldShareSum, times: served)
            channels[c].tally.analyticWaitP90Sum += waits.p90 * count
            channels[c].tally.analyticUtilisationSum += waits.utilisation * count
            channels[c].tally.analyticLoadSum += arrivals * meanMinutes / Double(servers) * count
            if inLebaran { channels[c].tally.lebaranWaitMinutes.add(meanWait, times: served) }
            let complaintMean =
                count
                * (fcr * quality.complaintChance(resolved: true, waitMinutes: meanWait)
                    + (1 - fcr) * quality.complaintChance(resolved: false, waitMinutes: meanWait))
            let complaints = channels[c].streams.outcomes.poisson(mean: complaintMean)
            if complaints > 0 { fileComplaint(channel: c, count: complaints) }
        }
    }

    /// A day of citizens who wait however long it takes: Erlang C with the Allen–Cunneen
    /// correction for lognormal handling times (Wq ≈ Wq(M/M/c)·(1 + cv²)/2) once any backlog has
    /// drained; while one stands, or when arrivals outrun service, the fluid day of ``BacklogDay``.
    mutating func patientDay(channel c: Int, visits: Int, arrivalsPerMinute arrivals: Double, meanMinutes: Double, servers: Int)
        -> AnalyticWaits
    {
        let parameters = channels[c].parameters
        let queue = ErlangC(arrivalRate: arrivals, serviceRate: 1 / meanMinutes, servers: servers)
        let correction = parameters.exponentialHandling ? 1 : (1 + parameters.handlingCV * parameters.handlingCV) / 2
        // The stationary day (Erlang C with the Allen–Cunneen correction), when it is stable.
        var stationary = (mean: 0.0, p90: 0.0, timeliness: 1.0, utilisation: 1.0)
        if queue.isStable {
            let pWait = queue.probabilityOfWaiting
            let theta = (Double(servers) / meanMinutes - arrivals) / correction
            // E[e^{−W/s}] for W = 0 w.p. 1 − C, else exponential with rate θ.
            stationary = (
                queue.meanWait * correction, queue.waitQuantile(0.9) * correction,
                (1 - pWait) + pWait * theta / (theta + 1.0 / quality.timelinessScaleMinutes), queue.utilisation
            )
        }
        let day = BacklogDay(
            backlog: channels[c].backlogRequests, arrivalsPerMinute: arrivals,
            servicePerMinute: Double(servers) / meanMinutes, minutes: model.hoursPerWorkingDay * 60,
            stationary: (stationary.mean, stationary.p90))
        channels[c].backlogRequests = day.backlogAtEnd
        let queuedWait = day.queuedShare > 0 ? (day.meanWait - (1 - day.queuedShare) * stationary.mean) / day.queuedShare : 0
        return AnalyticWaits(
            served: visits, meanWait: day.meanWait, p90: day.p90Wait,
            timeliness: day.queuedShare * quality.timeliness(waitMinutes: queuedWait) + (1 - day.queuedShare) * stationary.timeliness,
            utilisation: day.queuedShare + (1 - day.queuedShare) * stationary.utilisation)
    }

    /// `returnShare` of `leaving` citizens (drawn, Poisson, at most all) come back
    /// `returnDelayDays` later, rounded to whole working days (at least one).
    mutating func scheduleComebacks(channel c: Int, leaving: Int, day: Int) {
        let parameters = channels[c].parameters
        guard leaving > 0 && parameters.returnShare > 0 else { return }
        let back = min(leaving, channels[c].streams.patience.poisson(mean: Double(leaving) * parameters.returnShare))
        if back > 0 { channels[c].analyticComebacks[day + max(1, Int(parameters.returnDelayDays.rounded())), default: 0] += back }
    }

    /// A day of a counter with an office's day: the fluid day of ``FluidOfficeDay``, with the
    /// quota, hours and rush; who gave up and who was sent home are its expectations rounded,
    /// and a share of both come back.
    mutating func officeDay(channel c: Int, visits: Int, meanMinutes: Double, servers: Int, day: Int) -> AnalyticWaits {
        let parameters = channels[c].parameters
        channels[c].backlogRequests = 0
        let fluid = FluidOfficeDay(
            office: channels[c].office!, day: day, visits: visits, servers: servers, meanMinutes: meanMinutes,
            handlingCorrection: parameters.exponentialHandling ? 1 : (1 + parameters.handlingCV * parameters.handlingCV) / 2,
            patienceMinutes: parameters.patience.isFinite ? parameters.patience.meanMinutes : nil,
            timelinessScaleMinutes: quality.timelinessScaleMinutes)
        for hour in 0..<24 where fluid.hourArrivals[hour] > 0 {
            channels[c].tally.hourNumbers[hour] += fluid.hourArrivals[hour]
            let served = Int(fluid.hourServed[hour].rounded())
            if served > 0 {
                channels[c].tally.hourWaits[hour].add(fluid.hourWaitMinutes[hour] / fluid.hourServed[hour], times: served)
                channels[c].tally.hourAnalyticP90Sum[hour] += fluid.hourP90Wait[hour] * Double(served)
            }
        }
        let turnedAway = min(visits, Int(fluid.turnedAway.rounded()))
        let abandoned = min(visits - turnedAway, Int(fluid.abandoned.rounded()))
        scheduleComebacks(channel: c, leaving: turnedAway + abandoned, day: day)
        return AnalyticWaits(
            served: visits - turnedAway - abandoned, turnedAway: turnedAway, meanWait: fluid.meanWait, p90: fluid.p90Wait,
            timeliness: fluid.timeliness, utilisation: fluid.utilisation)
    }

    /// A day of citizens who give up: Erlang A (M/M/c+M) with the patience's mean, stationary at
    /// any load, so no backlog carries over: whoever would have waited past the day has gone.
    /// Exact for exponential handling and patience; with lognormal handling or patience it is the
    /// exponential queue of the same means (no correction is known to hold for abandonment). Who
    /// gave up is drawn (Poisson, at most the day's visits), and a share of them come back
    /// `returnDelayDays` later, rounded to whole working days (at least one).
    mutating func impatientDay(
        channel c: Int, visits: Int, arrivalsPerMinute arrivals: Double, meanMinutes: Double, servers: Int, day: Int
    ) -> AnalyticWaits {
        let parameters = channels[c].parameters
        channels[c].backlogRequests = 0
        let queue = ErlangA(
            arrivalRate: arrivals, serviceRate: 1 / meanMinutes, servers: servers, abandonmentRate: 1 / parameters.patience.meanMinutes)
        let abandoned = min(visits, channels[c].streams.patience.poisson(mean: Double(visits) * queue.probabilityOfAbandonment))
        scheduleComebacks(channel: c, leaving: abandoned, day: day)
        // E[e^{−W/s}] of the served: no wait, or an exponential wait of the served's mean positive wait.
        let waited = queue.servedWaitedShare
        let meanPositive = waited > 0 ? queue.meanWaitOfServed / waited : 0
        return AnalyticWaits(
            served: visits - abandoned, meanWait: queue.meanWaitOfServed, p90: queue.servedWaitQuantile(0.9),
            timeliness: (1 - waited) + waited / (1 + meanPositive / quality.timelinessScaleMinutes),
            utilisation: queue.utilisation)
    }
}

/// What an analytic day's queue made of the day's visits: how many were served and turned away, their mean and
/// 90th-percentile wait (minutes), their mean timeliness, and the counters' busy share.
struct AnalyticWaits {
    var served: Int
    var turnedAway = 0
    var meanWait, p90, timeliness, utilisation: Double
}
