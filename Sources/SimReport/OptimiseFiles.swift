import Foundation
import SimCore
import SimExperiment
import SimOptimise
import SimScenario
import SimWorkforce

/// The files of an optimisation: best.json, optimise.csv, optimise.html and run.json's extra.
public struct OptimiseFiles {
    public let outcome: OptimiseOutcome
    public let study: OptimiseStudy
    public let common: [Override]
    public let language: Language
    public let locale: CSVLocale
    /// The results folder (best.json's `extends` is relative to it).
    public let output: URL

    public init(outcome: OptimiseOutcome, study: OptimiseStudy, common: [Override], language: Language, locale: CSVLocale, output: URL) {
        (self.outcome, self.study, self.common, self.language, self.locale, self.output) = (
            outcome, study, common, language, locale, output
        )
    }

    public var problem: OptimisationProblem { study.problem }
    public var winner: OptimiseOutcome.Candidate { outcome.candidates[outcome.winner] }

    /// The winner minus the plan as written on the confirmation's replications (paired), in the objective's units.
    public var confirmedGain: Estimate {
        var gain = RunningStatistics()
        for (w, b) in zip(outcome.confirmationWinner, outcome.confirmationCurrent) {
            gain.add(w[OptimiseStudy.objectiveIndex] - b[OptimiseStudy.objectiveIndex])
        }
        return Estimate(gain)
    }

    /// Whether best.json is the plan as written: the selection chose it, or the winner's
    /// confirmed gain is not significant while the plan as written meets the constraints. A
    /// change of plan must earn its place: seven changes for a gain of 0 [0, 0] are noise.
    public static func keepsPlanAsWritten(winner: Int, gain: Estimate, maximise: Bool, currentMeetsConstraints: Bool) -> Bool {
        guard winner != 0 else { return true }
        guard currentMeetsConstraints else { return false }
        return !(maximise ? gain.low > 0 : gain.high < 0)
    }

    public var keepsPlanAsWritten: Bool {
        Self.keepsPlanAsWritten(
            winner: outcome.winner, gain: confirmedGain, maximise: problem.maximise,
            currentMeetsConstraints: outcome.candidates[0].score.isFeasible)
    }

    /// The plan best.json writes: the winner, or the plan as written where the winner did not earn the change.
    public var chosen: OptimiseOutcome.Candidate { keepsPlanAsWritten ? outcome.candidates[0] : winner }

    public func all(metadata: String) -> [(name: String, contents: String)] {
        [
            ("best.json", bestScenario()), ("optimise.csv", table()),
            ("optimise.html", OptimiseReport.html(reportData, language: language)),
            ("run.json", metadata),
        ]
    }

    public func memoSentence(_ language: Language) -> String { reportData.memoSentence(language) }

    /// What run.json adds: the settings, the plans scored and the winner.
    public var metadata: [(String, JSONValue)] {
        let s = outcome.settings
        func n(_ x: Double) -> JSONNode { JSONNode(.number(x)) }
        return [
            (
                "optimise",
                .object([
                    ("evaluations", n(Double(s.evaluations))), ("plansSearched", n(Double(outcome.plansSimulated))),
                    ("replications", n(Double(s.replications))), ("finalists", n(Double(outcome.finalists.count))),
                    ("indifference", n(s.delta)), ("confidence", n(s.confidence)), ("confirmation", n(Double(s.confirmation))),
                    ("winner", n(Double(outcome.winner))),
                ])
            )
        ]
    }

    // MARK: best.json

