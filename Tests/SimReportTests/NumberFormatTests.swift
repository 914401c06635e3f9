import Testing
import SimReport

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
}
