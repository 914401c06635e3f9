/// The region's training budget for the fiscal year, in Rupiah (MODEL.md §5): what the year holds
/// (base × any cut + carry-over), what has been released by quarter, and what has been spent.
struct TrainingBudget {
    /// This fiscal year's budget, carry-over included, after any mid-year cut.
    private(set) var yearRupiah = 0.0
    /// Released so far this year (quarterly tranches; the carry-over comes with the first).
    private(set) var releasedRupiah = 0.0
    private(set) var spentThisYearRupiah = 0.0
    private(set) var spentTotalRupiah = 0.0
    /// Last year's unspent budget brought into this year (zero unless the scenario carries over).
    private(set) var carryRupiah = 0.0

    /// Released and not yet spent: what a session starting now may use.
    var availableRupiah: Double { max(0, min(releasedRupiah, yearRupiah) - spentThisYearRupiah) }
    /// Not yet spent this year, released or not: what the year's plan may still commit.
    var unspentYearRupiah: Double { max(0, yearRupiah - spentThisYearRupiah) }

    /// Opens a fiscal year of `baseRupiah × multiplier`, plus last year's unspent budget when
    /// `carryOver` holds and there was a last year.
    mutating func openYear(baseRupiah: Double, multiplier: Double, carryOver: Bool) {
        carryRupiah = carryOver ? unspentYearRupiah : 0
        yearRupiah = baseRupiah * multiplier + carryRupiah
        releasedRupiah = 0
        spentThisYearRupiah = 0
    }

    /// Releases quarter `quarter`'s tranche: its share of the year's new money (shares are
    /// normalised; equal quarters when none are given), plus the carry-over in the first quarter.
    mutating func release(quarter: Int, shares: [Double]) {
        let total = shares.reduce(0, +)
        let share = total > 0 && quarter < shares.count ? shares[quarter] / total : 0.25
        releasedRupiah += share * (yearRupiah - carryRupiah) + (quarter == 0 ? carryRupiah : 0)
    }

    /// A cut that starts mid-year removes `share` of what is left of the year's budget.
    mutating func cutRemaining(share: Double) {
        yearRupiah -= share * unspentYearRupiah
        releasedRupiah = min(releasedRupiah, yearRupiah)
    }

    /// Counts what was spent this year before the run started: it leaves this year's budget,
    /// and is no cost of anything the run does.
    mutating func spentBeforeStart(_ rupiah: Double) {
        spentThisYearRupiah += rupiah
    }

    /// Charges `rupiah`; returns false when the charge takes spending above the year's budget
    /// (a breach: callers check `availableRupiah` first).
    mutating func charge(_ rupiah: Double) -> Bool {
        let withinBudget = spentThisYearRupiah + rupiah <= yearRupiah + 0.5
        spentThisYearRupiah += rupiah
        spentTotalRupiah += rupiah
        return withinBudget
    }
}
