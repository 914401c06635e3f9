import SimCore

/// The employees of one region as parallel arrays (struct-of-arrays), indexed by employee number.
/// Leavers stay in the arrays with `active == false`; hires are appended.
///
/// Competency per employee and domain is kept in three parts (see ``LearningCurve``): `stable`
/// (applied for good), `transient` (applied now, relapsing) and `latent` (learned, unused,
/// decaying). Applied competency = stable + transient, on the 1–5 scale.
struct Workforce {
    let domainCount: Int
    var active: [Bool] = []
    var unit: [Int] = []
    var jobLevel: [JobLevel] = []
    var isPPPK: [Bool] = []
    var education: [Education] = []
    var ageYears: [Double] = []
    /// The age at which each employee retires (BUP of their post), years.
    var retirementAgeYears: [Double] = []
    var tenureMonths: [Double] = []
    var stable: [Double] = []
    var transient: [Double] = []
    var latent: [Double] = []
    var motivation: [Double] = []
    var awardBoost: [Double] = []
    var jpThisYear: [Double] = []
    /// The part of `jpThisYear` from mandated programmes, which the discretionary caps leave out.
    var jpMandatoryThisYear: [Double] = []
    /// JP of sessions the employee has accepted and not yet finished (counted against the caps).
    var jpBooked: [Double] = []
    /// The time until which the employee is booked on a session (no double booking).
    var bookedUntil: [Double] = []
    var offDuty: [Bool] = []
    var owesLatsar: [Bool] = []
    /// Year (offset + 1) in which each programme was last completed, `[employee * programmes + p]`.
    var lastCompletedYear: [Int16] = []
    let programmeCount: Int

    init(domainCount: Int, programmeCount: Int) {
        self.domainCount = domainCount
        self.programmeCount = programmeCount
    }

    var count: Int { active.count }

    func applied(_ employee: Int, _ domain: Int) -> Double {
        let i = employee * domainCount + domain
        return stable[i] + transient[i]
    }

    func effectiveMotivation(_ employee: Int) -> Double { clamp(motivation[employee] + awardBoost[employee], 0, 1) }

    /// Appends one employee and returns its number.
    mutating func append(_ person: Employee) -> Int {
        active.append(true)
        unit.append(person.unit)
        jobLevel.append(person.jobLevel)
        isPPPK.append(person.isPPPK)
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
        jpBooked.append(0)
        bookedUntil.append(-1)
        offDuty.append(false)
        owesLatsar.append(person.owesLatsar)
        lastCompletedYear.append(contentsOf: repeatElement(0, count: programmeCount))
        return active.count - 1
    }
}

/// A new member of the workforce, at the start or on appointment.
struct Employee {
    var unit: Int
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
}
