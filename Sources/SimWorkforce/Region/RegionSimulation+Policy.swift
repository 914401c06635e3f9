import SimCore

extension RegionSimulation {
    // MARK: - Evaluation and continuous improvement (MODEL.md §6)

    /// Measures each programme's effect since the last evaluation (gain per participant per
    /// Rp million, with measurement noise), compares it with the median, and acts on those below
    /// the threshold: switch mode, shift budget to the best programme, or drop. Logs every decision.
    mutating func evaluateProgrammes() {
        var effects: [(programme: ProgrammeIndex, effect: Double)] = []
        for p in programmes.indices where !programmes[p].dropped && programmes[p].windowParticipants > 0 {
            let state = programmes[p]
            let participants = Double(state.windowParticipants)
            let measuredGain = state.windowGainLevels / participants
                + streams.evaluation.normal(mean: 0, sd: policy.evaluation.measurementNoiseSD / participants.squareRoot())
            let costMillions = max(state.windowCostRupiah / participants / 1e6, 1e-6)
            effects.append((p, measuredGain / costMillions))
        }
        for p in programmes.indices {
            programmes[p].windowParticipants = 0
            programmes[p].windowGainLevels = 0
            programmes[p].windowCostRupiah = 0
        }
        guard effects.count >= 2 else { return }
        let sorted = effects.map(\.effect).sorted()
        let median = sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        guard let best = effects.max(by: { $0.effect < $1.effect || ($0.effect == $1.effect && $0.programme > $1.programme) }) else { return }
        let threshold = policy.evaluation.thresholdShareOfMedian * median
        func shown(_ x: Double) -> String { NumberText.rounded(x, places: 3) }
        for (p, effect) in effects {
            func log(_ action: Decision.Action, _ reason: String) {
                result.decisions.append(Decision(month: month, region: regionIndex, programme: p.rawValue, measuredEffect: effect, action: action, reason: reason))
            }
            if model.programmes[p].isMandated {
                log(.keep, "exempt: mandated programme (effect \(shown(effect)))")
                continue
            }
            if policy.evaluation.exemptProgrammes.indices.contains(p.rawValue) && policy.evaluation.exemptProgrammes[p.rawValue] {
                log(.keep, "exempt: listed in policy.evaluation.exemptProgrammes (effect \(shown(effect)))")
                continue
            }
            guard effect < threshold else {
                programmes[p].failures = 0
                log(.keep, "effect \(shown(effect)) at or above \(shown(threshold)) (\(Int(policy.evaluation.thresholdShareOfMedian * 100))% of the median)")
                continue
            }
            programmes[p].failures += 1
            let mode = programmes[p].mode
            if programmes[p].failures >= policy.evaluation.dropAfterFailures {
                programmes[p].dropped = true
                cancelPlannedSessions { $0.programme == p }
                log(.drop, "below \(shown(threshold)) in \(programmes[p].failures) consecutive evaluations")
            } else if let next = model[mode].switchTo, !suspendedModes[next.rawValue] {
                programmes[p].mode = next
                for s in sessions.indices where sessions[s].programme == p && sessions[s].state == .planned {
                    sessions[s].mode = next
                }
                log(.switchMode, "effect \(shown(effect)) below \(shown(threshold)); mode \(mode.id) → \(next.id)")
            } else if best.programme != p {
                let moved = shiftBudget(from: p, to: best.programme)
                log(.shiftBudget, "effect \(shown(effect)) below \(shown(threshold)); moved Rp \(Int(moved)) to \(model.programmes[best.programme].id)")
            } else {
                log(.keep, "below the threshold but already the best programme")
            }
        }
    }

    /// Cancels up to the policy's share of `from`'s remaining planned sessions (by planned cost)
    /// and plans sessions of `to` with the money freed. Returns the Rupiah moved.
    mutating func shiftBudget(from: ProgrammeIndex, to: ProgrammeIndex) -> Double {
        let planned = sessions.indices.filter { sessions[$0].programme == from && sessions[$0].state == .planned }
        let remaining = planned.reduce(0) { $0 + sessions[$1].plannedCostRupiah }
        var allowance = policy.evaluation.maxBudgetShift * remaining
        var moved = 0.0
        for s in planned.reversed() where sessions[s].plannedCostRupiah <= allowance {
            allowance -= sessions[s].plannedCostRupiah
            moved += sessions[s].plannedCostRupiah
            cancel(session: s)
        }
        if moved > 0 { allocateSessions(budgetRupiah: moved, year: month / 12, only: to) }
        return moved
    }

    // MARK: - Forums, award

