import SimExperiment
import SimWorkforce

/// The brief's line on what makes each counter's IKM in the baseline: the last year's mean score of
/// the five SKM elements the model computes (services.csv's `skm.*` rows), and the lowest of them,
/// so a planner sees whether waits, competence or complaint handling pull the index down.
extension PolicyBrief {
    /// `region`'s counters in the baseline, each with its modelled elements' last-year scores (1–4).
    func skmScores(region: String) -> [(unit: String, scores: [(element: SKMElement, score: Double)])] {
        guard let r = index(baseline, region) else { return [] }
        let catalogue = result.catalogues[baseline][r]
        let (years, year) = (result.years, result.years - 1)
        return catalogue.counters.compactMap { unit in
            let scores = CounterMeasure.allCases.compactMap { measure -> (element: SKMElement, score: Double)? in
                guard let element = measure.skmElement, let m = catalogue.position(of: .counter(measure, unit: unit)) else { return nil }
                let score = Estimate(result.yearly[baseline][r][m * years + year]).mean
                return score.isFinite ? (element, score) : nil
            }
            return scores.isEmpty ? nil : (unit, scores)
        }
    }

    /// One counter's elements in a sentence, the lowest named. Semicolons part the elements: one
    /// name holds a comma, and an Indonesian score has a decimal comma.
    func skmSentence(_ unit: String, _ scores: [(element: SKMElement, score: Double)]) -> String {
        func name(_ element: SKMElement) -> String {
            "\(element.code) \(t(element.label.id.lowercased(), element.label.en.lowercased()))"
        }
        let parts = scores.map { "\(name($0.element)) \(style.value($0.score, .plain, places: 1))" }.joined(separator: "; ")
        let lowest = scores.min { $0.score < $1.score }!.element
        return t(
            "Di loket \(unit) pada \(lastYear) di \(comparedWith), skor unsur SKM yang dihitung model (1–4): \(parts). Yang terendah: \(name(lowest)).",
            "At the \(unit) counter in \(lastYear) under \(comparedWith), the SKM elements the model computes score (1–4): \(parts). The lowest: \(name(lowest))."
        )
    }

    /// The sentences of `region`'s counters.
    func skmSentences(region: String) -> [String] { skmScores(region: region).map { skmSentence($0.unit, $0.scores) } }

    /// A counter's last-year mean of `measure` in the baseline (NaN where it has none).
    func baselineLastYear(_ measure: CounterMeasure, region r: Int, unit: String) -> Double {
        let catalogue = result.catalogues[baseline][r]
        guard let m = catalogue.position(of: .counter(measure, unit: unit)) else { return .nan }
        return Estimate(result.yearly[baseline][r][m * result.years + result.years - 1]).mean
    }

    /// For each baseline counter with a back office: how long its requests took to complete in the
    /// last year and the share within the unit's standard, which U3 takes in (services.csv).
    func backOfficeSentences(region: String) -> [String] {
        guard let r = index(baseline, region) else { return [] }
        return result.catalogues[baseline][r].counters.compactMap { unit -> String? in
            let days = baselineLastYear(.daysToCompletion, region: r, unit: unit)
            let within = baselineLastYear(.withinStandard, region: r, unit: unit)
            guard days.isFinite, within.isFinite else { return nil }
            let (d, w) = (style.value(days, .plain, places: 1), style.value(within, .share, halfWidth: .nan))
            return t(
                "Di loket \(unit), permohonan yang perlu dikerjakan back office (cetak, verifikasi, tanda tangan) selesai rata-rata \(d) hari kerja setelah kunjungan pada \(lastYear), \(w) dalam standar pelayanan unit; yang terlambat diberi skor 1 pada U3 (waktu penyelesaian).",
                "At the \(unit) counter, requests needing back-office work (printing, verification, signatures) took \(d) working days on average from the visit in \(lastYear), \(w) within the unit's service standard; those done late score 1 on U3 (completion time)."
            )
        }
    }
}
