/// Parsed command-line options. Flags are kebab-case; every value option takes the next word or
/// `--name=value`.
struct Arguments {
    var positional: [String] = []
    var values: [String: [String]] = [:]
    var flags: Set<String> = []

    /// Parses `words` against the options a subcommand accepts.
    init(_ words: [String], valueOptions: [String], flagOptions: [String], command: String) throws(CLIError) {
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
            var name = String(word.dropFirst(2))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            if flagOptions.contains(name) {
                guard inlineValue == nil else { throw .usage("--\(name) takes no value") }
                flags.insert(name)
            } else if valueOptions.contains(name) {
                guard let value = inlineValue ?? (index < words.count ? words[index] : nil) else {
                    throw .usage("--\(name) needs a value; see 'simulate \(command) --help'")
                }
                if inlineValue == nil { index += 1 }
                guard !value.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw .usage("--\(name) was given an empty value; see 'simulate \(command) --help'")
                }
                values[name, default: []].append(value)
            } else {
                let suggestion = closest(name, among: valueOptions + flagOptions).map { "; did you mean '--\($0)'?" } ?? ""
                throw .usage("unknown option '--\(name)' for '\(command)'\(suggestion)")
            }
        }
    }

    func value(_ name: String) -> String? { values[name]?.last }
    func all(_ name: String) -> [String] { values[name] ?? [] }

    func integer(_ name: String, minimum: Int = 1) throws(CLIError) -> Int? {
        guard let text = value(name) else { return nil }
        guard let n = Int(text), n >= minimum else { throw .usage("--\(name) expects a whole number ≥ \(minimum), got '\(text)'") }
        return n
    }
}
