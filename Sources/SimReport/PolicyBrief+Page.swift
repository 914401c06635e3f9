import SimCore
import SimExperiment
import SimWorkforce

/// `brief.md` and `brief.html`: the same sections, the HTML with charts and a print stylesheet.
extension PolicyBrief {
    var title: String { t("Ringkasan Kebijakan: Pengembangan Kompetensi ASN", "Policy Brief: ASN Competency Development") }

    var context: String {
        let names = regions.map(regionName).joined(separator: t(" dan ", " and "))
        return t(
            "Proyeksi \(firstYear)–\(lastYear) untuk \(names). Angka berlaku untuk akhir \(lastYear) kecuali disebut lain; \(replications) replikasi per skenario (seed \(seed)); Kompeten \(KompetenVersion.current).",
            "Projection \(firstYear)–\(lastYear) for \(names). Figures hold at the end of \(lastYear) unless stated; \(replications) replications per scenario (seed \(seed)); Kompeten \(KompetenVersion.current)."
        )
    }

    var howToRead: String {
        t(
            "Setiap skenario dibandingkan dengan \(comparedWith) pada replikasi yang sama (berpasangan, bilangan acak bersama). \"Berbeda nyata\" berarti interval kepercayaan (IK) 95% selisihnya tidak mencakup nol; \"tn\" berarti tidak berbeda nyata. Angka dibulatkan sesuai lebar intervalnya; angka lengkap ada di summary.csv.",
            "Each scenario is compared with \(comparedWith) on the same replications (paired, common random numbers). \"Significant\" means the 95% confidence interval (CI) of the difference excludes zero; \"ns\" means not significant. Numbers are rounded to what their interval supports; full precision is in summary.csv."
        )
    }

    /// What every answer compares with: the baseline's name and question.
    var baselineIntro: Line {
        [
            .words(t("Pembanding: ", "Compared with: ")), .user(name(baseline)), .words(" — "),
            .user(labels[baseline].question.text(in: language)),
        ]
    }

    /// The baseline's own levels in a region, for context.
    func baselineLine(region: String) -> Line { levelsLine(baseline, region: region, title: name(baseline)) + jpSources(region: region) }

    /// Which JP carry the baseline's 20 JP share in a region at the horizon: the share that would
    /// reach it with the region's own courses alone, and the part of PNS JP from outside the
    /// budget; nothing when no JP come from outside it.
    func jpSources(region: String) -> Line {
        guard let r = index(baseline, region) else { return [] }
        func horizon(_ metric: Metric) -> Estimate? {
            result.metric(baseline, r, .region(metric)).map { Estimate(result.horizon[baseline][r][$0]) }
        }
        guard let alone = horizon(.jpShareReaching20WithoutExternal), let external = horizon(.jpShareExternal), external.mean > 0
        else { return [] }
        let (aloneShown, externalShown) = (
            style.value(alone.mean, .share, halfWidth: alone.high - alone.mean),
            style.value(external.mean, .share, halfWidth: external.high - external.mean)
        )
        return [
            .words(
                " "
                    + t(
                        "Dengan pelatihan dari anggaran daerah saja, \(aloneShown) PNS akan mencapai 20 JP; \(externalShown) JP PNS berasal dari luar anggaran (MOOC, webinar, platform sektor).",
                        "With the region's own courses alone, \(aloneShown) of PNS would reach 20 JP; \(externalShown) of PNS JP come from outside the budget (MOOCs, webinars, sector platforms)."
                    ))
        ]
    }

