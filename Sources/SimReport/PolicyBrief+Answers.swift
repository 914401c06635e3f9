import SimExperiment
import SimWorkforce

/// The first page: each what-if's question answered per region, year 1 beside the horizon, and
/// which what-if is best and worst on each outcome (only where the difference is real).
extension PolicyBrief {
    /// The sentences answering one what-if's question in one region, or the one line saying the
    /// what-if leaves the region as it is.
    func answer(_ s: Int, region: String) -> [Line] {
        guard index(s, region) != nil else {
            return [
                [
                    .words(
                        regionName(region) + ": "
                            + t(
                                "tidak termasuk dalam skenario ini, jadi tidak dibandingkan.",
                                "not in this scenario, so nothing is compared."))
                ]
            ]
        }
        guard baselineHas(region) else {
            return [
                [
                    .words(
                        regionName(region) + ": "
                            + t(
                                "wilayah baru, tidak ada di pembanding; selisihnya tidak dihitung.",
                                "a new region, not in the comparison; no difference is computed."))
                ]
            ]
        }
        if leavesUntouched(s, region: region) {
            return [
                [
                    .words(
                        regionName(region) + ": "
                            + t(
                                "tidak berubah (skenario ini tidak mengubah wilayah ini).",
                                "unchanged (this scenario does not change this region)."))
                ]
            ]
        }
        let candidates = BriefMetric.ranked.compactMap { comparison(s, region: region, $0) }
        guard !candidates.isEmpty else { return [] }
        let significant = candidates.filter(\.isSignificant)
        let lead = significant.max { strength($0) < strength($1) } ?? candidates[0]
        var lines = [leadSentence(s, region, lead)]
        let others = BriefMetric.answered.filter { $0.id != lead.metric.id }.compactMap { comparison(s, region: region, $0) }
        if !others.isEmpty {
            var line: Line = [.words(t("Juga di \(regionName(region)): ", "Also in \(regionName(region)): "))]
            for (i, c) in others.enumerated() {
                if i > 0 { line.append(.words("; ")) }
                line += [
                    .words(c.metric.phrase.text(in: language) + " "), figure(s, region, c, role: .baseline), .words(" → "),
                    figure(s, region, c, role: .value),
                    .words(" ("), figure(s, region, c, role: .delta), .words("; "), figure(s, region, c, role: .interval),
                    .words("; \(when(c))), " + significance(c)),
                ]
            }
            lines.append(line + [.words(".")])
        }
        return lines
    }

    /// What a what-if has that the comparison lacks, in words: its results are reported, but
    /// with no difference (empty in every table), because there is nothing to pair them with.
    func novelties(_ s: Int) -> [Line] {
        let base = labels[baseline]
        var lines: [Line] = []
        let programmes = labels[s].programmeIDs.indices.filter { !base.programmeIDs.contains(labels[s].programmeIDs[$0]) }
        if !programmes.isEmpty {
            lines.append(
                [.words(t("Program baru, tidak ada di pembanding: ", "New programmes, not in the comparison: "))]
                    + programmes.enumerated().flatMap { i, p -> Line in (i > 0 ? [.words("; ")] : []) + [.user(programmeName(s, p))] }
                    + [
                        .words(
                            t(" (hasilnya di programmes.csv tanpa selisih).", " (its results are in programmes.csv, with no difference)."))
                    ])
        }
        for region in regions {
            guard let r = index(s, region), let rb = index(baseline, region) else { continue }
            let new = result.catalogues[s][r].counters.filter { !result.catalogues[baseline][rb].counters.contains($0) }
            guard !new.isEmpty else { continue }
            lines.append(
                [
                    .words(
                        t(
                            "Loket baru di \(regionName(region)), tidak ada di pembanding: ",
                            "New counters in \(regionName(region)), not in the comparison: "))
                ]
                    + new.enumerated().flatMap { i, unit -> Line in (i > 0 ? [.words("; ")] : []) + [.user(unit)] }
                    + [.words(t(" (hasilnya di services.csv tanpa selisih).", " (their results are in services.csv, with no difference)."))]
            )
        }
        return lines
    }

    /// How clearly a difference stands out: |Δ| over its half-width.
    func strength(_ c: Comparison) -> Double { c.delta.halfWidth > 0 ? abs(c.delta.mean) / c.delta.halfWidth : 0 }

