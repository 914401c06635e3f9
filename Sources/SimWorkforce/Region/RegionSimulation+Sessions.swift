import SimCore

extension RegionSimulation {
    // MARK: - Invitations and sessions

    /// Invites down the programme's ranked list until the seats are filled; a decline passes the
    /// seat to the next person (MODEL.md §4).
    mutating func invite(session s: SessionIndex) {
        guard sessions[s].state == .planned else { return }
        sessions[s].state = .inviting
        let p = sessions[s].programme
        let mode = sessions[s].mode
        let programme = model.programmes[p]
        let offDuty = model[mode].offDuty
        var reserved = PerUnit<Int>(repeating: 0, count: region.units.count)
        let capped = offDuty && !programme.isMandated
        if capped { reserveAway(overlapping: s, into: &reserved) }
        // Units a no-training period keeps out of this session, worked out once per session.
        let protected: PerUnit<Bool>? = trainingBlocks.isEmpty ? nil : PerUnit(roster.units.map { isProtected($0, from: s) })
        let participation = model.participation
        let year = Int16(month / 12 + 1)
        // Read once: the walk below asks them of every candidate it passes.
        let eligibility = programmeEligibility[p]
        let maxJP = policy.maxJPPerEmployeePerYear
        let pppkMaxJP = policy.pppkMaxJPPerYear
        var index = programmes[p].cursor
        while sessions[s].attendees.count < sessions[s].seats && index < programmes[p].candidates.count {
            defer { index += 1 }
            guard !programmes[p].handled[index] else { continue }
            let e = programmes[p].candidates.employee(at: index)
            guard eligibility.admits(e, in: workforce),
                workforce.lastCompletedYear[workforce.slot(e, programme: p)] != year
            else {
                programmes[p].handled[index] = true
                continue
            }
            guard workforce.bookedUntil[e] < sessions[s].start,
                workforce.hasJPRoom(e, for: programme, maxJP: maxJP, pppkMaxJP: pppkMaxJP)
            else { continue }
            let unit = workforce.unit[e]
            if let only = sessions[s].units, !only.contains(unit) { continue }
            if capped && !roster.roomAway(unit: unit, alreadyAway: reserved[unit], maxAwayShare: awayCap[unit]) { continue }
            if protected?[unit] == true { continue }
            programmes[p].handled[index] = true
            thisMonth.invited += 1
            programmeTally.add(1, to: .invited, of: p)
            let z = motivationZ(e)
            var logOdds =
                logit(participation.baseAcceptance) + participation.motivationEffect * z
                + participation.supportEffect * policy.leadershipSupport + participation.awardEffect * workforce.awardBoost[e]
            if policy.incentive.isActive(inYear: calendarYear) { logOdds += participation.incentiveEffect }
            let overload = clamp(
                (roster.workload(unit, base: region.units[unit].workload) - participation.workloadThreshold)
                    / max(1 - participation.workloadThreshold, 1e-6), 0, 1)
            let accept = logistic(logOdds) * (1 - participation.workloadMaxCut * overload)
            // The draw is made for mandatory programmes too, so streams stay aligned across scenarios.
            let accepted = streams.invitations.bernoulli(accept)
            if programme.isMandated || accepted {
                thisMonth.accepted += 1
                sessions[s].attendees.append(e)
                book(e, session: s)
                if capped { reserved[unit] += 1 }
            }
        }
        while programmes[p].cursor < programmes[p].handled.count && programmes[p].handled[programmes[p].cursor] {
            programmes[p].cursor += 1
        }
    }

    /// Counts, per unit, attendees of other discretionary off-duty sessions that overlap session `s`.
    func reserveAway(overlapping s: SessionIndex, into reserved: inout PerUnit<Int>) {
        let start = sessions[s].start
        let end = sessions[s].end
        for other in sessions.indices where other != s {
            let session = sessions[other]
            guard session.state == .inviting || session.state == .running, model[session.mode].offDuty,
                !model.programmes[session.programme].isMandated,
                session.start < end && start < session.end
            else { continue }
            for e in session.attendees where workforce.active[e] { reserved[workforce.unit[e]] += 1 }
        }
    }

