import SimExperiment
import SimScenario

/// Every command-line option's name, once: declaring an option (``OptionSpec``) and reading it
/// (``Arguments``) both name a case, so a misspelt option does not compile. The raw value is
/// what the user types after `--`.
public enum OptionName: String, CaseIterable, Sendable {
    case baseline
    case baselineFile = "baseline-file"
    case bootstrap
    case confidence
    case confirm
    case csvLocale = "csv-locale"
    case delta
    case evaluations
    case factors
    case finalists
    case fixedInputs = "fixed-inputs"
    case force
    case from
    case jobs
    case lang
    case markdown
    case method
    case months
    case out
    case pauseAfter = "pause-after"
    case quiet
    case region
    case replications
    case restart
    case samples
    case scenario
    case seed
    case set
    case shard
    case shardCount = "shard-count"
    case synthetic
    case to
    case uncertain
    case vary
    case xlsx
    case years
}

/// Parsed command-line options. Flags are kebab-case; every value option takes the next word or
/// `--name=value`. Reading an option the command did not declare, or a flag as a value, is a
/// programming error and stops at once (the CLI tests run every command).
public struct Arguments {
    public var positional: [String] = []
    private var values: [OptionName: [String]] = [:]
    private var flags: Set<OptionName> = []
    /// The options the command declared: true for a flag.
    private let declared: [OptionName: Bool]

    /// Parses `words` against the options a subcommand accepts.
    public init(_ words: [String], options: [OptionSpec], command: String) throws(CommandError) {
        declared = Dictionary(options.map { ($0.name, $0.isFlag) }, uniquingKeysWith: { first, _ in first })
        let spellings = options.map(\.name.rawValue)
        var index = 0
        while index < words.count {
            let word = words[index]
            index += 1
            guard word.hasPrefix("--"), word.count > 2 else {
                if word.hasPrefix("-") && word.count > 1 && word != "-h" {
                    throw .usage("unknown option '\(word)' for '\(command)'; see 'simulate \(command) --help'")
                }
                positional.append(word)
                continue
            }
            var text = String(word.dropFirst(2))
            var inlineValue: String?
            if let equals = text.firstIndex(of: "=") {
                inlineValue = String(text[text.index(after: equals)...])
                text = String(text[..<equals])
            }
            guard let name = OptionName(rawValue: text), let isFlag = declared[name] else {
                let guess = suggestion(for: text, among: spellings).map { "; did you mean '--\($0)'?" } ?? ""
                throw .usage("unknown option '--\(text)' for '\(command)'\(guess)")
            }
            if isFlag {
                guard inlineValue == nil else { throw .usage("--\(text) takes no value") }
                flags.insert(name)
                continue
            }
            guard let value = inlineValue ?? (index < words.count ? words[index] : nil) else {
                throw .usage("--\(text) needs a value; see 'simulate \(command) --help'")
            }
            if inlineValue == nil { index += 1 }
            guard !value.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw .usage("--\(text) was given an empty value; see 'simulate \(command) --help'")
            }
            values[name, default: []].append(value)
        }
    }

    private func checkDeclared(_ name: OptionName, flag: Bool) {
        precondition(
            declared[name] == flag, "the command reads --\(name.rawValue) as a \(flag ? "flag" : "value") but does not declare it so")
    }

    /// The value given last, or `nil`.
    public func value(_ name: OptionName) -> String? {
        checkDeclared(name, flag: false)
        return values[name]?.last
    }

    /// Every value given, in order (a repeatable option).
    public func all(_ name: OptionName) -> [String] {
        checkDeclared(name, flag: false)
        return values[name] ?? []
    }

    /// Whether the flag was given.
    public func flag(_ name: OptionName) -> Bool {
        checkDeclared(name, flag: true)
        return flags.contains(name)
    }

    /// Whether the command declares the option: code several commands share reads an option
    /// only some of them have (`--shard` in `run`, not in `what-if`) through this.
    public func declares(_ name: OptionName) -> Bool { declared[name] != nil }

    public func integer(_ name: OptionName, minimum: Int = 1) throws(CommandError) -> Int? {
        guard let text = value(name) else { return nil }
        guard let n = Int(text), n >= minimum else { throw .usage("--\(name.rawValue) expects a whole number ≥ \(minimum), got '\(text)'") }
        return n
    }
}
