import Foundation
import SimCore
import SimWorkforce
import SimScenario

/// `simulate roster-template`: the header row a region's roster file needs, or, with
/// `--synthetic`, a whole roster drawn from a scenario's distributions, every row marked
/// synthetic (for examples and tests; no real person is in it).
enum RosterTemplateCommand {
    static let spec = CommandSpec(
        name: "roster-template",
        usage: "simulate roster-template [FILE] [--lang id|en] [--synthetic REGION --seed S]",
        summary: "print an empty roster with the documented headers, or a synthetic one",
        description: [
            "Prints a roster file's header row: the columns in docs/roster.md, with a competency column for",
            "each domain of FILE (the default domains without it). --lang id (default) writes Indonesian",
            "headers separated by ';', en English headers separated by ','.",
            "With --synthetic REGION it prints a roster of that region drawn from FILE's distributions on",
            "FILE's start date: NIPs start with 9 (no real NIP does), names read SINTETIS, and a last",
            "column says the row is synthetic.",
        ],
        options: [
            CommonOptions.lang,
            .value(.synthetic, "REGION", "print a synthetic roster of REGION drawn from FILE's distributions"),
            .value(.seed, "S", "seed of the synthetic roster (default 1)"),
            CommonOptions.set,
        ],
        examples: ["simulate roster-template > roster.csv",
                   "simulate roster-template scenarios/baseline.json --synthetic sorong --seed 14 > sorong.csv"])

    static func run(_ words: [String]) throws(CLIError) {
        if spec.answersHelp(words) { return }
        let arguments = try spec.parse(words)
        let language = arguments.value(.lang) ?? "id"
        guard language == "id" || language == "en" else { throw .usage("--lang: expected id or en, found '\(language)'") }
        let indonesian = language == "id"
        guard arguments.positional.count <= 1 else { throw .usage("'roster-template' takes at most one scenario file") }
        let scenario = try arguments.positional.first.map { file throws(CLIError) in
            try RunCommand.loadAll([file], overrides: try RunCommand.overrides(arguments))[0]
        }
        let domains = scenario?.parameters.domains.map(\.id) ?? RosterFormat.defaultDomainIDs
        let separator = indonesian ? ";" : ","
        guard let region = arguments.value(.synthetic) else {
            print(RosterFormat.headers(indonesian: indonesian, domains: domains).joined(separator: separator), terminator: "\r\n")
            return
        }
        guard let scenario else { throw .usage("--synthetic needs a scenario file to draw the region from") }
        guard let r = scenario.parameters.regions.firstIndex(where: { $0.id == region }) else {
            throw .usage("--synthetic: no region '\(region)' in \(scenario.file); its regions are \(scenario.parameters.regions.map(\.id).joined(separator: ", "))")
        }
        let seed = try arguments.integer(.seed, minimum: 0) ?? 1
        print(synthetic(scenario.parameters, region: r, seed: UInt64(seed), indonesian: indonesian), terminator: "")
    }

    /// A roster drawn from the region's distributions: the model's own starting workforce, written
    /// as an export would be, without competency scores (so they are imputed, as they would be for
    /// most regions), with JP so far this year drawn for the months before the start.
    static func synthetic(_ model: ModelParameters, region r: Int, seed: UInt64, indonesian: Bool) -> String {
        let staff = RegionSimulation(model: model, regionIndex: r, seed: seed, replication: 0).staff
        let region = model.regions[r]
        let start = CivilDate(model.startYear, model.simulation.startMonth, 1)
        var jpStream = RandomStream(seed: seed, replication: 0, stream: StreamID(0x5_1A7E))
        let monthsDone = Double(model.simulation.firstMonth)
        let separator = indonesian ? ";" : ","
        let columns = RosterFormat.columns.map { indonesian ? $0.indonesian : $0.english } + [indonesian ? "Keterangan" : "Note"]
        var text = columns.joined(separator: separator) + "\r\n"
        let posts = ["JPT", "Administrator", "Pengawas", "Pelaksana", "Fungsional"]
        let educations = ["SMA", "D3", "S1", "S2", "S3"]
        for (k, person) in staff.enumerated() {
            let born = start.adding(days: -Int(person.ageYears * 365.25) - 1)
            let appointed = start.adding(days: -Int(person.tenureMonths * 30.4375))
            let jenjang = person.jobLevel != .fungsional ? ""
                : person.retirementAgeYears >= 65 ? "Ahli Utama" : person.retirementAgeYears >= 60 ? "Ahli Madya" : person.tenureMonths < 96 ? "Ahli Pertama" : "Ahli Muda"
            let status = person.status == .pppk ? "PPPK" : person.tenureMonths < 12 ? "CPNS" : "PNS"
            let jp = Int((jpStream.uniform() * 30 * monthsDone / 12).rounded(.down))
            let serial = String(k + 1)
            let fields = [
                "9" + String(repeating: "0", count: 17 - serial.count) + serial,
                "SINTETIS \(k + 1)", region.units[person.unit].id, posts[person.jobLevel.rawValue], jenjang, status,
                dmy(born), dmy(appointed), educations[person.education.rawValue], String(jp), status == "CPNS" ? "ya" : "tidak",
                indonesian ? "data sintetis, bukan pegawai nyata" : "synthetic, not a real employee",
            ]
            text += fields.joined(separator: separator) + "\r\n"
        }
        return text
    }

    static func dmy(_ date: CivilDate) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(two(date.day))-\(two(date.month))-\(date.year)"
    }
}
