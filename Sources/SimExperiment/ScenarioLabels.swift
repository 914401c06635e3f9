import SimScenario
import SimWorkforce

/// What the tables need to know about each scenario besides its statistics.
public struct ScenarioLabels: Sendable, Equatable {
    public var id: String
    public var name: LocalizedText
    public var question: LocalizedText
    /// Each region's series, in scenario order: the region's id and what it reports.
    public var catalogues: [RegionCatalogue]
    public var regionNames: [String]
    public var programmeIDs: [String]
    public var startYear: Int
    /// Inputs that are estimates or assumptions, for the brief's caveats.
    public var caveats: [Caveat]
    /// The delivery mode the scenario sets for each programme (a mode id), so the brief can say
    /// when the evaluation undoes a mode a what-if chose.
    public var programmeModes: [String]
    /// Each programme's name for reports (by programme index).
    public var programmeNames: [LocalizedText]
    /// False for a baseline given with `--baseline-file`: compared against, not itself reported.
    public var isReported = true
    /// False for a what-if about what the region does not choose (`kind: context`: its data, an assumption, an event): compared, never ranked as an option.
    public var isOption = true
    /// The regions whose staff come from a roster file: its rows and the headcount it replaced.
    public var rosters: [RosterSize] = []
    /// A short title for chart labels (`shortName`), `nil` to use the name.
    public var shortName: LocalizedText?
    /// The metric id the brief ranks options by when this scenario is the comparison (`brief.outcome`).
    public var outcome: String?
    public init(
        id: String, name: LocalizedText, question: LocalizedText, catalogues: [RegionCatalogue], regionNames: [String],
        programmeIDs: [String],
        startYear: Int, caveats: [Caveat] = [], programmeModes: [String] = [], programmeNames: [LocalizedText] = []
    ) {
        self.programmeNames = programmeNames
        self.caveats = caveats
        self.programmeModes = programmeModes
        self.id = id
        self.name = name
        self.question = question
        self.catalogues = catalogues
        self.regionNames = regionNames
        self.programmeIDs = programmeIDs
        self.startYear = startYear
    }

    /// The regions' ids, in scenario order.
    public var regionIDs: [String] { catalogues.map(\.region) }

    /// The index of region `id`, or `nil` when the scenario has none.
    public func region(_ id: String) -> Int? { catalogues.firstIndex { $0.region == id } }

    /// The region's name, or its id when it has none.
    public func regionName(_ r: Int) -> String { r < regionNames.count && !regionNames[r].isEmpty ? regionNames[r] : catalogues[r].region }
}

/// An input a scenario's answers rest on that is an estimate or an assumption: the scenario
/// paths it sets and the note that says so, in the words and languages the scenario gave.
public struct Caveat: Sendable, Hashable {
    public var paths: [String]
    public var note: SourceNote

    public init(paths: [String], note: SourceNote) {
        self.paths = paths
        self.note = note
    }
}
