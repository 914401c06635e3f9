import SimReport
import SimWorkforce
import Testing

/// CSV numbers: locale-independent, never `nan`/`inf`, never a crash on extreme values.
@Suite struct NumberFormatTests {
    @Test(arguments: [
        (Double.nan, ""), (Double.infinity, ""), (-Double.infinity, ""),
        (-0.0, "0"), (0, "0"), (42, "42"), (-7, "-7"),
        (1e21, "1e+21"), (-1e21, "-1e+21"), (1e15, "1000000000000000"), (1e19, "1e+19"),
        (1e-7, "0.0000001"), (0.1234567, "0.123457"), (1.61379, "1.61379"), (123456.7, "123457"),
        (5_099_084_000, "5099084000"),
    ])
    func standardLocale(value: Double, text: String) {
        #expect(formatNumber(value) == text)
    }

    @Test func indonesianLocaleUsesTheDecimalComma() {
        #expect(formatNumber(1.61379, locale: .indonesian) == "1,61379")
        #expect(formatNumber(5_099_084_000, locale: .indonesian) == "5099084000")
        #expect(formatNumber(.nan, locale: .indonesian) == "")
    }

    /// The plain form a user writes: whole numbers without ".0" up to 1e15, the shortest
    /// round-tripping form otherwise.
    @Test(arguments: [
        (3.0, "3"), (-0.0, "0"), (0.1, "0.1"), (2.5e-7, "2.5e-07"), (1e15, "1000000000000000.0"), (999_999_999_999_999, "999999999999999"),
        (Double.nan, "nan"),
    ])
    func plainForm(value: Double, text: String) {
        #expect(NumberText.plain(value) == text)
    }

    @Test func roundingToPlacesDropsTrailingZeros() {
        #expect(NumberText.rounded(0.083333, places: 3) == "0.083")
        #expect(NumberText.rounded(1.0004, places: 3) == "1")
        #expect(NumberText.rounded(-2.4996, places: 3) == "-2.5")
        #expect(NumberText.fixed(0.5, decimals: 2) == "0.5")
        #expect(NumberText.fixed(-0.001, decimals: 2) == "0")
    }
}
