import SimCore

extension RegionSimulation {
    // MARK: - Costs and durations

    /// Working days a session of programme `p` in `mode` lasts.
    func sessionDays(_ p: ProgrammeIndex, mode: Mode) -> Double {
        let programme = model.programmes[p]
        let parameters = model[mode]
        if parameters.offDuty { return max(1, (programme.lengthJP / model.jpPerTrainingDay).rounded(.up)) }
        // The course's hours fitted into the share of duty time it takes.
        return max(
            1,
            (programme.lengthJP * ModelParameters.hoursPerJP / (model.hoursPerWorkingDay * max(parameters.dutyShareWhileTraining, 0.01)))
                .rounded(.up))
    }

    /// The calendar year of the current month (the fiscal year: January to December).
    var calendarYear: Int { model.startYear + month / 12 }

    /// Motivation in standard units of the region's starting distribution (the z of MODEL.md §3–4).
    func motivationZ(_ e: EmployeeIndex) -> Double {
        (workforce.effectiveMotivation(e) - region.motivation.mean) / max(region.motivation.sd, 1e-6)
    }

    /// Rupiah per participant: fee, daily allowance for the training days, travel when outside.
    func costPerParticipant(_ p: ProgrammeIndex, mode: Mode) -> Double {
        let programme = model.programmes[p]
        let trainingDays = programme.lengthJP / model.jpPerTrainingDay
        let allowance = region.costs.dailyAllowanceRupiah * trainingDays * model[mode].allowanceShare
        return programme.feePerParticipantRupiah + allowance + (programme.outsideRegion ? region.costs.travelPerParticipantRupiah : 0)
    }

    /// The cost a planned session commits: every seat of a discretionary programme, only the
    /// expected participants of a mandated one (it is charged for real participants only).
    func plannedSessionCost(_ p: ProgrammeIndex, mode: Mode, year: Int, attendees: Int) -> Double {
        let programme = model.programmes[p]
        let platform = programmes[p].platformPaidYear == year ? 0 : programme.platformCostPerYearRupiah
        return programme.fixedCostPerSessionRupiah + Double(attendees) * costPerParticipant(p, mode: mode) + platform
    }

    /// The gain the planner expects of one completion of programme `p` in `mode`, in levels,
    /// before the programme's domain weights, motivation and headroom: what the mode and length
    /// promise, times a measured effect where there is one (``ProgrammeState/expectedEffect``).
    func needsGain(_ mode: Mode, programme p: ProgrammeIndex) -> Double {
        model.promisedGainLevels(lengthJP: model.programmes[p].lengthJP, mode: mode) * programmes[p].expectedEffect
    }

    /// The expected gain (levels, summed over domains) of `e` completing a programme whose
    /// ``NeedsTerms`` are `terms`: its domains' gaps, capped by what a completion closes and
    /// weighted, when the policy says so, by citizen complaints about each domain.
    func needsValue(of e: EmployeeIndex, _ terms: NeedsTerms) -> Double {
        terms.value { gap(e, $0) }
    }

    /// The terms of a needs value of programme `p` in `mode`.
    func needsTerms(_ p: ProgrammeIndex, in mode: Mode, complaintWeights: [Double]) -> NeedsTerms {
        NeedsTerms(model.programmes[p], gainLevels: needsGain(mode, programme: p), weights: complaintWeights)
    }

    /// How far `e` is below the level required now in domain `d` (0 when met).
    @inline(__always)
    func gap(_ e: EmployeeIndex, _ d: Int) -> Double {
        max(0, required[d &* JobLevel.allCases.count &+ workforce.jobLevel[e].rawValue] - workforce.applied(e, d))
    }

    var complaintWeights: [Double] {
        guard policy.complaintWeighting else { return [Double](repeating: 1, count: domainCount) }
        let total = complaintsByDomain.reduce(0, +)
        return complaintsByDomain.map { 1 + policy.complaintWeight * (total > 0 ? $0 / total : 0) }
    }

