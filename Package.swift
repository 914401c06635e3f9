// swift-tools-version:6.0
// Kompeten: a discrete-event simulator of civil-service (ASN) training policy.
// No package dependencies: the toolchain's Foundation, Dispatch, XCTest and Swift Testing only.
import PackageDescription

let package = Package(
    name: "Kompeten",
    products: [
        .executable(name: "simulate", targets: ["simulate"]),
        .executable(name: "simulate-bench", targets: ["simulate-bench"]),
        .library(name: "SimCore", targets: ["SimCore"]),
    ],
    dependencies: [],
    targets: [
        // MARK: - Libraries

        // The kernel: time, event calendar, random streams, queues, accumulators. No Foundation.
        .target(
            name: "SimCore",
            swiftSettings: [
                // SIM_INTERNAL_CHECKS checks UncheckedArray's bounds and sharing at every access and walks
                // MinHeap's invariant after every mutation (tests only).
                .define("SIM_INTERNAL_CHECKS", .when(configuration: .debug)),
            ]
        ),

        // The ASN workforce, training and citizen-service model on the kernel (MODEL.md §2–10).
        .target(name: "SimWorkforce", dependencies: ["SimCore"]),

        // The scenario file format: parsing with locations, extends/overrides, validation, schema.
        .target(name: "SimScenario", dependencies: ["SimWorkforce"]),

        // Scenarios × replications in parallel (Dispatch), statistics over replications, paired deltas,
        // and the studies built on them: run plans, uncertain draws, sweeps, sensitivity and optimise.
        .target(name: "SimExperiment", dependencies: ["SimCore", "SimWorkforce", "SimScenario", "SimSensitivity", "SimOptimise"]),

        // Uncertain inputs and global sensitivity: distributions, Morris and Saltelli designs,
        // their indices with bootstrap intervals. Pure arithmetic on seeded streams; no model inside.
        .target(name: "SimSensitivity", dependencies: ["SimCore"]),

        // Searching a policy space under noise: an evolution strategy over mixed decisions and
        // Kim–Nelson ranking and selection. Pure arithmetic on seeded streams; no model inside.
        .target(name: "SimOptimise", dependencies: ["SimCore"]),

        // Results → tidy CSV, the workbook, the policy brief and the studies' pages, and the results
        // folder they go into (replacing only what simulate wrote there).
        .target(name: "SimReport", dependencies: ["SimCore", "SimWorkforce", "SimScenario", "SimExperiment", "SimSensitivity", "SimOptimise"]),

        // The shard format: a slice of the replications written by one process, read back and
        // folded by the merge into exactly the unsharded run's results.
        .target(name: "SimShard", dependencies: ["SimCore", "SimWorkforce", "SimScenario", "SimExperiment"]),

        // A results folder written without losing anything: staging, SHA256SUMS, the lock, and
        // clean-up when the process is stopped.
        .target(name: "SimOutput", dependencies: ["SimCore", "SimExperiment", "SimShard"]),

        // The tool's options, each declared once by name and read back by the same name, the
        // `--help` texts written from those declarations (the small piece of an argument parser it
        // needs), the options several commands share, and the tool's lines on stderr.
        .target(name: "SimCommandLine", dependencies: ["SimScenario", "SimExperiment", "SimReport", "SimShard", "SimOutput"]),

        // MARK: - Executables

        // The planner's command-line tool. Thin: parsing, I/O, one error printer.
        .executableTarget(name: "simulate", dependencies: ["SimCore", "SimWorkforce", "SimScenario", "SimExperiment", "SimReport", "SimShard", "SimOutput", "SimCommandLine"]),

        // Benchmarks (not tests): kernel throughput and model timings.
        .executableTarget(
            name: "simulate-bench",
            dependencies: ["SimCore", "SimWorkforce", "SimScenario", "SimExperiment", "SimSensitivity"],
            path: "Benchmarks/simulate-bench"
        ),

        // MARK: - Tests

        .testTarget(name: "SimCoreTests", dependencies: ["SimCore"]),
        .testTarget(name: "SimWorkforceTests", dependencies: ["SimWorkforce", "SimScenario", "SimExperiment", "SimCore"], exclude: ["Fixtures"]),
        .testTarget(name: "SimReportTests", dependencies: ["SimReport", "SimExperiment", "SimScenario", "SimWorkforce", "SimCore"]),
        .testTarget(name: "SimShardTests", dependencies: ["SimShard", "SimScenario", "SimExperiment", "SimReport", "SimWorkforce"]),
        .testTarget(name: "SimSensitivityTests", dependencies: ["SimSensitivity", "SimCore"]),
        .testTarget(name: "SimOptimiseTests", dependencies: ["SimOptimise", "SimCore"]),
        .testTarget(name: "SimExperimentTests", dependencies: ["SimExperiment", "SimWorkforce", "SimCore", "SimScenario", "SimCommandLine"]),
        .testTarget(name: "SimScenarioTests", dependencies: ["SimScenario", "SimWorkforce", "SimCore"], exclude: ["Broken", "BrokenRosters", "Fixtures", "History"]),
        // Runs the built `simulate` binary (the dependency makes sure it is built first).
        .testTarget(name: "SimulateCLITests", dependencies: ["simulate", "SimReport"], exclude: ["Golden", "Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
