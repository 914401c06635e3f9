/// One command-line option, declared once: the parser accepts exactly the declared options and
/// `--help` is written from the same declarations, so the two cannot drift apart.
struct OptionSpec: Sendable {
    var name: OptionName
    /// The value's placeholder (`N`, `DIR`); `nil` for a flag.
    var value: String?
    /// What it does; continuation lines are indented under the first.
    var help: [String]

    static func value(_ name: OptionName, _ placeholder: String, _ help: String...) -> OptionSpec {
        OptionSpec(name: name, value: placeholder, help: help)
    }
    static func flag(_ name: OptionName, _ help: String...) -> OptionSpec { OptionSpec(name: name, value: nil, help: help) }

    var isFlag: Bool { value == nil }
    var signature: String { "--\(name.rawValue)" + (value.map { " \($0)" } ?? "") }
}

/// A subcommand: its usage line, what it does, its options and examples.
struct CommandSpec: Sendable {
    var name: String
    var usage: String
    /// One line for the list of subcommands in `simulate --help`.
    var summary: String
    var description: [String]
    var options: [OptionSpec]
    var examples: [String]

    /// The `--help` text.
    var help: String {
        var lines = ["USAGE: \(usage)", ""] + description
        if !options.isEmpty {
            let width = options.map(\.signature.count).max() ?? 0
            lines += ["", "OPTIONS:"]
            for option in options {
                let pad = String(repeating: " ", count: width - option.signature.count)
                lines.append("  \(option.signature)\(pad)   \(option.help.first ?? "")")
                let indent = String(repeating: " ", count: width + 5)
                lines += option.help.dropFirst().map { indent + $0 }
            }
        }
        if !examples.isEmpty {
            lines += ["", examples.count == 1 ? "EXAMPLE:" : "EXAMPLES:"] + examples.map { "  " + $0 }
        }
        return lines.joined(separator: "\n")
    }

    /// Parses `words` against the declared options (`-h`/`--help` are answered before this).
    func parse(_ words: [String]) throws(CLIError) -> Arguments {
        try Arguments(words, options: options, command: name)
    }

    /// Whether the words ask for help; if so, prints it.
    func answersHelp(_ words: [String]) -> Bool {
        guard words.contains("-h") || words.contains("--help") else { return false }
        print(help)
        return true
    }
}

/// Options several subcommands share, declared once.
enum CommonOptions {
    static let replications = OptionSpec.value(.replications, "N", "replications per scenario (default: the baseline's simulation.replications)")
    static let seed = OptionSpec.value(.seed, "S", "master seed (default: the baseline's simulation.seed)")
    static let jobs = OptionSpec.value(.jobs, "J", "parallel workers (default: the number of active cores)")
    static let years = OptionSpec.value(.years, "Y", "horizon in years, for every scenario")
    static func out(default directory: String) -> OptionSpec {
        .value(.out, "DIR", "output directory (default: \(directory)); simulate replaces only the files it wrote there (SHA256SUMS lists them)")
    }
    static let set = OptionSpec.value(.set, "PATH=VALUE", "override a value in every scenario, e.g. regions.sorong.budget.rupiahPerYear=1.5e9",
                                      "(repeatable)")
    static let csvLocale = OptionSpec.value(.csvLocale, "L", "en (default: ',' and '.') or id (';' and ',' for Indonesian spreadsheets)")
    static let lang = OptionSpec.value(.lang, "L", "language of brief.md, brief.html and sweep.html: id (default) or en")
    static let region = OptionSpec.value(.region, "ID", "limit brief.md and brief.html to one region (the CSVs keep every region)")
    static let force = OptionSpec.flag(.force, "write into an --out folder that also holds files simulate did not write (they are left as they are)")
    static let quiet = OptionSpec.flag(.quiet, "no progress on stderr")
    static let xlsx = OptionSpec.flag(.xlsx, "also write results.xlsx: the tables as a spreadsheet workbook (headers in the --lang language)")
}