    // MARK: - Planning

    /// Plans the fiscal year, and re-plans each quarter with what sessions left unspent (seats not
    /// filled, sessions cancelled, programmes dropped): mandatory programmes for newcomers first,
    /// then the discretionary programmes chosen by the allocation rule within the budget (MODEL.md §6).
    mutating func planYear() {
        let year = month / 12
        let weights = complaintWeights
        let allocation = policy.allocation
        // Each active employee's gap per domain, `[employee * domains + domain]`, worked out once
        // for every programme's needs value.
        let gaps = allocation == .needsBased ? needsGaps() : UncheckedArray()
        for p in programmes.indices {
            var ranked = UncheckedArray<UInt128>()
            let eligibility = programmeEligibility[p]
            switch allocation {
            case .needsBased:
                let terms = needsTerms(p, in: programmes[p].mode, complaintWeights: weights)
                ranked = workforce.needsKeys(eligibility, terms: terms, gaps: gaps)
            case .equalHours, .seniority, .random:
                ranked.reserveCapacity(workforce.count)
                for e in workforce.indices where eligibility.admits(e, in: workforce) {
                    let score =
                        switch allocation {
                        case .equalHours: -workforce.jpThisYear[e] + streams.planning.uniform() * 0.001
                        case .seniority: workforce.tenureMonths[e] + workforce.ageYears[e] * 0.001
                        default: streams.planning.uniform()
                        }
                    ranked.append(CandidateList.key(score: score, employee: e))
                }
            }
            // Highest score first, ties broken by employee number: deterministic.
            programmes[p].candidates = CandidateList(keys: ranked)
            programmes[p].handled = [Bool](repeating: false, count: ranked.count)
            programmes[p].cursor = 0
        }
        let committed = committedRupiah()
        allocateSessions(money: (0..<funds.slotCount).map { max(0, funds[$0].unspentYearRupiah - committed[$0]) }, year: year)
    }

    /// Each active employee's ``gap(_:_:)`` per domain, `[employee * domains + domain]`, worked out
    /// once a planning round for every programme's needs value; inactive employees' are 0.
    func needsGaps() -> UncheckedArray<Double> {
        let domains = domainCount
        var gaps = UncheckedArray<Double>(repeating: 0, count: workforce.count * domains)
        gaps.update { gaps in
            for e in workforce.activeIndices where workforce.active[e] {
                let base = e.rawValue &* domains
                for d in 0..<domains { gaps[base &+ d] = gap(e, d) }
            }
        }
        return gaps
    }

    /// Rupiah estimated for sessions planned but not yet started (of mandated programmes only, if
    /// asked), per fund slot (``TrainingFunds/slot(of:)``). A session is placed to end within its
    /// fiscal year, so only this year's can be pending.
    func committedRupiah(mandatoryOnly: Bool = false) -> [Double] {
        var total = [Double](repeating: 0, count: funds.slotCount)
        for s in firstSessionThisYear..<sessions.endIndex
        where (sessions[s].state == .planned || sessions[s].state == .inviting)
            && (!mandatoryOnly || model.programmes[sessions[s].programme].isMandated)
        {
            total[funds.slot(of: sessions[s].programme)] += sessions[s].plannedCostRupiah
        }
        return total
    }

    /// What discretionary spending may use now from the fund in `slot` (the common budget, which
    /// also pays forums, awards and incentives, unless a programme's own): the released money,
    /// less what this year's planned mandated sessions paid from it still need.
    func discretionaryRupiah(slot: Int = 0) -> Double {
        let fund = funds[slot]
        return max(0, min(fund.availableRupiah, fund.unspentYearRupiah - committedRupiah(mandatoryOnly: true)[slot]))
    }

    /// Per-fund money for ``allocateSessions(money:year:only:)``: `rupiah` in `slot`, nothing elsewhere.
    func fundMoney(_ rupiah: Double, slot: Int) -> [Double] {
        var money = [Double](repeating: 0, count: funds.slotCount)
        money[slot] = rupiah
        return money
    }

