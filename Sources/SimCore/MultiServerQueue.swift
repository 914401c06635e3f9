/// A FIFO queue in front of a pool of identical servers whose number can change during the run.
///
/// The queue is passive: the model calls ``arrive(_:at:)``, ``finishService(at:)`` and
/// ``setServerCount(_:at:)``, then ``startNext(at:)`` until it returns `nil`, and schedules a
/// service end for each customer started. When the server count drops below the number busy,
/// busy servers finish their customers first (non-preemptive) and no one new starts until a server
/// is free under the new count.
///
/// Statistics are time-weighted over the time since creation or the last ``resetStatistics(at:)``:
/// queue length, busy servers, available servers; and per-customer waits.
public struct MultiServerQueue<Customer> {
    @usableFromInline var waiting: FIFORing<(customer: Customer, arrival: SimTime)>
    /// Servers available now (staff on duty).
    public var serverCount: Int { _serverCount }
    @usableFromInline var _serverCount: Int
    /// Servers currently serving a customer; can exceed `serverCount` right after a drop.
    public var busyCount: Int { _busyCount }
    @usableFromInline var _busyCount = 0

    public var queueLength: TimeWeightedAverage { _queueLength }

    @usableFromInline var _queueLength: TimeWeightedAverage
    public var busyServers: TimeWeightedAverage { _busyServers }
    @usableFromInline var _busyServers: TimeWeightedAverage
    public var availableServers: TimeWeightedAverage { _availableServers }
    @usableFromInline var _availableServers: TimeWeightedAverage
    /// Waits in queue of the customers who started service.
    public var waits: RunningStatistics { _waits }
    @usableFromInline var _waits = RunningStatistics()
    public var arrivals: Int { _arrivals }
    @usableFromInline var _arrivals = 0

    /// Creates an empty queue with `servers` servers at `start`.
    public init(servers: Int, at start: SimTime = .zero, expectedQueue: Int = 64) {
        precondition(servers >= 0, "server count cannot be negative")
        waiting = FIFORing(capacity: expectedQueue)
        _serverCount = servers
        _queueLength = TimeWeightedAverage(value: 0, at: start)
        _busyServers = TimeWeightedAverage(value: 0, at: start)
        _availableServers = TimeWeightedAverage(value: Double(servers), at: start)
    }

    /// Customers waiting (not in service).
    @inlinable public var waitingCount: Int { waiting.count }

    /// A customer joins the back of the line.
    ///
    /// - Complexity: O(1) amortised.
    @inlinable public mutating func arrive(_ customer: Customer, at time: SimTime) {
        _arrivals &+= 1
        waiting.append((customer, time))
        _queueLength.record(Double(waiting.count), at: time)
    }

    /// A busy server finishes its customer.
    ///
    /// - Precondition: some server is busy.
    @inlinable public mutating func finishService(at time: SimTime) {
        precondition(_busyCount > 0, "finishService with no busy server")
        _busyCount &-= 1
        _busyServers.record(Double(_busyCount), at: time)
        // A server kept past a drop in staff leaves the staffed count when it finishes.
        if _busyCount >= _serverCount { _availableServers.record(Double(_busyCount), at: time) }
    }

    /// Starts the customer at the head of the line if a server is free, and returns it with its
    /// wait; `nil` when the line is empty or every server is busy.
    ///
    /// - Complexity: O(1).
    @inlinable public mutating func startNext(at time: SimTime) -> (customer: Customer, wait: SimDuration)? {
        guard _busyCount < _serverCount, let head = waiting.popFirst() else { return nil }
        _busyCount &+= 1
        _busyServers.record(Double(_busyCount), at: time)
        _queueLength.record(Double(waiting.count), at: time)
        let wait = time - head.arrival
        _waits.add(wait.workingDays)
        return (head.customer, wait)
    }

    /// The number of servers becomes `count` (staff leave for training or come back).
    ///
    /// Customers in service are never interrupted. Call ``startNext(at:)`` afterwards: a rise may
    /// let waiting customers start.
    public mutating func setServerCount(_ count: Int, at time: SimTime) {
        precondition(count >= 0, "server count cannot be negative")
        _serverCount = count
        _availableServers.record(Double(Swift.max(count, _busyCount)), at: time)
    }

    /// Busy server-time over staffed server-time since the statistics began.
    ///
    /// A server that keeps serving after the count dropped (its customer is finished first) counts
    /// as staffed until it finishes, so utilisation never exceeds 1.
    public func utilisation(upTo time: SimTime) -> Double {
        let available = _availableServers.area(upTo: time)
        return available > 0 ? _busyServers.area(upTo: time) / available : 0
    }

    /// Starts new statistics windows at `time` (e.g. after a warm-up or at a month boundary),
    /// keeping the current state.
    public mutating func resetStatistics(at time: SimTime) {
        _queueLength = TimeWeightedAverage(value: Double(waiting.count), at: time)
        _busyServers = TimeWeightedAverage(value: Double(_busyCount), at: time)
        _availableServers = TimeWeightedAverage(value: Double(Swift.max(_serverCount, _busyCount)), at: time)
        _waits = RunningStatistics()
        _arrivals = 0
    }
}
