import Foundation
import SimScenario

/// Peak resident memory of this process so far (VmHWM, KiB), or 0 where /proc is missing.
func peakResidentKiB() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
    return 0
}

/// Writes a roster of `rows` plausible employees of the baseline's Sorong (every column filled,
/// `;`-separated, dd-mm-yyyy dates) and a scenario that reads it, in a temporary folder.
func writeBenchmarkRoster(rows: Int, directory: URL, baseline: String) throws -> URL {
    let units = ["dukcapil", "dpmptsp", "administration", "technical", "education", "health"]
    let posts = ["Pelaksana", "Fungsional", "Pengawas", "Administrator"]
    var text =
        "NIP;Nama;Unit Kerja;Jenis Jabatan;Jenjang;Status;Tanggal Lahir;TMT;Pendidikan;JP Tahun Ini;Belum Latsar;"
        + "Kompetensi digital;Kompetensi service;Kompetensi management;Kompetensi leadership;Kompetensi socioCultural\r\n"
    text.reserveCapacity(rows * 150)
    for k in 0..<rows {
        let serial = String(k + 1)
        let nip = "9" + String(repeating: "0", count: 17 - serial.count) + serial
        let post = posts[k % 4]
        let day = 1 + k % 28
        let month = 1 + k % 12
        let year = 1970 + k % 30
        let fields = [
            nip, "SINTETIS \(k + 1)", units[k % units.count], post, post == "Fungsional" ? "Ahli Muda" : "", k % 9 == 0 ? "PPPK" : "PNS",
            "\(day < 10 ? "0" : "")\(day)-\(month < 10 ? "0" : "")\(month)-\(year)", "01-03-\(year + 25)", "S1", "\(k % 24)", "tidak",
            "2,5", "3", "1,5", "2", "2,25",
        ]
        text += fields.joined(separator: ";") + "\r\n"
    }
    let roster = directory.appendingPathComponent("roster-\(rows).csv")
    try Data(text.utf8).write(to: roster)
    let scenario = directory.appendingPathComponent("roster-\(rows).json")
    let json =
        "{\"schemaVersion\": 1, \"extends\": \"\(baseline)\", \"id\": \"roster-\(rows)\", \"regions\": {\"sorong\": {\"roster\": \"roster-\(rows).csv\"}}}"
    try Data(json.utf8).write(to: scenario)
    return scenario
}

/// Loads a `rows`-row roster (the whole scenario load: parse, check every cell, hash, compile)
/// and reports the median load time and the growth of peak memory over the smaller sizes.
func rosterBenchmark(rows: Int, runs: Int, directory: String) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
        "kompeten-roster-bench-\(ProcessInfo.processInfo.processIdentifier)")
    defer { try? FileManager.default.removeItem(at: folder) }
    do {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let baseline = URL(fileURLWithPath: directory).appendingPathComponent("baseline.json").standardizedFileURL.path
        for size in [rows / 4, rows / 2, rows] {
            let scenario = try writeBenchmarkRoster(rows: size, directory: folder, baseline: baseline)
            let before = peakResidentKiB()
            var times: [Double] = []
            for _ in 0..<runs {
                let start = ContinuousClock.now
                let loaded = try ScenarioLoader.load(scenario.path)
                times.append((ContinuousClock.now - start).seconds)
                precondition(loaded.parameters.regions.contains { $0.roster?.count == size }, "the roster was not read whole")
            }
            let after = peakResidentKiB()
            print(
                "roster.load rows=\(size) seconds=\(String(format: "%.3f", median(times))) peak_rss_mib=\(after / 1024) peak_growth_mib=\((after - before) / 1024) bytes_per_row=\(size > 0 ? (after - before) * 1024 / size : 0)"
            )
        }
    } catch {
        FileHandle.standardError.write(Data("simulate-bench: error: \(error)\n".utf8))
        exit(1)
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