    /// Chooses sessions greedily by value per Rupiah until the money or providers run out, then
    /// places them in the months still open this year. `money` is per fund slot: a programme is
    /// chosen only with the money of the fund that pays it.
    mutating func allocateSessions(money: [Double], year: Int, only: ProgrammeIndex? = nil) {
        var remaining = money
        var chosen = PerProgramme<Int>(repeating: 0, count: programmes.count)
        var nextBatch = PerProgramme(programmes.map(\.cursor))
        let weights = complaintWeights
        // A programme with no month left to hold a session this year gets no money: money allotted
        // to sessions that cannot be placed would sit unspent until the year ends.
        let placeable = PerProgramme(programmes.indices.map { !openStarts(forSessionsOf: $0, mode: programmes[$0].mode).isEmpty })
        var batchValue = PerProgramme<(batch: Int, value: Double)>(repeating: (-1, 0), count: programmes.count)
        while true {
            var best: ProgrammeIndex?
            var bestRatio = 0.0
            var bestCost = 0.0
            var bestIsMandatory = false
            for p in programmes.indices where !programmes[p].dropped && placeable[p] && (only == nil || only == p) {
                let programme = model.programmes[p]
                let mode = programmes[p].mode
                guard programmes[p].sessionsThisYear + chosen[p] < programme.sessionsPerYear,
                    nextBatch[p] < programmes[p].candidates.count
                else { continue }
                let batch = programmes[p].candidates.employees(
                    in: nextBatch[p]..<min(programmes[p].candidates.count, nextBatch[p] + programme.seatsPerSession))
                let seats = programme.isMandated ? batch.count : programme.seatsPerSession
                let cost = plannedSessionCost(p, mode: mode, year: chosen[p] > 0 ? year : year - 1, attendees: seats)
                let slot = funds.slot(of: p)
                if cost > remaining[slot] && programme.isMandated {
                    // Funded first: a mandated session displaces discretionary sessions not yet inviting.
                    remaining[slot] += cancelLatestPlans(freeing: cost - remaining[slot], slot: slot)
                }
                guard cost <= remaining[slot] else { continue }
                // Nothing a batch's value reads changes while sessions are chosen: it is worked
                // out again only when the programme's next batch moves on.
                if batchValue[p].batch != nextBatch[p] {
                    let value: Double
                    switch policy.allocation {
                    case .needsBased:
                        let terms = needsTerms(p, in: mode, complaintWeights: weights)
                        value = batch.reduce(0) { $0 + needsValue(of: $1, terms) }
                    case .equalHours:
                        value = batch.reduce(0) { $0 + min(programme.lengthJP, max(0, policy.targetJPPerYear - workforce.jpThisYear[$1])) }
                    case .seniority, .random: value = Double(batch.count)
                    }
                    batchValue[p] = (nextBatch[p], value)
                }
                let value = batchValue[p].value
                let ratio = value / max(cost, 1)
                let mandatory = programme.isMandated
                // Mandatory programmes come first; then the best value per Rupiah.
                if best == nil || (mandatory && !bestIsMandatory) || (mandatory == bestIsMandatory && ratio > bestRatio) {
                    best = p
                    bestRatio = ratio
                    bestCost = cost
                    bestIsMandatory = mandatory
                }
            }
            guard let best, bestRatio > 0 || bestIsMandatory else { break }
            chosen[best] += 1
            nextBatch[best] += model.programmes[best].seatsPerSession
            remaining[funds.slot(of: best)] -= bestCost
        }
        for p in programmes.indices where chosen[p] > 0 {
            let programme = model.programmes[p]
            var expected = programme.seatsPerSession
            if programme.isMandated {
                let candidates = min(nextBatch[p], programmes[p].candidates.count) - programmes[p].cursor
                expected = max(1, (candidates + chosen[p] - 1) / chosen[p])
            }
            placeSessions(p, count: chosen[p], year: year, expectedAttendees: expected)
        }
    }

