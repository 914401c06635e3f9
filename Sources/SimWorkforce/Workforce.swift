import SimCore

/// The employees of one region as parallel arrays (struct-of-arrays), indexed by employee number.
/// Leavers stay in the arrays with `active == false`; hires are appended.
///
/// Competency per employee and domain is kept in three parts (see ``LearningCurve``): `stable`
/// (applied for good), `transient` (applied now, relapsing) and `latent` (learned, unused,
/// decaying). Applied competency = stable + transient, on the 1–5 scale.
/// One value per employee, indexed by ``EmployeeIndex``.
typealias PerEmployee<Element> = Column<EmployeeTable, Element>

struct Workforce {
    let domainCount: Int
    var active = PerEmployee<Bool>()
    var unit = PerEmployee<UnitIndex>()
    var jobLevel = PerEmployee<JobLevel>()
    var isPPPK = PerEmployee<Bool>()
    /// The share of full duty hours an employee does not work: 0, or 1 − the duty share of a
    /// part-time PPPK (PPPK paruh waktu), whose off hours leave the counter and the unit's work.
    var partTimeOff = PerEmployee<Double>()
    /// A PNS on probation (CPNS) until Latsar is done.
    var isCPNS = PerEmployee<Bool>()
    var education = PerEmployee<Education>()
    var ageYears = PerEmployee<Double>()
    /// The age at which each employee retires (BUP of their post), years.
    var retirementAgeYears = PerEmployee<Double>()
    var tenureMonths = PerEmployee<Double>()
    var stable = UncheckedArray<Double>()
    var transient = UncheckedArray<Double>()
    var latent = UncheckedArray<Double>()
    var motivation = PerEmployee<Double>()
    var awardBoost = PerEmployee<Double>()
    var jpThisYear = PerEmployee<Double>()
    /// The part of `jpThisYear` from mandated programmes, which the discretionary caps leave out.
    var jpMandatoryThisYear = PerEmployee<Double>()
    /// The part of `jpThisYear` from learning outside the budget (``ExternalSourceParameters``).
    var jpExternalThisYear = PerEmployee<Double>()
    /// JP credited this year per external source, `[employee * sourceCount + source]`, for each
    /// source's yearly cap.
    var jpFromSourceThisYear: [Double] = []
    let sourceCount: Int
    /// JP of sessions the employee has accepted and not yet finished (counted against the caps).
    var jpBooked = PerEmployee<Double>()
    /// The time until which the employee is booked on a session (no double booking).
    var bookedUntil = PerEmployee<Double>()
    var offDuty = PerEmployee<Bool>()
    var owesLatsar = PerEmployee<Bool>()
    /// Owes the programme mandated on promotion to the current post (PKP, PKA), if the scenario has one.
    var owesPromotionTraining = PerEmployee<Bool>()
    /// The month of the last completion reward each employee earned (−∞: none yet).
    var lastRewardMonth = PerEmployee<Double>()
    /// Year (offset + 1) in which each programme was last completed, `[employee * programmes + p]`.
    var lastCompletedYear: [Int16] = []
    let programmeCount: Int
    /// The employees in ascending order, less most leavers, so the passes over everyone skip the
    /// leavers' rows (a fifth of all rows after five years). ``dropLeavers(_:)`` takes leavers out
    /// in batches, so it may still hold a few: every pass asks `active` too.
    private(set) var activeIndices: [EmployeeIndex] = []
    /// Leavers still in ``activeIndices``.
    private var leaversListed = 0

    init(domainCount: Int, programmeCount: Int, sourceCount: Int = 0) {
        self.domainCount = domainCount
        self.programmeCount = programmeCount
        self.sourceCount = sourceCount
    }

    var count: Int { active.count }

    var indices: Range<EmployeeIndex> { active.indices }

    /// Position of `(employee, domain)` in the competency arrays.
    func slot(_ employee: EmployeeIndex, domain: Int) -> Int { employee.rawValue * domainCount + domain }

    /// Position of `(employee, programme)` in `lastCompletedYear`.
    func slot(_ employee: EmployeeIndex, programme: ProgrammeIndex) -> Int { employee.rawValue * programmeCount + programme.rawValue }

    func applied(_ employee: EmployeeIndex, _ domain: Int) -> Double {
        let i = slot(employee, domain: domain)
        return stable[i] + transient[i]
    }

    /// JP `employee` may still be credited this year under a yearly `cap` (a PPPK's), counting
    /// the sessions they are booked on.
    func jpRoom(_ employee: EmployeeIndex, cap: Double) -> Double { max(0, cap - jpThisYear[employee] - jpBooked[employee]) }

    func effectiveMotivation(_ employee: EmployeeIndex) -> Double { clamp(motivation[employee] + awardBoost[employee], 0, 1) }

    /// Room for `count` employees in every column, so building the workforce and hiring do not
    /// grow each column step by step.
    mutating func reserveCapacity(_ count: Int) {
        active.storage.reserveCapacity(count)
        unit.storage.reserveCapacity(count)
        jobLevel.storage.reserveCapacity(count)
        isPPPK.storage.reserveCapacity(count)
        partTimeOff.storage.reserveCapacity(count)
        isCPNS.storage.reserveCapacity(count)
        education.storage.reserveCapacity(count)
        ageYears.storage.reserveCapacity(count)
        retirementAgeYears.storage.reserveCapacity(count)
        tenureMonths.storage.reserveCapacity(count)
        stable.reserveCapacity(count * domainCount)
        transient.reserveCapacity(count * domainCount)
        latent.reserveCapacity(count * domainCount)
        motivation.storage.reserveCapacity(count)
        awardBoost.storage.reserveCapacity(count)
        jpThisYear.storage.reserveCapacity(count)
        jpMandatoryThisYear.storage.reserveCapacity(count)
        jpExternalThisYear.storage.reserveCapacity(count)
        jpFromSourceThisYear.reserveCapacity(count * sourceCount)
        jpBooked.storage.reserveCapacity(count)
        bookedUntil.storage.reserveCapacity(count)
        offDuty.storage.reserveCapacity(count)
        owesLatsar.storage.reserveCapacity(count)
        owesPromotionTraining.storage.reserveCapacity(count)
        lastRewardMonth.storage.reserveCapacity(count)
        lastCompletedYear.reserveCapacity(count * programmeCount)
        activeIndices.reserveCapacity(count)
    }

