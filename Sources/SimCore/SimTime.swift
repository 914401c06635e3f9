/// An instant on the simulation clock, in **working days** since the scenario's start.
///
/// The clock counts working days only (a year has the scenario's `workingDaysPerYear`, 245 by
/// default), so weekends and holidays never appear as idle gaps. `SimTime` is an instant;
/// the distance between two instants is a ``SimDuration``. Adding two instants is refused by the
/// type system on purpose.
public struct SimTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Working days since the start of the run.
    public var workingDays: Double

    /// Creates the instant `workingDays` working days after the start.
    @inlinable public init(workingDays: Double) { self.workingDays = workingDays }

    /// The start of the run.
    public static let zero = SimTime(workingDays: 0)

    /// An instant later than any event; `run(until: .never)` runs until the calendar empties.
    public static let never = SimTime(workingDays: .infinity)

    @inlinable public static func < (a: SimTime, b: SimTime) -> Bool { a.workingDays < b.workingDays }
    @inlinable public static func + (t: SimTime, d: SimDuration) -> SimTime {
        SimTime(workingDays: t.workingDays + d.workingDays)
    }
    @inlinable public static func - (t: SimTime, d: SimDuration) -> SimTime {
        SimTime(workingDays: t.workingDays - d.workingDays)
    }
    @inlinable public static func - (a: SimTime, b: SimTime) -> SimDuration {
        SimDuration(workingDays: a.workingDays - b.workingDays)
    }
    @inlinable public static func += (t: inout SimTime, d: SimDuration) { t = t + d }

    public var description: String { "t=\(workingDays)wd" }
}

/// A length of simulated time, in **working days**.
///
/// Durations are built with the unit in the call, `SimDuration(workingDays: 3)` or
/// `.hours(2, hoursPerWorkingDay: 7.5)`, so a bare `Double` never carries time through an API.
public struct SimDuration: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The length in working days.
    public var workingDays: Double

    @inlinable public init(workingDays: Double) { self.workingDays = workingDays }

    /// No time at all.
    public static let zero = SimDuration(workingDays: 0)

    /// A duration given in hours of a working day of `hoursPerWorkingDay` hours.
    @inlinable public static func hours(_ hours: Double, hoursPerWorkingDay: Double) -> SimDuration {
        SimDuration(workingDays: hours / hoursPerWorkingDay)
    }

    /// This duration in hours of a working day of `hoursPerWorkingDay` hours.
    @inlinable public func hours(hoursPerWorkingDay: Double) -> Double { workingDays * hoursPerWorkingDay }

    @inlinable public static func < (a: SimDuration, b: SimDuration) -> Bool { a.workingDays < b.workingDays }
    @inlinable public static func + (a: SimDuration, b: SimDuration) -> SimDuration {
        SimDuration(workingDays: a.workingDays + b.workingDays)
    }
    @inlinable public static func * (d: SimDuration, k: Double) -> SimDuration {
        SimDuration(workingDays: d.workingDays * k)
    }

    public var description: String { "\(workingDays)wd" }
}
