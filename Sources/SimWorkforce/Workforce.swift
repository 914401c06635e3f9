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
    var tenureMonths: [Double] = []
    var stable: [Double] = []
    var transient: [Double] = []
    var latent: [Double] = []
    var motivation: [Double] = []
    var awardBoost: [Double] = []
    var jpThisYear: [Double] = []
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
    mutating func append(unit: Int, jobLevel: JobLevel, isPPPK: Bool, education: Education, ageYears: Double,
                         tenureMonths: Double, competency: [Double], motivation: Double, owesLatsar: Bool) -> Int {
        active.append(true)
        self.unit.append(unit)
        self.jobLevel.append(jobLevel)
        self.isPPPK.append(isPPPK)
        self.education.append(education)
        self.ageYears.append(ageYears)
        self.tenureMonths.append(tenureMonths)
        stable.append(contentsOf: competency)
        transient.append(contentsOf: repeatElement(0, count: domainCount))
        latent.append(contentsOf: repeatElement(0, count: domainCount))
        self.motivation.append(motivation)
        awardBoost.append(0)
        jpThisYear.append(0)
        jpBooked.append(0)
        bookedUntil.append(-1)
        offDuty.append(false)
        self.owesLatsar.append(owesLatsar)
        lastCompletedYear.append(contentsOf: repeatElement(0, count: programmeCount))
        return active.count - 1
    }
}
