import SimExperiment
import SimWorkforce

/// "What would change this answer": the drawn inputs whose values move the recommended option's
/// advantage most, ranked by Spearman's ρ of its paired difference with each input's draw
/// (``InputInfluence``). Only in a run that draws its inputs.
extension PolicyBrief {
    /// The drawn inputs that can act on `region`: those of every region and those of this one.
    func drawnInputs(region: String) -> [String] {
        uncertainPaths.filter { path in
            let parts = path.split(separator: ".")
            return parts.count < 2 || parts[0] != "regions" || parts[1] == "*" || parts[1] == Substring(region)
        }
    }

    /// The sentence after an option's answer, or `nil` when the inputs were not drawn.
    func influenceLine(_ option: SummaryOption, region: String) -> Line? {
        let inputs = drawnInputs(region: region)
        guard !inputs.isEmpty, let r = result.region(option.scenario, region),
            let m = result.metric(option.scenario, r, outcome.metric.key)
        else { return nil }
        let differences = result.replicationDeltas[option.scenario][r][m]
        let needed = InputInfluence.replicationsNeeded(inputs: inputs.count)
        guard differences.count >= needed else {
            // When no city shown has enough, the method line says so once for the page.
            guard influenceMethodRanks else { return nil }
            return [.words(t(" Masukan penentu: perlu \(needed) replikasi.", " Deciding inputs: needs \(needed) replications."))]
        }
        let draws = inputs.map { path in
            (path, differences.indices.map { UncertainDraws.quantile(path, seed: seed, replication: $0) })
        }
        guard let ranked = InputInfluence.rank(differences: differences, draws: draws) else { return nil }
        let threshold = InputInfluence.threshold(inputs: inputs.count, replications: differences.count)
        let named = ranked.prefix(2).filter { abs($0.rho) > threshold }
        // No input clears the bar: page 1 stays silent (its 250-word budget).
        guard !named.isEmpty else { return nil }
        let list = named.map { "\(inputWords($0.path)) (ρ \(rhoText($0.rho)))" }.joined(separator: t(" dan ", " and "))
        return [
            .words(
                t(" Paling menentukan (ρ Spearman, batas Bonferroni 5%): ", " Matters most (Spearman ρ, Bonferroni 5% bar): ") + list + ".")
        ]
    }

    func rhoText(_ rho: Double) -> String { (rho > 0 ? "+" : rho < 0 ? "−" : "") + style.decimal(abs(rho), places: 2) }

    /// For the method line: that the run has too few replications to rank the inputs (the fewest
    /// any city shown needs); nothing when it has enough (the named inputs say how they were ranked).
    var influenceMethod: String {
        guard !uncertainPaths.isEmpty else { return "" }
        guard influenceMethodRanks else {
            let needed = regions.map { InputInfluence.replicationsNeeded(inputs: drawnInputs(region: $0).count) }.min() ?? 0
            return t(
                " Replikasi terlalu sedikit untuk menyebut masukan penentu (perlu \(needed)).",
                " Too few replications to name the deciding inputs (needs \(needed)).")
        }
        return ""
    }

    /// Whether the run has enough replications to rank the inputs for at least one city shown.
    var influenceMethodRanks: Bool {
        regions.contains { replications >= InputInfluence.replicationsNeeded(inputs: drawnInputs(region: $0).count) }
    }

    /// An uncertain input in words, by the field its path ends in; any other is shown as written.
    func inputWords(_ path: String) -> String {
        let known: [(suffix: String, words: (String, String))] = [
            ("headcount", ("jumlah ASN", "ASN headcount")),
            ("budget.rupiahPerYear", ("anggaran pengembangan per tahun", "the yearly development budget")),
            ("requirementDriftPerYear", ("kenaikan standar kompetensi per tahun", "the yearly rise in what posts require")),
            ("initialGapLevels", ("kesenjangan kompetensi awal", "starting competency gap")),
            ("motivation.mean", ("motivasi rata-rata", "mean motivation")),
            ("internetQuality", ("kualitas internet", "internet quality")),
            ("service.requestsPerDay", ("permohonan layanan per hari", "service requests a day")),
            ("transfer.immediateShare", ("bagian yang langsung diterapkan", "share applied at once")),
            ("transfer.floorShare", ("bagian yang tetap diterapkan", "share applied in the long run")),
            ("transfer.timeConstantMonths", ("lama sampai diterapkan", "time to apply")),
            ("transfer.supportFloorGain", ("pengaruh dukungan pimpinan pada penerapan", "leaders' support on applying")),
            ("decay.halfLifeMonths", ("waktu paruh lupa", "forgetting half-life")),
            ("programmeEffectSpread", ("sebaran mutu program", "how much programmes differ in quality")),
            ("dose.exponent", ("manfaat program yang lebih panjang", "what a longer programme adds")),
            ("dose.onlineCompletionExponent", ("turunnya penyelesaian e-learning yang panjang", "long e-learning's lower completion")),
            ("decay.refresherRestoreShare", ("pemulihan oleh penyegaran", "share a refresher restores")),
            ("participation.baseAcceptance", ("peluang menerima undangan", "chance of accepting a place")),
            ("participation.motivationEffect", ("pengaruh motivasi pada kehadiran", "motivation's effect on taking part")),
            ("motivation.workloadPenalty", ("turunnya motivasi karena beban kerja", "workload's toll on motivation")),
            ("serviceQuality.timelinessScaleMinutes", ("kepekaan IKM pada waktu tunggu", "IKM's sensitivity to waits")),
        ]
        guard let match = known.first(where: { path == $0.suffix || path.hasSuffix("." + $0.suffix) }) else { return path }
        return t(match.words.0, match.words.1)
    }
}
