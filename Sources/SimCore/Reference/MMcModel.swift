/// The M/M/c queue as a discrete-event model on the kernel: the reference against which the
/// kernel is validated (Erlang C) and timed (`simulate-bench kernel`).
///
/// Poisson arrivals at rate λ, exponential service at rate μ per server, c servers, FIFO. Rates are
/// per working day. Arrivals and service times come from two streams, so the same replication
/// sees the same arrival sequence whatever the service rate (common random numbers).
public struct MMcModel: DiscreteEventModel {
    /// The two things that happen.
    public enum Event: UInt8, BitwiseCopyable { case arrival, serviceEnd }

    public var calendar = EventCalendar<Event>(reservingCapacity: 64)
    public internal(set) var queue: MultiServerQueue<UInt32>
    @usableFromInline var arrivalStream: RandomStream
    @usableFromInline var serviceStream: RandomStream
    @usableFromInline let meanInterarrival: Double
    @usableFromInline let meanService: Double
    @usableFromInline var nextCustomer: UInt32 = 0
    /// Customers whose service ended since the statistics began.
    public internal(set) var served = 0
    /// Waits longer than `tailThreshold`, counted to check the FIFO wait distribution.
    public internal(set) var waitsAboveThreshold = 0
    public let tailThreshold: SimDuration

    /// Stream ids of this model.
    public static let arrivalStreamID = StreamID(1)
    public static let serviceStreamID = StreamID(2)

    /// An empty M/M/c system at time zero whose first arrival is scheduled.
    ///
    /// - Parameters:
    ///   - arrivalRate: λ, arrivals per working day.
    ///   - serviceRate: μ, services per working day per server.
    ///   - servers: c.
    ///   - seed, replication: select the random streams.
    ///   - tailThreshold: waits above it are counted in ``waitsAboveThreshold``.
    public init(
        arrivalRate: Double, serviceRate: Double, servers: Int,
        seed: UInt64, replication: Int, tailThreshold: SimDuration = .zero
    ) {
        precondition(arrivalRate > 0 && serviceRate > 0 && servers > 0, "M/M/c needs positive rates and servers")
        meanInterarrival = 1 / arrivalRate
        meanService = 1 / serviceRate
        queue = MultiServerQueue(servers: servers)
        arrivalStream = RandomStream(seed: seed, replication: replication, stream: Self.arrivalStreamID)
        serviceStream = RandomStream(seed: seed, replication: replication, stream: Self.serviceStreamID)
        self.tailThreshold = tailThreshold
        calendar.schedule(.arrival, after: SimDuration(workingDays: arrivalStream.exponential(mean: meanInterarrival)))
    }

    public mutating func fire(_ event: Event) {
        switch event {
        case .arrival:
            queue.arrive(nextCustomer, at: now)
            nextCustomer &+= 1
            calendar.schedule(.arrival, after: SimDuration(workingDays: arrivalStream.exponential(mean: meanInterarrival)))
        case .serviceEnd:
            queue.finishService(at: now)
            served &+= 1
        }
        while let started = queue.startNext(at: now) {
            if started.wait > tailThreshold { waitsAboveThreshold &+= 1 }
            calendar.schedule(.serviceEnd, after: SimDuration(workingDays: serviceStream.exponential(mean: meanService)))
        }
    }

    /// Forgets the statistics gathered so far (the warm-up) and keeps the state.
    public mutating func resetStatistics() {
        queue.resetStatistics(at: now)
        served = 0
        waitsAboveThreshold = 0
    }
}