    /// A scenario's own levels in a region, each rounded to its own interval.
    func levelsLine(_ s: Int, region: String, title: String) -> Line {
        var line: Line = [.words("\(title), \(regionName(region)): ")]
        let shown = BriefMetric.ranked.compactMap { metric in
            comparison(s, region: region, metric).map {
                Comparison(
                    metric: $0.metric, summary: $0.summary, higherIsBetter: $0.higherIsBetter, base: $0.value, value: $0.value,
                    delta: $0.value, year: nil)
            }
        }
        for (i, c) in shown.enumerated() {
            if i > 0 { line.append(.words("; ")) }
            line += [.words(c.metric.phrase.text(in: language) + " "), figure(s, region, c, role: .baseline), .words(" (\(when(c))")]
            if c.metric.id == "service.ikm" { line.append(.words(", " + t("mutu", "grade") + " \(IKMGrade(ikm: c.base.mean).rawValue)")) }
            line.append(.words(")"))
        }
        return line + [.words(".")]
    }

    // MARK: - Markdown

    /// Said at the top of a brief whose run has no baseline.
    var noBaselineNotice: String {
        t(
            "Tidak ada baseline di antara berkas skenario (tidak ada skenario ber-id 'baseline', --baseline, atau --baseline-file), jadi tidak ada selisih yang dihitung. Di bawah ini tingkat setiap skenario; untuk membandingkan, jalankan bersama scenarios/baseline.json atau gunakan 'simulate what-if'.",
            "There is no baseline among the scenario files (no scenario with id 'baseline', no --baseline or --baseline-file), so no difference is computed. Below are each scenario's own levels; to compare, run it with scenarios/baseline.json or use 'simulate what-if'."
        )
    }

    /// Each reported scenario's own levels per region, for a run without a baseline.
    var levelLines: [Line] {
        labels.indices.filter { labels[$0].isReported }.flatMap { s in regions.map { levelsLine(s, region: $0, title: name(s)) } }
    }

    public func markdown() -> String {
        guard result.hasBaseline else {
            return "# \(title)\n\n\(context)\n\n" + warningsMarkdown() + "**\(noBaselineNotice)**\n\n"
                + levelLines.map { "- \($0.markdown)\n" }.joined() + warningDetails.map { "\n- \($0)" }.joined()
        }
        var md = "# \(title)\n\n\(context)\n\n" + summaryMarkdown() + "## " + t("Cara membaca", "How to read") + "\n\n\(howToRead)\n\n"
        md += "> **" + t("Yang diasumsikan model", "What the model assumes") + "**\n"
        md +=
            assumptions().map { ">\n> - \($0)\n" }.joined() + ">\n> "
            + t("Semua catatan: bagian *Catatan dan keterbatasan*.", "All caveats: section *Caveats*.") + "\n\n"
        md += "## " + t("Jawaban atas pertanyaan tiap skenario", "The answer to each scenario's question") + "\n\n"
        md += baselineIntro.markdown + "\n"
        for s in whatIfs {
            md += "\n### \(escapeMarkdown(name(s)))\n\n*\(escapeMarkdown(labels[s].question.text(in: language)))*\n\n"
            md += (regions.flatMap { answer(s, region: $0) + [moneyMoves(s, region: $0)].compactMap { $0 } } + novelties(s))
                .map { "- \($0.markdown)\n" }.joined()
        }
        md += robustnessMarkdown()
        md += "\n## " + t("Sekilas: tahun pertama dan akhir periode", "At a glance: the first year and the horizon") + "\n"
        for region in regions {
            md += "\n### \(escapeMarkdown(regionName(region)))\n\n\(baselineLine(region: region).markdown)\n\n"
            md +=
                "| " + t("Skenario", "Scenario") + " | " + glanceColumns.map { escapeMarkdown(glanceHeader($0)) }.joined(separator: " | ")
                + " |\n"
            md += "|---" + String(repeating: "|---", count: glanceColumns.count) + "|\n"
            for s in touching(region: region) {
                let cells = glanceColumns.map { column -> String in
                    let (line, significant) = cell(s, region, comparison(s, region: region, column.metric, year: column.year))
                    return significant ? "**\(line.markdown)**" : line.markdown
                }
                md += "| \(escapeMarkdown(name(s))) | " + cells.joined(separator: " | ") + " |\n"
            }
            let untouched = whatIfs.filter { !touching(region: region).contains($0) }.map(name)
            if !untouched.isEmpty {
                md +=
                    "\n" + t("Tidak berubah di wilayah ini: ", "Unchanged in this region: ")
                    + escapeMarkdown(untouched.joined(separator: "; ")) + ".\n"
            }
            md += "\n" + extremes(region: region).map { "- \($0.markdown)\n" }.joined()
        }
        md += countersMarkdown()
        md += "\n## " + t("Keputusan evaluasi berkala", "Decisions of the periodic evaluation") + "\n\n"
        md += decisionsMarkdown()
        md += "\n## " + t("Catatan dan keterbatasan", "Caveats") + "\n\n"
        let (words, notes) = caveats()
        md += words.map { "- \($0)\n" }.joined()
        md += notes.map { note in
            let text = escapeMarkdown(note.text)
            return "- \(note.intro): `\(note.paths)`: " + (note.quote == nil ? text : "“\(text)”" + note.languageMark(in: language)) + "\n"
        }.joined()
        md +=
            "\n"
            + t(
                "Grafik ada di brief.html; angka lengkap di summary.csv dan timeseries.csv.",
                "Charts are in brief.html; all numbers are in summary.csv and timeseries.csv.") + "\n"
        return md
    }

