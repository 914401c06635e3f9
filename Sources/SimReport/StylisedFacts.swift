import SimCore
import SimExperiment
import SimWorkforce

/// One stylised fact of MODEL.md §11 checked on one region of one scenario.
public struct FactCheck: Sendable {
    public var scenario: String
    public var region: String
    public var fact: String
    public var source: String
    /// The target and its tolerance, in words and numbers.
    public var target: String
    /// The model's value, with its 95% interval over replications where one exists.
    public var value: Double
    public var low: Double
    public var high: Double
    public var holds: Bool
    /// The fact and its target in both languages, for the brief and the warnings.
    public var words: LocalizedText
    public var targetWords: LocalizedText
}

/// The stylised facts the workforce must reproduce before its what-ifs mean anything (MODEL.md
/// §11): retirement rate, age at the start, no month-0 exodus, Latsar on time, the share at
/// standard at the start, and Sawahlunto's IKM.
/// Checked on a run's results, so `simulate facts` and the brief agree.
public enum StylisedFacts {
    public static let retirementRate = (low: 0.035, high: 0.055)
    public static let age51Plus = (target: 0.31, tolerance: 0.03)
    public static let exodusRatio = 3.0
    /// `latsar.overdue` at the horizon is a count of people; a mean below half a person over the
    /// replications is zero as a planner reads it.
    public static let overdueTolerance = 0.5
    /// LAN, end 2022: 35.23% of ASN meet their competency standard; ± 3 pp as issue 12 asks.
    public static let shareAtStandard = (target: 0.35, tolerance: 0.03)
    /// Sawahlunto's 2017 IKM (3.21 × 25 = 80.2). The survey covered one office in one year and the
    /// model's IKM is a proxy over every counter, so the check asks for grade B (from 76.61) and no
    /// more than 4 points above the survey: the band of a different year and office mix.
    public static let sawahluntoIKM = (low: 76.61, high: 84.2)
    /// PNS reaching 20 JP a year from all sources, and fewer than half with none (MODEL.md §11:
    /// near the IP ASN competency dimension's 35%; an assumption until a region's records say).
    public static let reaching20 = (low: 0.25, high: 0.75, noneBelow: 0.5)

    public static func check(_ result: ExperimentResult, labels: [ScenarioLabels]) -> [FactCheck] {
        var checks: [FactCheck] = []
        for (s, label) in labels.enumerated() {
            let months = result.months
            for (r, region) in label.regionIDs.enumerated() {
                func index(_ metric: Metric) -> Int? { result.metric(s, r, .region(metric)) }
                guard let retirements = index(.retirements), let headcount = index(.headcount), let age = index(.age51PlusShare),
                    let overdue = index(.latsarOverdue), let standard = index(.competencyShareAtStandard),
                    let ikm = index(.serviceIKM), let reaching = index(.jpShareReaching20), let none = index(.jpShareWithNone)
                else { continue }
                func fact(
                    _ name: String, _ source: String, _ target: String, _ value: Double, _ low: Double, _ high: Double, _ holds: Bool
                ) {
                    let words = FactWords.words[name] ?? (name, name, target)
                    checks.append(
                        FactCheck(
                            scenario: label.id, region: region, fact: name, source: source, target: target,
                            value: value, low: low, high: high, holds: holds,
                            words: LocalizedText(indonesian: words.id, english: words.en),
                            targetWords: LocalizedText(indonesian: words.target, english: target)))
                }
                // Retirements per year ÷ mean headcount: the run's total per replication (with its
                // interval), over the mean headcount of the months.
                let total = Estimate(result.horizon[s][r][retirements])
                let meanHeadcount = (0..<months).reduce(0.0) { $0 + result.series[s][r][headcount * months + $1].mean } / Double(months)
                let perYear = Double(months) / 12 * meanHeadcount
                let rate = (total.mean / perYear, total.low / perYear, total.high / perYear)
                fact(
                    "PNS retiring per year", "BKN 2023: 851,498 of 3,745,226 PNS retire 2023–2027 (≈4.5%)",
                    "3.5–5.5% of headcount a year", rate.0, rate.1, rate.2,
                    rate.0 >= retirementRate.low && rate.0 <= retirementRate.high)
                let start = Estimate(result.series[s][r][age * months])
                fact(
                    "share aged 51 and over at the start", "BKN 2023 age profile (51–60 31%, over 60 0.5%)",
                    "31% ± 3 pp", start.mean, start.low, start.high, abs(start.mean - age51Plus.target) <= age51Plus.tolerance)
                let monthly = (0..<months).map { result.series[s][r][retirements * months + $0].mean }
                let meanMonth = monthly.reduce(0, +) / Double(months)
                let ratio = meanMonth > 0 ? (monthly.max() ?? 0) / meanMonth : .nan
                fact(
                    "no month-0 exodus", "follows from retirement in the month BUP is reached",
                    "no month's retirements above 3× the mean month", ratio, .nan, .nan, !(ratio > exodusRatio))
                let late = Estimate(result.horizon[s][r][overdue])
                fact(
                    "new CPNS complete Latsar within 12 months", "Perlan LAN 1/2021 (probation year)",
                    "latsar.overdue 0 at the horizon (mean below 0.5 person)", late.mean, late.low, late.high, late.mean < overdueTolerance)
                let atStandard = Estimate(result.series[s][r][standard * months])
                fact(
                    "share of employee-domain pairs at their standard at the start",
                    "LAN end 2022: 35.23% (national, applied to both cities; the starting gap is calibrated to it)",
                    "35% ± 3 pp", atStandard.mean, atStandard.low, atStandard.high,
                    abs(atStandard.mean - shareAtStandard.target) <= shareAtStandard.tolerance)
                if let share = yearEnds(result, s, r, reaching), let withNone = yearEnds(result, s, r, none)?.mean {
                    fact(
                        "share of PNS reaching 20 JP a year",
                        "MODEL.md §11: near the IP ASN competency dimension (LAN 2022: 35.23%); an assumption until a region's records say",
                        "25–75% each year on average, fewer than half with none", share.mean, share.low, share.high,
                        share.mean >= reaching20.low && share.mean <= reaching20.high && withNone < reaching20.noneBelow)
                }
                if region == "sawahlunto" {
                    // The first year: the survey describes the city as it is, not as a policy leaves it.
                    let firstYear = (0..<min(12, months)).map { Estimate(result.series[s][r][ikm * months + $0]) }
                    let n = Double(firstYear.count)
                    let mean = firstYear.reduce(0) { $0 + $1.mean } / n
                    // The mean of the months' half-widths bounds the half-width of their mean (the SD of a
                    // mean is at most the mean of the SDs, however the months are correlated).
                    let low = firstYear.reduce(0) { $0 + $1.low } / n
                    let high = firstYear.reduce(0) { $0 + $1.high } / n
                    fact(
                        "Sawahlunto IKM in the first year", "Sawahlunto DPMPTSP & Naker SKM 2017: 3.21 × 25 = 80.2 (grade B)",
                        "76.61–84.2 (grade B, within 4 points of 80.2)", mean, low, high,
                        mean >= sawahluntoIKM.low && mean <= sawahluntoIKM.high)
                }
            }
        }
        return checks
    }

