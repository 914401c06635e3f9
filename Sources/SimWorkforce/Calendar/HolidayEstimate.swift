// Holidays of a year no shipped decree covers: fixed dates, Easter by the Gregorian computus,
// and the lunar holidays from the moon's phases (MoonPhase). Labelled estimates throughout.

extension IndonesianCalendar {
    /// Sunset in western Indonesia, about 18:00 WIB = 11:00 UT, as a fraction of a day.
    static let sunsetUT = 11.0 / 24
    /// Moon age at sunset from which the crescent counts as seen: MABIMS's 6.4° elongation at
    /// the moon's mean 12.19° a day (Kemenag's criterion since 2022).
    static let crescentAgeDays = 6.4 / 12.19
    /// The conjunction that began Syawal 1446 (29 March 2025), from which Hijri months are counted.
    static let syawal1446 = MoonPhase.lunation(nearest: MoonPhase.julianDay(of: CivilDate(2025, 3, 29)), .new)

    /// The first day of the Hijri month beginning at the conjunction `jd`: the day after the first
    /// evening in Indonesia on which the crescent is old enough to be seen.
    static func firstDayOfHijriMonth(conjunction jd: Double) -> CivilDate {
        var evening = MoonPhase.date(julianDay: jd, utcOffsetHours: 0)
        if MoonPhase.julianDay(of: evening) + sunsetUT < jd { evening = evening.adding(days: 1) }
        let age = MoonPhase.julianDay(of: evening) + sunsetUT - jd
        return evening.adding(days: age >= crescentAgeDays ? 1 : 2)
    }

    /// Day `day` of every Hijri month `month` (1 = Muharram … 12 = Dzulhijjah) starting near `year`.
    static func hijriDates(month: Int, day: Int, near year: Int) -> [CivilDate] {
        let jan1 = MoonPhase.julianDay(of: CivilDate(year, 1, 1))
        let first = MoonPhase.lunation(nearest: jan1, .new) - 2
        return (0..<16).compactMap { i -> CivilDate? in
            let k = first + Double(i)
            let offset = Int(k - syawal1446)
            guard ((offset % 12) + 12 + 9) % 12 + 1 == month else { return nil }
            return firstDayOfHijriMonth(conjunction: MoonPhase.julianDay(lunation: k, .new)).adding(days: day - 1)
        }
    }

    /// Easter Sunday (anonymous Gregorian algorithm).
    static func easter(_ year: Int) -> CivilDate {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CivilDate(year, month, day)
    }

    /// The first phase of `phase` whose local date falls in the window.
    static func moon(_ phase: MoonPhase, from: CivilDate, to: CivilDate, utcOffsetHours: Double) -> CivilDate? {
        MoonPhase.dates(phase, in: from...to, utcOffsetHours: utcOffsetHours).first?.date
    }

    /// An estimate of `year`'s days off (``HolidayYear/source`` is `nil`):
    /// - fixed dates, and Easter, Good Friday and Ascension by the computus;
    /// - Islamic holidays from the conjunction and the MABIMS crescent (within a day of the
    ///   decreed dates 2018–2026, see the tests);
    /// - Imlek: the new moon (UTC+8) from 21 January to 20 February; Nyepi: the new moon (UTC+8)
    ///   in March; Waisak: the full moon (UTC+7) from 6 May to 4 June;
    /// - cuti bersama: the weekdays from two days before to four days after Idul Fitri, and one
    ///   weekday beside Christmas. The sourced decrees held 8–11 days, so an estimated year may
    ///   count a few working days too many.
    public static func estimatedHolidays(in year: Int) -> HolidayYear {
        var days: [Holiday] = []
        func add(_ date: CivilDate?, _ kind: HolidayKind, cuti: Bool = false) {
            guard let date, date.year == year, !days.contains(where: { $0.date == date }) else { return }
            days.append(Holiday(date: date, kind: kind, isCutiBersama: cuti))
        }
        for (month, day, kind) in [
            (1, 1, HolidayKind.newYear), (5, 1, .labourDay), (6, 1, .pancasila), (8, 17, .independence), (12, 25, .christmas),
        ] {
            add(CivilDate(year, month, day), kind)
        }
        let sunday = easter(year)
        add(sunday.adding(days: -2), .goodFriday)
        add(sunday, .easter)
        add(sunday.adding(days: 39), .ascension)
        let fitri = hijriDates(month: 10, day: 1, near: year)
        for first in fitri {
            add(first, .idulFitri)
            add(first.adding(days: 1), .idulFitri)
        }
        for date in hijriDates(month: 12, day: 10, near: year) { add(date, .idulAdha) }
        for date in hijriDates(month: 1, day: 1, near: year) { add(date, .islamicNewYear) }
        for date in hijriDates(month: 3, day: 12, near: year) { add(date, .maulid) }
        for date in hijriDates(month: 7, day: 27, near: year) { add(date, .israMiraj) }
        add(moon(.new, from: CivilDate(year, 1, 21), to: CivilDate(year, 2, 20), utcOffsetHours: 8), .imlek)
        add(moon(.new, from: CivilDate(year, 3, 2), to: CivilDate(year, 3, 31), utcOffsetHours: 8), .nyepi)
        add(moon(.full, from: CivilDate(year, 5, 6), to: CivilDate(year, 6, 4), utcOffsetHours: 7), .waisak)
        for first in fitri {
            for offset in -2...4 where !first.adding(days: offset).isWeekend { add(first.adding(days: offset), .idulFitri, cuti: true) }
        }
        let christmas = CivilDate(year, 12, 25)
        if christmas.weekday <= 4 { add(christmas.adding(days: christmas.weekday == 4 ? -1 : 1), .christmas, cuti: true) }
        return HolidayYear(year: year, holidays: days.sorted { $0.date < $1.date }, source: nil)
    }
}
