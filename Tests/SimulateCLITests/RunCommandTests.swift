import Foundation
import Testing

@Suite(.serialized) struct RunCommandTests {
    let pair = ["scenarios/baseline.json", "scenarios/budget-plus-50.json", "--years", "1", "--replications", "4", "--quiet"]

    @Test func twoRunsAndAnyJobCountGiveIdenticalBytes() throws {
        let dir = scratchDirectory("determinism")
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, jobs) in [("a", "1"), ("b", "2"), ("c", "2"), ("d", "3")] {
            let outcome = try simulate(pair + ["--jobs", jobs, "--out", dir.appendingPathComponent(name).path])
            #expect(outcome.status == 0, "\(outcome.stderr)")
        }
        let reference = try reproducibleFiles(dir.appendingPathComponent("a"))
        #expect(
            Set(reference.keys) == [
                "summary.csv", "timeseries.csv", "yearly.csv", "decisions.csv", "programmes.csv", "services.csv", "services-monthly.csv",
                "services-hourly.csv",
                "brief.md",
                "brief.html",
            ])
        for name in ["b", "c", "d"] {
            #expect(try reproducibleFiles(dir.appendingPathComponent(name)) == reference, "run \(name) differs")
        }
    }

    @Test func mergedShardsEqualTheUnshardedRun() throws {
        let dir = scratchDirectory("shards")
        defer { try? FileManager.default.removeItem(at: dir) }
        let args = ["scenarios/baseline.json", "scenarios/pandemic.json", "--years", "2", "--replications", "5", "--quiet"]
        #expect(try simulate(args + ["--out", dir.appendingPathComponent("full").path]).status == 0)
        for i in 1...3 {
            let outcome = try simulate(args + ["--shard", "\(i)/3", "--out", dir.appendingPathComponent("shard\(i)").path])
            #expect(outcome.status == 0, "\(outcome.stderr)")
        }
        // Kubernetes' index with --shard-count gives the same slice as --shard.
        let k8s = try simulate(
            args + ["--shard-count", "3", "--out", dir.appendingPathComponent("k8s2").path], environment: ["JOB_COMPLETION_INDEX": "1"])
        #expect(k8s.status == 0)
        #expect(
            try Data(contentsOf: dir.appendingPathComponent("k8s2/replications.bin"))
                == Data(contentsOf: dir.appendingPathComponent("shard2/replications.bin")))
        let merge = try simulate([
            "merge", dir.appendingPathComponent("shard3").path, dir.appendingPathComponent("shard1").path,
            dir.appendingPathComponent("shard2").path, "--out", dir.appendingPathComponent("merged").path, "--quiet",
        ])
        #expect(merge.status == 0, "\(merge.stderr)")
        #expect(try reproducibleFiles(dir.appendingPathComponent("merged")) == reproducibleFiles(dir.appendingPathComponent("full")))
        // A missing shard is refused.
        let incomplete = try simulate([
            "merge", dir.appendingPathComponent("shard1").path, dir.appendingPathComponent("shard3").path,
            "--out", dir.appendingPathComponent("bad").path,
        ])
        #expect(incomplete.status != 0 && incomplete.stderr.contains("missing"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("bad").path))
    }

    /// Common random numbers make the paired interval of a difference narrower than the interval
    /// of the same difference from independent estimates, √(h₁² + h₂²).
    @Test func pairedIntervalsAreNarrowerThanUnpairedOnes() throws {
        let dir = scratchDirectory("paired")
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try simulate(pair + ["--out", dir.path, "--force"]).status == 0)
        let rows = parseCSV(try read(dir.appendingPathComponent("summary.csv")))
        let header = rows[0]
        func column(_ name: String) -> Int { header.firstIndex(of: name)! }
        var compared = 0
        // Stock metrics, which carry the shared history of a replication (a flow such as JP credited
        // in the year is re-drawn by the policy and gains less from pairing; motivation reverts to
        // its baseline every month, so it forgets the shared history and is not among them).
        for metric in ["competency.mean", "competency.share_at_standard", "competency.gap_mean", "ip_asn.proxy"] {
            for region in ["sawahlunto", "sorong"] {
                func row(_ scenario: String) -> [String] { rows.first { $0[0] == scenario && $0[1] == region && $0[2] == metric }! }
                let base = row("baseline")
                let more = row("budget-plus-50")
                let h1 = (Double(base[column("ci_high")])! - Double(base[column("ci_low")])!) / 2
                let h2 = (Double(more[column("ci_high")])! - Double(more[column("ci_low")])!) / 2
                let paired = (Double(more[column("delta_ci_high")])! - Double(more[column("delta_ci_low")])!) / 2
                #expect(
                    paired < (h1 * h1 + h2 * h2).squareRoot(),
                    "\(metric) \(region): paired ±\(paired) vs unpaired ±\((h1 * h1 + h2 * h2).squareRoot())")
                compared += 1
            }
        }
        #expect(compared == 8)
    }

    @Test func aSweepWritesOneRowPerGridPointAndScenario() throws {
        let dir = scratchDirectory("sweep")
        defer { try? FileManager.default.removeItem(at: dir) }
        let outcome = try simulate([
            "sweep", fixtures.appendingPathComponent("tiny.json").path, fixtures.appendingPathComponent("tiny-more.json").path,
            "--vary", "regions.town.budget.rupiahPerYear=0:90000000:4", "--replications", "2", "--out", dir.path, "--force", "--quiet",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let rows = parseCSV(try read(dir.appendingPathComponent("sweep.csv")))
        #expect(rows[0].prefix(3) == ["scenario", "regions.town.budget.rupiahPerYear", "region"])
        let body = rows.dropFirst().filter { $0[3] == "competency.mean" }
        #expect(body.count == 4 * 2)
        #expect(Set(body.map { "\($0[0])@\($0[1])" }).count == 8)
        #expect(Set(body.map { $0[1] }) == ["0", "30000000", "60000000", "90000000"])
        // With no budget nothing is spent; spending grows along the grid.
        let spent = rows.dropFirst().filter { $0[0] == "tiny" && $0[3] == "budget.spent_rupiah" }.map { Double($0[5])! }
        #expect(spent.first == 0)
        #expect(spent == spent.sorted())
        // sweep.html plots the curves; every point equals its sweep.csv row.
        let page = try read(dir.appendingPathComponent("sweep.html"))
        let circles = page.components(separatedBy: "<circle ").dropFirst()
        #expect(circles.count == 5 * 4 * 2, "5 metrics × 4 points × 2 scenarios")
        for circle in circles {
            func attribute(_ name: String) -> String? {
                guard let start = circle.range(of: "\(name)=\"") else { return nil }
                return String(circle[start.upperBound...].prefix { $0 != "\"" })
            }
            let row = rows.first {
                $0[0] == attribute("data-scenario") && $0[1] == attribute("data-x") && $0[2] == attribute("data-region")
                    && $0[3] == attribute("data-metric")
            }
            #expect(row?[5] == attribute("data-value"), "\(circle.prefix(200))")
        }
    }

    /// Peak memory does not grow with the replication count: 24 replications take no more than
    /// 4 replications plus 15%.
    @Test func peakMemoryIsFlatInTheReplicationCount() throws {
        let dir = scratchDirectory("memory")
        defer { try? FileManager.default.removeItem(at: dir) }
        /// Spawns simulate and reads that child's own peak RSS from wait4 (other tests' children
        /// running in parallel do not count).
        func peakKilobytes(_ replications: Int) throws -> Int {
            let arguments = [
                simulateBinary.path, packageRoot.appendingPathComponent("scenarios/baseline.json").path, "--years", "1",
                "--replications", "\(replications)", "--jobs", "2", "--out", dir.appendingPathComponent("r\(replications)").path, "--quiet",
            ]
            var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
            defer { for pointer in argv { free(pointer) } }
            var pid: pid_t = 0
            #expect(posix_spawn(&pid, simulateBinary.path, nil, nil, &argv, environ) == 0)
            var status: Int32 = 0
            var usage = rusage()
            #expect(wait4(pid, &status, 0, &usage) == pid)
            #expect(status == 0)
            return usage.ru_maxrss
        }
        let small = try peakKilobytes(4)
        let large = try peakKilobytes(24)
        #expect(Double(large) <= Double(small) * 1.15, "peak RSS \(small) kB at 4 replications, \(large) kB at 24")
    }
}
