import SimCore
import SimExperiment
import SimWorkforce

/// The adaptive policy's decisions and the caveats, in sentences.
extension PolicyBrief {
    /// What the periodic evaluation did, one entry per kind of decision (region, programme,
    /// action, modes) with the scenarios that took it beneath: a decision most scenarios share
    /// (the baseline's own evaluation at work) is said once, not once per scenario.
    func decisionLines() -> [(decision: Line, scenarios: Line)] {
        struct Kind: Hashable {
            var region: String, programme: String, action: String, from: Mode?, to: Mode?
        }
        struct Taken {
            var scenario: Int
            var count = 0
            var firstMonth: Int
            var moved = RunningStatistics()
        }
        var order: [Kind] = []
        var taken: [Kind: [Taken]] = [:]
        var words: [Kind: Line] = [:]
        for s in labels.indices {
            // In month order, so a kind's first entry is its first month.
            for (key, summary) in result.decisions[s].sorted(by: { $0.key < $1.key })
            where regions.contains(labels[s].regionIDs[key.region]) {
                let kind = Kind(
                    region: labels[s].regionIDs[key.region], programme: labels[s].programmeIDs[key.programme], action: key.action,
                    from: summary.fromMode, to: summary.toMode)
                if taken[kind] == nil {
                    order.append(kind)
                    words[kind] = [.words(labels[s].regionName(key.region) + ", "), .user(programmeName(s, key.programme)), .words(": ")]
                }
                var list = taken[kind] ?? []
                if list.last?.scenario != s { list.append(Taken(scenario: s, firstMonth: key.month)) }
                list[list.count - 1].count += summary.count
                list[list.count - 1].moved.merge(summary.movedShare)
                taken[kind] = list
            }
        }
        return order.map { kind in
            let list = taken[kind]!
            var moved = RunningStatistics()
            for entry in list { moved.merge(entry.moved) }
            let what: String
            switch kind.action {
            case "switchMode":
                let from = kind.from.map { BriefWords.mode($0.id, language) } ?? "?"
                let to = kind.to.map { BriefWords.mode($0.id, language) } ?? "?"
                what = t("metode diganti dari \(from) ke \(to)", "delivery switched from \(from) to \(to)")
            case "shiftBudget":
                let share = style.decimal(moved.mean * 100, places: 0) + "%"
                what = t(
                    "rata-rata \(share) anggaran yang tersisa dialihkan ke program yang lebih efektif di domain yang sama",
                    "on average \(share) of its remaining money moved to a more effective programme for the same domain")
            case "revise":
                what = t(
                    "program direvisi (penyelenggara atau kurikulum baru) karena terus di bawah ambang",
                    "programme revised (a new provider or curriculum) after falling short again")
            default:
                what = t(
                    "program dihentikan dan anggarannya dikembalikan ke rencana", "programme dropped and its money returned to the plan")
            }
            let decision =
                words[kind]! + [
                    .words(
                        what
                            + t(
                                ", dalam \(list.count) skenario (kali per replikasi, rata-rata; bulan pertama):",
                                ", in \(list.count) scenario\(list.count == 1 ? "" : "s") (times per replication, on average; first month):"
                            ))
                ]
            var scenarios: Line = []
            for (i, entry) in list.enumerated() {
                let perReplication = style.decimal(Double(entry.count) / Double(max(result.replicationsDone, 1)), places: 1)
                let month = periodWords(startYear: firstYear, month: entry.firstMonth, language)
                if i > 0 { scenarios.append(.words("; ")) }
                scenarios += [
                    .user(labels[entry.scenario].shortName?.text(in: language) ?? name(entry.scenario)),
                    .words(" \(perReplication)× (\(month))"),
                ]
            }
            return (decision, scenarios + [.words(".")])
        }
    }

    func programmeName(_ s: Int, _ p: Int) -> String {
        p < labels[s].programmeNames.count ? labels[s].programmeNames[p].text(in: language) : labels[s].programmeIDs[p]
    }

    /// Plain words where the evaluation switched a programme away from a mode the what-if set (a
    /// mode other than the baseline's), which would test the evaluation instead of the choice.
    func undoneChoices() -> [Line] {
        let base = labels[baseline]
        var lines: [Line] = []
        for (s, label) in labels.enumerated() where s != baseline && label.programmeModes.count == label.programmeIDs.count {
            var switched: [Int: Int] = [:]
            for (key, summary) in result.decisions[s] where key.action == "switchMode" && regions.contains(labels[s].regionIDs[key.region])
            {
                switched[key.programme, default: 0] += summary.count
            }
            for (p, count) in switched.sorted(by: { $0.key < $1.key }) {
                guard let b = base.programmeIDs.firstIndex(of: label.programmeIDs[p]), b < base.programmeModes.count,
                    base.programmeModes[b] != label.programmeModes[p]
                else { continue }
                let id = label.programmeIDs[p]
                let mode = BriefWords.mode(label.programmeModes[p], language)
                let times = style.decimal(Double(count) / Double(max(result.replicationsDone, 1)), places: 1)
                lines.append([
                    .user(name(s)), .words(t(" memilih metode \(mode) untuk ", " set ")), .user(programmeName(s, p)),
                    .words(
                        t(
                            ", tetapi evaluasi menggantinya (rata-rata \(times) kali per replikasi), sehingga hasilnya tidak lagi menguji pilihan itu. Untuk mengujinya, cantumkan \(id) di policy.evaluation.exemptProgrammes.",
                            " to \(mode), but the evaluation switched it away (\(times) times per replication on average), so its result no longer tests that choice. To test it, list \(id) in policy.evaluation.exemptProgrammes."
                        )),
                ])
            }
        }
        return lines
    }

