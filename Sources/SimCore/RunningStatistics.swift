/// Count, mean, variance, minimum and maximum of a stream of observations, in O(1) memory
/// (Welford 1962, with Chan et al.'s pairwise merge).
///
/// Welford's update avoids the cancellation of the naive sum-of-squares formula.
public struct RunningStatistics: Sendable, Equatable {
    public var count: Int { _count }
    @usableFromInline var _count: Int = 0
    public var mean: Double { _mean }
    @usableFromInline var _mean: Double = 0
    /// Sum of squared deviations from the mean.
    @usableFromInline var m2: Double = 0
    public var minimum: Double { _minimum }
    @usableFromInline var _minimum: Double = .infinity
    public var maximum: Double { _maximum }
    @usableFromInline var _maximum: Double = -.infinity

    public init() {}

    /// The statistics of `count` observations all equal to `value`.
    public static func repeated(_ value: Double, count: Int) -> RunningStatistics {
        var stats = RunningStatistics()
        guard count > 0 else { return stats }
        stats._count = count
        stats._mean = value
        stats._minimum = value
        stats._maximum = value
        return stats
    }

    /// Adds one observation.
    ///
    /// - Complexity: O(1).
    @inlinable @inline(__always) public mutating func add(_ x: Double) {
        _count += 1
        let delta = x - _mean
        _mean += delta / Double(_count)
        m2 += delta * (x - _mean)
        if x < _minimum { _minimum = x }
        if x > _maximum { _maximum = x }
    }

    /// Folds in another accumulator's observations, as if they had been added here.
    ///
    /// - Complexity: O(1).
    public mutating func merge(_ other: RunningStatistics) {
        guard other.count > 0 else { return }
        guard _count > 0 else {
            self = other
            return
        }
        let total = Double(_count + other.count)
        let delta = other.mean - _mean
        _mean += delta * Double(other.count) / total
        m2 += other.m2 + delta * delta * Double(_count) * Double(other.count) / total
        _count += other.count
        _minimum = Swift.min(_minimum, other.minimum)
        _maximum = Swift.max(_maximum, other.maximum)
    }

    /// The same statistics for every observation multiplied by `factor` (a unit change).
    ///
    /// - Precondition: `factor > 0`.
    public func scaled(by factor: Double) -> RunningStatistics {
        precondition(factor > 0, "scale factor must be positive")
        var copy = self
        copy._mean *= factor
        copy.m2 *= factor * factor
        copy._minimum *= factor
        copy._maximum *= factor
        return copy
    }

    /// The sample variance (n − 1 denominator); zero below two observations.
    public var variance: Double { _count > 1 ? m2 / Double(_count - 1) : 0 }

    /// The sample standard deviation.
    public var standardDeviation: Double { variance.squareRoot() }

    /// The sum of the observations.
    public var sum: Double { _mean * Double(_count) }
}

/// The time average of a piecewise-constant quantity (queue length, busy servers), by area.
///
/// Call ``record(_:at:)`` whenever the value changes; the area accrues from the last change.
public struct TimeWeightedAverage: Sendable, Equatable {
    @usableFromInline var _area: Double = 0
    public var value: Double { _value }
    @usableFromInline var _value: Double
    public var lastChange: SimTime { _lastChange }
    @usableFromInline var _lastChange: SimTime
    public let start: SimTime

    /// Starts tracking `value` at instant `start`.
    public init(value: Double = 0, at start: SimTime = .zero) {
        self._value = value
        self._lastChange = start
        self.start = start
    }

    /// The value becomes `newValue` at `time`.
    ///
    /// - Precondition: time does not go backwards.
    /// - Complexity: O(1).
    @inlinable public mutating func record(_ newValue: Double, at time: SimTime) {
        _area += _value * (time - _lastChange).workingDays
        _value = newValue
        _lastChange = time
    }

    /// The area under the curve up to `time`.
    public func area(upTo time: SimTime) -> Double {
        _area + _value * (time - _lastChange).workingDays
    }

    /// The average over [start, time]; the current value when no time has passed.
    public func average(upTo time: SimTime) -> Double {
        let span = (time - start).workingDays
        return span > 0 ? area(upTo: time) / span : _value
    }
}