    /// Knowledge-sharing forums: in every unit a share of staff meets on one domain (the forum
    /// domains take turns), and each attendee below the unit's upper quartile in it moves part of
    /// the way there (MODEL.md §3); JP credited, cost charged.
    mutating func holdForums() {
        let topics = policy.forums.domains.isEmpty ? Array(0..<domainCount) : policy.forums.domains
        let domains = [topics[forumsHeld % topics.count]]
        forumsHeld += 1
        for members in roster.members {
            let present = members.filter { workforce.active[$0] && !workforce.offDuty[$0] }
            guard present.count >= 4 else { continue }
            let attendees = present.filter { _ in streams.forums.bernoulli(policy.forums.participationShare) }
            let cost = Double(attendees.count) * policy.forums.costPerParticipantRupiah
            guard !attendees.isEmpty, cost <= discretionaryRupiah else { continue }
            spend(cost)
            for d in domains {
                var levels = present.map { workforce.applied($0, d) }
                levels.sort()
                let upperQuartile = levels[(levels.count * 3) / 4]
                for e in attendees {
                    let now = workforce.applied(e, d)
                    if now < upperQuartile {
                        let step = policy.forums.pullShare * (upperQuartile - now)
                        workforce.stable[workforce.slot(e, domain: d)] += step
                        thisMonth.gainLevels += step
                    }
                }
            }
            for e in attendees {
                // Forums count toward the JP too, within the PPPK cap.
                let room = workforce.isPPPK[e] ? max(0, policy.pppkMaxJPPerYear - workforce.jpThisYear[e] - workforce.jpBooked[e]) : policy.forums.jpPerForum
                workforce.jpThisYear[e] += min(policy.forums.jpPerForum, room)
            }
            // A forum takes its JP (45 minutes each) out of duty time.
            thisMonth.extraStaffDays += Double(attendees.count) * policy.forums.jpPerForum * 0.75 / model.hoursPerWorkingDay
        }
    }

    /// The yearly ASN Berprestasi award: the top share by performance (competency relative to the
    /// requirement, motivation, and a draw for what the model does not see) get a strong lift,
    /// their unit peers a slight one; both fade with the configured half-life.
    mutating func holdAward() {
        let levels = JobLevel.allCases.count
        var scored: [(employee: EmployeeIndex, score: Double)] = []
        for e in workforce.indices where workforce.active[e] {
            var ratio = 0.0
            for d in 0..<domainCount { ratio += workforce.applied(e, d) / max(required[d * levels + workforce.jobLevel[e].rawValue], 1) }
            scored.append((e, ratio / Double(domainCount) + workforce.motivation[e] + streams.award.normal(mean: 0, sd: 0.2)))
        }
        scored.sort { $0.score > $1.score || ($0.score == $1.score && $0.employee < $1.employee) }
        let count = min(scored.count, Int((policy.award.topShare * Double(scored.count)).rounded()))
        var affordable = policy.award.rupiahPerRecipient > 0 ? Int(discretionaryRupiah / policy.award.rupiahPerRecipient) : count
        var recipientUnits: [UnitIndex] = []
        for (e, _) in scored.prefix(count) where affordable > 0 {
            affordable -= 1
            spend(policy.award.rupiahPerRecipient)
            workforce.awardBoost[e] += policy.award.recipientBoost
            recipientUnits.append(workforce.unit[e])
        }
        for u in recipientUnits {
            for e in roster.members[u] where workforce.active[e] { workforce.awardBoost[e] += policy.award.peerBoost }
        }
    }

    // MARK: - Projects (MODEL.md §8)

    mutating func startProjects(year: Int) {
        let managers = workforce.indices.filter { workforce.active[$0] && workforce.jobLevel[$0].leadsProjects }
        let p = region.projects
        let count = Int(p.perYear.rounded(.down)) + (streams.projects.bernoulli(p.perYear - p.perYear.rounded(.down)) ? 1 : 0)
        guard !managers.isEmpty else { return }
        for k in 0..<count {
            let manager = managers[streams.projects.index(below: managers.count)]
            projects.append(Project(manager: manager, startMonth: month + k * 12 / max(count, 1),
                                    remainingMonths: p.plannedMonths, plannedMonths: p.plannedMonths))
        }
    }

    /// Each running project either advances a month or slips one; the slip chance falls with the
    /// manager's management competency.
    mutating func progressProjects() {
        let managerial = managerialDomains
        let p = region.projects
        var finished: [Int] = []
        for i in projects.indices where projects[i].startMonth < month {
            var manager = projects[i].manager
            if !workforce.active[manager] {
                let candidates = workforce.indices.filter { workforce.active[$0] && workforce.jobLevel[$0].leadsProjects }
                if candidates.isEmpty { continue }
                manager = candidates[streams.projects.index(below: candidates.count)]
                projects[i].manager = manager
            }
            let competency = managerial.isEmpty ? 3 : managerial.reduce(0) { $0 + workforce.applied(manager, $1) } / Double(managerial.count)
            let normalised = clamp((competency - 1) / 4, 0, 1)
            let slip = p.slipChanceNovice - (p.slipChanceNovice - p.slipChanceExpert) * normalised
            if streams.projects.bernoulli(slip) {
                projects[i].delayMonths += 1
            } else {
                projects[i].remainingMonths -= 1
                if projects[i].remainingMonths <= 0 { finished.append(i) }
            }
        }
        for i in finished {
            projectTally.completed += 1
            thisMonth.projectsCompleted += 1
            if projects[i].delayMonths == 0 { projectTally.onTime += 1 }
            projectTally.delayMonthsSum += Double(projects[i].delayMonths)
            projectTally.overrunShareSum += Double(projects[i].delayMonths) * p.overrunPerSlippedMonth
            thisMonth.projectOverrunRupiah += Double(projects[i].delayMonths) * p.overrunPerSlippedMonth * p.budgetRupiah
        }
        for i in finished.reversed() { projects.remove(at: i) }
    }
}
