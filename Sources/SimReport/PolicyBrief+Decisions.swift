import SimCore
import SimExperiment
import SimWorkforce

/// The adaptive policy's decisions and the caveats, in sentences.
extension PolicyBrief {
    /// What the periodic evaluation did, per scenario: one sentence per region, programme and
    /// kind of decision ("Metode diganti dari kelas ke blended …").
    func decisionLines() -> [(scenario: Int, lines: [Line])] {
        var out: [(Int, [Line])] = []
        for s in labels.indices {
            struct Kind: Hashable, Comparable {
                var region: Int, programme: Int, action: String
                static func < (a: Kind, b: Kind) -> Bool { (a.region, a.programme, a.action) < (b.region, b.programme, b.action) }
            }
            struct Group {
                var count = 0
                var firstMonth: Int
                var from: Mode?
                var to: Mode?
                var moved = RunningStatistics()
            }
            var groups: [Kind: Group] = [:]
            // In month order, so a kind's first entry is its first month.
            for (key, summary) in result.decisions[s].sorted(by: { $0.key < $1.key })
            where regions.contains(labels[s].regionIDs[key.region]) {
                let kind = Kind(region: key.region, programme: key.programme, action: key.action)
                var group = groups[kind] ?? Group(firstMonth: key.month, from: summary.fromMode, to: summary.toMode)
                group.count += summary.count
                group.moved.merge(summary.movedShare)
                groups[kind] = group
            }
            let lines = groups.keys.sorted().map { entry -> Line in
                let group = groups[entry]!
                let perReplication = style.decimal(Double(group.count) / Double(max(result.replicationsDone, 1)), places: 1)
                let month = BriefWords.month(group.firstMonth, language) + " \(firstYear + group.firstMonth / 12)"
                let share = style.decimal(group.moved.mean * 100, places: 0) + "%"
                let what: String
                switch entry.action {
                case "switchMode":
                    let from = group.from.map { BriefWords.mode($0.id, language) } ?? "?"
                    let to = group.to.map { BriefWords.mode($0.id, language) } ?? "?"
                    what = t("metode diganti dari \(from) ke \(to)", "delivery switched from \(from) to \(to)")
                case "shiftBudget":
                    what = t(
                        "\(share) anggaran yang tersisa dialihkan ke program yang lebih efektif di domain yang sama",
                        "\(share) of its remaining money moved to a more effective programme for the same domain")
                default:
                    what = t(
                        "program dihentikan dan anggarannya dikembalikan ke rencana", "programme dropped and its money returned to the plan"
                    )
                }
                return [
                    .words(labels[s].regionName(entry.region) + ", "), .user(programmeName(s, entry.programme)),
                    .words(
                        ": " + what
                            + t(
                                " (rata-rata \(perReplication) kali per replikasi; pertama pada \(month)).",
                                " (\(perReplication) times per replication on average; first in \(month)).")),
                ]
            }
            if !lines.isEmpty { out.append((s, lines)) }
        }
        return out
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
        ]
        let estimates = Set(labels.flatMap(\.caveats)).count
        if estimates > 0 {
            lines.append(
                t(
                    "\(estimates) masukan adalah perkiraan atau asumsi, bukan angka resmi (daftarnya di bagian catatan).",
                    "\(estimates) inputs are estimates or assumptions, not published figures (listed with the caveats)."))
        }
        return lines
    }

    /// The caveats: the model's limits, stylised facts it misses, and the inputs that are
    /// estimates or assumptions (their source text as written, marked with its language).
    func caveats() -> (words: [String], foreign: [(intro: String, text: String)]) {
        var words = assumptions()
        var foreign: [(String, String)] = []
        for check in StylisedFacts.check(result, labels: labels) where !check.holds {
            foreign.append(
                (
                    t("Fakta yang tidak terpenuhi (MODEL.md §11)", "A stylised fact the model misses (MODEL.md §11)"),
                    "\(check.scenario) · \(check.region) · \(check.fact): \(NumberText.significant(check.value, digits: 3)); target \(check.target)"
                ))
        }
        var seen: Set<String> = []
        for label in labels {
            for caveat in label.caveats where !seen.contains(caveat) {
                seen.insert(caveat)
                foreign.append((t("Masukan berupa perkiraan atau asumsi", "An input that is an estimate or assumption"), caveat))
            }
        }
        if !foreign.isEmpty && language == .id {
            words.append("Sumber masukan di bawah dikutip apa adanya dari berkas skenario (dalam bahasa Inggris).")
        }
        return (words, foreign)
    }
}
