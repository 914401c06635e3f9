import SimScenario
import SimWorkforce

/// `simulate sweep`: each scenario at every point of a grid of values, compared with the scenario
/// as written on the same replications (common random numbers, so curves are smooth).
public struct SweepStudy {
    /// One varied path and the values it takes.
    public struct Axis {
        public var path: String
        public var values: [Double]

        /// `PATH=FROM:TO:STEPS`: STEPS evenly spaced values from FROM to TO.
        public init(parsing text: String) throws(CommandError) {
            guard let equals = text.firstIndex(of: "=") else { throw .usage("--vary expects PATH=FROM:TO:STEPS, got '\(text)'") }
            path = String(text[..<equals])
            let parts = text[text.index(after: equals)...].split(separator: ":").map(String.init)
            guard parts.count == 3, let from = Double(parts[0]), let to = Double(parts[1]), let steps = Int(parts[2]), steps >= 1,
                Override("\(path)=0") != nil
            else {
                throw .usage("--vary expects PATH=FROM:TO:STEPS with STEPS ≥ 1, got '\(text)'")
            }
            values = steps == 1 ? [from] : (0..<steps).map { from + (to - from) * Double($0) / Double(steps - 1) }
        }
    }

    /// One scenario file of the sweep: the scenario as written (the reference every grid point is
    /// compared with) and its grid points, as indices into ``loaded``.
    public struct Group {
        public var reference: Int
        public var points: Range<Int>
    }

    /// One region-level metric of one grid point at the horizon.
    public struct Row {
        /// The file's scenario id and name, and the point's value on each axis.
        public var scenario: String
        public var name: LocalizedText
        public var values: [Double]
        public var region: String
        public var metric: MetricDefinition
        public var estimate: Estimate
        /// The paired difference to the scenario as written.
        public var difference: Estimate?
    }

    public let axes: [Axis]
    /// Every grid point: one value per axis (the full grid of the axes).
    public let grid: [[Double]]
    /// Each file as written, then at every grid point; `values[i]` are loaded scenario i's grid
    /// values (empty for a file as written).
    public let loaded: [Scenario]
    public let groups: [Group]
    public let values: [[Double]]

    /// Loads each file as written and at every grid point; every problem is collected before failing.
    public init(files: [String], axes: [Axis], common: [Override]) throws(CommandError) {
        var grid: [[Double]] = [[]]
        for axis in axes { grid = grid.flatMap { point in axis.values.map { point + [$0] } } }
        var loaded: [Scenario] = []
        var groups: [Group] = []
        var values: [[Double]] = []
        var problems: [Diagnostic] = []
        for file in files {
            do {
                loaded.append(try ScenarioSource(reading: file).compile(overrides: common))
                values.append([])
            } catch {
                problems += error.diagnostics
                continue
            }
            let reference = loaded.count - 1
            for point in grid {
                let settings = zip(axes, point).map { "\($0.path)=\(NumberText.significant($1))" }
                do {
                    var scenario = try loaded[reference].source.compile(overrides: common + settings.compactMap(Override.init))
                    scenario.id += "@" + settings.joined(separator: ",")
                    loaded.append(scenario)
                    values.append(point)
                } catch {
                    problems += error.diagnostics
                }
            }
            groups.append(Group(reference: reference, points: (reference + 1)..<loaded.count))
        }
        guard problems.isEmpty else { throw .scenarios(ScenarioError(problems)) }
        (self.axes, self.grid, self.loaded, self.groups, self.values) = (axes, grid, loaded, groups, values)
    }

    /// Runs file by file; `progress` gets the replications done over all files.
    public func run(_ plan: RunPlan, progress: (Int) -> Void) -> [Row] {
        var rows: [Row] = []
        for (g, group) in groups.enumerated() {
            let members = [group.reference] + Array(group.points)
            let runner = ExperimentRunner(scenarios: members.map { plan.scenarios[$0] }, seed: plan.seed, baseline: 0, jobs: plan.jobs)
            var result = runner.emptyResult()
            runner.run(replications: Array(0..<plan.replications), into: &result) { progress(g * plan.replications + $0) }
            for (local, s) in members.enumerated().dropFirst() {
                for (r, catalogue) in result.catalogues[local].enumerated() {
                    for (m, metric) in catalogue.metrics.enumerated() where metric.isRegionLevel {
                        rows.append(
                            Row(
                                scenario: loaded[group.reference].id, name: plan.labels[s].name, values: values[s],
                                region: catalogue.region, metric: metric, estimate: Estimate(result.horizon[local][r][m]),
                                difference: result.horizonDifference(local, r, m).map(Estimate.init)))
                    }
                }
            }
        }
        return rows
    }
}
