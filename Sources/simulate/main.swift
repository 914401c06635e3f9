import Foundation
import SimCore
import SimExperiment
import SimOutput

// simulate: the planner's command-line tool. Everything that can go wrong becomes a CommandError;
// exactly one place (below) turns it into text on stderr and an exit status.

let arguments = Array(CommandLine.arguments.dropFirst())
Cleanup.shared.installSignalHandlers()
do {
    try Command.run(arguments)
    Cleanup.shared.run()
    exit(ExitStatus.success.rawValue)
} catch {
    Cleanup.shared.run()
    FileHandle.standardError.write(Data(error.text.utf8))
    exit(error.status.rawValue)
}
