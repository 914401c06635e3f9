import Foundation
import SimExperiment

extension CommandError {
    /// The one place errors become text on stderr.
    func print() { FileHandle.standardError.write(Data(text.utf8)) }
}
