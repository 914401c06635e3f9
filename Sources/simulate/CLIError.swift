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
        case .scenarios(let error): text = error.diagnostics.map { $0.description + "\n" }.joined()
            + "simulate: error: \(error.diagnostics.count) problem\(error.diagnostics.count == 1 ? "" : "s") found; nothing was run\n"
        case .cannotWrite(let message): text = "simulate: error: \(message)\n"
        case .failure(let message): text = "simulate: error: \(message)\n"
        case .paused(let message): text = "simulate: \(message)\n"
        }
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// Closest spelling for "did you mean" (the scenario validator's rule, so both agree).
func closest(_ word: String, among candidates: [String]) -> String? {
    suggestion(for: word, among: candidates)
}
