import SimCore
import SimExperiment
import SimReport
import SimWorkforce
import Testing

/// Numbers for people: each language's marks, units and rounding to what the interval supports.
@Suite struct NumberStyleTests {
    let id = NumberStyle(.id), en = NumberStyle(.en)

    /// An estimate with mean `mean` and 95% half-width `half` (built from two replications).
    func estimate(_ mean: Double, halfWidth half: Double) -> Estimate {
        var e = Estimate(RunningStatistics.repeated(mean, count: 2))
        e.low = mean - half
        e.high = mean + half
        return e
    }

    @Test func theIssuesExamples() {
        #expect(id.value(1.6138, .level, halfWidth: 0.004) == "1,61")
        #expect(en.value(1.6138, .level, halfWidth: 0.004) == "1.61")
        #expect(id.value(0.2912, .share, halfWidth: 0.01) == "29%")
        #expect(id.value(5.099084e9, .rupiah, halfWidth: 0.004e9) == "Rp 5,10 miliar")
        #expect(en.value(5.099084e9, .rupiah, halfWidth: 0.004e9) == "Rp 5.10 billion")
        #expect(id.value(4.5e8, .rupiah, halfWidth: 3e6) == "Rp 450 juta")
        #expect(id.difference(estimate(-0.09, halfWidth: 0.035), .share) == "−9 poin")
        #expect(en.difference(estimate(-0.09, halfWidth: 0.035), .share) == "−9 pp")
        #expect(id.interval(estimate(-0.085, halfWidth: 0.035), .share, signed: true) == "IK 95% −12 s.d. −5")
        #expect(en.interval(estimate(-0.085, halfWidth: 0.035), .share, signed: true) == "95% CI −12 to −5")
    }

    @Test func placesFollowTheHalfWidth() {
        #expect(NumberStyle.places(halfWidth: 0.004, value: 1) == 2)
        #expect(NumberStyle.places(halfWidth: 0.04, value: 1) == 1)
        #expect(NumberStyle.places(halfWidth: 0.54, value: 81) == 0)
        #expect(NumberStyle.places(halfWidth: 1.5, value: 22) == 0)
        #expect(NumberStyle.places(halfWidth: .nan, value: 1.6138) == 2, "three significant digits without an interval")
        #expect(id.decimal(12345.678, places: 1) == "12.345,7")
        #expect(en.decimal(12345.678, places: 1) == "12,345.7")
        #expect(id.decimal(-0.004, places: 2) == "0,00", "no minus on a value that rounds to zero")
    }

    /// A significant difference keeps enough digits to show it excludes zero.
    @Test func aSignificantDifferenceNeverReadsZero() {
        let e = estimate(0.40, halfWidth: 0.37)  // IKM +0.40 [0.03, 0.77]
        #expect(id.difference(e, .index) == "+0,40")
        #expect(id.interval(e, .index, signed: true) == "IK 95% +0,03 s.d. +0,77")
        let notSignificant = estimate(0.2, halfWidth: 0.37)
        #expect(id.difference(notSignificant, .index) == "0")
    }

    @Test func ticksAreRoundAndInTheLanguagesFormat() {
        #expect(id.ticks(low: -0.03, high: 0.08, count: 6).map(\.text) == ["−0,025", "0,000", "0,025", "0,050", "0,075"])
        #expect(en.ticks(low: 0, high: 3, count: 4).map(\.text) == ["0", "1", "2", "3"])
    }
}
