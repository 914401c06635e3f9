/// Why shards cannot be written or merged, each with what to do about it.
public enum ShardError: Error, Equatable, CustomStringConvertible {
    /// The directory holds no readable manifest (exit 66: the input cannot be read).
    case unreadable(directory: String, file: String)
    case notAShard(String)
    case malformed(String, String)
    case mismatch(directory: String, reference: String, what: String)
    case missing(Range<Int>)
    case overlap(directory: String)
    case replicationOutOfOrder(directory: String, found: Int, expected: Int)
    case stopsEarly(directory: String, at: Int, expected: Int)
    case records(String)
    case cannotWrite(String)
    /// A shard of another format version (written by another build of simulate).
    case otherFormat(file: String, found: Int, expected: Int)
    /// A file of a shard that does not match its checksum, or has none.
    case checksum(directory: String, file: String, problem: String)
    /// Shards whose scenarios report different series: the first difference, in words.
    case keysDiffer(directory: String, reference: String, difference: String)

    public var description: String {
        switch self {
        case .unreadable(let directory, let file): return "\(file): cannot read the partial result (is \(directory) a --shard output?)"
        case .notAShard(let file): return "\(file) is not a partial result of 'simulate run --shard'"
        case .malformed(let file, let key):
            return "\(file): '\(key)' is missing or wrong; the file was not written by 'simulate run --shard'"
        case .mismatch(let directory, let reference, let what):
            return "\(directory) \(what) from \(reference); merge shards of one run only"
        case .missing(let range): return "replications \(range.lowerBound)..<\(range.upperBound) are missing: give every shard"
        case .overlap(let directory): return "\(directory) overlaps another shard"
        case .replicationOutOfOrder(let directory, let found, let expected):
            return "\(directory) holds replication \(found) where \(expected) was expected"
        case .stopsEarly(let directory, let at, let expected): return "\(directory) stops at replication \(at), before \(expected)"
        case .records(let message): return message
        case .cannotWrite(let message): return message
        case .otherFormat(let file, let found, let expected):
            return "\(file) is shard format \(found); this simulate reads format \(expected): run every shard again with this version"
        case .checksum(let directory, let file, let problem): return "\(directory): \(file) \(problem)"
        case .keysDiffer(let directory, let reference, let difference):
            return "\(directory) and \(reference) report different results: \(difference); merge shards of one run only"
        }
    }
}
