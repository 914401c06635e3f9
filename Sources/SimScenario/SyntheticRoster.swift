import SimCore
import SimWorkforce

/// A roster drawn from a scenario's distributions, every row marked synthetic (for examples and
/// tests; no real person is in it): `simulate roster-template --synthetic`.
public enum SyntheticRoster {
    /// A roster drawn from the region's distributions: the model's own starting workforce, written
    /// as an export would be, without competency scores (so they are imputed, as they would be for
    /// most regions), with JP so far this year drawn for the months before the start.
    public static func text(_ model: ModelParameters, region r: Int, seed: UInt64, indonesian: Bool) -> String {
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
            // Whole days of age, kept at 18 or more and below the BUP, so the reader (which takes the
            // age back from the date) accepts every row: a person drawn a day short of the BUP
            // once came back past it, 11 rows in a roster of 200,000.
            let lowest = Int((18 * 365.25).rounded(.up))
            let highest = Int((person.retirementAgeYears * 365.25).rounded(.up)) - 1
            let born = start.adding(days: -min(max(Int(person.ageYears * 365.25), lowest), highest))
            let appointed = start.adding(days: -Int(person.tenureMonths * 30.4375))
            let jenjang =
                person.jobLevel != .fungsional
                ? ""
                : person.retirementAgeYears >= 65
                    ? "Ahli Utama"
                    : person.retirementAgeYears >= 60 ? "Ahli Madya" : person.tenureMonths < 96 ? "Ahli Pertama" : "Ahli Muda"
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

    public static func dmy(_ date: CivilDate) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(two(date.day))-\(two(date.month))-\(date.year)"
    }
}
