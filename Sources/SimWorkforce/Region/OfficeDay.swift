import SimCore

/// An office's day at a counter in working time (``ServiceDayParameters``), worked out once: when
/// its counters are open, how arrivals spread over the day, and which working days are Fridays.
/// A working day d is [d, d + 1); a clock hour h is (h − workStartsAtHour) ÷ hoursPerWorkingDay
/// into it.
struct OfficeDay {
    /// Open intervals of a day as fractions of it, Monday to Thursday and on Friday.
    let open: [Range<Double>]
    let fridayOpen: [Range<Double>]
    /// Arrival rate pieces of a day (fraction from, fraction to, rate per day at a daily demand of
    /// 1): the rush and the rest of the numbers window; the rate integrates to 1 over a day.
    let pieces: [ArrivalPiece]
    /// Where the numbers window starts and the rush ends: comebacks arrive in the rush.
    let numbersFrom: Double
    let rushEnd: Double
    /// Queue numbers a day (0: none).
    let quota: Int
    /// Per working day from 0: whether it is a Friday (none on a calendar without dates).
    let fridays: [Bool]
    /// Clock hour at the start of the working day and hours in it, for the hour of a time.
    let workStartsAtHour: Double
    let hoursPerDay: Double
    /// The analytic fluid day's steps (``FluidOfficeDay``), the same every day but for Fridays.
    let fluidSteps: FluidSteps

    struct ArrivalPiece {
        var from, to, rate: Double
    }

    /// A day cut into ``FluidOfficeDay/stepMinutes`` steps: each step's share of the day's
    /// arrivals, its clock hour, and whether the counters are open in it on other days and on Friday.
    struct FluidSteps {
        let minutes: Double
        let mass: [Double]
        let hour: [Int]
        let open: [Bool]
        let fridayOpen: [Bool]
    }

    init(_ day: ServiceDayParameters, hoursPerWorkingDay: Double, clock: WorkingClock) {
        func at(_ hour: Double) -> Double { min(max((hour - day.workStartsAtHour) / hoursPerWorkingDay, 0), 1) }
        let opens = at(day.opensAtHour)
        let breakFrom = at(day.breakFromHour)
        let breakUntil = at(day.breakUntilHour)
        func intervals(closing: Double) -> [Range<Double>] {
            guard breakUntil > breakFrom else { return opens < closing ? [opens..<closing] : [] }
            return [opens..<max(opens, min(breakFrom, closing)), max(breakUntil, opens)..<max(breakUntil, opens, closing)].filter {
                !$0.isEmpty
            }
        }
        open = intervals(closing: at(day.closesAtHour))
        fridayOpen = intervals(closing: at(day.fridayClosesAtHour))
        numbersFrom = at(day.numbersFromHour)
        let numbersUntil = max(at(day.numbersUntilHour), numbersFrom)
        rushEnd = min(at(day.numbersFromHour + day.rushHours), numbersUntil)
        let rushShare = numbersUntil > rushEnd ? (rushEnd > numbersFrom ? day.rushShare : 0) : 1
        pieces = [
            ArrivalPiece(from: numbersFrom, to: rushEnd, rate: rushShare / max(rushEnd - numbersFrom, 1e-12)),
            ArrivalPiece(from: rushEnd, to: numbersUntil, rate: (1 - rushShare) / max(numbersUntil - rushEnd, 1e-12)),
        ].filter { $0.to > $0.from && $0.rate > 0 }
        quota = day.dailyQuota
        fridays =
            clock.hasDates ? (0..<Int(clock.horizonDays.rounded(.up))).map { clock.date(at: Double($0) + 0.5).weekday == 4 } : []
        workStartsAtHour = day.workStartsAtHour
        hoursPerDay = hoursPerWorkingDay
        let steps = max(Int((hoursPerWorkingDay * 60 / FluidOfficeDay.stepMinutes).rounded()), 1)
        let dt = 1 / Double(steps)
        let (pieces, open, fridayOpen) = (pieces, open, fridayOpen)
        let middles = (0..<steps).map { Double($0) * dt + dt / 2 }
        fluidSteps = FluidSteps(
            minutes: hoursPerWorkingDay * 60 * dt,
            mass: (0..<steps).map { k in
                let (from, to) = (Double(k) * dt, Double(k) * dt + dt)
                return pieces.reduce(0.0) { $0 + max(0, min(to, $1.to) - max(from, $1.from)) * $1.rate }
            },
            hour: (0..<steps).map { k in
                let hour = day.workStartsAtHour + (Double(k) + 0.5) / Double(steps) * hoursPerWorkingDay
                return min(max(Int(hour.rounded(.down)), 0), 23)
            },
            open: middles.map { t in open.contains { $0.contains(t) } },
            fridayOpen: middles.map { t in fridayOpen.contains { $0.contains(t) } })
    }

    /// Whether working day `d` is a Friday.
    func isFriday(_ d: Int) -> Bool { d >= 0 && d < fridays.count && fridays[d] }

    /// The open intervals of working day `d`.
    func openIntervals(day d: Int) -> [Range<Double>] { isFriday(d) ? fridayOpen : open }

    /// The share of working day `d` its counters are open.
    func openShare(day d: Int) -> Double { openIntervals(day: d).reduce(0) { $0 + ($1.upperBound - $1.lowerBound) } }

    /// Whether the counters are open just after `t`, the next time that changes, and whether
    /// that change is the day's last closing. Times within 10⁻¹² of a boundary count as past it,
    /// so a boundary is never found again at itself.
    func state(at t: Double) -> (isOpen: Bool, next: Double, closesDay: Bool) {
        let today = Int(t.rounded(.down))
        var d = today
        while d <= today + 400 {
            let intervals = openIntervals(day: d)
            let f = t - Double(d)
            for (k, interval) in intervals.enumerated() {
                if f < interval.lowerBound - 1e-12 { return (false, Double(d) + interval.lowerBound, false) }
                if f < interval.upperBound - 1e-12 { return (true, Double(d) + interval.upperBound, k == intervals.count - 1) }
            }
            d += 1
        }
        return (false, .infinity, false)
    }

    /// The clock hour (0–23) of working time `t`.
    func hour(at t: Double) -> Int {
        let hour = workStartsAtHour + (t - t.rounded(.down)) * hoursPerDay
        return min(max(Int(hour.rounded(.down)), 0), 23)
    }
}