    /// A scenario that extends the input and sets the chosen values (and the run's `--set`).
    public func bestScenario() -> String {
        let settings = JSONNode(.object([])).setting(common + chosen.overrides)
        let name = study.scenario.name
        var members: [(String, JSONNode)] = [
            ("schemaVersion", JSONNode(.number(1))),
            ("extends", JSONNode(.string(Self.relativePath(of: study.scenario.file, from: output)))),
            ("id", JSONNode(.string("\(study.scenario.id)-best"))),
            (
                "name",
                JSONNode(
                    .object([
                        ("id", JSONNode(.string("\(name.text(in: .id)) — rencana terbaik"))),
                        ("en", JSONNode(.string("\(name.text(in: .en)) — the best plan"))),
                    ]))
            ),
            (
                "notes",
                JSONNode(
                    .string(
                        "Chosen by simulate optimise (seed \(outcome.settings.seed)): \(outcome.plansSimulated) plans searched on \(outcome.settings.replications) replications each, the best \(outcome.finalists.count) compared by Kim and Nelson's procedure (δ = \(NumberText.plain(outcome.settings.delta)), confidence \(NumberText.plain(outcome.settings.confidence))). \(memoSentence(.en))"
                    ))
            ),
            // The search's own block is done with: this file is a plan to run, not a search to repeat.
            ("optimise", JSONNode(.null)),
        ]
        members += (settings.members ?? []).map { ($0.key, $0.value) }
        let setOnCommandLine = SourceNote.given(
            LocalizedText(
                indonesian: "ditetapkan di baris perintah simulate optimise (--set)",
                english: "set on the command line of simulate optimise (--set)"))
        let chosenBySearch = SourceNote.given(
            LocalizedText(
                indonesian: "dipilih oleh simulate optimise; lihat optimise.html dan optimise.csv",
                english: "chosen by simulate optimise; see optimise.html and optimise.csv"))
        let sources =
            common.map { ($0.path, JSONNode(setOnCommandLine)) } + chosen.overrides.map { ($0.path, JSONNode(chosenBySearch)) }
        if !sources.isEmpty { members.append(("sources", JSONNode(.object(sources)))) }
        return JSONWriter.render(.object(members), indent: 0) + "\n"
    }

    /// `file` as seen from `folder`: relative when both are under one root, so the results
    /// folder can move with the scenarios; absolute otherwise.
    public static func relativePath(of file: String, from folder: URL) -> String {
        let target = URL(fileURLWithPath: file).standardizedFileURL.pathComponents
        let base = folder.standardizedFileURL.pathComponents
        var shared = 0
        while shared < min(target.count, base.count) && target[shared] == base[shared] { shared += 1 }
        guard shared > 1 else { return URL(fileURLWithPath: file).standardizedFileURL.path }
        return (Array(repeating: "..", count: base.count - shared) + target[shared...]).joined(separator: "/")
    }

    // MARK: optimise.csv

    /// Every decision target: the CSV's value columns.
    public var targetPaths: [String] { problem.decisions.flatMap { $0.targets.map(\.path) } }

    /// A candidate's value at each target, from its overrides (the scenario's own where unset):
    /// a word as itself, anything else as JSON.
    public func values(of candidate: OptimiseOutcome.Candidate) -> [String] {
        func text(_ value: JSONValue) -> String {
            if case .string(let word) = value { return word }
            return JSONWriter.render(value, indent: 0)
        }
        let current = problem.decisions.flatMap { d in d.targets.indices.map { text(d.current[min($0, d.current.count - 1)]) } }
        return zip(targetPaths, current).map { path, value in
            candidate.overrides.first { $0.path == path }.map { text($0.value.value) } ?? value
        }
    }

