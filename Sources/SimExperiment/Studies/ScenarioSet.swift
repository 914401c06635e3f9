import SimScenario
import SimWorkforce

/// The scenario files of one command, loaded together: every problem of every file is
/// collected before failing, ids are unique, and the baseline and labels are chosen once.
public enum ScenarioSet {
    /// The scenario files among `paths`: `.schema.json` files are skipped.
    public static func scenarioFiles(_ paths: [String], command: String) throws(CommandError) -> [String] {
        let files = paths.filter { !$0.hasSuffix(".schema.json") }
        guard !files.isEmpty else { throw .usage("'\(command)' needs at least one scenario file; see 'simulate \(command) --help'") }
        return files
    }

    /// `--set PATH=VALUE` texts as overrides.
    public static func parseOverrides(_ texts: [String]) throws(CommandError) -> [Override] {
        var overrides: [Override] = []
        for text in texts {
            let path = text.split(separator: "=", maxSplits: 1).first ?? ""
            guard path.split(separator: ".").count <= Override.maximumSegments else {
                throw .usage("a --set path of more than \(Override.maximumSegments) parts; no scenario key is that deep")
            }
            guard let override = Override(text) else {
                throw .usage("--set expects PATH=VALUE (e.g. policy.maxAwayShare=0.05), got '\(Diagnostic.capped(text, 80))'")
            }
            overrides.append(override)
        }
        return overrides
    }

    /// Loads every file, collecting all problems before failing; ids must be unique. What loading
    /// did on the planner's behalf (entries dropped with a removed region) is in each scenario's `notes`.
    public static func load(_ files: [String], overrides: [Override]) throws(CommandError) -> [Scenario] {
        var scenarios: [Scenario] = []
        var problems: [Diagnostic] = []
        var unreadable = false
        for file in files {
            do {
                scenarios.append(try ScenarioLoader.load(file, overrides: overrides))
            } catch {
                problems += error.diagnostics
                unreadable = unreadable || error.isUnreadableInput
            }
        }
        var seen: [String: String] = [:]
        for scenario in scenarios {
            if let first = seen[scenario.id] {
                problems.append(
                    Diagnostic(
                        file: scenario.file, path: "id",
                        message: "id '\(scenario.id)' is also used by \(first); give each scenario its own id"))
            }
            seen[scenario.id] = scenario.file
        }
        guard problems.isEmpty else { throw .scenarios(ScenarioError(problems, isUnreadableInput: unreadable)) }
        return scenarios
    }

    /// Among several files (`scenarios/*.json`), a search for the best plan (a file with an
    /// `optimise` block) is not a what-if: it is left out, with a note, unless it is among the
    /// first `keepingFirst` (the --baseline-file) or it is all there is.
    public static func setAsideSearches(_ loaded: [Scenario], keepingFirst: Int) -> (kept: [Scenario], notes: [String]) {
        let kept = loaded.enumerated().filter { $0.offset < keepingFirst || $0.element.optimisation == nil }.map(\.element)
        guard kept.count > keepingFirst else { return (loaded, []) }
        let notes = loaded.dropFirst(keepingFirst).filter { $0.optimisation != nil }.map { scenario in
            "left out \(scenario.file): it is a search for the best plan (an optimise block), not a what-if; run 'simulate optimise \(scenario.file)', or compare a plan with it through --baseline-file"
        }
        return (kept, notes)
    }

    /// The scenario `requested` names, else the one with id 'baseline', else the first.
    public static func baselineIndex(_ scenarios: [Scenario], requested: String?) throws(CommandError) -> Int {
        if let requested {
            guard let index = scenarios.firstIndex(where: { $0.id == requested }) else {
                let hint = suggestion(for: requested, among: scenarios.map(\.id)).map { "; did you mean '\($0)'?" } ?? ""
                throw .usage("--baseline '\(requested)' is not among the scenarios\(hint)")
            }
            return index
        }
        return scenarios.firstIndex { $0.id == "baseline" } ?? 0
    }

    public static func labels(for scenario: Scenario) -> ScenarioLabels {
        let p = scenario.parameters
        var labels = ScenarioLabels(
            id: scenario.id, name: scenario.name, question: scenario.question,
            catalogues: p.catalogues, regionNames: p.regions.map(\.name),
            programmeIDs: p.programmes.map(\.id),
            startYear: p.startYear, caveats: caveats(scenario), programmeModes: p.programmes.map(\.mode.id),
            programmeNames: p.programmes.map(\.name))
        labels.outcome = scenario.briefOutcome
        labels.shortName = scenario.shortName
        labels.isOption = scenario.kind == .policy
        labels.rosters = scenario.rosterSizes
        return labels
    }

    /// The scenario's inputs whose source is an estimate (`ESTIMATE`) or derived by assumption,
    /// and the seasonal demand profiles that are assumptions (one caveat per distinct note).
    public static func caveats(_ scenario: Scenario) -> [Caveat] {
        let estimates = scenario.sources.filter { source in
            source.source.texts.contains {
                $0.contains("ESTIMATE") || $0.contains("PERKIRAAN") || $0.hasPrefix("assumption derived") || $0.hasPrefix("asumsi turunan")
            }
        }
        .map { Caveat(paths: [$0.path], note: $0.source) }
        var demand: [Caveat] = []
        for region in scenario.parameters.regions {
            for unit in region.units {
                guard let note = unit.service?.demand?.source, note.isAssumption else { continue }
                let path = "regions.\(region.id).units.\(unit.id).service.demand"
                if let i = demand.firstIndex(where: { $0.note == note }) {
                    demand[i].paths.append(path)
                } else {
                    demand.append(Caveat(paths: [path], note: note))
                }
            }
        }
        return estimates + demand + scenario.parameters.regions.compactMap(rosterCaveat)
    }

    /// What a region's roster left out and the model drew instead, with how many people each.
    public static func rosterCaveat(_ region: RegionParameters) -> Caveat? {
        guard let roster = region.roster else { return nil }
        let file = "SHA-256 \(roster.sha256.prefix(12))…"
        var indonesian = "\(roster.count) orang dari berkas daftar pegawai (\(file))"
        var english = "\(roster.count) people from the roster file (\(file))"
        if roster.imputed.isEmpty {
            indonesian += "; semua kolom terbaca, tidak ada yang diundi"
            english += "; every column read, none drawn"
        } else {
            indonesian +=
                "; tidak ada di berkas, jadi diundi dari sebaran daerah: "
                + roster.imputed.map { "\($0.column) untuk \($0.people) orang" }.joined(separator: ", ")
            english +=
                "; not in the file, so drawn from the region's distributions: "
                + roster.imputed.map { "\($0.column) for \($0.people)" }.joined(separator: ", ")
        }
        return Caveat(paths: ["regions.\(region.id).roster"], note: .given(LocalizedText(indonesian: indonesian, english: english)))
    }
}
