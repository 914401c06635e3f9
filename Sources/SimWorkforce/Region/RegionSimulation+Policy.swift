import SimCore

extension RegionSimulation {
    // MARK: - Evaluation and continuous improvement (MODEL.md §6)

    /// What an evaluation measured of one programme since the last one.
    struct Measurement {
        var programme: ProgrammeIndex
        /// Gap closed per attendee (levels, with measurement noise) and what was expected of it.
        var gapClosed: Double
        var expected: Double
        /// Gap closed per Rp million spent per attendee: for comparing programmes of one domain.
        var perMillion: Double
    }

    /// Measures each programme's effect since the last evaluation as the gap it closed per attendee
    /// (Kirkpatrick level 2, with measurement noise) and judges it within its own domain: against
    /// the domain's other programmes per Rupiah when it has some, else against what it was expected
    /// to close. Below the threshold the policy switches its mode, shifts part of its money to the
    /// domain's best programme, or drops it, but never drops the last programme teaching a domain
    /// with an open gap. Mandated and exempt programmes are never changed. Only decisions that
    /// change something are logged, with where the money went.
    mutating func evaluateProgrammes() {
        var measured: [Measurement] = []
        for p in programmes.indices where !programmes[p].dropped && programmes[p].windowParticipants > 0 && !model.programmes[p].isMandated
        {
            let state = programmes[p]
            let attendees = Double(state.windowParticipants)
            let gapClosed =
                state.windowGapClosedLevels / attendees
                + streams.evaluation.normal(mean: 0, sd: policy.evaluation.measurementNoiseSD / attendees.squareRoot())
            let costMillions = max(state.windowCostRupiah / attendees / 1e6, 1e-6)
            measured.append(
                Measurement(
                    programme: p, gapClosed: gapClosed, expected: state.windowExpectedLevels / attendees,
                    perMillion: gapClosed / costMillions))
        }
        for p in programmes.indices {
            programmes[p].windowParticipants = 0
            programmes[p].windowGapClosedLevels = 0
            programmes[p].windowExpectedLevels = 0
            programmes[p].windowCostRupiah = 0
        }
        for m in measured where !isExemptFromEvaluation(m.programme) {
            let domain = primaryDomain(of: m.programme)
            let rivals = measured.filter { primaryDomain(of: $0.programme) == domain && !programmes[$0.programme].dropped }
            let verdict = judge(m, among: rivals)
            guard verdict.score < policy.evaluation.thresholdShare else {
                programmes[m.programme].failures = 0
                continue
            }
            programmes[m.programme].failures += 1
            act(on: m, finding: verdict.finding, best: verdict.best)
        }
    }

    /// The score a measurement is judged by (threshold: `thresholdShare`), the finding in words, and
    /// the domain's best programme per Rupiah when there are rivals.
    func judge(_ m: Measurement, among rivals: [Measurement]) -> (score: Double, finding: String, best: ProgrammeIndex?) {
        func shown(_ x: Double) -> String { NumberText.rounded(x, places: 3) }
        let domain = model.domains[primaryDomain(of: m.programme)].id
        guard rivals.count >= 2 else {
            guard m.expected > 0 else { return (1, "", nil) }  // no gap left to close: nothing to judge
            return (m.gapClosed / m.expected, "closed \(shown(m.gapClosed)) levels per attendee of the \(shown(m.expected)) expected", nil)
        }
        let sorted = rivals.map(\.perMillion).sorted()
        let median = sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        let best = rivals.max { $0.perMillion < $1.perMillion || ($0.perMillion == $1.perMillion && $0.programme > $1.programme) }?
            .programme
        guard median > 0 else { return (1, "", best) }
        return (
            m.perMillion / median,
            "closed \(shown(m.perMillion)) levels per attendee per Rp million against a median of \(shown(median)) among the \(domain) programmes",
            best
        )
    }

