import SimExperiment
import SimWorkforce

/// The brief's line on each office counter of the baseline: how long citizens waited by the hour
/// they came in the last year (the mean, and the wait nine in ten were served within), the rows of
/// services-hourly.csv, so the morning rush a planner sees at the office is in the brief too.
extension PolicyBrief {
    /// An hour of arrival at an office counter: the last year's mean and 90th-percentile wait (minutes).
    struct HourWait {
        let hour: Int
        let mean: Double
        let p90: Double
    }

    /// `region`'s office counters in the baseline, each with its hours that served someone.
    func hourlyWaits(region: String) -> [(unit: String, hours: [HourWait])] {
        guard let r = index(baseline, region) else { return [] }
        let catalogue = result.catalogues[baseline][r]
        let (years, year) = (result.years, result.years - 1)
        func last(_ measure: HourMeasure, _ unit: String, _ hour: Int) -> Double? {
            catalogue.position(of: .counterHour(measure, unit: unit, hour: hour)).map {
                Estimate(result.yearly[baseline][r][$0 * years + year]).mean
            }
        }
        return catalogue.counters.compactMap { unit in
            let hours = (0..<24).compactMap { hour -> HourWait? in
                guard let mean = last(.waitMean, unit, hour), let p90 = last(.waitP90, unit, hour), mean.isFinite, p90.isFinite else {
                    return nil
                }
                return HourWait(hour: hour, mean: mean, p90: p90)
            }
            return hours.isEmpty ? nil : (unit, hours)
        }
    }

    /// One counter's hours in a sentence: `08:00 69 (95)` for each hour.
    func hourlySentence(_ unit: String, _ hours: [HourWait]) -> String {
        let parts = hours.map { wait in
            let clock = wait.hour < 10 ? "0\(wait.hour):00" : "\(wait.hour):00"
            return "\(clock) \(style.value(wait.mean, .plain, places: 0)) (\(style.value(wait.p90, .plain, places: 0)))"
        }.joined(separator: "; ")
        return t(
            "Di loket \(unit) (hari kantor), menurut jam datang pada \(lastYear) di \(comparedWith): rata-rata menit menunggu, dan dalam kurung menit yang cukup bagi 9 dari 10 warga: \(parts).",
            "At the \(unit) counter (an office's day), by hour of arrival in \(lastYear) under \(comparedWith): mean minutes waited, and in brackets the minutes within which 9 in 10 citizens were served: \(parts)."
        )
    }

    /// The sentences of `region`'s office counters.
    func hourlySentences(region: String) -> [String] { hourlyWaits(region: region).map { hourlySentence($0.unit, $0.hours) } }
}
