// simulate-bench: timings of the kernel and, later, the full model. Figures are for comparison
// within one run on one machine (ratios), not absolute claims.
import Foundation
import SimCore
import SimExperiment
import SimScenario
import SimWorkforce

/// The kernel benchmark: the M/M/10 validation model (λ = 9/h, μ = 1/h, an 8-hour working day)
/// run for `customers` arrivals, `runs` times; prints the median rates and a checksum that proves the
/// work was done and is the same every run.
func kernelBenchmark(customers: Int, runs: Int, seed: UInt64) {
    let hoursPerDay = 8.0
    let arrivalRate = 9 * hoursPerDay
    let serviceRate = 1 * hoursPerDay
    let horizon = SimTime(workingDays: Double(customers) / arrivalRate)
    var customerRates: [Double] = []
    var eventRates: [Double] = []
    var checksums: Set<UInt64> = []
    let clock = ContinuousClock()
    for _ in 0..<runs {
        var model = MMcModel(
            arrivalRate: arrivalRate, serviceRate: serviceRate, servers: 10,
            seed: seed, replication: 0)
        var fired = 0
        let elapsed = clock.measure { fired = model.run(until: horizon) }
        let seconds = elapsed.inSeconds
        customerRates.append(Double(model.served) / seconds)
        eventRates.append(Double(fired) / seconds)
        let waits = model.queue.waits
        checksums.insert(SplitMix64.mix(UInt64(model.served)) ^ waits.mean.bitPattern ^ UInt64(fired))
        print("run: customers=\(model.served) events=\(fired) seconds=\(seconds) mean_wait_hours=\(waits.mean * hoursPerDay)")
    }
    precondition(checksums.count == 1, "the same seed gave different results across runs")
    let checksum = String(checksums.first ?? 0, radix: 16)
    print("kernel.mmc customers_per_second=\(Int(median(customerRates))) events_per_second=\(Int(median(eventRates))) checksum=\(checksum)")
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let mid = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

func option(_ name: String, in arguments: [String], default value: Int) -> Int {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count,
        let parsed = Int(arguments[index + 1])
    else { return value }
    return parsed
}

/// The bundled scenarios (scenarios/*.json), loaded as `simulate` loads them.
func bundledScenarios(directory: String) -> [ExperimentScenario] {
    let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
        .filter { $0.hasSuffix(".json") && !$0.hasSuffix(".schema.json") }.sorted()
    do {
        return try files.map { file in
            let scenario = try ScenarioLoader.load(directory + "/" + file)
            return ExperimentScenario(id: scenario.id, parameters: scenario.parameters)
        }
    } catch {
        FileHandle.standardError.write(Data("simulate-bench: error: \(error)\n".utf8))
        exit(65)
    }
}

/// Seconds to run every bundled scenario × `replications` with `jobs` workers (statistics included).
func timeBundled(_ scenarios: [ExperimentScenario], replications: Int, jobs: Int) -> Double {
    let baseline = scenarios.firstIndex { $0.id == "baseline" } ?? 0
    let runner = ExperimentRunner(scenarios: scenarios, seed: 2027, baseline: baseline, jobs: jobs)
    var result = runner.emptyResult()
    let clock = ContinuousClock()
    let elapsed = clock.measure { runner.run(replications: Array(0..<replications), into: &result) }
    return elapsed.inSeconds
}

func modelBenchmark(replications: Int, jobs: Int, directory: String) {
    perCoreBenchmark(replications: replications, directory: directory)
    let scenarios = bundledScenarios(directory: directory)
    let seconds = timeBundled(scenarios, replications: replications, jobs: jobs)
    let rate = Double(scenarios.count * replications) / seconds
    print("model.bundled seconds=\(String(format: "%.2f", seconds)) replications_per_second=\(String(format: "%.2f", rate)) jobs=\(jobs)")
}

func scalingBenchmark(replications: Int, maxJobs: Int, directory: String) {
    let scenarios = bundledScenarios(directory: directory)
    var counts: [Int] = []
    var jobs = 1
    while jobs < maxJobs {
        counts.append(jobs)
        jobs *= 2
    }
    counts.append(maxJobs)
    var single = 0.0
    for jobs in counts {
        let seconds = timeBundled(scenarios, replications: replications, jobs: jobs)
        if jobs == 1 { single = seconds }
        print(
            "scaling jobs=\(jobs) seconds=\(String(format: "%.2f", seconds)) speedup=\(String(format: "%.2f", single / seconds)) efficiency=\(String(format: "%.2f", single / seconds / Double(jobs)))"
        )
    }
}

func stringOption(_ name: String, in arguments: [String], default value: String) -> String {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return value }
    return arguments[index + 1]
}

