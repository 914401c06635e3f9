import SimCore
import Testing

@testable import SimWorkforce

/// The look-ups the hot paths use in place of a search answer exactly as the search would.
@Suite struct LookupTests {
    /// The Lebaran day table (none, all or part of each working day) places every time as the
    /// spans themselves do: spans on whole days and on fractions of days, times on and either side
    /// of every bound, before the first day and past the last.
    @Test func lebaranDaysPlaceTimesAsTheSpansDo() {
        var stream = RandomStream(seed: 20_261_204)
        for trial in 0..<40 {
            var spans: [Range<Double>] = []
            var start = -2.0 + 30 * stream.uniform()
            for _ in 0..<(1 + stream.index(below: 4)) {
                let whole = trial % 2 == 0
                let length = whole ? Double(1 + stream.index(below: 9)) : 0.1 + 8 * stream.uniform()
                if whole { start = start.rounded(.down) }
                spans.append(start..<(start + length))
                start += length + (whole ? Double(stream.index(below: 20)) : 20 * stream.uniform())
            }
            let rules = ServiceRules(
                channel: ServiceChannelParameters(), quality: ServiceQualityParameters(),
                hoursPerWorkingDay: 7.5, lebaranSpans: spans)
            var times = spans.flatMap {
                [
                    $0.lowerBound, $0.upperBound, $0.lowerBound.nextDown, $0.upperBound.nextDown,
                    $0.lowerBound.rounded(.down), $0.upperBound.rounded(.up),
                ]
            }
            times += (0..<400).map { _ in -3 + (start + 6) * stream.uniform() }
            for t in times {
                #expect(rules.isLebaran(t) == spans.contains { $0.contains(t) }, "trial \(trial): t = \(t) in \(spans)")
            }
        }
    }

    /// Distinct elements in ascending order, as a set sorted would give.
    @Test func sortedUniqueMatchesASortedSet() {
        var stream = RandomStream(seed: 7)
        for n in [0, 1, 2, 5, 40, 300] {
            let values = (0..<n).map { _ in stream.index(below: max(1, n / 3)) }
            #expect(values.sortedUnique() == Set(values).sorted(), "\(values)")
        }
    }
}
