import SimWorkforce

/// The suggestion for each value `roster-check` cannot place: for a unit, the region's unit whose
/// id and name share the most topics with the value's words; for a status, post or education,
/// the reader's own spelling the value contains (``RosterReader``'s tables, never a copy). A
/// suggestion is a guess for the planner to confirm, never applied to a run.
extension RosterCheck {
    /// The model's id `normalised` (a value of `column`) most likely means, or `nil`.
    static func target(_ column: String, normalised: String, units: [UnitParameters]) -> String? {
        switch column {
        case "unit": return unit(for: normalised, among: units)
        case "status": return contained(in: normalised, RosterReader.status)?.id
        case "post": return contained(in: normalised) { RosterReader.posts[$0] }?.id
        default: return contained(in: normalised, RosterReader.education)?.id
        }
    }

    /// The unit whose topics most of the value's words share (its id as a word counts double);
    /// `nil` when none shares any, or two share as many.
    static func unit(for value: String, among units: [UnitParameters]) -> String? {
        let words = value.split(separator: " ").map(String.init)
        let topics = Set(words.compactMap { unitTopics[$0] })
        var best: (score: Int, id: String?) = (0, nil)
        for unit in units {
            let own = RosterFormat.normalised(unit.id + " " + unit.name).split(separator: " ").map(String.init)
            let shared = topics.intersection(own.compactMap { unitTopics[$0] }).count + (words.contains(unit.id.lowercased()) ? 2 : 0)
            if shared > best.score {
                best = (shared, unit.id)
            } else if shared == best.score && shared > 0 {
                best.id = nil
            }
        }
        return best.id
    }

    /// What `lookup` makes of the longest run of `value`'s words it knows, the leftmost of equal
    /// length (so the answer does not depend on a table's order); a run of one letter only when
    /// it is the whole value (SIASN's P and C codes, not a class letter inside a name).
    static func contained<T>(in value: String, _ lookup: (String) -> T?) -> T? {
        let words = value.split(separator: " ")
        for length in stride(from: min(words.count, 6), through: 1, by: -1) {
            for start in 0...(words.count - length) {
                let run = words[start..<(start + length)].joined(separator: " ")
                if run.count == 1 && words.count > 1 { continue }
                if let found = lookup(run) { return found }
            }
        }
        return nil
    }

    /// Words that start many units' names and say what kind of office they are; rarer values that
    /// start with one are offered together as a pattern (`Puskesmas *`), which shows only the word.
    static let officeWords: Set<String> = [
        "puskesmas", "pustu", "sd", "smp", "sma", "smk", "tk", "paud", "kecamatan", "distrik", "kelurahan", "rsud",
    ]

    /// Words of Indonesian unit names (and of the bundled scenarios' English unit names) and the
    /// topic each names. An assumption drawn from the nomenclature of regional offices
    /// (Permendagri 99/2018), there to rank suggestions, not to place anyone.
    static let unitTopics: [String: String] = [
        "dukcapil": "registry", "kependudukan": "registry", "pencatatan": "registry", "population": "registry", "civil": "registry",
        "disdukcapil": "registry", "dpmptsp": "licensing", "penanaman": "licensing", "modal": "licensing", "perizinan": "licensing",
        "terpadu": "licensing", "licensing": "licensing", "investment": "licensing", "ptsp": "licensing", "kesehatan": "health",
        "puskesmas": "health", "pustu": "health", "rsud": "health", "sakit": "health", "health": "health", "hospital": "health",
        "dinkes": "health", "pendidikan": "education", "sekolah": "education", "sd": "education", "smp": "education",
        "sma": "education", "smk": "education", "tk": "education", "paud": "education", "education": "education", "schools": "education",
        "disdik": "education",
        "sekretariat": "administration", "setda": "administration", "dprd": "administration", "keuangan": "administration",
        "bpkad": "administration", "bappeda": "administration", "inspektorat": "administration", "kecamatan": "administration",
        "distrik": "administration", "kelurahan": "administration", "kepegawaian": "administration", "bkpsdm": "administration",
        "pendapatan": "administration", "administration": "administration", "finance": "administration", "general": "administration",
        "pekerjaan": "technical", "pupr": "technical", "perhubungan": "technical", "lingkungan": "technical", "perumahan": "technical",
        "permukiman": "technical", "pertanian": "technical", "technical": "technical", "infrastructure": "technical",
    ]
}