    mutating func startSession(_ s: SessionIndex) {
        guard sessions[s].state == .inviting || sessions[s].state == .planned else { return }
        if sessions[s].state == .planned { invite(session: s) }
        let p = sessions[s].programme
        let mode = sessions[s].mode
        let year = month / 12
        let isBlackout = policy.blackoutMonths[(model.startYear * 12 + month) % 12]
        for e in sessions[s].attendees where !workforce.active[e] { unbook(e, session: s) }
        sessions[s].attendees.removeAll { !workforce.active[$0] }
        guard !isSuspended(mode, inMonth: month), !isBlackout, !programmes[p].dropped, !sessions[s].attendees.isEmpty else {
            cancel(session: s)
            return
        }
        let programme = model.programmes[p]
        let platform = programmes[p].platformPaidYear == year ? 0 : programme.platformCostPerYearRupiah
        let perAttendee = costPerParticipant(p, mode: mode)
        let fixed = programme.fixedCostPerSessionRupiah + platform
        // Mandated programmes are funded first: from the whole year's money of their fund, not
        // only what has been released, and everything else leaves their planned sessions' money alone.
        let slot = funds.slot(of: p)
        let money = programme.isMandated ? funds[slot].unspentYearRupiah : discretionaryRupiah(slot: slot)
        // An outside funder without a ceiling pays for everyone.
        let affordable = money.isFinite ? Int(((money - fixed) / max(perAttendee, 1)).rounded(.down)) : sessions[s].attendees.count
        guard affordable > 0 else {
            thisMonth.cutForMoney += sessions[s].attendees.count
            cancel(session: s)
            return
        }
        while sessions[s].attendees.count > affordable {
            thisMonth.cutForMoney += 1
            unbook(sessions[s].attendees.removeLast(), session: s)
        }
        let offDuty = model[mode].offDuty
        if !offDuty {
            for e in sessions[s].attendees { roster.trainOnDuty(unit: workforce.unit[e], share: model[mode].dutyShareWhileTraining) }
            for unit in sessions[s].attendees.map({ workforce.unit[$0] }).sortedUnique() { updateServers(unit: unit) }
        }
        if offDuty {
            // The cap holds at the start too: exits since the invitation can shrink a unit.
            var kept: [EmployeeIndex] = []
            let mandated = programme.isMandated
            for e in sessions[s].attendees {
                let unit = workforce.unit[e]
                if mandated || roster.roomAway(unit: unit, alreadyAway: roster.awayUnderCap(unit), maxAwayShare: awayCap[unit]) {
                    kept.append(e)
                    roster.goAway(unit: unit, mandated: mandated, off: workforce.partTimeOff[e])
                    workforce.offDuty[e] = true
                } else {
                    unbook(e, session: s)
                }
            }
            sessions[s].attendees = kept
            for unit in kept.map({ workforce.unit[$0] }).sortedUnique() { updateServers(unit: unit) }
            guard !kept.isEmpty else {
                sessions[s].state = .cancelled
                return
            }
        }
        checkSessionStart(s)
        if platform > 0 { programmes[p].platformPaidYear = year }
        let cost = fixed + perAttendee * Double(sessions[s].attendees.count)
        spend(cost, slot: slot)
        programmeTally.add(cost, to: .spentRupiah, of: p)
        if programme.isMandated { thisMonth.mandatoryRupiah += cost }
        if programme.mandatoryForNewcomers { thisMonth.latsarStarted += sessions[s].attendees.count }
        programmes[p].windowCostRupiah += cost
        sessions[s].state = .running
        changeOffDuty(by: model[mode].dutyShareAway * Double(sessions[s].attendees.count))
        calendar.schedule(.sessionEnd(s.eventPayload), at: SimTime(workingDays: sessions[s].end))
    }

