// Periods a scenario names on the calendar: a holiday season that moves with the calendar each
// year, or a fixed date window. No-training periods and demand peaks are both written this way.

/// A season that follows the calendar each year, anchored on one day.
public enum NamedPeriod: Vocabulary {
    /// Around Idul Fitri (mudik, and the rush at the counters before and after it).
    case lebaran
    /// The fasting month, up to the day before Idul Fitri.
    case ramadan
    case idulAdha
    /// December: fiscal closing.
    case yearEnd

    /// The default window: this many days before the anchor to this many after (inclusive).
    public var defaultDays: (before: Int, after: Int) {
        switch self {
        case .lebaran: return (7, 7)
        case .ramadan: return (30, -1)
        case .idulAdha: return (2, 3)
        case .yearEnd: return (30, 0)
        }
    }

    /// The anchor days in calendar year `year`: 1 Syawal (lebaran, ramadan), 10 Dzulhijjah, 31 December.
    public func anchors(in year: Int) -> [CivilDate] {
        switch self {
        case .lebaran, .ramadan: return IndonesianCalendar.holidays(in: year).idulFitri
        case .idulAdha: return IndonesianCalendar.holidays(in: year).idulAdha
        case .yearEnd: return [CivilDate(year, 12, 31)]
        }
    }
}

/// When a period falls: a named season each year, the same dates each year, or one date window.
public enum CalendarPeriod: Sendable {
    case named(NamedPeriod, daysBefore: Int, daysAfter: Int)
    /// From (month, day) to (month, day) every year; a window that wraps runs into the next year.
    case everyYear(from: (month: Int, day: Int), to: (month: Int, day: Int))
    case once(from: CivilDate, to: CivilDate)

    /// The dated windows of this period whose anchor or start lies in calendar year `year`.
    public func windows(in year: Int) -> [ClosedRange<CivilDate>] {
        switch self {
        case .named(let period, let before, let after):
            return period.anchors(in: year).map { $0.adding(days: -before)...$0.adding(days: after) }
        case .everyYear(let from, let to):
            let start = CivilDate(year, from.month, min(from.day, CivilDate.daysIn(month: from.month, year: year)))
            let wraps = (to.month, to.day) < (from.month, from.day)
            let endYear = wraps ? year + 1 : year
            return [start...CivilDate(endYear, to.month, min(to.day, CivilDate.daysIn(month: to.month, year: endYear)))]
        case .once(let from, let to):
            return from.year == year ? [from...to] : []
        }
    }

    /// Every window in working time over the clock's horizon, clipped to it and without empty
    /// ones. The years either side count too: a window that wraps into the first year, or one
    /// anchored early in the year after the horizon (a January Lebaran) that starts inside it.
    public func spans(on clock: WorkingClock) -> [Range<Double>] {
        ((clock.years.lowerBound - 1)...(clock.years.upperBound + 1)).flatMap { windows(in: $0) }
            .map { clock.span($0) }.filter { !$0.isEmpty }
    }
}