    /// A fiscal-year-so-far series at each year's end (every twelfth month is a December): the mean
    /// over the years, with the mean of the years' interval bounds; nil before a year ends.
    static func yearEnds(_ result: ExperimentResult, _ s: Int, _ r: Int, _ metric: Int) -> (mean: Double, low: Double, high: Double)? {
        let months = result.months
        let years = stride(from: 11, to: months, by: 12).map { Estimate(result.series[s][r][metric * months + $0]) }
        guard !years.isEmpty else { return nil }
        let n = Double(years.count)
        return (years.reduce(0) { $0 + $1.mean } / n, years.reduce(0) { $0 + $1.low } / n, years.reduce(0) { $0 + $1.high } / n)
    }
}

/// Each fact's name in Indonesian and English and its target in Indonesian, keyed by the fact's
/// English name (which `facts.csv` keeps); a fact without an entry fails StylisedFactsWordsTests.
enum FactWords {
    static let words: [String: (id: String, en: String, target: String)] = [
        "PNS retiring per year": (
            "PNS pensiun per tahun", "PNS retiring per year", "3,5–5,5% dari jumlah pegawai per tahun"
        ),
        "share aged 51 and over at the start": (
            "porsi berusia 51 tahun ke atas di awal", "share aged 51 and over at the start", "31% ± 3 poin"
        ),
        "no month-0 exodus": (
            "tidak ada gelombang pensiun di bulan pertama", "no month-0 exodus",
            "tidak ada bulan dengan pensiun di atas 3× rata-rata bulanan"
        ),
        "new CPNS complete Latsar within 12 months": (
            "CPNS baru lulus Latsar dalam 12 bulan", "new CPNS complete Latsar within 12 months",
            "latsar.overdue 0 di akhir periode (rata-rata di bawah 0,5 orang)"
        ),
        "share of employee-domain pairs at their standard at the start": (
            "porsi pasangan pegawai–bidang yang memenuhi standar di awal",
            "share of employee-domain pairs at their standard at the start", "35% ± 3 poin"
        ),
        "share of PNS reaching 20 JP a year": (
            "porsi PNS yang mencapai 20 JP setahun", "share of PNS reaching 20 JP a year",
            "25–75% per tahun rata-rata, kurang dari separuh tanpa JP"
        ),
        "Sawahlunto IKM in the first year": (
            "IKM Sawahlunto di tahun pertama", "Sawahlunto IKM in the first year",
            "76,61–84,2 (mutu B, dalam 4 poin dari 80,2)"
        ),
    ]
}