    func decisionsMarkdown() -> String {
        let groups = decisionLines()
        let undone = undoneChoices()
        guard !groups.isEmpty || !undone.isEmpty else {
            return t("Evaluasi tidak mengubah program apa pun.", "The evaluation changed no programme.") + "\n"
        }
        var md = groups.map { group in
            "- \(group.decision.markdown)\n  \(group.scenarios.markdown)\n"
        }.joined()
        md += undone.map { "- \($0.markdown)\n" }.joined()
        return md
    }

    // MARK: - HTML

    public func html() -> String {
        guard result.hasBaseline else {
            let body =
                "<header><h1>\(xml(title))</h1>\n<p class=\"meta\">\(xml(context))</p></header>\n" + warningsHTML()
                + "<p class=\"read\"><b>\(xml(noBaselineNotice))</b></p>\n<ul>\n"
                + levelLines.map { "<li>\($0.html)</li>\n" }.joined() + warningDetails.map { "<li>\(xml($0))</li>\n" }.joined() + "</ul>\n"
            return page(title: title, language: language, body: body)
        }
        var body = "<header><h1>\(xml(title))</h1>\n<p class=\"meta\">\(xml(context))</p></header>\n"
        body += summaryHTML()
        body += "<p class=\"read\">\(xml(howToRead))</p>\n"
        body += "<aside class=\"assume\"><h2>" + xml(t("Yang diasumsikan model", "What the model assumes")) + "</h2>\n<ul>\n"
        body += assumptions().map { "<li>\(xml($0))</li>\n" }.joined()
        body +=
            "</ul>\n<p><a href=\"#catatan\">" + xml(t("Semua catatan dan keterbatasan", "All caveats and limits")) + "</a></p></aside>\n"
        body += "<h2>" + xml(t("Jawaban atas pertanyaan tiap skenario", "The answer to each scenario's question")) + "</h2>\n"
        body += "<p>\(baselineIntro.html)</p>\n"
        for s in whatIfs {
            body +=
                "<section class=\"answer\"><h3>\(xml(name(s)))</h3>\n<p class=\"question\">\(xml(labels[s].question.text(in: language)))</p>\n"
            body +=
                (regions.flatMap { answer(s, region: $0) + [moneyMoves(s, region: $0)].compactMap { $0 } } + novelties(s))
                .map { "<p>\($0.html)</p>\n" }.joined() + "</section>\n"
        }
        body += robustnessHTML()
        body += "<h2>" + xml(t("Sekilas: tahun pertama dan akhir periode", "At a glance: the first year and the horizon")) + "</h2>\n"
        for region in regions { body += glanceHTML(region: region) }
        body += "<h2>" + xml(t("Grafik perbandingan", "Charts that compare")) + "</h2>\n"
        for region in regions { body += chartsHTML(region: region) }
        body += countersHTML()
        body += "<h2>" + xml(t("Keputusan evaluasi berkala", "Decisions of the periodic evaluation")) + "</h2>\n" + decisionsHTML()
        body += "<h2 id=\"catatan\">" + xml(t("Catatan dan keterbatasan", "Caveats")) + "</h2>\n<ul>\n"
        let (words, notes) = caveats()
        body += words.map { "<li>\(xml($0))</li>\n" }.joined()
        body +=
            notes.map { note in
                let head = "<li>\(xml(note.intro)): <code>\(xml(note.paths))</code>: "
                switch note.quote {
                case nil: return head + xml(note.text) + "</li>\n"
                case .asWritten: return head + "<q>\(xml(note.text))</q></li>\n"
                case .other(let other):
                    return head + "<q lang=\"\(other.rawValue)\">\(xml(note.text))</q>\(xml(note.languageMark(in: language)))</li>\n"
                }
            }.joined() + "</ul>\n"
        body +=
            "<p class=\"meta\">"
            + xml(
                t(
                    "Angka lengkap: summary.csv, timeseries.csv, decisions.csv, programmes.csv, services.csv. Berkas skenario: ",
                    "All numbers: summary.csv, timeseries.csv, decisions.csv, programmes.csv, services.csv. Scenario files: "))
            + xml(labels.map(\.id).joined(separator: ", ")) + "</p>\n"
        return page(title: title, language: language, body: body)
    }

