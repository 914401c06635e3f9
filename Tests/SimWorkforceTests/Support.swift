import Foundation
import SimScenario
import SimWorkforce

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A bundled scenario with command-line style overrides.
func bundled(_ name: String, _ overrides: String...) throws -> ModelParameters {
    try ScenarioLoader.load(packageRoot.appendingPathComponent("scenarios/\(name)").path, overrides: overrides.compactMap(Override.init)).parameters
}

func bundledScenarioFiles() throws -> [String] {
    let directory = packageRoot.appendingPathComponent("scenarios")
    return try FileManager.default.contentsOfDirectory(atPath: directory.path)
        .filter { $0.hasSuffix(".json") && !$0.hasSuffix(".schema.json") }
        .sorted()
}

extension RegionResult {
    func total(_ metric: Metric) -> Double { (0..<months).reduce(0) { $0 + self[metric, $1] } }
}

/// Mean over replications of a value computed from each replication's result.
func meanOver(_ replications: Range<Int>, _ model: ModelParameters, seed: UInt64 = 11, _ value: (ReplicationResult) -> Double) -> Double {
    replications.map { value(runReplication(model, seed: seed, replication: $0)) }.reduce(0, +) / Double(replications.count)
}
