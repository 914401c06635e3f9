import SimCore

/// Where one replication writes each series of a region: a slot per ``MetricKey``. The model
/// writes by slot (a look-up in a table made once per run); everything downstream reads the
/// result by key, so the order of the slots is the writer's business alone.
///
/// The canonical layout is the region's catalogue order. A test may ask for the slots shuffled
/// (``init(catalogue:shuffledBy:)``) to check that no report or comparison depends on it.
public final class ResultLayout: Sendable {
    /// The series in slot order.
    public let keys: [MetricKey]
    /// Slot of each fixed metric, by `Metric.rawValue`.
    let fixed: [Int]
    /// Slot of each domain's measures: `domain[d][measure.rawValue]`.
    let domain: [[Int]]
    /// Slot of each programme's measures: `programme[p][measure.rawValue]`.
    let programme: [[Int]]
    /// Slot of each of the region's counters' measures, by the counter's unit index:
    /// `counter[unit][measure.rawValue]`; empty for a unit without a counter.
    let counter: [[Int]]
    /// Slot of each office counter's hourly measures: `counterHour[unit][(hour − first) × measures + measure]`.
    let counterHour: [[Int]]

    /// The layout the model writes region `r` of `model` in: the catalogue's order, or its slots
    /// permuted by a seeded shuffle (tests only).
    public convenience init(catalogue: RegionCatalogue, model: ModelParameters, region r: Int, shuffledBy seed: UInt64? = nil) {
        var keys = catalogue.keys
        if let seed {
            var stream = RandomStream(seed: seed)
            keys.shuffle(using: &stream)
        }
        var slot: [MetricKey: Int] = [:]
        for (i, key) in keys.enumerated() { slot[key] = i }
        // Every key below is in the catalogue: it is built from the same parameters.
        self.init(
            keys: keys,
            domain: model.domains.map { d in DomainMeasure.allCases.map { slot[.domain($0, domain: d.id)]! } },
            programme: model.programmes.map { p in ProgrammeMeasure.allCases.map { slot[.programme($0, programme: p.id)]! } },
            counter: model.regions[r].units.map { unit in
                unit.service == nil ? [] : CounterMeasure.allCases.map { slot[.counter($0, unit: unit.id)]! }
            },
            counterHour: model.regions[r].units.map { unit in
                (unit.service?.reportedHours ?? 0..<0).flatMap { hour in
                    HourMeasure.allCases.map { slot[.counterHour($0, unit: unit.id, hour: hour)]! }
                }
            })
    }

    /// A layout that lists `keys` in order, for a result read back from a shard: it answers
    /// every key and each fixed ``Metric``, but has none of the model's per-domain, per-programme
    /// or per-counter tables (only the model writes through those).
    ///
    /// - Precondition: `keys` holds every ``Metric``.
    public convenience init(keys: [MetricKey]) {
        self.init(keys: keys, domain: [], programme: [], counter: [], counterHour: [])
    }

    init(keys: [MetricKey], domain: [[Int]], programme: [[Int]], counter: [[Int]], counterHour: [[Int]]) {
        self.keys = keys
        var slot: [MetricKey: Int] = [:]
        for (i, key) in keys.enumerated() where slot[key] == nil { slot[key] = i }
        fixed = Metric.allCases.map { metric in
            guard let found = slot[.region(metric)] else { preconditionFailure("a result layout without \(metric.id)") }
            return found
        }
        (self.domain, self.programme, self.counter, self.counterHour) = (domain, programme, counter, counterHour)
    }

    public var count: Int { keys.count }
}

/// The outcome of one replication of one region: a value per series and month, in the slots of
/// its ``ResultLayout``, plus decisions and the count of each kind of breach.
///
/// Values start as ``RegionResult/unwritten``, a NaN with its own payload, so a series that no
/// code writes is caught by ``unwrittenCount`` (tests check it is 0); a measure that is written
/// as undefined is the ordinary NaN.
public struct RegionResult: Sendable {
    /// The region's id in the scenario.
    public var region: String
    public var layout: ResultLayout
    public var months: Int
    /// `values[slot * months + month]`.
    public var values: [Double]
    public var decisions: [Decision]
    /// Count per ``Breach``, indexed by its raw value.
    public var breaches: [Int]

    /// The mark of a value never written.
    public static let unwritten = Double(nan: 0x5EED, signaling: false)

    public init(region: String, layout: ResultLayout, months: Int) {
        self.region = region
        self.layout = layout
        self.months = months
        values = [Double](repeating: Self.unwritten, count: layout.count * months)
        decisions = []
        breaches = [Int](repeating: 0, count: Breach.allCases.count)
    }

    /// How many values no code wrote.
    public var unwrittenCount: Int { values.reduce(0) { $0 + ($1.bitPattern == Self.unwritten.bitPattern ? 1 : 0) } }

    /// The value in slot `slot` (see ``layout``) in month `month`.
    public subscript(slot slot: Int, month: Int) -> Double {
        get { values[slot * months + month] }
        set { values[slot * months + month] = newValue }
    }

    public subscript(metric: Metric, month: Int) -> Double {
        get { self[slot: layout.fixed[metric.rawValue], month] }
        set { self[slot: layout.fixed[metric.rawValue], month] = newValue }
    }

    /// The value of series `key` in month `month`, or `nil` when the region does not report it.
    /// A linear look-up: for tests, not the model's loop.
    public subscript(key: MetricKey, month: Int) -> Double? {
        guard let slot = layout.keys.firstIndex(of: key) else { return nil }
        return self[slot: slot, month]
    }

    /// Slot of a domain's measure (domain `d` in scenario order).
    public func slot(domain d: Int, _ measure: DomainMeasure) -> Int { layout.domain[d][measure.rawValue] }
    /// Slot of a programme's measure (programme `p` in scenario order).
    public func slot(programme p: Int, _ measure: ProgrammeMeasure) -> Int { layout.programme[p][measure.rawValue] }
    /// Slot of a counter's measure (the counter of unit `u`, an index among the region's units).
    public func slot(counterOfUnit u: Int, _ measure: CounterMeasure) -> Int { layout.counter[u][measure.rawValue] }
    /// Slot of an office counter's hourly measure: the `k`-th of its reported hours.
    public func slot(counterOfUnit u: Int, hourIndex k: Int, _ measure: HourMeasure) -> Int {
        layout.counterHour[u][k * HourMeasure.allCases.count + measure.rawValue]
    }
}

/// The outcome of one replication: one result per region, in scenario order.
public struct ReplicationResult: Sendable {
    public var regions: [RegionResult]
    public init(regions: [RegionResult]) { self.regions = regions }
}
