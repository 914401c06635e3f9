import Foundation
import SimCore

/// Exit statuses (sysexits.h), the same for every subcommand.
enum ExitStatus: Int32 {
    case success = 0
    case failure = 1
    case usage = 64
}

let usage = """
    simulate \(KompetenVersion.current): a discrete-event simulator of civil-service (ASN) training policy

    USAGE: simulate [--help] [--version]

    The scenario runner (simulate scenarios/*.json) is being built; this version validates the
    simulation kernel only (swift test).

    OPTIONS:
      -h, --help     Show this help.
      --version      Print the version.
    """

func fail(_ message: String, status: ExitStatus) -> Never {
    var stderr = StandardError()
    print("simulate: error: \(message)", to: &stderr)
    exit(status.rawValue)
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) { FileHandle.standardError.write(Data(string.utf8)) }
}

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case nil, "-h", "--help", "help":
    print(usage)
case "--version":
    print(KompetenVersion.current)
case let other?:
    fail("unknown argument '\(other)'; see 'simulate --help'", status: .usage)
}
