import SimExperiment
import SimScenario
import SimWorkforce

/// Page 1, for the Sekda: per city the answer in a sentence (what to do, what it costs in
/// Rupiah, what it buys in people, how sure), a table of the options ranked by the planner's
/// outcome, and a box of what the run warns about. Differences are in people, Rupiah and IKM
/// points; competency levels stay in the CSVs.
extension PolicyBrief {
    /// The outcome the options are ranked by, and whether the comparison's scenario named it.
    var outcome: (metric: BriefMetric, named: Bool) {
        if let id = labels[baseline].outcome, let metric = Metric.allCases.first(where: { $0.id == id }) {
            return (BriefMetric(outcome: metric), true)
        }
        return (BriefMetric(outcome: BriefOutcome.standard), false)
    }

    /// The page-1 columns after the option's name: cost, then people, then IKM (the outcome
    /// first when it is none of them).
    var summaryColumns: [BriefMetric] {
        let fixed: [BriefMetric] = [.spent, .pns20, .staffAtStandard, .ikm]
        return fixed.contains { $0.key == outcome.metric.key } ? fixed : [outcome.metric] + fixed
    }

    /// One option in one city: its differences from the comparison and its chance of beating it.
    struct SummaryOption {
        let scenario: Int
        let outcome: Comparison?
        let chance: Double?
        /// The outcome's difference, signed so that larger is better (−∞ when there is none).
        var merit: Double {
            guard let outcome, let improves = outcome.higherIsBetter else { return -.infinity }
            return improves ? outcome.delta.mean : -outcome.delta.mean
        }
        var isBetter: Bool { outcome?.isSignificant == true && outcome?.improves == true }
        var isWorse: Bool { outcome?.isSignificant == true && outcome?.improves == false }
    }

    /// The what-ifs that touch `region` and are options (not about what the region does not
    /// choose), best first by the outcome (ties keep the file order).
    func rankedOptions(region: String) -> [SummaryOption] {
        let options = touching(region: region).filter { labels[$0].isOption }.map { summaryOption($0, region: region) }
        return options.enumerated().sorted { a, b in
            a.element.merit != b.element.merit ? a.element.merit > b.element.merit : a.offset < b.offset
        }.map(\.element)
    }

    /// The table's rows: the options ranked, then the what-ifs about what the region does not
    /// choose (`kind: context`: a pandemic, a cut, another roster), in file order and marked,
    /// so the reader sees what they cost without their being offered as a choice.
    func tableRows(region: String) -> [SummaryOption] {
        rankedOptions(region: region) + touching(region: region).filter { !labels[$0].isOption }.map { summaryOption($0, region: region) }
    }

    func summaryOption(_ s: Int, region: String) -> SummaryOption {
        SummaryOption(
            scenario: s, outcome: comparison(s, region: region, outcome.metric),
            chance: probabilityOfBeating(s, region: region, metric: outcome.metric))
    }

    var summaryTitle: String { t("Ringkasan untuk pimpinan", "Summary for decision makers") }

    /// How the page is read: the comparison, the period, the ranking, and what the intervals include.
    var summaryMethod: String {
        let ranking = outcome.named ? t("dipilih lewat brief.outcome", "chosen by brief.outcome") : t("bawaan", "the default")
        let draws =
            uncertainPaths.isEmpty
            ? t(
                "Masukan tidak pasti di nilai tengahnya (--fixed-inputs): interval tanpa opsi itu 2–3× lebih lebar.",
                "Uncertain inputs at their central values (--fixed-inputs): intervals without it are 2–3× wider.")
            : t(
                "Tiap replikasi menarik \(uncertainPaths.count) masukan tidak pasti, sama untuk semua opsi: interval 2–3× lebih lebar daripada di nilai tengahnya.",
                "Each replication draws \(uncertainPaths.count) uncertain inputs, the same for every option: intervals 2–3× wider than at central values."
            )
        return t(
            "Selisih terhadap \(comparedWith), \(replications) replikasi berpasangan (orang: akhir \(lastYear); belanja: \(firstYear)–\(lastYear)); tn = tidak berbeda nyata. Urutan: \(outcome.metric.phrase.text(in: language)) (\(ranking)). Peluang = bagian replikasi tempat opsi lebih baik. ",
            "Differences from \(comparedWith), \(replications) paired replications (people: end of \(lastYear); spending: \(firstYear)–\(lastYear)); ns = not significant. Ranked by \(outcome.metric.phrase.text(in: language)) (\(ranking)). Chance = share of replications where it does better. "
        ) + draws + influenceMethod
    }