    /// Acts on a programme below the threshold: drop it after `dropAfterFailures` (its planned money
    /// goes back to the plan) unless it is the last teaching a domain with an open gap; else, at
    /// its first failure, switch its mode; else move part of its money to the domain's best
    /// programme; else revise it (``revise(_:)``).
    mutating func act(on m: Measurement, finding: String, best: ProgrammeIndex?) {
        let p = m.programme
        // What was true, beside what was measured (the evaluation never sees it).
        let truth = "its true effect was ×\(NumberText.rounded(programmes[p].trueEffect, places: 2)) of what its mode and length promise"
        func log(_ action: Decision.Action, _ what: String, to next: Mode? = nil, movedShare: Double = 0) {
            result.decisions.append(
                Decision(
                    month: month, programme: p.rawValue, measuredGapClosedLevels: m.gapClosed,
                    action: action, reason: "\(finding); \(what); \(truth)",
                    fromMode: next == nil ? nil : mode, toMode: next, movedShare: movedShare))
        }
        let mode = programmes[p].mode
        if programmes[p].failures >= policy.evaluation.dropAfterFailures && !isLastTeacherOfAnOpenGap(p) {
            programmes[p].dropped = true
            let freed = (firstSessionThisYear..<sessions.endIndex).reduce(0.0) { total, s in
                sessions[s].programme == p && sessions[s].state == .planned ? total + sessions[s].plannedCostRupiah : total
            }
            cancelPlannedSessions { $0.programme == p }
            // The money stays in the fund that paid for it: an earmark's is not spent on others.
            if freed > 0 { allocateSessions(money: fundMoney(freed, slot: funds.slot(of: p)), year: month / 12) }
            let money =
                freed > 0
                ? "its Rp \(NumberText.plain(freed.rounded())) of planned sessions returned to the plan"
                : "it had no sessions left to run this year"
            log(.drop, "below the threshold in \(programmes[p].failures) evaluations in a row; dropped, \(money)", movedShare: 1)
        } else if let next = model[mode].switchTo, programmes[p].failures == 1, !isSuspended(next, inMonth: month) {
            programmes[p].mode = next
            for s in sessions.indices where sessions[s].programme == p && sessions[s].state == .planned {
                sessions[s].mode = next
            }
            log(.switchMode, "mode \(mode.id) → \(next.id)", to: next)
        } else if let best, best != p, funds.slot(of: best) == funds.slot(of: p) {
            // Money moves only within a fund: an earmark stays with its programme, which is revised instead.
            let (moved, share) = shiftBudget(from: p, to: best)
            if moved > 0 {
                log(
                    .shiftBudget, "moved Rp \(NumberText.plain(moved.rounded())) of planned sessions to \(model.programmes[best].id)",
                    movedShare: share)
            }
        } else {
            revise(p)
            log(
                .revise,
                "revised: a new provider or curriculum, whose true effect is ×\(NumberText.rounded(programmes[p].trueEffect, places: 2))")
        }
    }

    /// What an office does with a programme that keeps falling short and that it may not drop
    /// (the last one teaching a domain with an open gap) or whose mode change did not help: it
    /// changes the provider or the curriculum. The new version's true effect is a fresh draw of
    /// the same spread (MODEL.md §3), from the region's evaluation stream: the office cannot
    /// know it is better, only that the old one was not good enough. A study of the old version
    /// (`measuredEffectSD`) says nothing of the new one, so the plan expects what the mode promises.
    mutating func revise(_ p: ProgrammeIndex) {
        programmes[p].trueEffect = model.learning.effectFactor(z: streams.evaluation.normal(mean: 0, sd: 1))
        programmes[p].expectedEffect = 1
        programmes[p].failures = 0
    }

    func isExemptFromEvaluation(_ p: ProgrammeIndex) -> Bool {
        let exempt = policy.evaluation.exemptProgrammes
        return exempt.indices.contains(p.rawValue) && exempt[p.rawValue]
    }

    /// The domain a programme is mainly for (its largest weight; ties to the first domain).
    func primaryDomain(of p: ProgrammeIndex) -> Int {
        let weights = model.programmes[p].domains
        return weights.indices.max { weights[$0] < weights[$1] || (weights[$0] == weights[$1] && $0 > $1) } ?? 0
    }

    /// Whether dropping `p` would leave one of its domains, where someone is still below the
    /// standard, with no programme open to the staff at large (mandated ones serve only newcomers
    /// and the newly promoted).
    func isLastTeacherOfAnOpenGap(_ p: ProgrammeIndex) -> Bool {
        let levels = JobLevel.allCases.count
        for d in 0..<domainCount where model.programmes[p].domains[d] > 0 {
            let others = programmes.indices.contains {
                $0 != p && !programmes[$0].dropped && !model.programmes[$0].isMandated
                    && model.programmes[$0].sessionsPerYear > 0 && model.programmes[$0].domains[d] > 0
            }
            if others { continue }
            let open = workforce.indices.contains { e in
                workforce.active[e] && workforce.applied(e, d) < required[d * levels + workforce.jobLevel[e].rawValue]
            }
            if open { return true }
        }
        return false
    }

