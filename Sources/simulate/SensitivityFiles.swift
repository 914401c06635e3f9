import Foundation
import SimCore
import SimWorkforce
import SimScenario
import SimReport
import SimSensitivity

extension SensitivityOutcome {
    /// What run.json adds for a sensitivity run.
    var metadata: [(String, JSONValue)] {
        [("sensitivity", .object([
            ("method", JSONNode(.string(method.rawValue))), ("samples", JSONNode(.number(Double(samples)))),
            ("bootstrap", JSONNode(.number(Double(bootstrap)))), ("designPoints", JSONNode(.number(Double(totalPoints)))),
            ("factors", JSONNode(.object(studies.map { ($0.id, JSONNode(.array($0.factors.map { JSONNode(.string($0)) }))) }))),
        ]))]
    }

    /// Every index of every study, region, region-level metric and factor.
    func rows() -> [(study: Int, region: Int, metric: Int, factor: Int, name: String, value: SensitivityIndex)] {
        var rows: [(Int, Int, Int, Int, String, SensitivityIndex)] = []
        var offset = 0
        for (s, study) in studies.enumerated() {
            let design = SensitivityDesign(method, factors: study.factors.count, samples: samples, seed: seed, scenario: study.id)
            let bootstrapSeed = SensitivityDesign.seed(seed, scenario: study.id, purpose: 2)
            let points = means[offset..<(offset + study.pointCount)]
            offset += study.pointCount
            for region in study.regionIDs.indices {
                for metric in study.metrics.indices {
                    let outputs = points.map { $0[region][metric] }
                    for (factor, indices) in design.indices(outputs: outputs, bootstrap: bootstrap, seed: bootstrapSeed).enumerated() {
                        for index in indices { rows.append((s, region, metric, factor, index.name, index.value)) }
                    }
                }
            }
        }
        return rows
    }
}

extension SensitivityCommand {
    /// sensitivity.csv, sensitivity.html and run.json.
    static func files(_ outcome: SensitivityOutcome, locale: CSVLocale, language: Language, metadata: String) -> [(name: String, contents: String)] {
        var csv = CSVWriter(locale: locale)
        csv.row(["scenario", "region", "metric", "unit", "parameter", "index", "value", "ci_low", "ci_high"].map(CSVField.identifier))
        let rows = outcome.rows()
        var charts: [SensitivityChart] = []
        let ranking = outcome.method == .morris ? "mu_star" : "ST"
        let inner = outcome.method == .morris ? nil : "S1" as String?
        for row in rows {
            let study = outcome.studies[row.study], metric = study.metrics[row.metric]
            csv.row([.userText(study.id), .userText(study.regionIDs[row.region]), .identifier(metric.id), .identifier(metric.unit),
                     .userText(study.factors[row.factor]), .identifier(row.name),
                     .number(row.value.value), .number(row.value.low), .number(row.value.high)])
        }
        for (s, study) in outcome.studies.enumerated() {
            for region in study.regionIDs.indices {
                for (m, metric) in study.metrics.enumerated() where SensitivityReport.headlineMetrics.contains(where: { metric.key == .region($0) }) {
                    let mine = rows.filter { $0.study == s && $0.region == region && $0.metric == m }
                    let bars = study.factors.indices.map { factor in
                        SensitivityBar(parameter: study.factors[factor],
                                       index: mine.first { $0.factor == factor && $0.name == ranking }?.value ?? SensitivityIndex(value: .nan, low: .nan, high: .nan),
                                       inner: inner.flatMap { name in mine.first { $0.factor == factor && $0.name == name }?.value })
                    }
                    charts.append(SensitivityChart(scenario: study.id, scenarioName: study.name, regionID: study.regionIDs[region],
                                                   regionName: study.regionNames[region], metric: metric.id, unit: metric.unit,
                                                   horizonYear: study.horizonYear, bars: bars))
                }
            }
        }
        let page = SensitivityReport.html(language: language, method: outcome.method.rawValue, samples: outcome.samples,
                                          replications: outcome.replications, charts: charts)
        return [("sensitivity.csv", csv.text), ("sensitivity.html", page), ("run.json", metadata)]
    }

    /// `simulate merge` of sensitivity shards: checks they are one run and cover every design
    /// point once, then writes what the unsharded run writes.
    static func merge(_ directories: [String], output: OutputDirectory, locale: CSVLocale, language: Language, quiet: Bool,
                      started: ContinuousClock.Instant) throws(CLIError) {
        var parts: [(directory: String, outcome: SensitivityOutcome)] = []
        for directory in directories {
            let file = URL(fileURLWithPath: directory).appendingPathComponent(SensitivityOutcome.partialFileName).path
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw .scenarios(ScenarioError([Diagnostic(file: file, path: "", message: "cannot read the sensitivity shard (is \(directory) the output of 'simulate sensitivity --shard'?)")], isUnreadableInput: true))
            }
            parts.append((directory, try SensitivityOutcome(parsing: text, file: file)))
        }
        parts.sort { $0.outcome.firstPoint < $1.outcome.firstPoint }
        var merged = parts[0].outcome
        merged.means = []
        for part in parts {
            guard part.outcome.isSameRun(as: merged) else {
                throw .failure("\(part.directory) is a shard of another sensitivity run than \(parts[0].directory) (method, samples, seed, replications, scenarios or factors differ)")
            }
            guard part.outcome.firstPoint == merged.means.count else {
                throw .failure(part.outcome.firstPoint > merged.means.count
                               ? "design points \(merged.means.count)..<\(part.outcome.firstPoint) are in no shard given; add the missing shard"
                               : "\(part.directory) repeats design points another shard holds; give each shard once")
            }
            merged.means += part.outcome.means
        }
        guard merged.means.count == merged.totalPoints else {
            throw .failure("design points \(merged.means.count)..<\(merged.totalPoints) are in no shard given; add the missing shard")
        }
        merged.firstPoint = 0
        merged.shard = nil
        let metadata = JSONWriter.render(.object([
            ("generator", JSONNode(.string("kompeten-simulate"))), ("version", JSONNode(.string(KompetenVersion.current))),
            ("commandLine", JSONNode(.array(CommandLine.arguments.map { JSONNode(.string($0)) }))),
            ("seed", JSONNode(.number(Double(merged.seed)))), ("replications", JSONNode(.number(Double(merged.replications)))),
            ("scenarios", JSONNode(.array(merged.studies.map { JSONNode(.object([("id", JSONNode(.string($0.id))), ("file", JSONNode(.string($0.file))), ("sha256", JSONNode(.string($0.sha256)))])) }))),
        ] + merged.metadata.map { ($0.0, JSONNode($0.1)) } + [
            ("mergedFrom", JSONNode(.array(parts.map { JSONNode(.string($0.directory)) }))),
            ("wallSeconds", JSONNode(.number((started.secondsElapsed * 1000).rounded() / 1000))),
        ]), indent: 0) + "\n"
        try output.write(files(merged, locale: locale, language: language, metadata: metadata))
        if !quiet { FileHandle.standardError.write(Data("simulate: merged \(parts.count) sensitivity shards into \(output.target.path)\n".utf8)) }
    }
}
