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
    /// Staff-equivalents of duty hours part-time members do not work (``Workforce/partTimeOff``):
    /// of every member, for the unit's work, and of those on duty, for who is at work.
    private(set) var partTimeOff: PerUnit<Double>
    private(set) var partTimeOffOnDuty: PerUnit<Double>
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
        partTimeOff = partlyAway
        partTimeOffOnDuty = partlyAway
        channel = PerUnit(repeating: -1, count: unitCount)
        staffChanges = headcount
    }

    /// Someone on duty in `unit` learned or changed post: sums over its staff are stale.
    mutating func staffChanged(_ unit: UnitIndex) { staffChanges[unit] &+= 1 }

    var count: Int { headcount.count }
    var totalHeadcount: Int { headcount.reduce(0, +) }

    /// A member joins on duty; `off` is the share of full hours they do not work (part-time).
    mutating func join(_ employee: EmployeeIndex, unit: UnitIndex, off: Double) {
        headcount[unit] += 1
        onDuty[unit] += 1
        members[unit].append(employee)
        addPartTimeOff(off, unit: unit, member: true, onDuty: true)
        staffChanged(unit)
    }

    /// A member on duty moves to another unit (a promotion into a post there).
    mutating func transfer(_ employee: EmployeeIndex, from old: UnitIndex, to new: UnitIndex, off: Double) {
        headcount[old] -= 1
        onDuty[old] -= 1
        members[old].removeAll { $0 == employee }
        addPartTimeOff(-off, unit: old, member: true, onDuty: true)
        staffChanged(old)
        join(employee, unit: new, off: off)
    }

    /// A member leaves the service, from duty or from a session.
    mutating func leave(unit: UnitIndex, wasAway: Bool, off: Double) {
        headcount[unit] -= 1
        if wasAway { away[unit] -= 1 } else { onDuty[unit] -= 1 }
        addPartTimeOff(-off, unit: unit, member: true, onDuty: !wasAway)
        staffChanged(unit)
    }

    mutating func goAway(unit: UnitIndex, mandated: Bool, off: Double) {
        away[unit] += 1
        if mandated { awayMandated[unit] += 1 }
        onDuty[unit] -= 1
        addPartTimeOff(-off, unit: unit, member: false, onDuty: true)
        staffChanged(unit)
    }

    /// A member comes back from a session; one who left the service meanwhile does not return to duty.
    mutating func comeBack(unit: UnitIndex, stillEmployed: Bool, mandated: Bool, off: Double) {
        away[unit] -= 1
        if mandated { awayMandated[unit] -= 1 }
        if stillEmployed {
            onDuty[unit] += 1
            addPartTimeOff(off, unit: unit, member: false, onDuty: true)
        }
        staffChanged(unit)
    }

    /// Adds a member's unworked hours (negative: takes them away) to the unit's members' sum when
    /// they join or leave the unit, and to its on-duty sum when they join or leave duty.
    private mutating func addPartTimeOff(_ off: Double, unit: UnitIndex, member: Bool, onDuty: Bool) {
        guard off != 0 else { return }
        if member { partTimeOff[unit] = settledTotal(partTimeOff[unit] + off) }
        if onDuty { partTimeOffOnDuty[unit] = settledTotal(partTimeOffOnDuty[unit] + off) }
    }

    /// Adds `share` of a staff member's time to those training on duty (negative: they finish).
    mutating func trainOnDuty(unit: UnitIndex, share: Double) {
        partlyAway[unit] = settledTotal(partlyAway[unit] + share)
    }

    /// Staff-equivalents at work and not training: what the counters and the workload see.
    /// Part-timers count for the hours they work.
    func workingStaff(_ unit: UnitIndex) -> Double { max(0, Double(onDuty[unit]) - partTimeOffOnDuty[unit] - partlyAway[unit]) }

    /// The unit's staff in full-time equivalents: part-timers bring their share of the work.
    func fullTimeEquivalent(_ unit: UnitIndex) -> Double { Double(headcount[unit]) - partTimeOff[unit] }

    /// Counters open in `unit` when `counterShare` of its working staff serve at the counter: at
    /// least one while anyone is on duty. Staff training part of the day leave it for that share.
    func counterServers(_ unit: UnitIndex, counterShare: Double) -> Int {
        onDuty[unit] > 0 ? max(1, Int((counterShare * workingStaff(unit)).rounded())) : 0
    }

    /// Utilisation of `unit`'s staff with routine workload `base` (``UnitMonthCounts/workload(base:staff:workingStaff:)``).
    func workload(_ unit: UnitIndex, base: Double) -> Double {
        UnitMonthCounts.workload(base: base, staff: fullTimeEquivalent(unit), workingStaff: workingStaff(unit))
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
