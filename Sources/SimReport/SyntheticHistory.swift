import SimCore
import SimExperiment
import SimScenario
import SimWorkforce

/// `simulate history`: a region's records written from one replication of a scenario, in the
/// formats `regions.<r>.history` reads (docs/history.md), so that a test, a demo or a calibration
/// can check what is recovered from records whose truth is known.
///
/// Every aggregate `simulate history-check` reads back is the replication's own: the year's
/// headcount and flows, PNS with 20 JP or more and with none, Latsar completions, spending, each
/// counter's IKM, requests and mean wait by month. Below those aggregates the rows are made up,
/// deterministically: the people behind a JP band, their JP within it, and a month's tickets,
/// spread over its working days and the morning, each waiting the month's mean. Every file is
/// marked synthetic (its name and a `sintetis` column), and every NIP starts with 9, which no
/// real NIP does.
public enum SyntheticHistory {
    public static let marker = "SINTETIS"
    /// Respondents written for each SKM year (the index is the model's, whatever the count).
    public static let respondentsPerYear = 400
    /// Latsar's JP (Perlan LAN 1/2021: about 1,141 JP over the on-campus and workplace parts).
    public static let latsarJP = 1_141

    /// The files of region `r` of the run's first scenario, by name, as CSV text. The run must be
    /// one replication starting in January of `firstYear`. The queue log holds the first
    /// `queueMonths` months of each year (a log of every number is large: about 2 MB a year for
    /// Sawahlunto, 5 MB for Sorong).
    public static func files(
        _ result: ExperimentResult, region r: Int, parameters region: RegionParameters, firstYear: Int, queueMonths: Int = 12
    ) -> [(name: String, contents: String)] {
        let years = result.years
        func yearly(_ key: MetricKey, _ y: Int) -> Double? {
            guard let m = result.metric(0, r, key) else { return nil }
            let stats = result.yearly[0][r][m * years + y]
            return stats.count > 0 && stats.mean.isFinite ? stats.mean : nil
        }
        func monthly(_ key: MetricKey, _ month: Int) -> Double? {
            guard let m = result.metric(0, r, key) else { return nil }
            let stats = result.series[0][r][m * result.months + month]
            return stats.count > 0 && stats.mean.isFinite ? stats.mean : nil
        }
        let (workforce, courses, budget) = yearFiles(years: years, firstYear: firstYear, yearly)
        var skm = CSVWriter()
        skm.row(["unit layanan", "periode", "nilai ikm", "jumlah responden", "sintetis"].map(CSVField.identifier))
        var queue = CSVWriter()
        queue.row(["nomor", "loket", "tanggal", "waktu ambil", "waktu panggil", "status", "sintetis"].map(CSVField.identifier))
        for unit in region.units where unit.service != nil {
            for y in 0..<years {
                guard let ikm = yearly(.counter(.ikm, unit: unit.id), y) else { continue }
                skm.row([
                    .identifier(unit.id), .integer(firstYear + y), .identifier(NumberText.fixed(ikm, decimals: 2)),
                    .integer(respondentsPerYear),
                    .identifier(marker),
                ])
            }
            for month in 0..<result.months where month % 12 < queueMonths {
                tickets(of: unit.id, month: month, firstYear: firstYear, into: &queue) { monthly($0, month) }
            }
        }
        // A file with no row but its header is not written (the reader refuses one).
        let written: [(name: String, contents: String)] = [
            ("pegawai-SYNTHETIC.csv", workforce.text), ("riwayat-kursus-SYNTHETIC.csv", courses.text),
            ("realisasi-SYNTHETIC.csv", budget.text),
            ("skm-SYNTHETIC.csv", skm.text), ("antrian-SYNTHETIC.csv", queue.text),
        ]
        return written.filter { file in file.contents.utf8.lazy.filter { $0 == 0x0A }.count > 1 }
    }