    /// Opens a fiscal year's JP: everyone's count starts again from 0.
    mutating func openJPYear() {
        for e in indices {
            jpThisYear[e] = 0
            jpMandatoryThisYear[e] = 0
            jpExternalThisYear[e] = 0
        }
        for i in jpFromSourceThisYear.indices { jpFromSourceThisYear[i] = 0 }
    }

    /// Appends one employee and returns its number.
    mutating func append(_ person: Employee) -> EmployeeIndex {
        active.append(true)
        unit.append(person.unit)
        jobLevel.append(person.jobLevel)
        isPPPK.append(person.isPPPK)
        partTimeOff.append(person.partTimeOff)
        isCPNS.append(person.isCPNS)
        education.append(person.education)
        ageYears.append(person.ageYears)
        retirementAgeYears.append(person.retirementAgeYears)
        tenureMonths.append(person.tenureMonths)
        stable.append(contentsOf: person.competency)
        transient.append(contentsOf: repeatElement(0, count: domainCount))
        latent.append(contentsOf: repeatElement(0, count: domainCount))
        motivation.append(person.motivation)
        awardBoost.append(0)
        jpThisYear.append(0)
        jpMandatoryThisYear.append(0)
        jpExternalThisYear.append(0)
        jpFromSourceThisYear.append(contentsOf: repeatElement(0, count: sourceCount))
        jpBooked.append(0)
        bookedUntil.append(-1)
        offDuty.append(false)
        owesLatsar.append(person.owesLatsar)
        owesPromotionTraining.append(false)
        lastRewardMonth.append(-.infinity)
        lastCompletedYear.append(contentsOf: repeatElement(0, count: programmeCount))
        let e = EmployeeIndex(active.count - 1)
        activeIndices.append(e)
        return e
    }

    /// Notes `count` new leavers, and takes the employees no longer active out of
    /// ``activeIndices`` once they are more than 1 in 32 of it (a month's leavers are a few in a
    /// thousand: pruning every month would cost more than the rows it saves).
    // PERF: against passes over every row, leavers included: 7.39M → 7.77M employee-months/s/core
    // analytic (+5.2%), none per request (4.02M → 3.99M) (Benchmarks/compare-binaries.sh, the
    // build that never prunes against this one).
    mutating func dropLeavers(_ count: Int) {
        leaversListed += count
        guard leaversListed * 32 > activeIndices.count else { return }
        let active = self.active
        activeIndices.removeAll { !active[$0] }
        leaversListed = 0
    }
}

extension Workforce {
    /// The candidate keys (``CandidateList/key(score:employee:)``) of a programme under
    /// needs-based allocation, in employee order: every employee the programme admits with a
    /// positive needs value, or any value for a mandated programme. `gaps` is
    /// `[e * domains + domain]`.
    ///
    /// Every employee is scored and written; eligibility and the positive value only decide
    /// whether the written key is kept. Both go either way from one employee to the next, so
    /// without branches the pass pays no mispredictions (it runs per programme each quarter; the
    /// gain is measured with the month-end sums' masks, in the PERF note of `monthEndSums`).
    func needsKeys(_ eligibility: ProgrammeEligibility, terms: NeedsTerms, gaps: UncheckedArray<Double>)
        -> UncheckedArray<UInt128>
    {
        let domains = domainCount
        let mandated = eligibility.isMandated ? 1 : 0
        var keys = UncheckedArray<UInt128>(repeating: 0, count: count)
        let kept = keys.update { keys in
            var kept = 0
            for e in activeIndices {
                let base = e.rawValue &* domains
                let value = terms.value { gaps[base &+ $0] }
                keys[kept] = CandidateList.key(score: value, employee: e)
                kept &+= eligibility.mask(e, in: self) & (mandated | (value > 0 ? 1 : 0))
            }
            return kept
        }
        keys.truncate(to: kept)
        return keys
    }

    /// Whether `e` may take `programme` this year under the discretionary caps (JP a year, and a
    /// lower one for PPPK); mandated programmes sit outside them, and their JP do not count
    /// against them (MODEL.md §9).
    func hasJPRoom(_ e: EmployeeIndex, for programme: ProgrammeParameters, maxJP: Double, pppkMaxJP: Double) -> Bool {
        if programme.isMandated { return true }
        let lengthJP = programme.lengthJP
        let jp = jpThisYear[e] - jpMandatoryThisYear[e] + jpBooked[e]
        if isPPPK[e] && jp + lengthJP > pppkMaxJP { return false }
        return jp + lengthJP <= maxJP
    }
}

/// A new member of the workforce, at the start or on appointment.
struct Employee {
    var unit: UnitIndex
    var jobLevel: JobLevel
    var isPPPK: Bool
    var education: Education
    var ageYears: Double
    var retirementAgeYears: Double
    var tenureMonths: Double
    /// Applied competency per domain, 1–5.
    var competency: [Double]
    var motivation: Double
    var owesLatsar: Bool
    var isCPNS: Bool
    /// See ``Workforce/partTimeOff``.
    var partTimeOff = 0.0
}