    func glanceHTML(region: String) -> String {
        var html = "<h3>\(xml(regionName(region)))</h3>\n<p>\(baselineLine(region: region).html)</p>\n"
        let rows = touching(region: region)
        if !rows.isEmpty {
            let perMetric = result.years > 1 ? 2 : 1
            html +=
                "<table>\n<tr><th rowspan=\"2\">" + xml(t("Skenario", "Scenario")) + "</th>"
                + BriefMetric.answered.map { "<th colspan=\"\(perMetric)\">Δ \(xml($0.short.text(in: language)))</th>" }.joined()
                + "</tr>\n<tr>"
                + glanceColumns.map { "<th>\(xml(glancePeriod($0)))</th>" }.joined() + "</tr>\n"
            for s in rows {
                html +=
                    "<tr><td>\(xml(name(s)))</td>"
                    + glanceColumns.map { column in
                        let (line, significant) = cell(s, region, comparison(s, region: region, column.metric, year: column.year))
                        return significant ? "<td class=\"sig\">\(line.html)</td>" : "<td class=\"ns\">\(line.html)</td>"
                    }.joined() + "</tr>\n"
            }
            html += "</table>\n"
        }
        let untouched = whatIfs.filter { !rows.contains($0) }.map(name)
        if !untouched.isEmpty {
            html +=
                "<p>" + xml(t("Tidak berubah di wilayah ini: ", "Unchanged in this region: ") + untouched.joined(separator: "; "))
                + ".</p>\n"
        }
        return html + "<ul>\n" + extremes(region: region).map { "<li>\($0.html)</li>\n" }.joined() + "</ul>\n"
    }

    func chartsHTML(region: String) -> String {
        var html = "<h3>\(xml(regionName(region)))</h3>\n"
        func figure(_ caption: String, _ svg: String?, note: String = "") -> String {
            guard let svg else { return "" }
            return "<figure><figcaption>\(xml(caption))</figcaption>\n\(svg)\(note)</figure>\n"
        }
        for metric in BriefMetric.headline {
            let period = comparison(baseline, region: region, metric).map(when) ?? ""
            html += figure(
                metric.label.text(in: language) + ": " + t("selisih terhadap \(comparedWith)", "difference from \(comparedWith)")
                    + " (\(period))",
                forestPlot(region: region, metric: metric))
        }
        for metric in BriefMetric.answered {
            let svg = smallMultiples(region: region, metric: metric, grades: metric.id == "service.ikm")
            html += figure(
                metric.label.text(in: language) + ", \(firstYear)–\(lastYear): "
                    + t("\(comparedWith) dan skenario yang berbeda nyata", "\(comparedWith) and the scenarios that differ"), svg)
        }
        if let chart = costEffect(region: region) {
            let note = chart.key.isEmpty ? "" : "<p class=\"key\">\(xml(chart.key.joined(separator: "; ")))</p>\n"
            html += figure(
                t(
                    "Biaya dan hasil: selisih anggaran terhadap selisih \(outcome.metric.phrase.text(in: language))",
                    "Cost and effect: the change in spending against the change in \(outcome.metric.phrase.text(in: language))"),
                chart.svg, note: note)
        }
        return html
    }

