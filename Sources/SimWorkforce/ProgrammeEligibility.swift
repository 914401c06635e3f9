/// Who may attend one programme (MODEL.md §6): active staff of an eligible job level, employment
/// and unit, and, for a mandated programme, those who owe it. One rule for the invitation walk
/// (yes or no per candidate) and the planning pass over every employee (a 0/1 mask, no branch:
/// eligibility goes either way from one employee to the next).
struct ProgrammeEligibility {
    /// 1 where the job level (by raw value) may attend.
    let levelAdmits: [Int]
    /// 1 where the unit (by raw value) may attend.
    let unitAdmits: [Int]
    let admitsPNS: Int
    let admitsPPPK: Int
    /// What a mandated programme's attendees must owe.
    let owing: Owing

    enum Owing { case nothing, latsar, promotionTraining }

    /// A mandated programme admits whoever owes it, whatever their needs value.
    var isMandated: Bool { owing != .nothing }

    init(_ programme: ProgrammeParameters, units: PerUnit<Bool>) {
        levelAdmits = programme.eligibleJobLevels.map { $0 ? 1 : 0 }
        unitAdmits = units.storage.map { $0 ? 1 : 0 }
        admitsPNS = programme.employment.admits(isPPPK: false) ? 1 : 0
        admitsPPPK = programme.employment.admits(isPPPK: true) ? 1 : 0
        owing = programme.mandatoryForNewcomers ? .latsar : programme.mandatoryOnPromotion ? .promotionTraining : .nothing
    }

    /// 1 when `e` may attend, else 0.
    @inline(__always)
    func mask(_ e: EmployeeIndex, in workforce: Workforce) -> Int {
        let owes: Bool
        switch owing {
        case .nothing: owes = true
        case .latsar: owes = workforce.owesLatsar[e]
        case .promotionTraining: owes = workforce.owesPromotionTraining[e]
        }
        return (workforce.active[e] ? 1 : 0) & levelAdmits[workforce.jobLevel[e].rawValue]
            & (workforce.isPPPK[e] ? admitsPPPK : admitsPNS) & unitAdmits[workforce.unit[e].rawValue] & (owes ? 1 : 0)
    }

    func admits(_ e: EmployeeIndex, in workforce: Workforce) -> Bool { mask(e, in: workforce) == 1 }
}

/// What one completion of a programme is worth to an employee under needs-based allocation
/// (MODEL.md §6): over the programme's domains in order, the gap it can close (at most its share
/// of the expected gain), weighted by citizen complaints about the domain when the policy says so.
/// The planning pass and the value of a batch of seats both read it, so they rank alike.
struct NeedsTerms {
    /// Per domain the programme trains: the most of the gap one completion closes, and the weight.
    let terms: [(domain: Int, cap: Double, weight: Double)]

    init(_ programme: ProgrammeParameters, gainLevels: Double, weights: [Double]) {
        terms = programme.domains.indices.filter { programme.domains[$0] > 0 }.map {
            (domain: $0, cap: gainLevels * programme.domains[$0], weight: weights[$0])
        }
    }

    /// Σ weight · min(gap, cap), `gap(d)` being the employee's gap in domain d.
    @inline(__always)
    func value(gap: (Int) -> Double) -> Double {
        var value = 0.0
        for term in terms { value += term.weight * min(gap(term.domain), term.cap) }
        return value
    }
}
