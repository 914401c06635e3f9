// simulate-bench: timings of the kernel and, later, the full model. Figures are for comparison
// within one run on one machine (ratios), not absolute claims.
import Foundation
import SimCore

/// The kernel benchmark: the M/M/10 validation model (λ = 9/h, μ = 1/h, an 8-hour working day)
/// run for `customers` arrivals, `runs` times; prints the median rates and a checksum that proves the
/// work was done and is the same every run.
func kernelBenchmark(customers: Int, runs: Int, seed: UInt64) {
    let hoursPerDay = 8.0
    let arrivalRate = 9 * hoursPerDay, serviceRate = 1 * hoursPerDay
    let horizon = SimTime(workingDays: Double(customers) / arrivalRate)
    var customerRates: [Double] = []
    var eventRates: [Double] = []
    var checksums: Set<UInt64> = []
    let clock = ContinuousClock()
    for _ in 0..<runs {
        var model = MMcModel(arrivalRate: arrivalRate, serviceRate: serviceRate, servers: 10,
                             seed: seed, replication: 0)
        var fired = 0
        let elapsed = clock.measure { fired = model.run(until: horizon) }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
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
          let parsed = Int(arguments[index + 1]) else { return value }
    return parsed
}

let arguments = Array(CommandLine.arguments.dropFirst())
let usage = """
    USAGE: simulate-bench kernel [--customers N] [--runs R] [--seed S]

      kernel   time the kernel on the M/M/10 validation model (default 5,000,000 customers, 5 runs);
               last line: kernel.mmc customers_per_second=<n> events_per_second=<n> checksum=<hex>
    """
switch arguments.first {
case "kernel":
    kernelBenchmark(customers: option("--customers", in: arguments, default: 5_000_000),
                    runs: option("--runs", in: arguments, default: 5),
                    seed: UInt64(option("--seed", in: arguments, default: 2026)))
case "-h", "--help", nil:
    print(usage)
default:
    FileHandle.standardError.write(Data("simulate-bench: error: unknown mode '\(arguments[0])'\n\(usage)\n".utf8))
    exit(64)
}
