import Foundation
import SimScenario

/// Exit statuses (sysexits.h), the same for every subcommand.
enum ExitStatus: Int32 {
    case success = 0
    case failure = 1
    case usage = 64
    case invalidScenario = 65
    case cannotReadInput = 66
    case cannotWriteOutput = 73
    /// Stopped on purpose with work left to resume (EX_TEMPFAIL: try again).
    case paused = 75
}

/// Everything that stops a command, with the status it exits with.
enum CLIError: Error {
    case usage(String)
    case scenarios(ScenarioError)
    case cannotWrite(String)
    case failure(String)
    /// Stopped on purpose; running the same command again resumes.
    case paused(String)

    var status: ExitStatus {
        switch self {
        case .usage: return .usage
        case .scenarios(let error): return error.isUnreadableInput ? .cannotReadInput : .invalidScenario
        case .cannotWrite: return .cannotWriteOutput
        case .failure: return .failure
        case .paused: return .paused
        }
    }

    /// The one place errors become text: diagnostics as `FILE:LINE:COL: error: PATH: message`,
    /// everything else as `simulate: error: message`.
    func print() {
        let text: String
        switch self {
        case .usage(let message): text = "simulate: error: \(message)\n"
        case .scenarios(let error): text = Self.listed(error.diagnostics)
            + "simulate: error: problems found; nothing was run\n"
        case .cannotWrite(let message): text = "simulate: error: \(message)\n"
        case .failure(let message): text = "simulate: error: \(message)\n"
        case .paused(let message): text = "simulate: \(message)\n"
        }
        FileHandle.standardError.write(Data(text.utf8))
    }
}

extension CLIError {
    /// At most the first 100 problems of each file, then how many more that file has: a
    /// hostile or badly broken file does not fill a terminal or a cluster's log.
    static func listed(_ diagnostics: [Diagnostic], perFile limit: Int = 100) -> String {
        var shown: [String: Int] = [:], order: [String] = []
        var text = ""
        for diagnostic in diagnostics {
            if diagnostic.isSummary { text += diagnostic.description + "\n"; continue }
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

/// Closest spelling for "did you mean" (the scenario validator's rule, so both agree).
func closest(_ word: String, among candidates: [String]) -> String? {
    suggestion(for: word, among: candidates)
}
