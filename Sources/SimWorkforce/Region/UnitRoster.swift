/// One value per unit of the region, indexed by ``UnitIndex``.
typealias PerUnit<Element> = Column<UnitTable, Element>

/// Who is in each unit and who of them is at work: the numbers the away cap, the counters'
/// staffing and the workload read. Indexed by the region's unit number.
struct UnitRoster {
    var units: Range<UnitIndex> { headcount.indices }
    private(set) var headcount: PerUnit<Int>
    private(set) var onDuty: PerUnit<Int>
    private(set) var away: PerUnit<Int>
    /// Of `away`, those on a mandated programme (Latsar), which the away cap does not count: the
    /// cap protects services from discretionary training, and Latsar cannot wait (MODEL.md §9).
    private(set) var awayMandated: PerUnit<Int>
    /// Employee numbers of each unit's members; leavers are pruned by `pruneMembers`.
    private(set) var members: PerUnit<[EmployeeIndex]>
    /// Staff-equivalents on duty but training part of the day (e-learning, coaching, Latsar's
    /// workplace part): they are at work, yet that share of their time is not at the counter.
    private(set) var partlyAway: PerUnit<Double>
    /// Mean service competency ĉ of each unit's staff on duty, refreshed monthly.
    var serviceCompetency: PerUnit<Double>
    /// The service channel of each unit, or −1 for a unit without a counter.
    var channel: PerUnit<Int>
    /// Each unit's count of changes to its staff on duty or to what they bring to the counter.
    /// Every mutator here that changes who is on duty counts one (join, transfer, leave, goAway,
    /// comeBack), and ``staffChanged(_:)`` counts a change in someone's competency or post; a
    /// sum over a unit's staff worked out at one count holds while the count is the same (the
    /// analytic counters' ``StaffSums``, checked at every use under `SIM_INTERNAL_CHECKS`).
    private(set) var staffChanges: PerUnit<Int>

    init(unitCount: Int) {
        headcount = PerUnit(repeating: 0, count: unitCount)
        onDuty = headcount
        away = headcount
        awayMandated = headcount
        members = PerUnit(repeating: [], count: unitCount)
        serviceCompetency = PerUnit(repeating: 0, count: unitCount)
        partlyAway = PerUnit(repeating: 0, count: unitCount)
        channel = PerUnit(repeating: -1, count: unitCount)
        staffChanges = headcount
    }

    /// Someone on duty in `unit` learned or changed post: sums over its staff are stale.
    mutating func staffChanged(_ unit: UnitIndex) { staffChanges[unit] &+= 1 }

    var count: Int { headcount.count }
    var totalHeadcount: Int { headcount.reduce(0, +) }

    mutating func join(_ employee: EmployeeIndex, unit: UnitIndex) {
        headcount[unit] += 1
        onDuty[unit] += 1
        members[unit].append(employee)
        staffChanged(unit)
    }

    /// A member on duty moves to another unit (a promotion into a post there).
    mutating func transfer(_ employee: EmployeeIndex, from old: UnitIndex, to new: UnitIndex) {
        headcount[old] -= 1
        onDuty[old] -= 1
        members[old].removeAll { $0 == employee }
        staffChanged(old)
        join(employee, unit: new)
    }

    /// A member leaves the service, from duty or from a session.
    mutating func leave(unit: UnitIndex, wasAway: Bool) {
        headcount[unit] -= 1
        if wasAway { away[unit] -= 1 } else { onDuty[unit] -= 1 }
        staffChanged(unit)
    }

    mutating func goAway(unit: UnitIndex, mandated: Bool) {
        away[unit] += 1
        if mandated { awayMandated[unit] += 1 }
        onDuty[unit] -= 1
        staffChanged(unit)
    }

    /// A member comes back from a session; one who left the service meanwhile does not return to duty.
    mutating func comeBack(unit: UnitIndex, stillEmployed: Bool, mandated: Bool) {
        away[unit] -= 1
        if mandated { awayMandated[unit] -= 1 }
        if stillEmployed { onDuty[unit] += 1 }
        staffChanged(unit)
    }

    /// Adds `share` of a staff member's time to those training on duty (negative: they finish).
    mutating func trainOnDuty(unit: UnitIndex, share: Double) {
        partlyAway[unit] = settledTotal(partlyAway[unit] + share)
    }

    /// Staff-equivalents at work and not training: what the counters and the workload see.
    func workingStaff(_ unit: UnitIndex) -> Double { max(0, Double(onDuty[unit]) - partlyAway[unit]) }

    /// Counters open in `unit` when `counterShare` of its working staff serve at the counter: at
    /// least one while anyone is on duty. Staff training part of the day leave it for that share.
    func counterServers(_ unit: UnitIndex, counterShare: Double) -> Int {
        onDuty[unit] > 0 ? max(1, Int((counterShare * workingStaff(unit)).rounded())) : 0
    }

    /// Utilisation of `unit`'s staff with routine workload `base` (``UnitMonthCounts/workload(base:headcount:workingStaff:)``).
    func workload(_ unit: UnitIndex, base: Double) -> Double {
        UnitMonthCounts.workload(base: base, headcount: headcount[unit], workingStaff: workingStaff(unit))
    }

    /// Away on discretionary training: what the away cap counts.
    func awayUnderCap(_ unit: UnitIndex) -> Int { away[unit] - awayMandated[unit] }

    /// Whether one more of `unit` may be away with `alreadyAway` away, under `maxAwayShare`.
    func roomAway(unit: UnitIndex, alreadyAway: Int, maxAwayShare: Double) -> Bool {
        Double(alreadyAway + 1) <= maxAwayShare * Double(headcount[unit])
    }

    /// Drops from each unit marked in `units` the members `isActive` turns down, in order.
    mutating func pruneMembers(of units: PerUnit<Bool>, keeping isActive: (EmployeeIndex) -> Bool) {
        for u in members.indices where units[u] { members[u].removeAll { !isActive($0) } }
    }
}
