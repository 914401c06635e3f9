import SimExperiment

/// One command-line option, declared once: the parser accepts exactly the declared options and
/// `--help` is written from the same declarations, so the two cannot drift apart.
public struct OptionSpec: Sendable {
    public var name: OptionName
    /// The value's placeholder (`N`, `DIR`); `nil` for a flag.
    public var value: String?
    /// What it does; continuation lines are indented under the first.
    public var help: [String]

    public static func value(_ name: OptionName, _ placeholder: String, _ help: String...) -> OptionSpec {
        OptionSpec(name: name, value: placeholder, help: help)
    }
    public static func flag(_ name: OptionName, _ help: String...) -> OptionSpec { OptionSpec(name: name, value: nil, help: help) }

    public var isFlag: Bool { value == nil }
    public var signature: String { "--\(name.rawValue)" + (value.map { " \($0)" } ?? "") }
}

/// A subcommand: its usage line, what it does, its options and examples.
public struct CommandSpec: Sendable {
    public var name: String
    public var usage: String
    /// One line for the list of subcommands in `simulate --help`.
    public var summary: String
    public var description: [String]
    public var options: [OptionSpec]
    public var examples: [String]

    public init(name: String, usage: String, summary: String, description: [String], options: [OptionSpec], examples: [String]) {
        (self.name, self.usage, self.summary, self.description, self.options, self.examples) = (
            name, usage, summary, description, options, examples
        )
    }

    /// The `--help` text.
    public var help: String {
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
    public func parse(_ words: [String]) throws(CommandError) -> Arguments {
        try Arguments(words, options: options, command: name)
    }

    /// Whether the words ask for help; if so, prints it.
    public func answersHelp(_ words: [String]) -> Bool {
        guard words.contains("-h") || words.contains("--help") else { return false }
        print(help)
        return true
    }
}

/// Options several subcommands share, declared once.
public enum CommonOptions {
    public static let replications = OptionSpec.value(
        .replications, "N", "replications per scenario (default: the baseline's simulation.replications)")
    public static let seed = OptionSpec.value(.seed, "S", "master seed (default: the baseline's simulation.seed)")
    public static let jobs = OptionSpec.value(.jobs, "J", "parallel workers (default: the number of active cores)")
    public static let years = OptionSpec.value(.years, "Y", "horizon in years, for every scenario")
    public static func out(default directory: String) -> OptionSpec {
        .value(
            .out, "DIR", "output directory (default: \(directory)); simulate replaces only the files it wrote there (SHA256SUMS lists them)"
        )
    }
    public static let set = OptionSpec.value(
        .set, "PATH=VALUE", "override a value in every scenario, e.g. regions.sorong.budget.rupiahPerYear=1.5e9",
        "(repeatable)")
    public static let csvLocale = OptionSpec.value(
        .csvLocale, "L", "en (default: ',' and '.') or id (';' and ',' for Indonesian spreadsheets)")
    /// `--lang`, saying what it sets in this command: "brief.md, brief.html, …".
    public static func lang(of what: String) -> OptionSpec { .value(.lang, "L", "language of \(what): id (default) or en") }
    /// What `--lang` sets in a command that writes the brief.
    public static let briefFiles = "brief.md, brief.html, results.xlsx and the warnings on stderr"
    /// `--lang` in a command that writes the brief.
    public static let lang = lang(of: briefFiles)
    public static let region = OptionSpec.value(
        .region, "ID", "limit brief.md, brief.html, results.xlsx and the warnings to one region (the CSVs keep every region)")
    public static let force = OptionSpec.flag(
        .force, "write into an --out folder that also holds files simulate did not write (they are left as they are)")
    public static let quiet = OptionSpec.flag(.quiet, "no progress on stderr")
    public static let xlsx = OptionSpec.flag(
        .xlsx, "also write results.xlsx: the tables as a spreadsheet workbook (headers in the --lang language)")
}
