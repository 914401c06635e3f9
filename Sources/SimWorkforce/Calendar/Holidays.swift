// Indonesia's national holidays (libur nasional) and joint leave (cuti bersama): as decreed for
// the years the joint ministerial decree (SKB Menag, Menaker, MenPAN-RB) could be sourced, and
// estimated beyond them (docs/model.md, "The working calendar").

/// Why a day is off.
public enum HolidayKind: String, Sendable, CaseIterable {
    case newYear, israMiraj, imlek, nyepi, idulFitri, goodFriday, easter, labourDay, waisak, ascension
    case pancasila, idulAdha, islamicNewYear, independence, maulid, christmas
}

public struct Holiday: Sendable, Equatable {
    public var date: CivilDate
    public var kind: HolidayKind
    /// Cuti bersama (joint leave for ASN) rather than a national holiday.
    public var isCutiBersama: Bool
}

/// One year's days off, with where they come from.
public struct HolidayYear: Sendable {
    public let year: Int
    public let holidays: [Holiday]
    /// The decree the dates come from; `nil` when they are estimated.
    public let source: String?
    public var isEstimate: Bool { source == nil }

    /// 1 Syawal: the first day of each Idul Fitri in the year (a Gregorian year can hold two).
    public var idulFitri: [CivilDate] { firstDays(of: .idulFitri) }
    /// 10 Dzulhijjah.
    public var idulAdha: [CivilDate] { firstDays(of: .idulAdha) }

    /// The first date of each run of consecutive days of `kind`.
    func firstDays(of kind: HolidayKind) -> [CivilDate] {
        let days = holidays.filter { $0.kind == kind && !$0.isCutiBersama }.map(\.date).sorted()
        return days.enumerated().filter { $0.offset == 0 || days[$0.offset - 1].dayNumber != $0.element.dayNumber - 1 }.map(\.element)
    }

    /// Whether ASN do not work on `date`: a weekend, a national holiday or cuti bersama.
    public func isDayOff(_ date: CivilDate) -> Bool {
        date.isWeekend || holidays.contains { $0.date == date }
    }
}

/// The calendar the model runs on.
public enum IndonesianCalendar {
    /// The last year whose decree is shipped; later years are estimated.
    public static var lastSourcedYear: Int { decreed.keys.max() ?? 0 }
    public static var firstSourcedYear: Int { decreed.keys.min() ?? 0 }

    /// The decreed days off of `year` where shipped, else the estimate.
    public static func holidays(in year: Int) -> HolidayYear {
        decreed[year] ?? estimatedHolidays(in: year)
    }

    /// The decrees, transcribed: (month, day, kind) for national holidays, then cuti bersama.
    static let decreed: [Int: HolidayYear] = {
        func year(_ y: Int, source: String, holidays: [(Int, Int, HolidayKind)], cuti: [(Int, Int, HolidayKind)]) -> HolidayYear {
            HolidayYear(
                year: y,
                holidays: holidays.map { Holiday(date: CivilDate(y, $0.0, $0.1), kind: $0.2, isCutiBersama: false) }
                    + cuti.map { Holiday(date: CivilDate(y, $0.0, $0.1), kind: $0.2, isCutiBersama: true) },
                source: source)
        }
        return [
            2025: year(
                2025,
                source:
                    "SKB Menag, Menaker, MenPAN-RB No. 1017/2024, 2/2024, 2/2024 (14 Oct 2024), amended by No. 933/2025, 1/2025, 3/2025 (7 Aug 2025: cuti bersama 18 Aug)",
                holidays: [
                    (1, 1, .newYear), (1, 27, .israMiraj), (1, 29, .imlek), (3, 29, .nyepi), (3, 31, .idulFitri), (4, 1, .idulFitri),
                    (4, 18, .goodFriday), (4, 20, .easter), (5, 1, .labourDay), (5, 12, .waisak), (5, 29, .ascension),
                    (6, 1, .pancasila), (6, 6, .idulAdha), (6, 27, .islamicNewYear), (8, 17, .independence),
                    (9, 5, .maulid), (12, 25, .christmas),
                ],
                cuti: [
                    (1, 28, .imlek), (3, 28, .nyepi), (4, 2, .idulFitri), (4, 3, .idulFitri), (4, 4, .idulFitri), (4, 7, .idulFitri),
                    (5, 13, .waisak), (5, 30, .ascension), (6, 9, .idulAdha), (8, 18, .independence), (12, 26, .christmas),
                ]),
            2026: year(
                2026, source: "SKB Menag, Menaker, MenPAN-RB No. 1497/2025, 2/2025, 5/2025 (19 Sep 2025)",
                holidays: [
                    (1, 1, .newYear), (1, 16, .israMiraj), (2, 17, .imlek), (3, 19, .nyepi), (3, 21, .idulFitri), (3, 22, .idulFitri),
                    (4, 3, .goodFriday), (4, 5, .easter), (5, 1, .labourDay), (5, 14, .ascension), (5, 27, .idulAdha),
                    (5, 31, .waisak), (6, 1, .pancasila), (6, 16, .islamicNewYear), (8, 17, .independence),
                    (8, 25, .maulid), (12, 25, .christmas),
                ],
                cuti: [
                    (2, 16, .imlek), (3, 18, .nyepi), (3, 20, .idulFitri), (3, 23, .idulFitri), (3, 24, .idulFitri),
                    (5, 15, .ascension), (5, 28, .idulAdha), (12, 24, .christmas),
                ]),
        ]
    }()
}