    /// What the model assumes, for the box on the first page.
    func assumptions() -> [String] {
        var lines = [
            t(
                "Ini model untuk membandingkan kebijakan, bukan ramalan: selisih antarskenario lebih dapat dipercaya daripada angka absolutnya.",
                "This is a model for comparing policies, not a forecast: differences between scenarios deserve more trust than absolute levels."
            ),
            t(
                "Pengaruh pelatihan pada kinerja mengikuti kurva transfer dari kajian: hanya sebagian dari yang dipelajari dipakai di tempat kerja.",
                "Training affects work through a transfer curve from the literature: only part of what is learned is used on the job."),
            t(
                "IKM dan IP ASN di sini adalah proksi yang dihitung model, bukan survei atau pengukuran BKN.",
                "IKM and IP ASN here are proxies computed by the model, not surveys or BKN's measurement."),
            skmElementsLine,
        ]
        let estimates = shownCaveats.count
        if estimates > 0 {
            lines.append(
                t(
                    "\(estimates) masukan adalah perkiraan atau asumsi, bukan angka resmi (daftarnya di bagian catatan).",
                    "\(estimates) inputs are estimates or assumptions, not published figures (listed with the caveats)."))
        }
        return lines
    }

    /// Which of the nine SKM elements behind the IKM the model produces and which it holds.
    var skmElementsLine: String {
        func list(_ elements: [SKMElement]) -> String {
            elements.map { "\($0.code) \(t($0.label.id.lowercased(), $0.label.en.lowercased()))" }.joined(separator: ", ")
        }
        return t(
            "IKM = 25 × rata-rata sembilan unsur SKM (PermenPAN-RB 14/2017). Model menghitung \(list(SKMElement.modelled)); "
                + "\(list(SKMElement.held)) tetap pada skor SKM unit sendiri.",
            "IKM = 25 × the mean of the nine SKM elements (PermenPAN-RB 14/2017). The model computes \(list(SKMElement.modelled)); "
                + "\(list(SKMElement.held)) are held at the unit's own SKM scores.")
    }

    /// What the run warns about, one line each in the brief's language (a stylised fact missed among them).
    var warningDetails: [String] {
        warnings.filter { regions.contains($0.region) }.map { warning in
            let scenario = labels.firstIndex { $0.id == warning.scenario }.map(name) ?? warning.scenario
            return t("Perhatian", "Warning") + " (\(warning.code.rawValue), “\(scenario)”): " + warning.what.text(in: language)
        }
    }

    /// The scenarios' caveats once each, with only the paths of the regions this brief covers.
    var shownCaveats: [Caveat] {
        var seen: Set<Caveat> = []
        var shown: [Caveat] = []
        for label in labels {
            for var caveat in label.caveats where !seen.contains(caveat) {
                seen.insert(caveat)
                caveat.paths.removeAll { path in
                    path.hasPrefix("regions.") && !regions.contains { path.hasPrefix("regions.\($0).") }
                }
                if !caveat.paths.isEmpty { shown.append(caveat) }
            }
        }
        return shown
    }

    /// The caveats: the model's limits, stylised facts it misses, and the inputs that are
    /// estimates or assumptions, each with the note the scenario gave for it.
    func caveats() -> (words: [String], notes: [CaveatNote]) {
        var words = assumptions()
        words += warningDetails
        let notes = shownCaveats.map { CaveatNote($0, in: language) }
        if notes.contains(where: { $0.quote == .asWritten }) {
            words.append(
                t(
                    "Sumber yang ditulis sebagai teks biasa di berkas skenario dikutip apa adanya.",
                    "Sources written as plain text in the scenario file are quoted as written."))
        }
        return (words, notes)
    }
}

/// An input that is an estimate or an assumption, as one caveat line: its paths and its note,
/// in the brief's language when the scenario gave it so, else quoted (as written, or in the
/// other language and marked so).
struct CaveatNote {
    enum Quote: Equatable {
        case asWritten
        case other(Language)
    }
    var intro: String
    var paths: String
    var text: String
    /// How the text is quoted; nil when it is in the brief's language.
    var quote: Quote?

    init(_ caveat: Caveat, in language: Language) {
        let t = language.pick
        intro = t("Masukan berupa perkiraan atau asumsi", "An input that is an estimate or assumption")
        paths = caveat.paths.joined(separator: ", ")
        let other: Language = language == .id ? .en : .id
        if let own = caveat.note.text(in: language) {
            (text, quote) = (own, nil)
        } else if let theirs = caveat.note.text(in: other) {
            (text, quote) = (theirs, .other(other))
        } else {
            (text, quote) = (caveat.note.texts.first ?? "", .asWritten)
        }
    }

    /// The mark after a text quoted in the other language: "(dalam bahasa Inggris)".
    func languageMark(in language: Language) -> String {
        guard case .other(let other) = quote else { return "" }
        let t = language.pick
        return " " + (other == .en ? t("(dalam bahasa Inggris)", "(in English)") : t("(dalam bahasa Indonesia)", "(in Indonesian)"))
    }
}
