import SimExperiment
import SimWorkforce

/// Where the money went: a what-if that frees or adds money leaves it to the planning engine,
/// which spends it by value per Rupiah. The brief says, per region, which programmes' spending
/// changed (a planner comparing "the same money on coaching by senior staff" found it flowing
/// on its own to project finance and leadership coaching).
extension PolicyBrief {
    /// The largest significant changes in a programme's spending over the run, in and out (three
    /// each at most); `nil` when no programme's spending changed significantly.
    func moneyMoves(_ s: Int, region: String) -> Line? {
        guard let r = index(s, region), baselineHas(region) else { return nil }
        var moves: [(programme: Int, comparison: Comparison)] = []
        for (p, id) in labels[s].programmeIDs.enumerated() {
            let definition = ProgrammeMeasure.spentRupiah.definition(programme: id)
            let metric = BriefMetric(definition, .rupiah, phrase: ("belanja program", "programme spending"), short: ("Belanja", "Spending"))
            guard result.metric(s, r, definition.key) != nil, let c = comparison(s, region: region, metric), c.isSignificant else {
                continue
            }
            moves.append((p, c))
        }
        let gains = moves.filter { $0.comparison.delta.mean > 0 }.sorted { $0.comparison.delta.mean > $1.comparison.delta.mean }.prefix(3)
        let losses = moves.filter { $0.comparison.delta.mean < 0 }.sorted { $0.comparison.delta.mean < $1.comparison.delta.mean }.prefix(3)
        guard !gains.isEmpty || !losses.isEmpty else { return nil }
        var line: Line = [
            .words(
                t(
                    "Ke mana uang bergeser di \(regionName(region)) (\(firstYear)–\(lastYear)): ",
                    "Where the money moved in \(regionName(region)) (\(firstYear)–\(lastYear)): "))
        ]
        for (i, move) in (Array(gains) + Array(losses)).enumerated() {
            if i > 0 { line.append(.words("; ")) }
            line += [
                figure(s, region, move.comparison, role: .delta),
                .words(move.comparison.delta.mean > 0 ? t(" ke ", " to ") : t(" dari ", " from ")),
                .user(programmeName(s, move.programme)),
            ]
        }
        return line + [.words(".")]
    }
}