    mutating func endSession(_ s: SessionIndex) {
        guard sessions[s].state == .running else { return }
        sessions[s].state = .finished
        let p = sessions[s].programme
        let mode = sessions[s].mode
        let programme = model.programmes[p]
        let parameters = model[mode]
        let offDuty = parameters.offDuty
        changeOffDuty(by: -model[mode].dutyShareAway * Double(sessions[s].attendees.count))
        let participation = model.participation
        let relevance = policy.participatory ? model.learning.participatoryRelevance : 1
        let year = Int16(month / 12 + 1)
        let rewarding = policy.incentive.isActive(inYear: calendarYear)
        var unitsTouched: [UnitIndex] = []
        let plannedTerms = needsTerms(p, in: mode, complaintWeights: evenWeights)
        for e in sessions[s].attendees {
            let unit = workforce.unit[e]
            if offDuty {
                workforce.offDuty[e] = false
                roster.comeBack(
                    unit: unit, stillEmployed: workforce.active[e], mandated: programme.isMandated, off: workforce.partTimeOff[e])
            } else {
                roster.trainOnDuty(unit: unit, share: -parameters.dutyShareWhileTraining)
                roster.staffChanged(unit)  // they learned below
            }
            unitsTouched.append(unit)
            unbook(e, session: s)
            programmes[p].windowParticipants += 1
            guard workforce.active[e] else { continue }
            let z = motivationZ(e)
            let nominal = programme.isMandated ? participation.mandatoryCompletionProbability : parameters.completionProbability
            // What the plan bought: the gap an average attendee closes at the mode's nominal completion.
            programmes[p].windowExpectedLevels += nominal * needsValue(of: e, plannedTerms)
            var p0 = nominal
            if mode.isOnline {
                p0 *= 1 - participation.internetCompletionPenalty * (1 - region.internetQuality)
                if !programme.isMandated {
                    p0 = min(0.99, p0 * model.learning.dose.completionScale(lengthJP: programme.lengthJP, mode: mode))
                }
            }
            let logOdds = logit(p0) + participation.motivationCompletionEffect * z
            let odds = incentiveOdds(e)
            let pComplete = logistic(logOdds + log(odds))
            // Those who finish only because of the reward (the rise in completion it buys) learn less.
            let rewardedOnly = odds > 1 ? 1 - logistic(logOdds) / pComplete : 0
            let quality = 1 - rewardedOnly * (1 - policy.incentive.rewardedGainShare)
            guard streams.completions.bernoulli(pComplete) else {
                thisMonth.droppedOut += 1
                continue
            }
            thisMonth.completed += 1
            programmeTally.add(1, to: .completed, of: p)
            if programme.countsTowardJP {
                credit(programme.lengthJP, to: e, mandatory: programme.isMandated)
                programmeTally.add(programme.lengthJP, to: .jp, of: p)
            }
            if workforce.isPPPK[e] && workforce.jpThisYear[e] > policy.pppkMaxJPPerYear {
                record(.pppkAboveJPCap)
            }
            workforce.lastCompletedYear[workforce.slot(e, programme: p)] = year
            if programme.mandatoryForNewcomers {
                workforce.owesLatsar[e] = false
                workforce.isCPNS[e] = false
                thisMonth.latsarCompleted += 1
            }
            if programme.mandatoryOnPromotion { workforce.owesPromotionTraining[e] = false }
            if programme.isMandated && programme.workplacePartJP > 0 { startWorkplacePart(e, programme: p) }
            let learned = learn(e, programme: p, mode: mode, z: z, relevance: relevance * quality)
            programmes[p].windowGapClosedLevels += learned.gapClosed
            programmeTally.add(learned.gapClosed, to: .gapClosedLevels, of: p)
            thisMonth.gainLevels += learned.gain
            workforce.motivation[e] = min(1, workforce.motivation[e] + model.motivation.completionBoost)
            if rewarding && discretionaryRupiah() >= policy.incentive.rupiahPerCompletion {
                spend(policy.incentive.rupiahPerCompletion)
                workforce.lastRewardMonth[e] = Double(month)
            }
        }
        for unit in unitsTouched.sortedUnique() { updateServers(unit: unit) }
    }

    /// Applies the learning gain of a completion (MODEL.md §3) and returns it in levels, summed
    /// over the programme's domains, with the part of it that closed a gap to the standard.
    mutating func learn(_ e: EmployeeIndex, programme p: ProgrammeIndex, mode: Mode, z: Double, relevance: Double) -> (
        gain: Double, gapClosed: Double
    ) {
        let learning = model.learning
        let weights = model.programmes[p].domains
        let gainPerSD = model.promisedGainLevels(lengthJP: model.programmes[p].lengthJP, mode: mode) * programmes[p].trueEffect
        let level = workforce.jobLevel[e].rawValue
        let levels = JobLevel.allCases.count
        var total = 0.0
        var gapClosed = 0.0
        for d in 0..<domainCount where weights[d] > 0 {
            let i = workforce.slot(e, domain: d)
            let applied = workforce.stable[i] + workforce.transient[i]
            let headroom = clamp((5 - applied) / learning.headroomLevels, 0, 1)
            let gain = max(
                0,
                gainPerSD * (1 + learning.motivationEffectPerSD * z) * relevance * headroom * weights[d])
            // A refresher brings part of the unused knowledge back into use.
            let restored = workforce.latent[i] * learning.decay.refresherRestoreShare
            workforce.latent[i] -= restored
            workforce.transient[i] += restored
            absorb(gain, at: i)
            // Applied competency stays on the 1–5 scale; any excess is not applied.
            let excess = workforce.stable[i] + workforce.transient[i] - 5
            if excess > 0 {
                let fromTransient = min(excess, workforce.transient[i])
                workforce.transient[i] -= fromTransient
                workforce.stable[i] -= excess - fromTransient
            }
            total += gain
            gapClosed += min(gain, max(0, required[d * levels + level] - applied))
        }
        return (total, gapClosed)
    }
}

