/// Wall-clock durations for progress lines, run metadata and benchmarks (never for model time,
/// which is ``SimTime``, and never for anything that reaches a CSV).
extension Duration {
    /// The duration in seconds, attoseconds included.
    public var inSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}

extension ContinuousClock.Instant {
    /// Seconds from this instant to now.
    public var secondsElapsed: Double { (ContinuousClock.now - self).inSeconds }
}