    public func table() -> String {
        var writer = CSVWriter(locale: locale)
        let labels = study.constraintLabels
        writer.row(
            (["candidate", "stage"] + targetPaths + ["objective_mean", "objective_ci_low", "objective_ci_high", "replications"]
                + labels.flatMap { ["margin_mean \($0)", "margin_ci_low \($0)", "margin_ci_high \($0)"] }
                + [
                    "meets_constraints", "spent_rupiah_mean", "ikm_mean", "selection_replications", "selection_objective_mean",
                    "eliminated_at_replication", "chosen",
                ]).map { .identifier($0) })
        for (c, candidate) in outcome.candidates.enumerated() {
            let objective = Self.estimate(candidate.searchMeasures, OptimiseStudy.objectiveIndex)
            var row: [CSVField] = [.integer(c), .identifier(candidate.stage)] + values(of: candidate).map { .userText($0) }
            row += [.number(objective.mean), .number(objective.low), .number(objective.high), .integer(objective.replications)]
            for k in labels.indices {
                let margin = Self.estimate(candidate.searchMeasures, OptimiseStudy.firstMargin + k)
                row += [.number(margin.mean), .number(margin.low), .number(margin.high)]
            }
            let system = outcome.finalists.firstIndex(of: c)
            row += [
                .integer(candidate.score.isFeasible ? 1 : 0),
                .number(Self.estimate(candidate.searchMeasures, OptimiseStudy.spentIndex).mean),
                .number(Self.estimate(candidate.searchMeasures, OptimiseStudy.ikmIndex).mean),
                system.map { _ in .integer(candidate.selectionMeasures.count) } ?? .identifier(""),
                system.map { _ in .number(Self.estimate(candidate.selectionMeasures, OptimiseStudy.objectiveIndex).mean) }
                    ?? .identifier(""),
                system.flatMap { outcome.eliminatedAt[$0] }.map { .integer($0) } ?? .identifier(""),
                .integer(c == outcome.winner ? 1 : 0),
            ]
            writer.row(row)
        }
        return writer.text
    }

    public static func estimate(_ measures: [[Double]], _ index: Int) -> Estimate {
        var stats = RunningStatistics()
        for m in measures { stats.add(m[index]) }
        return Estimate(stats)
    }

    // MARK: optimise.html

    public var reportData: OptimiseReportData {
        let sign = problem.maximise ? 1.0 : -1.0
        let points = outcome.candidates.enumerated().map { c, candidate in
            OptimiseReportData.Point(
                objective: Self.estimate(candidate.searchMeasures, OptimiseStudy.objectiveIndex).mean,
                spentRupiah: Self.estimate(candidate.searchMeasures, OptimiseStudy.spentIndex).mean,
                ikm: Self.estimate(candidate.searchMeasures, OptimiseStudy.ikmIndex).mean,
                feasible: candidate.score.isFeasible, isWinner: c == outcome.winner, isCurrent: c == 0)
        }
        let current = values(of: outcome.candidates[0])
        let chosen = values(of: self.chosen)
        let gain = confirmedGain
        let checks = study.constraintLabels.indices.map { k in
            OptimiseReportData.Check(
                label: study.constraintLabels[k], margin: Self.estimate(outcome.confirmationWinner, OptimiseStudy.firstMargin + k))
        }
        let objectiveLabel = problem.objective.map {
            ($0.weight == 1 ? "" : "\(NumberText.plain($0.weight)) × ") + $0.metric + " (\($0.region ?? "mean of the regions"))"
        }.joined(separator: " + ")
        return OptimiseReportData(
            scenarioName: study.scenario.name, objectiveLabel: objectiveLabel,
            objectiveMetric: problem.objective.count == 1 && problem.objective[0].weight == 1 ? problem.objective[0].metric : nil,
            objectiveRegion: problem.objective.count == 1
                ? problem.objective[0].region.flatMap { id in study.scenario.parameters.regions.first { $0.id == id }?.name } : nil,
            maximise: problem.maximise, convergence: outcome.convergence.map { $0.isFeasible ? sign * $0.objective : .nan }, points: points,
            decisions: targetPaths.indices.map { OptimiseReportData.Row(name: targetPaths[$0], current: current[$0], chosen: chosen[$0]) },
            gain: gain, checks: checks, plansSearched: outcome.plansSimulated, searchReplications: outcome.settings.replications,
            finalists: outcome.finalists.count, selectionReplications: outcome.candidates.map(\.selectionMeasures.count).max() ?? 0,
            delta: outcome.settings.delta, confidence: outcome.settings.confidence, winnerIsCurrent: outcome.winner == 0,
            keptAsWritten: outcome.winner != 0 && keepsPlanAsWritten)
    }
}
