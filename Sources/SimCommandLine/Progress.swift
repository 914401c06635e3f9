import Foundation
import SimCore

/// Progress on stderr, never in result files: a rewritten line with done/total, rate and ETA on a
/// terminal; a plain line every 10% otherwise; nothing with --quiet.
public struct Progress {
    let total: Int
    let unit: String
    let quiet: Bool
    let terminal = isatty(2) != 0
    let started = ContinuousClock.now
    var lastDecile = -1

    public init(total: Int, unit: String, quiet: Bool) {
        self.total = total
        self.unit = unit
        self.quiet = quiet
    }

    public mutating func update(done: Int) {
        guard !quiet, total > 0 else { return }
        let seconds = started.secondsElapsed
        let rate = seconds > 0 ? Double(done) / seconds : 0
        let eta = rate > 0 ? Double(total - done) / rate : 0
        let line = "simulate: \(done)/\(total) \(unit), \(String(format: "%.1f", rate))/s, ETA \(String(format: "%.0f", eta)) s"
        if terminal {
            FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
        } else {
            let decile = done * 10 / total
            if decile != lastDecile {
                lastDecile = decile
                FileHandle.standardError.write(Data("\(line)\n".utf8))
            }
        }
    }

    public func finish() {
        if !quiet && terminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