    /// The answer for one city in a sentence or two.
    func summaryAnswer(region: String) -> Line {
        let city = regionName(region)
        guard baselineHas(region) else {
            return [
                .words(
                    t(
                        "\(city): tidak ada di \(comparedWith), jadi opsi di wilayah ini tidak dibandingkan.",
                        "\(city): not in \(comparedWith), so the options there are not compared."))
            ]
        }
        let options = rankedOptions(region: region)
        guard !options.isEmpty else {
            guard touching(region: region).isEmpty else {
                return [
                    .words(
                        t(
                            "\(city): tidak ada opsi di sini, hanya keadaan yang tidak dipilih wilayah (lihat tabel).",
                            "\(city): no option here, only what the region does not choose (see the table)."))
                ]
            }
            return [.words(t("\(city): tidak ada opsi yang mengubah wilayah ini.", "\(city): no option changes this region."))]
        }
        let phrase = outcome.metric.phrase.text(in: language)
        guard let best = options.first(where: \.isBetter) else {
            let worse = options.filter(\.isWorse).count
            var line: Line = [
                .words(
                    t(
                        "\(city): tidak ada opsi yang lebih baik secara nyata daripada \(comparedWith) menurut \(phrase); urutan di tabel tidak menunjuk pilihan yang lebih baik.",
                        "\(city): no option does significantly better than \(comparedWith) on \(phrase); the order in the table does not point to a better choice."
                    ))
            ]
            if worse > 0 {
                line.append(
                    .words(
                        t(
                            " \(worse) opsi lebih buruk secara nyata.",
                            " \(worse) option\(worse == 1 ? " does" : "s do") significantly worse.")))
            }
            return line
        }
        var line: Line = [
            .words("\(city): "), .user("“\(name(best.scenario))”"),
            .words(t(" paling baik: ", " does best: ")),
        ]
        line += effects(best, region: region)
        line += influenceLine(best, region: region) ?? []
        // The best option for no more money, when the best one costs more.
        let costsMore = comparison(best.scenario, region: region, .spent).map { $0.isSignificant && $0.delta.mean > 0 } ?? false
        if costsMore,
            let thrifty = options.first(where: { option in
                option.isBetter
                    && comparison(option.scenario, region: region, .spent).map { !$0.isSignificant || $0.delta.mean < 0 } ?? false
            })
        {
            line += [
                .words(t(" Tanpa menambah belanja, yang terbaik adalah ", " Without spending more, the best is ")),
                .user("“\(name(thrifty.scenario))”"), .words(": "),
            ]
            line += effects(thrifty, region: region)
        }
        return line
    }

    /// What an option buys, costs and how sure it is, as the rest of a sentence.
    func effects(_ option: SummaryOption, region: String) -> Line {
        let s = option.scenario
        var line: Line = []
        var gains: [Line] = []
        for metric in [outcome.metric, .pns20, .staffAtStandard] where gains.isEmpty || metric.key != outcome.metric.key {
            guard let c = comparison(s, region: region, metric), c.isSignificant,
                c.summary == .lastMonth || metric.key == outcome.metric.key
            else { continue }
            // An outcome that is not a month-end count (an IKM, a wait) says its own period.
            let period = c.summary == .lastMonth ? "" : " (\(when(c)))"
            gains.append([figure(s, region, c, role: .delta), .words(" " + metric.gainWords.text(in: language) + period)])
        }
        for (i, gain) in gains.enumerated() {
            if i > 0 { line.append(.words(i == gains.count - 1 ? t(" dan ", " and ") : ", ")) }
            line += gain
        }
        if outcome.metric.definition.summary == .lastMonth || gains.count > 1 {
            line.append(.words(t(" di akhir \(lastYear)", " at the end of \(lastYear)")))
        }
        if outcome.metric.key != BriefMetric.ikm.key, let ikm = comparison(s, region: region, .ikm), ikm.isSignificant {
            line += [
                .words(t(", IKM ", ", IKM ")), figure(s, region, ikm, role: .delta),
                // English without "points": "+1 points" reads wrong, and the sign says it is a change.
                .words(t(" poin (\(when(ikm)))", " (\(when(ikm)))")),
            ]
        }
        if let cost = comparison(s, region: region, .spent), cost.isSignificant {
            line += [.words(t(", belanja ", ", spending ")), figure(s, region, cost, role: .delta)]
        } else {
            line.append(.words(t(", belanja tanpa selisih nyata", ", no significant difference in spending")))
        }
        line.append(.words(t(", peluang lebih baik ", ", chance of doing better ") + probabilityText(option.chance) + "."))
        return line
    }