    /// Places `count` sessions of `p` evenly over this year's open months (not blackout, not
    /// suspended, clear of every no-training period that covers all units), from next month on
    /// (this month when planning in January).
    mutating func placeSessions(_ p: ProgrammeIndex, count: Int, year: Int, expectedAttendees: Int) {
        let mode = programmes[p].mode
        let days = sessionDays(p, mode: mode)
        let open = openStarts(forSessionsOf: p, mode: mode)
        guard !open.isEmpty else { return }
        for k in 0..<count {
            let earliest = open[k * open.count / count]
            // Stagger within the month so sessions of one month do not all start on one day.
            let m = clock.month(containing: earliest)
            let slack = max(0, clock.monthStart[m + 1] - earliest - 0.5)
            let staggered = earliest + Double(k % 4) * slack / 4
            let start = sessionFits(p, mode: mode, start: staggered, days: days) ? staggered : earliest
            let session = Session(
                programme: p, mode: mode, start: start, end: start + days,
                seats: model.programmes[p].seatsPerSession,
                plannedCostRupiah: plannedSessionCost(p, mode: mode, year: year - 1, attendees: expectedAttendees))
            sessions.append(session)
            let index = sessions.indices.last!.eventPayload
            programmes[p].sessionsThisYear += 1
            let inviteAt = max(now.workingDays, start - model.participation.invitationLeadDays)
            calendar.schedule(.invite(index), at: SimTime(workingDays: inviteAt))
            calendar.schedule(.sessionStart(index), at: SimTime(workingDays: start))
        }
    }

    /// Places the sessions the start state says are committed, before the year's plan spends the
    /// rest: people booked by roster row are on the list already; a session booked for units
    /// invites their staff down the programme's ranked list, like any other.
    mutating func bookSessions(_ booked: [BookedSession]) {
        for entry in booked {
            let p = ProgrammeIndex(entry.programme)
            let mode = programmes[p].mode
            let start = max(now.workingDays, clock.time(of: entry.start))
            let attendees = entry.participants.isEmpty ? entry.seats : entry.participants.count
            var session = Session(
                programme: p, mode: mode, start: start, end: start + (entry.lengthDays ?? sessionDays(p, mode: mode)),
                seats: entry.seats, plannedCostRupiah: plannedSessionCost(p, mode: mode, year: month / 12 - 1, attendees: attendees))
            session.isBooked = true
            session.units = entry.units.isEmpty ? nil : entry.units.map { UnitIndex($0) }
            sessions.append(session)
            let s = sessions.indices.last!
            programmes[p].sessionsThisYear += 1
            if entry.participants.isEmpty {
                let inviteAt = max(now.workingDays, start - model.participation.invitationLeadDays)
                calendar.schedule(.invite(s.eventPayload), at: SimTime(workingDays: inviteAt))
            } else {
                sessions[s].state = .inviting
                for e in entry.participants.map({ EmployeeIndex($0) }) where workforce.active[e] && workforce.bookedUntil[e] < start {
                    sessions[s].attendees.append(e)
                    book(e, session: s)
                }
            }
            calendar.schedule(.sessionStart(s.eventPayload), at: SimTime(workingDays: start))
        }
    }

    /// The earliest start in each month left this fiscal year at which a session of `p` fits
    /// (``sessionFits(_:mode:start:days:)``), from next month on (this month when planning in January).
    func openStarts(forSessionsOf p: ProgrammeIndex, mode: Mode) -> [Double] {
        let days = sessionDays(p, mode: mode)
        let firstMonth = month % 12 == 0 ? month : month + 1
        let lastMonth = min((month / 12) * 12 + 11, model.months - 1)
        guard firstMonth <= lastMonth else { return [] }
        var open: [Double] = []
        for m in firstMonth...lastMonth {
            var start = clock.monthStart[m]
            // Step past every period that stops this programme in every unit.
            var moved = true
            while moved {
                moved = false
                for block in trainingBlocks where block.units == nil && block.stops(p, mode) && block.span.overlaps(start..<(start + days))
                {
                    start = block.span.upperBound
                    moved = true
                }
            }
            if start < clock.monthStart[m + 1] && sessionFits(p, mode: mode, start: start, days: days) { open.append(start) }
        }
        return open
    }

