import SimCore

// Moon phases from Meeus, *Astronomical Algorithms* (2nd ed.), ch. 49: the mean phase plus the
// largest periodic terms, good to a few minutes over 1900–2100. The Islamic, Chinese, Saka and
// Buddhist dates of the holidays beyond the sourced years are estimated from these.

enum MoonPhase {
    case new, full

    /// Julian Day (UT, ΔT of about a minute ignored) of the phase of lunation `k` (k = 0 near
    /// 2000-01-06; `k` is whole for new moons, whole + 0.5 for full moons).
    static func julianDay(lunation k: Double, _ phase: MoonPhase) -> Double {
        let t = k / 1236.85
        let radians = Double.pi / 180
        let jde = 2_451_550.09766 + 29.530588861 * k + 0.00015437 * t * t
        let e = 1 - 0.002516 * t
        let m = (2.5534 + 29.10535670 * k) * radians
        let mp = (201.5643 + 385.81693528 * k + 0.0107582 * t * t) * radians
        let f = (160.7108 + 390.67050284 * k - 0.0016118 * t * t) * radians
        let omega = (124.7746 - 1.56375588 * k + 0.0020672 * t * t) * radians
        // Meeus table 49.A: the same arguments for both phases, slightly different coefficients.
        let arguments = [
            sin(mp), e * sin(m), sin(2 * mp), sin(2 * f), e * sin(mp - m), e * sin(mp + m), e * e * sin(2 * m),
            sin(mp - 2 * f), sin(mp + 2 * f), e * sin(2 * mp + m), sin(3 * mp), e * sin(m + 2 * f),
            e * sin(m - 2 * f), e * sin(2 * mp - m), sin(omega),
        ]
        let coefficients =
            phase == .new
            ? [
                -0.40720, 0.17241, 0.01608, 0.01039, 0.00739, -0.00514, 0.00208, -0.00111, -0.00057, 0.00056, -0.00042, 0.00042, 0.00038,
                -0.00024, -0.00017,
            ]
            : [
                -0.40614, 0.17302, 0.01614, 0.01043, 0.00734, -0.00515, 0.00209, -0.00111, -0.00057, 0.00056, -0.00042, 0.00042, 0.00038,
                -0.00024, -0.00017,
            ]
        let terms = zip(coefficients, arguments).map { ($0, $1) }
        return jde + terms.reduce(0) { $0 + $1.0 * $1.1 } - 69.0 / 86_400
    }

    /// The Julian Day at 00:00 UT of `date`.
    static func julianDay(of date: CivilDate) -> Double { Double(date.dayNumber) + 2_440_587.5 }

    /// The date on the clock `utcOffsetHours` ahead of UT at Julian Day `jd`.
    static func date(julianDay jd: Double, utcOffsetHours: Double) -> CivilDate {
        CivilDate(dayNumber: Int((jd - 2_440_587.5 + utcOffsetHours / 24).rounded(.down)))
    }

    /// The lunation of this phase nearest to `jd`.
    static func lunation(nearest jd: Double, _ phase: MoonPhase) -> Double {
        let k = ((jd - 2_451_550.09766) / 29.530588861).rounded()
        return phase == .new ? k : (((jd - 2_451_550.09766) / 29.530588861) - 0.5).rounded() + 0.5
    }

    /// Phases of this kind whose local date (UTC + offset) falls in `range`, in order.
    static func dates(_ phase: MoonPhase, in range: ClosedRange<CivilDate>, utcOffsetHours: Double) -> [(date: CivilDate, jd: Double)] {
        let first = lunation(nearest: julianDay(of: range.lowerBound), phase) - 1
        var out: [(CivilDate, Double)] = []
        var k = first
        while true {
            let jd = julianDay(lunation: k, phase)
            let date = date(julianDay: jd, utcOffsetHours: utcOffsetHours)
            if date > range.upperBound { break }
            if date >= range.lowerBound { out.append((date, jd)) }
            k += 1
        }
        return out
    }
}