    /// The table's cells for one option: the name, each column's difference, the chance.
    func summaryRow(_ option: SummaryOption, region: String) -> (name: String, cells: [(line: Line, significant: Bool)], chance: String) {
        let cells = summaryColumns.map { cell(option.scenario, region, comparison(option.scenario, region: region, $0)) }
        // The short name: a row per line, so both cities' tables fit on the page; the sentences give the full names.
        var label = labels[option.scenario].shortName?.text(in: language) ?? name(option.scenario)
        if !labels[option.scenario].isOption { label += t(" (konteks, bukan pilihan)", " (context, not a choice)") }
        // An option identical to the comparison in every replication has no chance of beating it to speak of.
        let chance = option.outcome?.isIdentical == true ? "–" : probabilityText(option.chance)
        return (label, cells, chance)
    }

    var summaryHeaders: [String] {
        [t("Opsi", "Option")] + summaryColumns.map { "Δ " + $0.short.text(in: language) } + [t("Peluang lebih baik", "Chance of beating")]
    }

    /// "Perhatian": one line per kind of warning, naming the cities and scenarios where it holds
    /// (cities where it holds alike share one mention, so the box stays short on page 1);
    /// the details are in the caveats.
    var warningLines: [String] {
        let shown = warnings.filter { regions.contains($0.region) }
        return RunWarning.Code.allCases.compactMap { code in
            let found = shown.filter { $0.code == code }
            guard !found.isEmpty else { return nil }
            var places: [(cities: [String], which: String)] = []
            for region in regions {
                var ids: [String] = []  // each scenario once, however many counters warn
                for warning in found where warning.region == region && !ids.contains(warning.scenario) { ids.append(warning.scenario) }
                guard !ids.isEmpty else { continue }
                let which = warnedScenarios(ids, region: region)
                if let same = places.firstIndex(where: { $0.which == which }) {
                    places[same].cities.append(regionName(region))
                } else {
                    places.append(([regionName(region)], which))
                }
            }
            let text = places.map { "\($0.cities.joined(separator: t(" dan ", " and "))) (\($0.which))" }
            return code.headline.text(in: language) + ": " + text.joined(separator: "; ") + "."
        }
    }

    /// Which of a region's scenarios a warning holds in: one or two by name, all of them as such,
    /// else how many (and whether the comparison is among them).
    func warnedScenarios(_ ids: [String], region: String) -> String {
        let named = ids.compactMap { id in labels.firstIndex { $0.id == id } }.map(name)
        let inRegion = labels.indices.filter { ($0 == baseline || labels[$0].isReported) && labels[$0].regionIDs.contains(region) }
        if named.count <= 2 { return named.map { "“\($0)”" }.joined(separator: t(" dan ", " and ")) }
        if named.count >= inRegion.count { return t("semua skenario", "every scenario") }
        return ids.contains(labels[baseline].id)
            ? t("\(named.count) skenario, termasuk pembanding", "\(named.count) scenarios, the comparison among them")
            : t("\(named.count) skenario", "\(named.count) scenarios")
    }

    func summaryMarkdown() -> String {
        guard result.hasBaseline, !whatIfs.isEmpty else { return warningsMarkdown() }
        var md = "## \(summaryTitle)\n\n"
        md += regions.map { "- " + summaryAnswer(region: $0).markdown + "\n" }.joined() + "\n"
        for region in regions {
            let rows = tableRows(region: region)
            guard !rows.isEmpty else { continue }
            md += "**\(escapeMarkdown(regionName(region)))**\n\n| " + summaryHeaders.map(escapeMarkdown).joined(separator: " | ") + " |\n"
            md += "|---" + String(repeating: "|---", count: summaryHeaders.count - 1) + "|\n"
            for option in rows {
                let row = summaryRow(option, region: region)
                let cells = row.cells.map { $0.significant ? "**\($0.line.markdown)**" : $0.line.markdown }
                md += "| \(escapeMarkdown(row.name)) | " + cells.joined(separator: " | ") + " | \(row.chance) |\n"
            }
            md += "\n"
        }
        return md + summaryMethod + "\n\n" + warningsMarkdown()
    }

