import SimScenario

/// Exit statuses (sysexits.h), the same for every subcommand.
public enum ExitStatus: Int32, Sendable {
    case success = 0
    case failure = 1
    case usage = 64
    case invalidScenario = 65
    case cannotReadInput = 66
    case cannotWriteOutput = 73
    /// Stopped on purpose with work left to resume (EX_TEMPFAIL: try again).
    case paused = 75
}

/// Everything that stops a command or a study, with the status it exits with. The libraries
/// throw it; the command-line tool prints ``text`` in its one place and exits with ``status``.
public enum CommandError: Error {
    case usage(String)
    case scenarios(ScenarioError)
    case cannotWrite(String)
    case failure(String)
    /// Stopped on purpose; running the same command again resumes.
    case paused(String)

    public var status: ExitStatus {
        switch self {
        case .usage: return .usage
        case .scenarios(let error): return error.isUnreadableInput ? .cannotReadInput : .invalidScenario
        case .cannotWrite: return .cannotWriteOutput
        case .failure: return .failure
        case .paused: return .paused
        }
    }

    /// What stderr shows: diagnostics as `FILE:LINE:COL: error: PATH: message`, everything else
    /// as `simulate: error: message`.
    public var text: String {
        switch self {
        case .usage(let message), .cannotWrite(let message), .failure(let message): return "simulate: error: \(message)\n"
        case .scenarios(let error): return Self.listed(error.diagnostics) + "simulate: error: problems found; nothing was run\n"
        case .paused(let message): return "simulate: \(message)\n"
        }
    }

    /// At most the first 100 problems of each file, then how many more that file has: a
    /// hostile or badly broken file does not fill a terminal or a cluster's log.
    public static func listed(_ diagnostics: [Diagnostic], perFile limit: Int = 100) -> String {
        var shown: [String: Int] = [:]
        var order: [String] = []
        var text = ""
        for diagnostic in diagnostics {
            if diagnostic.isSummary {
                text += diagnostic.description + "\n"
                continue
            }
            if shown[diagnostic.file] == nil { order.append(diagnostic.file) }
            shown[diagnostic.file, default: 0] += 1
            if shown[diagnostic.file]! <= limit { text += diagnostic.description + "\n" }
        }
        for file in order where shown[file]! > limit {
            text += "\(file): error: and \(shown[file]! - limit) more problems in this file, not listed; fix the ones above first\n"
        }
        return text
    }
}
