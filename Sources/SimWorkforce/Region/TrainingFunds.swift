/// Who pays for a region's training (MODEL.md §5): the region's common budget; each earmark, set
/// aside from the region's budget for one programme (`programmes.<id>.budgetRupiahPerYear`) and
/// used by no other; and the money of funders outside the region (`fundedBy` external or unit),
/// which never touches the region's budget. Money never moves between funds on its own, so a
/// what-if that moves an earmark from one programme to another moves exactly that money.
struct TrainingFunds {
    /// The region's budget less its earmarks: programmes without a fund of their own, forums,
    /// awards and incentives.
    private(set) var common = TrainingBudget()
    /// Per programme: its own fund when it has an earmark or is paid from outside; `nil` when the
    /// common budget pays.
    private(set) var own: [TrainingBudget?]
    private let funders: [Funder]
    /// Per programme: its earmark in this region, Rupiah per year (`nil`: none).
    private let earmarks: [Double?]

    init(programmes: [ProgrammeParameters], region: String) {
        funders = programmes.map(\.fundedBy)
        earmarks = programmes.map { $0.budgetRupiahPerYear[region] }
        own = zip(funders, earmarks).map { funder, earmark in funder == .region && earmark == nil ? nil : TrainingBudget() }
    }

    /// The slot of the fund that pays `p` in per-fund amounts: 0 for the common budget, else `p + 1`.
    func slot(of p: ProgrammeIndex) -> Int { own[p.rawValue] == nil ? 0 : p.rawValue + 1 }

    /// The number of slots in per-fund amounts.
    var slotCount: Int { own.count + 1 }

    /// The fund in `slot`; a slot no fund uses (a programme the common budget pays) holds nothing.
    subscript(slot: Int) -> TrainingBudget { slot == 0 ? common : own[slot - 1] ?? TrainingBudget() }

    /// Whether the fund in `slot` is the region's money (the common budget or an earmark of it).
    func isRegion(_ slot: Int) -> Bool { slot == 0 || funders[slot - 1] == .region }

    /// Opens a fiscal year: the region's `baseRupiah × multiplier` split into its earmarks and the
    /// common rest (each carrying over its own unspent money when `carryOver` holds); outside funds
    /// open at their ceiling, or without one.
    mutating func openYear(baseRupiah: Double, multiplier: Double, carryOver: Bool) {
        var earmarked = 0.0
        for p in own.indices where own[p] != nil {
            if funders[p] == .region {
                earmarked += earmarks[p]!
                own[p]!.openYear(baseRupiah: earmarks[p]!, multiplier: multiplier, carryOver: carryOver)
            } else {
                own[p]!.openYear(baseRupiah: earmarks[p] ?? .infinity, multiplier: 1, carryOver: false)
            }
        }
        common.openYear(baseRupiah: max(0, baseRupiah - earmarked), multiplier: multiplier, carryOver: carryOver)
    }

    /// Releases quarter `quarter`'s tranche of the region's money; an outside funder releases its
    /// whole year with the first (and only then: a share of 0 of a year without a ceiling would
    /// be 0 × ∞).
    mutating func release(quarter: Int, shares: [Double]) {
        common.release(quarter: quarter, shares: shares)
        for p in own.indices where own[p] != nil {
            if funders[p] == .region {
                own[p]!.release(quarter: quarter, shares: shares)
            } else if quarter == 0 {
                own[p]!.release(quarter: 0, shares: [1])
            }
        }
    }

    /// A cut that starts mid-year removes `share` of what is left of the region's money, earmarks included.
    mutating func cutRemaining(share: Double) {
        common.cutRemaining(share: share)
        for p in own.indices where own[p] != nil && funders[p] == .region { own[p]!.cutRemaining(share: share) }
    }

    /// What was spent this year before the run started, from the common budget.
    mutating func spentBeforeStart(_ rupiah: Double) { common.spentBeforeStart(rupiah) }

    /// Charges `rupiah` to the fund in `slot`; false when it takes that fund above its year.
    mutating func charge(_ rupiah: Double, slot: Int) -> Bool {
        slot == 0 ? common.charge(rupiah) : own[slot - 1]!.charge(rupiah)
    }

    /// The region's money released and not spent: the common budget's and its earmarks'.
    var regionAvailableRupiah: Double {
        own.indices.reduce(common.availableRupiah) { total, p in
            funders[p] == .region ? total + (own[p]?.availableRupiah ?? 0) : total
        }
    }

    /// The region's money spent since the start, earmarks included.
    var regionSpentTotalRupiah: Double {
        own.indices.reduce(common.spentTotalRupiah) { total, p in
            funders[p] == .region ? total + (own[p]?.spentTotalRupiah ?? 0) : total
        }
    }
}