    /// Whether a session of `p` from `start` for `days` ends within its fiscal year, touches no
    /// blackout month and no month in which a shock suspends the mode, and overlaps no period
    /// that stops it in every unit.
    func sessionFits(_ p: ProgrammeIndex, mode: Mode, start: Double, days: Double) -> Bool {
        let span = start..<(start + days)
        let first = clock.month(containing: start)
        let yearEnd = min((first / 12) * 12 + 12, model.months)
        guard span.upperBound <= clock.monthStart[yearEnd] + 1e-9 else { return false }
        let touched = first...max(first, clock.month(containing: span.upperBound - 1e-9))
        return touched.allSatisfy { !policy.blackoutMonths[(model.startYear * 12 + $0) % 12] && !isSuspended(mode, inMonth: $0) }
            && !trainingBlocks.contains { $0.units == nil && $0.stops(p, mode) && $0.span.overlaps(span) }
    }

    /// Whether a no-training period keeps staff of `unit` out of session `s`.
    func isProtected(_ unit: UnitIndex, from s: SessionIndex) -> Bool {
        let session = sessions[s]
        return trainingBlocks.contains { $0.stops(session.programme, session.mode, unit: unit, over: session.start..<session.end) }
    }

    mutating func cancelPlannedSessions(where predicate: (Session) -> Bool) {
        for s in sessions.indices where (sessions[s].state == .planned || sessions[s].state == .inviting) && predicate(sessions[s]) {
            cancel(session: s)
        }
    }

    /// Books `e` on session `s`: no other session overlaps it, and its JP count against the caps.
    mutating func book(_ e: EmployeeIndex, session s: SessionIndex) {
        workforce.bookedUntil[e] = sessions[s].end
        workforce.jpBooked[e] += model.programmes[sessions[s].programme].lengthJP
    }

    mutating func unbook(_ e: EmployeeIndex, session s: SessionIndex) {
        workforce.bookedUntil[e] = -1
        workforce.jpBooked[e] = max(0, workforce.jpBooked[e] - model.programmes[sessions[s].programme].lengthJP)
    }

    mutating func cancel(session s: SessionIndex) {
        for e in sessions[s].attendees { unbook(e, session: s) }
        sessions[s].attendees = []
        sessions[s].state = .cancelled
    }

    /// Cancels this year's latest planned discretionary sessions (not yet inviting) paid from the
    /// fund in `slot` until `rupiah` is freed or none is left, giving their provider slots back; returns the Rupiah freed.
    /// Mandated sessions are spared: they are funded first.
    mutating func cancelLatestPlans(freeing rupiah: Double, slot: Int) -> Double {
        var freed = 0.0
        for s in (firstSessionThisYear..<sessions.endIndex).reversed()
        where freed < rupiah && sessions[s].state == .planned
            && !model.programmes[sessions[s].programme].isMandated && !sessions[s].isBooked
            && funds.slot(of: sessions[s].programme) == slot
        {
            freed += sessions[s].plannedCostRupiah
            programmes[sessions[s].programme].sessionsThisYear -= 1
            cancel(session: s)
        }
        return freed
    }

    /// After a mid-year cut: cancel the latest planned discretionary sessions until the plan fits the budget.
    mutating func trimPlanToBudget() {
        let committed = committedRupiah()
        for slot in 0..<funds.slotCount {
            let overshoot = committed[slot] - funds[slot].unspentYearRupiah
            if overshoot > 0 { _ = cancelLatestPlans(freeing: overshoot, slot: slot) }
        }
    }
}