    /// Cancels up to the policy's share of `from`'s remaining planned sessions (by planned cost)
    /// and plans sessions of `to` with the money freed. Returns the Rupiah moved and its share of
    /// `from`'s remaining planned money.
    mutating func shiftBudget(from: ProgrammeIndex, to: ProgrammeIndex) -> (rupiah: Double, share: Double) {
        let planned = sessions.indices.filter { sessions[$0].programme == from && sessions[$0].state == .planned }
        let remaining = planned.reduce(0) { $0 + sessions[$1].plannedCostRupiah }
        var allowance = policy.evaluation.maxBudgetShift * remaining
        var moved = 0.0
        for s in planned.reversed() where sessions[s].plannedCostRupiah <= allowance {
            allowance -= sessions[s].plannedCostRupiah
            moved += sessions[s].plannedCostRupiah
            cancel(session: s)
        }
        if moved > 0 { allocateSessions(money: fundMoney(moved, slot: funds.slot(of: to)), year: month / 12, only: to) }
        return (moved, remaining > 0 ? moved / remaining : 0)
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
            guard present.count >= policy.forums.minimumStaffPresent else { continue }
            let attendees = present.filter { _ in streams.forums.bernoulli(policy.forums.participationShare) }
            let cost = Double(attendees.count) * policy.forums.costPerParticipantRupiah
            guard !attendees.isEmpty, cost <= discretionaryRupiah() else { continue }
            spend(cost)
            for d in domains {
                var levels = present.map { workforce.applied($0, d) }
                levels.sort()
                let upperQuartile = levels[(levels.count * 3) / 4]
                for e in attendees {
                    let now = workforce.applied(e, d)
                    if now < upperQuartile {
                        // Learned from peers, then applied and kept like any other gain (MODEL.md §3).
                        let step = policy.forums.pullShare * (upperQuartile - now)
                        absorb(step, at: workforce.slot(e, domain: d))
                        thisMonth.gainLevels += step
                    }
                }
            }
            for e in attendees {
                // Forums count toward the JP too, within the PPPK cap.
                let room = workforce.isPPPK[e] ? workforce.jpRoom(e, cap: policy.pppkMaxJPPerYear) : policy.forums.jpPerForum
                workforce.jpThisYear[e] += min(policy.forums.jpPerForum, room)
            }
            // A forum takes its JP (45 minutes each) out of duty time.
            thisMonth.extraStaffDays +=
                Double(attendees.count) * policy.forums.jpPerForum * ModelParameters.hoursPerJP / model.hoursPerWorkingDay
        }
    }

    /// The yearly ASN Berprestasi award: the top share by performance (competency relative to the
    /// requirement, motivation, and a draw for what the model does not see) get a strong lift,
    /// the other staff of a unit with a recipient a slight one, once however many of the unit won
    /// (recognition's effect on peers is small and mixed: Bradler et al. 2016, Gubler et al. 2016);
    /// both fade with the configured half-life.
    mutating func holdAward() {
        let levels = JobLevel.allCases.count
        var scored: [(employee: EmployeeIndex, score: Double)] = []
        for e in workforce.indices where workforce.active[e] {
            var ratio = 0.0
            for d in 0..<domainCount { ratio += workforce.applied(e, d) / max(required[d * levels + workforce.jobLevel[e].rawValue], 1) }
            scored.append(
                (
                    e,
                    ratio / Double(domainCount) + workforce.motivation[e]
                        + streams.award.normal(mean: 0, sd: policy.award.performanceNoiseSD)
                ))
        }
        scored.sort { $0.score > $1.score || ($0.score == $1.score && $0.employee < $1.employee) }
        let count = min(scored.count, Int((policy.award.topShare * Double(scored.count)).rounded()))
        var affordable = policy.award.rupiahPerRecipient > 0 ? Int(discretionaryRupiah() / policy.award.rupiahPerRecipient) : count
        var recipients: Set<EmployeeIndex> = []
        for (e, _) in scored.prefix(count) where affordable > 0 {
            affordable -= 1
            spend(policy.award.rupiahPerRecipient)
            workforce.awardBoost[e] += policy.award.recipientBoost
            recipients.insert(e)
        }
        for u in recipients.map({ workforce.unit[$0] }).sortedUnique() {
            for e in roster.members[u] where workforce.active[e] && !recipients.contains(e) {
                workforce.awardBoost[e] += policy.award.peerBoost
            }
        }
    }

    // MARK: - Projects (MODEL.md §8)

    /// Starts the projects of the rest of the fiscal year (`shareOfYear` of a year's count).
    mutating func startProjects(year: Int, shareOfYear: Double) {
        let managers = workforce.indices.filter { workforce.active[$0] && workforce.jobLevel[$0].leadsProjects }
        let p = region.projects
        let expected = p.perYear * shareOfYear
        let count = Int(expected.rounded(.down)) + (streams.projects.bernoulli(expected - expected.rounded(.down)) ? 1 : 0)
        guard !managers.isEmpty else { return }
        for k in 0..<count {
            let manager = managers[streams.projects.index(below: managers.count)]
            projects.append(
                Project(
                    manager: manager, startMonth: month + k * Int((12 * shareOfYear).rounded()) / max(count, 1),
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
            let competency =
                managerial.isEmpty ? 3 : managerial.reduce(0) { $0 + workforce.applied(manager, $1) } / Double(managerial.count)
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