let arguments = Array(CommandLine.arguments.dropFirst())
let cores = ProcessInfo.processInfo.activeProcessorCount
let usage = """
    USAGE: simulate-bench kernel [--customers N] [--runs R] [--seed S]
           simulate-bench model [--replications N] [--jobs J] [--scenarios DIR]
           simulate-bench percore [--replications N] [--scenarios DIR]
           simulate-bench scaling [--replications N] [--max-jobs J] [--scenarios DIR]
           simulate-bench roster [--rows N] [--runs R] [--scenarios DIR]
           simulate-bench sensitivity [--trajectories R] [--factors K] [--replications N] [--years Y] [--jobs J] [--scenarios DIR]

      kernel   time the kernel on the M/M/10 validation model (default 5,000,000 customers, 5 runs);
               last line: kernel.mmc customers_per_second=<n> events_per_second=<n> checksum=<hex>
      model    the baseline on one core at each service fidelity, then the bundled scenarios at default
               settings (10 replications, all cores):
               model.per_core fidelity=<f> … employee_months_per_second_per_core=<n> seconds_per_replication=<n>
               model.bundled seconds=<n> replications_per_second=<n> jobs=<n>
      percore  only the first part of `model`: the baseline on one core at each fidelity (what
               Benchmarks/compare-model.sh times side by side with an earlier commit)
      scaling  the bundled set with 1, 2, 4, … workers up to the core count: speed-up per count
      sensitivity  a Morris design over the baseline's first K uncertain inputs (default 10 inputs,
               20 trajectories, 10 replications, 5 years, all cores), every point compiled and run:
               sensitivity.morris … seconds=<n> design_points_per_second=<n>
      roster   load a synthetic roster of N/4, N/2 and N rows (default 200,000; 3 runs each):
               roster.load rows=<n> seconds=<median> peak_rss_mib=<n> peak_growth_mib=<n> bytes_per_row=<n>
    """
switch arguments.first {
case "kernel":
    kernelBenchmark(
        customers: option("--customers", in: arguments, default: 5_000_000),
        runs: option("--runs", in: arguments, default: 5),
        seed: UInt64(option("--seed", in: arguments, default: 2026)))
case "model":
    modelBenchmark(
        replications: option("--replications", in: arguments, default: 10),
        jobs: option("--jobs", in: arguments, default: cores),
        directory: stringOption("--scenarios", in: arguments, default: "scenarios"))
case "percore":
    perCoreBenchmark(
        replications: option("--replications", in: arguments, default: 10),
        directory: stringOption("--scenarios", in: arguments, default: "scenarios"))
case "scaling":
    scalingBenchmark(
        replications: option("--replications", in: arguments, default: 10),
        maxJobs: option("--max-jobs", in: arguments, default: cores),
        directory: stringOption("--scenarios", in: arguments, default: "scenarios"))
case "roster":
    rosterBenchmark(
        rows: option("--rows", in: arguments, default: 200_000), runs: option("--runs", in: arguments, default: 3),
        directory: stringOption("--scenarios", in: arguments, default: "scenarios"))
case "sensitivity":
    sensitivityBenchmark(
        trajectories: option("--trajectories", in: arguments, default: 20), factors: option("--factors", in: arguments, default: 10),
        replications: option("--replications", in: arguments, default: 10), years: option("--years", in: arguments, default: 5),
        jobs: option("--jobs", in: arguments, default: cores), directory: stringOption("--scenarios", in: arguments, default: "scenarios"))
case "-h", "--help", nil:
    print(usage)
default:
    FileHandle.standardError.write(Data("simulate-bench: error: unknown mode '\(arguments[0])'\n\(usage)\n".utf8))
    exit(64)
}
