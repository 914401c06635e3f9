/// What a region's records say, as aggregates only: counts, sums and means by year (and unit,
/// counter, month, hour). No NIP, name or cell of a file is kept: course history is joined by
/// NIP in memory while it is read and only the counts per year leave the reader.
public struct RegionHistory: Sendable, Equatable {
    /// One file read: its kind, its SHA-256 (the only way outputs name it) and its data rows.
    public struct File: Sendable, Equatable {
        public var kind: HistoryKind
        public var sha256: String
        public var rows: Int
    }

    /// A year of course history: the people it credits JP to, by band, and Latsar completions.
    public struct CourseYear: Sendable, Equatable {
        /// People with 1–19 JP, and with 20 or more, in the year (a person's courses summed).
        public var people1To19 = 0
        public var people20Plus = 0
        public var jpTotal = 0.0
        public var courses = 0
        /// Courses recognised as Latsar (by name or type) that ended in the year.
        public var latsarCompleted = 0
    }

    /// SKM of one unit in one year: the index's mean weighted by respondents.
    public struct SKMYear: Sendable, Equatable {
        public var indexTimesRespondents = 0.0
        public var respondents = 0.0
        public var periods = 0
        /// Elements U1–U9: their scores × respondents, and the respondents of the rows that gave them.
        public var elementSums = [Double](repeating: 0, count: 9)
        public var elementWeights = [Double](repeating: 0, count: 9)
        public var index: Double { respondents > 0 ? indexTimesRespondents / respondents : .nan }
    }

    /// Tickets at one counter in one month (or one hour of the day over a year).
    public struct QueueTally: Sendable, Equatable {
        public var issued = 0
        /// Called and served: their waits (issued to called) are summed.
        public var served = 0
        public var waitMinutesTotal = 0.0
        /// Numbers never called, or called and not served (status batal, tidak hadir, …).
        public var notServed = 0
        public var meanWaitMinutes: Double { served > 0 ? waitMinutesTotal / Double(served) : .nan }
        public var notServedShare: Double { issued > 0 ? Double(notServed) / Double(issued) : .nan }

        mutating func add(_ other: QueueTally) {
            issued += other.issued
            served += other.served
            waitMinutesTotal += other.waitMinutesTotal
            notServed += other.notServed
        }
    }

    public struct Budget: Sendable, Equatable {
        public var ceilingRupiah = 0.0
        public var realisedRupiah = 0.0
        public var absorption: Double { ceilingRupiah > 0 ? realisedRupiah / ceilingRupiah : .nan }
    }

    /// A year's headcount by status (`PNS`, `CPNS`, `PPPK`, or `all` when the file has no status)
    /// and flows; a flow the file does not give is `nil`.
    public struct Workforce: Sendable, Equatable {
        public var headcount: [String: Int] = [:]
        public var retirements: Int?
        public var otherExits: Int?
        public var hires: Int?
        public var total: Int { headcount.values.reduce(0, +) }
        /// PNS and CPNS: the people the 20 JP obligation is counted over (all, without statuses).
        public var pns: Int { headcount["all"] ?? ((headcount["PNS"] ?? 0) + (headcount["CPNS"] ?? 0)) }
    }

    public struct UnitYear: Hashable, Sendable, Comparable {
        public var unit: String
        public var year: Int
        public init(unit: String, year: Int) { (self.unit, self.year) = (unit, year) }
        public static func < (a: Self, b: Self) -> Bool { (a.unit, a.year) < (b.unit, b.year) }
    }

    public struct CounterMonth: Hashable, Sendable, Comparable {
        public var unit: String
        public var year: Int
        /// 1–12.
        public var month: Int
        public init(unit: String, year: Int, month: Int) { (self.unit, self.year, self.month) = (unit, year, month) }
        public static func < (a: Self, b: Self) -> Bool { (a.unit, a.year, a.month) < (b.unit, b.year, b.month) }
    }

    public var region: String
    public var files: [File] = []
    public var courses: [Int: CourseYear] = [:]
    public var skm: [UnitYear: SKMYear] = [:]
    public var queue: [CounterMonth: QueueTally] = [:]
    /// Per counter, year and hour of the day the number was taken (0–23).
    public var queueByHour: [UnitYear: [QueueTally]] = [:]
    public var budget: [Int: Budget] = [:]
    public var workforce: [Int: Workforce] = [:]

    public init(region: String) { self.region = region }

    /// Every year some record covers, in order.
    public var years: [Int] {
        Set(courses.keys).union(skm.keys.map(\.year)).union(queue.keys.map(\.year)).union(budget.keys).union(workforce.keys).sorted()
    }

    /// A counter's tickets over a year.
    public func queueYear(_ unit: String, _ year: Int) -> QueueTally? {
        let months = (1...12).compactMap { queue[CounterMonth(unit: unit, year: year, month: $0)] }
        guard !months.isEmpty else { return nil }
        return months.reduce(into: QueueTally()) { $0.add($1) }
    }
}
