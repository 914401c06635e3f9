// Where a region is on the day the run starts: its own staff (a roster file), the JP and Latsar
// they carry, the money already spent, the sessions already booked and the people already queuing.

/// An employee's employment status in a roster: CPNS are PNS on probation, who owe Latsar.
public enum EmploymentStatus: Int, Sendable, CaseIterable {
    case pns, pppk, cpns

    public var id: String { ["pns", "pppk", "cpns"][rawValue] }
}

/// A region's own staff list, read from its roster file, as the model needs it: one entry per
/// employee in file order, with no NIP, name or birth date (age and tenure on the start date are
/// worked out when the file is read, and the rest of the row is dropped).
///
/// A value the file leaves out is NaN (numbers) or `nil`, and is drawn from the region's
/// distributions in every replication, exactly as for a synthetic workforce.
public struct Roster: Sendable {
    /// Index of the employee's unit in the region's `units` table.
    public var unit: [Int] = []
    public var jobLevel: [JobLevel] = []
    public var status: [EmploymentStatus] = []
    /// BUP of the post, years; NaN for a functional post whose jenjang the file does not give.
    public var retirementAgeYears: [Double] = []
    /// Age on the start date, years; NaN when not given.
    public var ageYears: [Double] = []
    /// Months of service on the start date; NaN when not given.
    public var tenureMonths: [Double] = []
    public var education: [Education?] = []
    /// Competency per domain, `[employee * domains + domain]`, 1–5; NaN when not given.
    public var competency: [Double] = []
    /// JP already done in the fiscal year of the start date (0 when not given).
    public var jpThisYear: [Double] = []
    public var owesLatsar: [Bool] = []
    /// SHA-256 of the file's bytes: the only trace of the file that outputs carry.
    public var sha256 = ""
    /// The columns filled in from the region's distributions, with how many people each.
    public var imputed: [ImputedColumn] = []

    public init() {}

    public var count: Int { unit.count }
}

/// A roster column the model filled in, and for how many people.
public struct ImputedColumn: Sendable, Equatable {
    /// The column's English key (`education`, `competency.digital`, …).
    public var column: String
    public var people: Int

    public init(column: String, people: Int) {
        self.column = column
        self.people = people
    }
}

/// A session already committed on the start date (from the start state's calendar file).
public struct BookedSession: Sendable {
    /// Index of the programme in the scenario's `programmes` table.
    public var programme: Int
    public var start: CivilDate
    /// Working days; `nil`: the programme's own length in its mode.
    public var lengthDays: Double?
    public var seats: Int
    /// Employees booked by roster row (employee numbers, in roster order).
    public var participants: [Int]
    /// Units whose staff are invited, when the file names units instead of people (empty: any).
    public var units: [Int]

    public init(programme: Int, start: CivilDate, lengthDays: Double?, seats: Int, participants: [Int], units: [Int]) {
        self.programme = programme
        self.start = start
        self.lengthDays = lengthDays
        self.seats = seats
        self.participants = participants
        self.units = units
    }
}

/// A region's state on the start date beyond its staff: money spent, sessions booked, queues.
public struct StartState: Sendable {
    /// Spent from this fiscal year's development budget before the start date (Rupiah).
    public var budgetSpentRupiah = 0.0
    public var bookedSessions: [BookedSession] = []
    /// Citizens already waiting at each unit's counter on the start date, indexed by unit.
    public var waiting: [Int] = []
    /// PNS of the last formasi still on probation and owing Latsar on the start date (a drawn
    /// workforce; a roster says it per person).
    public var cpnsOwingLatsar = 0

    public init() {}
}