    func leadSentence(_ s: Int, _ regionID: String, _ c: Comparison) -> Line {
        let phrase = c.metric.phrase.text(in: language)
        let region = regionName(regionID)
        if c.isIdentical {
            return [
                .user(name(s)),
                .words(
                    t(
                        " tidak mengubah \(phrase) di \(region) sama sekali (\(when(c))).",
                        " leaves \(phrase) in \(region) exactly as it is (\(when(c))).")),
            ]
        }
        let detail: Line = [
            .words(" ("), figure(s, regionID, c, role: .delta), .words("; "), figure(s, regionID, c, role: .interval),
            .words("; \(when(c)))"),
        ]
        let fromTo: Line = [figure(s, regionID, c, role: .baseline), .words(t(" menjadi ", " to ")), figure(s, regionID, c, role: .value)]
        if c.isSignificant {
            let verb = c.delta.mean > 0 ? t("menaikkan", "raises") : t("menurunkan", "lowers")
            return [.user(name(s)), .words(t(" \(verb) \(phrase) di \(region) dari ", " \(verb) \(phrase) in \(region) from "))] + fromTo
                + detail
                + [.words(t(": berbeda nyata.", ": a significant difference."))]
        }
        var line: Line = [
            .user(name(s)),
            .words(t(" tidak mengubah \(phrase) di \(region) secara nyata: ", " does not change \(phrase) in \(region) significantly: ")),
        ]
        line += fromTo + detail
        if let n = c.replicationsToResolve {
            line.append(
                .words(
                    t(
                        "; sekitar \(n) replikasi diperlukan untuk memastikan selisih sekecil ini.",
                        "; about \(n) replications would tell a difference this small from zero.")))
        } else {
            line.append(.words(t("; selisihnya praktis nol.", "; the difference is practically zero.")))
        }
        return line
    }

    /// Per region, on each outcome: the what-if that improves it most and the one that worsens it
    /// most, counting only significant differences and respecting each metric's direction.
    func extremes(region: String) -> [Line] {
        BriefMetric.ranked.compactMap { metric -> Line? in
            let all = whatIfs.compactMap { s in comparison(s, region: region, metric).map { (s, $0) } }.filter { $0.1.isSignificant }
            let better = all.filter { $0.1.improves == true }
            let worse = all.filter { $0.1.improves == false }
            let label = metric.label.text(in: language)
            guard !better.isEmpty || !worse.isEmpty else {
                return all.isEmpty && whatIfs.contains(where: { comparison($0, region: region, metric) != nil })
                    ? [
                        .words(
                            label + ": "
                                + t(
                                    "tidak ada skenario yang berbeda nyata dari \(comparedWith).",
                                    "no scenario differs significantly from \(comparedWith)."))
                    ] : nil
            }
            var line: Line = [.words(label + ": ")]
            if let best = better.max(by: { abs($0.1.delta.mean) < abs($1.1.delta.mean) }) {
                line += [
                    .words(t("paling baik ", "best ")), .user(name(best.0)), .words(" ("), figure(best.0, region, best.1, role: .delta),
                    .words(")"),
                ]
            }
            if let worst = worse.max(by: { abs($0.1.delta.mean) < abs($1.1.delta.mean) }) {
                if !better.isEmpty { line.append(.words("; ")) }
                line += [
                    .words(t("paling buruk ", "worst ")), .user(name(worst.0)), .words(" ("),
                    figure(worst.0, region, worst.1, role: .delta), .words(")"),
                ]
            }
            return line + [.words(".")]
        }
    }

    /// One cell of the year-1/horizon table: the difference, bold when significant, `tn`/`ns` when not.
    func cell(_ s: Int, _ region: String, _ c: Comparison?) -> (line: Line, significant: Bool) {
        guard let c else { return ([.words("–")], false) }
        if c.isIdentical { return ([.words("0")], false) }
        return c.isSignificant
            ? ([figure(s, region, c, role: .delta)], true) : ([figure(s, region, c, role: .delta), .words(t(" (tn)", " (ns)"))], false)
    }

    /// The columns of the year-1/horizon table: each answered metric in the first year and at the horizon.
    var glanceColumns: [(metric: BriefMetric, year: Int?)] {
        BriefMetric.answered.flatMap { metric in result.years > 1 ? [(metric, firstYear), (metric, nil)] : [(metric, nil)] }
    }

    func glanceHeader(_ column: (metric: BriefMetric, year: Int?)) -> String {
        column.metric.short.text(in: language) + ", Δ " + glancePeriod(column)
    }

    /// "akhir 2027", "rata-rata 2031" for a column of the year-1/horizon table.
    func glancePeriod(_ column: (metric: BriefMetric, year: Int?)) -> String {
        let summary = column.metric.definition.summary
        return BriefWords.when(summary, firstYear: column.year ?? firstYear, lastYear: column.year ?? lastYear, language)
    }
}