    func decisionsHTML() -> String {
        let groups = decisionLines()
        let undone = undoneChoices()
        guard !groups.isEmpty || !undone.isEmpty else {
            return "<p>" + xml(t("Evaluasi tidak mengubah program apa pun.", "The evaluation changed no programme.")) + "</p>\n"
        }
        var html = "<ul>\n"
        html += groups.map { group in
            "<li>\(group.decision.html)<br/>\n\(group.scenarios.html)</li>\n"
        }.joined()
        return html + undone.map { "<li>\($0.html)</li>\n" }.joined() + "</ul>\n"
    }
}

/// A self-contained XHTML page with the brief's screen and A4 print styles.
func page(title: String, language: Language, body: String) -> String {
    """
    <!DOCTYPE html>
    <html xmlns="http://www.w3.org/1999/xhtml" lang="\(language.rawValue)">
    <head>
    <meta charset="utf-8"/>
    <meta name="viewport" content="width=device-width, initial-scale=1"/>
    <title>\(xml(title))</title>
    <style>
    body { font-family: system-ui, "Segoe UI", Roboto, sans-serif; max-width: 940px; margin: 2em auto; padding: 0 1em; color: #222; line-height: 1.5; }
    h1 { font-size: 1.6em; margin-bottom: 0.2em; } h2 { margin-top: 1.8em; border-bottom: 2px solid #ddd; } h3 { margin-bottom: 0.3em; }
    .meta { color: #555; } .read { background: #f4f6f8; padding: 0.6em 0.9em; }
    .assume { border-left: 4px solid #d9a400; background: #fffaf0; padding: 0.2em 1em 0.4em; margin: 1em 0; } .assume h2 { border: 0; margin-top: 0.5em; font-size: 1.1em; }
    .question { font-style: italic; color: #444; margin-top: 0; }
    table { border-collapse: collapse; font-size: 0.88em; margin: 0.6em 0; } td, th { border: 1px solid #ccc; padding: 3px 7px; text-align: right; vertical-align: top; }
    td:first-child, th:first-child { text-align: left; } th { background: #f4f4f4; font-weight: 600; }
    td.sig { font-weight: bold; } td.ns { color: #777; }
    figure { margin: 1.2em 0; } figcaption { font-weight: 600; margin-bottom: 0.3em; }
    svg { max-width: 100%; height: auto; background: #fff; }
    .key { font-size: 0.9em; color: #444; }
    #summary .lead { margin: 0.5em 0; } table.options caption { text-align: left; font-weight: 600; }
    table.options { font-size: 0.8em; margin: 0.3em 0 0.6em; } table.options td, table.options th { white-space: nowrap; padding: 0 6px; }
    .warn { border-left: 4px solid #c0392b; background: #fdf2f0; padding: 0.2em 1em 0.4em; margin: 1em 0; } .warn h3 { margin-top: 0.5em; }
    @media print {
      @page { size: A4; margin: 14mm 12mm; }
      body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
      h2, h3, figcaption { break-after: avoid; }
      figure, table, tr, .answer, .assume, .warn, svg { break-inside: avoid; }
      #summary { break-after: page; } #summary h2 { margin-top: 0.6em; } #summary .lead { line-height: 1.35; }
      a { color: inherit; text-decoration: none; }
    }
    </style>
    </head>
    <body>
    \(body)</body>
    </html>

    """
}