    /// The headcount, course history and budget realisation, a row (or a band's people) a year.
    static func yearFiles(years: Int, firstYear: Int, _ yearly: (MetricKey, Int) -> Double?) -> (CSVWriter, CSVWriter, CSVWriter) {
        var workforce = CSVWriter()
        workforce.row(["tahun", "status", "jumlah", "pensiun", "keluar lainnya", "pengangkatan", "sintetis"].map(CSVField.identifier))
        var courses = CSVWriter()
        courses.row(
            [
                "idPns", "nipBaru", "jenisKursusNama", "namaKursus", "institusiPenyelenggara", "jumlahJam", "tanggalSelesaiKursus",
                "sintetis",
            ]
            .map(CSVField.identifier))
        var budget = CSVWriter()
        budget.row(["tahun", "sub kegiatan", "pagu", "realisasi", "sintetis"].map(CSVField.identifier))
        var course = 0
        for y in 0..<years {
            let year = firstYear + y
            let headcount = Int((yearly(.region(.headcount), y) ?? 0).rounded())
            let reaching = Int((yearly(.region(.pnsReaching20), y) ?? 0).rounded())
            let pns = Int((yearly(.region(.pnsHeadcount), y) ?? Double(headcount)).rounded())
            let flows = [Metric.retirements, .otherExits, .hires].map { CSVField.integer(Int((yearly(.region($0), y) ?? 0).rounded())) }
            workforce.row([.integer(year), .identifier("PNS"), .integer(pns)] + flows + [.identifier(marker)])
            if headcount > pns {
                workforce.row([
                    .integer(year), .identifier("PPPK"), .integer(headcount - pns), .identifier(""), .identifier(""), .identifier(""),
                    .identifier(marker),
                ])
            }
            let none = yearly(.region(.jpShareWithNone), y) ?? 1
            let withJP = max(reaching, min(pns, Int((Double(pns) * (1 - none)).rounded())))
            let latsar = min(reaching, Int((yearly(.region(.latsarCompleted), y) ?? 0).rounded()))
            for person in 0..<withJP {
                let nip = 900_000_000_000_000_000 + UInt64(person)
                let day = CivilDate(year, 1 + person % 12, 1 + person % 28)
                func row(_ kind: String, _ name: String, _ jp: Int) {
                    course += 1
                    courses.row([
                        .identifier("S\(course)"), .identifier(String(nip)), .identifier(kind), .identifier(name), .identifier("BPSDM"),
                        .integer(jp), .identifier(dayText(day)), .identifier(marker),
                    ])
                }
                if person < latsar {
                    row("Latsar", "Pelatihan Dasar CPNS (\(marker))", latsarJP)
                } else {
                    row(
                        "Kursus", "Kursus \(person % 30 + 1)",
                        person < reaching ? 20 + (person + year) % 21 : 1 + (person + year) % 19)
                }
            }
            if let spent = yearly(.region(.budgetSpentRupiah), y) {
                let unspent = yearly(.region(.budgetUnspentRupiah), y) ?? 0
                budget.row([
                    .integer(year), .identifier("Pengembangan kompetensi ASN (\(marker))"), .integer(Int((spent + unspent).rounded())),
                    .integer(Int(spent.rounded())), .identifier(marker),
                ])
            }
        }
        return (workforce, courses, budget)
    }

    /// A month's numbers at one counter: as many as its requests, those who gave up or were
    /// turned away never called, the others called after the month's mean wait (to the second).
    static func tickets(of unit: String, month: Int, firstYear: Int, into queue: inout CSVWriter, _ value: (MetricKey) -> Double?) {
        let issued = Int((value(.counter(.requests, unit: unit)) ?? 0).rounded())
        guard issued > 0, let wait = value(.counter(.waitMean, unit: unit)) else { return }
        let lost = (value(.counter(.abandoned, unit: unit)) ?? 0) + (value(.counter(.turnedAway, unit: unit)) ?? 0)
        let notServed = min(issued, Int(lost.rounded()))
        let year = firstYear + month / 12
        let days = (1...CivilDate.daysIn(month: month % 12 + 1, year: year)).map { CivilDate(year, month % 12 + 1, $0) }.filter {
            !$0.isWeekend
        }
        let waitSeconds = Int((wait * 60).rounded())
        for k in 0..<issued {
            // Numbers taken from 07:30 over four and a half hours, called no later than 23:59:59.
            let taken = min(27_000 + (k * 7_919) % 16_200, 86_399 - waitSeconds)
            let served = k >= notServed
            queue.row([
                .identifier("\(unit.prefix(1).uppercased())\(month + 1)-\(k + 1)"), .identifier(unit),
                .identifier(dayText(days[k % days.count])),
                .identifier(clockText(max(0, taken))), .identifier(served ? clockText(max(0, taken) + waitSeconds) : ""),
                .identifier(served ? "selesai" : "batal"), .identifier(marker),
            ])
        }
    }

    static func dayText(_ date: CivilDate) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(two(date.day))-\(two(date.month))-\(date.year)"
    }

    static func clockText(_ seconds: Int) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(two(seconds / 3_600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))"
    }
}