extension RegionSimulation {
    /// Records any constraint a starting session breaks: a blackout or suspended month in its
    /// window, an attendee from a unit a no-training period protects, a unit above its away cap,
    /// an attendee booked twice.
    mutating func checkSessionStart(_ s: SessionIndex) {
        let session = sessions[s]
        for m in session.months(on: clock) {
            if policy.blackoutMonths[(model.startYear * 12 + m) % 12] { record(.sessionInBlackoutMonth) }
            if isSuspended(session.mode, inMonth: m) { record(.sessionInSuspendedMode) }
        }
        if session.attendees.contains(where: { isProtected(workforce.unit[$0], from: s) }) { record(.sessionInNoTrainingPeriod) }
        for unit in roster.away.indices where Double(roster.awayUnderCap(unit)) > awayCap[unit] * Double(roster.headcount[unit]) + 1e-9 {
            record(.awayCapExceeded)
        }
        if session.attendees.sortedUnique().count != session.attendees.count {
            record(.attendeeBookedTwice)
        }
    }
}

extension RegionSimulation {
    /// Adds a fresh gain (levels) at one employee-domain slot, split by the transfer curve into
    /// the applied-for-good, applied-then-relapsing and learned-but-unused parts (MODEL.md §3).
    /// Courses and forums both learn through it.
    mutating func absorb(_ gain: Double, at i: Int) {
        let parts = curve.split(gain: gain)
        workforce.stable[i] += parts.stable
        workforce.transient[i] += parts.transient
        workforce.latent[i] += parts.latent
    }

    /// The completion odds multiplier a reward promises `e`: full until they earn one, then fading
    /// with the half-life from the last reward they earned (MODEL.md §4).
    func incentiveOdds(_ e: EmployeeIndex) -> Double {
        guard policy.incentive.isActive(inYear: calendarYear) else { return 1 }
        let monthsSinceReward = Double(month) - workforce.lastRewardMonth[e]
        return 1 + (policy.incentive.completionOddsMultiplier - 1) * exp2(-monthsSinceReward / policy.incentive.wearOffHalfLifeMonths)
    }

    /// Adds `staff` staff-equivalents to those off duty now (nobody away reads exactly none).
    mutating func changeOffDuty(by staff: Double) {
        offDutyEquivalent.record(settledTotal(offDutyEquivalent.value + staff), at: now)
    }

    /// Credits `jp` to `e`'s year; a mandated programme's JP are also kept apart, outside the caps.
    mutating func credit(_ jp: Double, to e: EmployeeIndex, mandatory: Bool) {
        workforce.jpThisYear[e] += jp
        if mandatory { workforce.jpMandatoryThisYear[e] += jp }
    }

    /// The workplace part of a mandated programme (Latsar's habituation): on duty, taking a share
    /// of duty time, booked so no other session overlaps it; its JP are credited when it ends.
    mutating func startWorkplacePart(_ e: EmployeeIndex, programme p: ProgrammeIndex) {
        let programme = model.programmes[p]
        let end = now.workingDays + programme.workplacePartDays
        workforce.bookedUntil[e] = end
        changeOffDuty(by: programme.workplaceDutyShare)
        roster.trainOnDuty(unit: workforce.unit[e], share: programme.workplaceDutyShare)
        updateServers(unit: workforce.unit[e])
        calendar.schedule(.workplacePartEnd(employee: e.eventPayload, programme: p.eventPayload), at: SimTime(workingDays: end))
    }

    mutating func endWorkplacePart(_ e: EmployeeIndex, programme p: ProgrammeIndex) {
        let programme = model.programmes[p]
        changeOffDuty(by: -programme.workplaceDutyShare)
        roster.trainOnDuty(unit: workforce.unit[e], share: -programme.workplaceDutyShare)
        updateServers(unit: workforce.unit[e])
        guard workforce.active[e] else { return }
        workforce.bookedUntil[e] = -1
        if programme.countsTowardJP {
            credit(programme.workplacePartJP, to: e, mandatory: true)
            programmeTally.add(programme.workplacePartJP, to: .jp, of: p)
        }
    }
}
