// The simulated clock counts working days. This maps it to calendar dates and months, so a month
// holds the working days its calendar gives it (fewer in a Lebaran month) and a dated window is
// a span of working time.

/// Which calendar sets the working days.
public enum CalendarKind: String, ParameterChoice, Vocabulary {
    /// Indonesia's: weekends, national holidays and cuti bersama (decreed or estimated).
    case indonesia
    /// Every month a twelfth of `workingDaysPerYear`, with no holiday (for validation against theory).
    case flat
}

/// The working days of each simulated month and the dates they fall on.
public struct WorkingClock: Sendable {
    public let startYear: Int
    public let months: Int
    /// Working days before the first of each month, from the start (`months + 1` entries).
    public let monthStart: [Double]
    /// Day number (``CivilDate/dayNumber``) of each working day; empty for a flat calendar.
    let workingDates: [Int]

    public init(_ simulation: SimulationParameters) {
        startYear = simulation.startYear
        months = simulation.years * 12
        switch simulation.calendar {
        case .flat:
            let perMonth = simulation.workingDaysPerYear / 12
            monthStart = (0...months).map { Double($0) * perMonth }
            workingDates = []
        case .indonesia:
            var starts: [Double] = []
            var dates: [Int] = []
            let first = simulation.startYear
            let tables = (0..<simulation.years).map { IndonesianCalendar.holidays(in: first + $0) }
            for m in 0..<months {
                let year = startYear + m / 12
                let month = m % 12 + 1
                let table = tables[m / 12]
                starts.append(Double(dates.count))
                for day in 1...CivilDate.daysIn(month: month, year: year) {
                    let date = CivilDate(year, month, day)
                    if !table.isDayOff(date) { dates.append(date.dayNumber) }
                }
            }
            starts.append(Double(dates.count))
            monthStart = starts
            workingDates = dates
        }
    }

    public var horizonDays: Double { monthStart[months] }
    /// The mean month, for lags written in months.
    public var meanDaysPerMonth: Double { horizonDays / Double(max(months, 1)) }
    public func days(inMonth m: Int) -> Double { monthStart[m + 1] - monthStart[m] }

    /// The month (from the start) holding working time `t`, clamped to the horizon.
    public func month(containing t: Double) -> Int {
        var low = 0
        var high = months - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if monthStart[mid] <= t { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// Working days from the start to the beginning of `date`, clamped to the horizon.
    public func time(of date: CivilDate) -> Double {
        let m = (date.year - startYear) * 12 + date.month - 1
        if m < 0 { return 0 }
        if m >= months { return horizonDays }
        if workingDates.isEmpty {
            return monthStart[m] + days(inMonth: m) * Double(date.day - 1) / Double(CivilDate.daysIn(month: date.month, year: date.year))
        }
        var low = Int(monthStart[m])
        var high = Int(monthStart[m + 1])
        while low < high {
            let mid = (low + high) / 2
            if workingDates[mid] < date.dayNumber { low = mid + 1 } else { high = mid }
        }
        return Double(low)
    }

    /// Whether the clock knows real dates (an Indonesian calendar; a flat one has none).
    public var hasDates: Bool { !workingDates.isEmpty }

    /// Whether `date` is a working day (always, on a flat calendar, which has no dates off).
    public func isWorkingDay(_ date: CivilDate) -> Bool {
        guard !workingDates.isEmpty else { return true }
        let t = time(of: date)
        return t < horizonDays && workingDates[Int(t)] == date.dayNumber
    }

    /// The working time of the days `window` covers (first day to last day, inclusive).
    public func span(_ window: ClosedRange<CivilDate>) -> Range<Double> {
        time(of: window.lowerBound)..<time(of: window.upperBound.adding(days: 1))
    }

    /// The date of the working day that holds time `t`.
    public func date(at t: Double) -> CivilDate {
        let m = month(containing: t)
        let year = startYear + m / 12
        let month = m % 12 + 1
        if workingDates.isEmpty {
            let share = max(0, min(0.999_999, (t - monthStart[m]) / max(days(inMonth: m), 1e-9)))
            return CivilDate(year, month, 1 + Int(share * Double(CivilDate.daysIn(month: month, year: year))))
        }
        return CivilDate(dayNumber: workingDates[max(0, min(workingDates.count - 1, Int(t)))])
    }

    /// The calendar years the horizon touches.
    public var years: ClosedRange<Int> { startYear...(startYear + (months - 1) / 12) }
}
