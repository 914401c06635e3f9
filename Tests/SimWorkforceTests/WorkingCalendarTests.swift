import Testing

@testable import SimWorkforce

/// The working calendar against its sources: the shipped decrees as transcribed, and the
/// estimate of the holidays against the dates the decrees set.
@Suite struct WorkingCalendarTests {
    /// Idul Fitri (1 Syawal) as the SKB 3 Menteri of each year set it: 2018–2024 from those
    /// years' decrees (as Kemenag announced them), 2025–2026 from the shipped table.
    static let decreedIdulFitri: [CivilDate] = [
        CivilDate(2018, 6, 15), CivilDate(2019, 6, 5), CivilDate(2020, 5, 24), CivilDate(2021, 5, 13), CivilDate(2022, 5, 2),
        CivilDate(2023, 4, 22), CivilDate(2024, 4, 10), CivilDate(2025, 3, 31), CivilDate(2026, 3, 21),
    ]

    @Test func decreesAreTranscribedWithTheirCounts() {
        // SKB 1017/2024 (+933/2025): 17 national holidays, 10 cuti bersama plus 18 August;
        // SKB 1497/2025: 17 national holidays, 8 cuti bersama.
        for (year, holidays, cuti) in [(2025, 17, 11), (2026, 17, 8)] {
            let table = IndonesianCalendar.holidays(in: year)
            #expect(!table.isEstimate)
            #expect(table.holidays.filter { !$0.isCutiBersama }.count == holidays, "\(year) national holidays")
            #expect(table.holidays.filter(\.isCutiBersama).count == cuti, "\(year) cuti bersama")
            #expect(Set(table.holidays.map(\.date)).count == table.holidays.count, "\(year): a date listed twice")
        }
        #expect(IndonesianCalendar.holidays(in: 2026).idulFitri == [CivilDate(2026, 3, 21)])
        #expect(IndonesianCalendar.holidays(in: 2025).idulAdha == [CivilDate(2025, 6, 6)])
        #expect(IndonesianCalendar.holidays(in: IndonesianCalendar.lastSourcedYear + 1).isEstimate)
    }

    @Test func estimatedIdulFitriIsWithinTwoDaysOfEveryDecree() {
        for decreed in Self.decreedIdulFitri {
            let estimate = IndonesianCalendar.estimatedHolidays(in: decreed.year).idulFitri
            #expect(estimate.count == 1)
            let error = abs((estimate.first?.dayNumber ?? 0) - decreed.dayNumber)
            #expect(error <= 2, "Idul Fitri \(decreed.year): estimated \(estimate), decreed \(decreed)")
        }
    }

    @Test func estimatedHolidaysMatchTheSourcedYears() {
        // Every national holiday of a sourced year, estimated: the computus and fixed dates exactly,
        // the lunar ones within two days.
        for year in IndonesianCalendar.firstSourcedYear...IndonesianCalendar.lastSourcedYear {
            let decreed = IndonesianCalendar.holidays(in: year).holidays.filter { !$0.isCutiBersama }
            let estimated = IndonesianCalendar.estimatedHolidays(in: year).holidays.filter { !$0.isCutiBersama }
            for kind in HolidayKind.allCases {
                let want = decreed.filter { $0.kind == kind }.map(\.date.dayNumber)
                let got = estimated.filter { $0.kind == kind }.map(\.date.dayNumber)
                #expect(want.count == got.count, "\(year) \(kind): \(got.count) estimated, \(want.count) decreed")
                let exact: Set<HolidayKind> = [
                    .newYear, .labourDay, .pancasila, .independence, .christmas, .goodFriday, .easter, .ascension,
                ]
                for (w, g) in zip(want, got) {
                    #expect(
                        abs(w - g) <= (exact.contains(kind) ? 0 : 2),
                        "\(year) \(kind): \(CivilDate(dayNumber: g)) for \(CivilDate(dayNumber: w))")
                }
            }
        }
    }

    @Test func lebaranMovesAboutElevenDaysAYear() {
        // The example: March in 2027, January in 2031.
        #expect(IndonesianCalendar.holidays(in: 2027).idulFitri.map(\.month) == [3])
        #expect(IndonesianCalendar.holidays(in: 2031).idulFitri.map(\.month) == [1])
        let fitri = (2027...2031).map { IndonesianCalendar.holidays(in: $0).idulFitri[0] }
        for (a, b) in zip(fitri, fitri.dropFirst()) {
            let shift = (a.dayNumber + 365) - b.dayNumber
            #expect((9...13).contains(shift), "Lebaran moved \(shift) days from \(a) to \(b)")
        }
    }

    /// Named periods follow the decreed dates (2026: Idul Fitri 21 March, Idul Adha 27 May), and
    /// date windows recur, wrap into the next year, or fall once.
    @Test func periodsFollowTheCalendar() {
        func window(_ period: NamedPeriod, _ year: Int) -> [ClosedRange<CivilDate>] {
            CalendarPeriod.named(period, daysBefore: period.defaultDays.before, daysAfter: period.defaultDays.after).windows(in: year)
        }
        #expect(window(.lebaran, 2026) == [CivilDate(2026, 3, 14)...CivilDate(2026, 3, 28)])
        #expect(window(.ramadan, 2026) == [CivilDate(2026, 2, 19)...CivilDate(2026, 3, 20)])
        #expect(window(.idulAdha, 2026) == [CivilDate(2026, 5, 25)...CivilDate(2026, 5, 30)])
        #expect(window(.yearEnd, 2026) == [CivilDate(2026, 12, 1)...CivilDate(2026, 12, 31)])
        #expect(
            CalendarPeriod.everyYear(from: (12, 15), to: (1, 10)).windows(in: 2027) == [CivilDate(2027, 12, 15)...CivilDate(2028, 1, 10)])
        let once = CalendarPeriod.once(from: CivilDate(2028, 3, 1), to: CivilDate(2028, 3, 15))
        #expect(once.windows(in: 2028).count == 1 && once.windows(in: 2029).isEmpty)
    }

    @Test func civilDatesRoundTrip() {
        for n in stride(from: -1000, through: 40_000, by: 37) {
            let date = CivilDate(dayNumber: n)
            #expect(date.dayNumber == n)
            #expect(CivilDate(parsing: date.description) == date)
        }
        #expect(CivilDate(2026, 11, 23).weekday == 0)  // a Monday
        #expect(CivilDate(parsing: "2027-02-29") == nil)
    }
}