    /// The "Perhatian" box, in every brief that has a warning (one without a baseline or a what-if too).
    func warningsMarkdown() -> String {
        let lines = warningLines
        guard !lines.isEmpty else { return "" }
        return "> **" + t("Perhatian", "Warning") + "**\n" + lines.map { ">\n> - \(escapeMarkdown($0))\n" }.joined() + ">\n> "
            + t("Rinciannya: bagian *Catatan dan keterbatasan*.", "Details: section *Caveats*.") + "\n\n"
    }

    func warningsHTML() -> String {
        let lines = warningLines
        guard !lines.isEmpty else { return "" }
        return "<aside class=\"warn\"><h3>" + xml(t("Perhatian", "Warning")) + "</h3>\n<ul>\n"
            + lines.map { "<li>\(xml($0))</li>\n" }.joined() + "</ul>\n<p><a href=\"#catatan\">"
            + xml(t("Rinciannya di Catatan dan keterbatasan", "Details under Caveats")) + "</a></p></aside>\n"
    }

    func summaryHTML() -> String {
        guard result.hasBaseline, !whatIfs.isEmpty else { return warningsHTML() }
        var html = "<section id=\"summary\">\n<h2>\(xml(summaryTitle))</h2>\n"
        html += regions.map { "<p class=\"lead\">\(summaryAnswer(region: $0).html)</p>\n" }.joined()
        for region in regions {
            let rows = tableRows(region: region)
            guard !rows.isEmpty else { continue }
            html += "<table class=\"options\" data-region=\"\(xml(region))\">\n<caption>\(xml(regionName(region)))</caption>\n<tr>"
            html += summaryHeaders.map { "<th>\(xml($0))</th>" }.joined() + "</tr>\n"
            for option in rows {
                let row = summaryRow(option, region: region)
                html += "<tr data-scenario=\"\(xml(labels[option.scenario].id))\"><td>\(xml(row.name))</td>"
                html += row.cells.map { "<td class=\"\($0.significant ? "sig" : "ns")\">\($0.line.html)</td>" }.joined()
                html += "<td>\(xml(row.chance))</td></tr>\n"
            }
            html += "</table>\n"
        }
        return html + "<p class=\"meta\">\(xml(summaryMethod))</p>\n" + warningsHTML() + "</section>\n"
    }
}

extension RunWarning.Code {
    /// The kind of warning in a few words, for page 1.
    var headline: LocalizedText {
        switch self {
        case .sessionsTrimmed:
            return LocalizedText(
                indonesian: "Peserta dicoret dari sesi karena dana triwulan yang cair tidak cukup",
                english: "Attendees cut from sessions because the money released by quarter ran short")
        case .rosterPartial:
            return LocalizedText(
                indonesian: "Roster jauh lebih kecil daripada jumlah ASN kota", english: "A roster much smaller than the city's ASN")
        case .counterOverloaded:
            return LocalizedText(
                indonesian: "Loket dengan permintaan melebihi kapasitas", english: "A counter whose demand exceeds its capacity")
        case .backOfficeLate:
            return LocalizedText(
                indonesian: "Back office yang menyelesaikan kurang dari separuh permohonan dalam standar pelayanan",
                english: "A back office completing under half its requests within the service standard")
        case .percentileCapped:
            return LocalizedText(
                indonesian: "Persentil ke-90 waktu tunggu di batas yang dicatat (batas bawah)",
                english: "A 90th percentile wait at the limit of what is recorded (a lower bound)")
        case .factNotMet:
            return LocalizedText(indonesian: "Fakta bergaya yang tidak terpenuhi", english: "A stylised fact the model misses")
        case .paidFromOutside:
            return LocalizedText(
                indonesian: "Pelatihan dibiayai dari luar anggaran daerah (tidak masuk Δ anggaran terpakai)",
                english: "Training paid from outside the region's budget (not in Δ budget spent)")
        }
    }
}
