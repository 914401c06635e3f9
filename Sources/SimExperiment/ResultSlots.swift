import Foundation

/// Index-addressed slots that parallel workers fill and the caller reads in index order, and the
/// counter from which workers take the next index (so a worker that finishes early takes more
/// work; which worker runs an index never changes its result).
///
/// `@unchecked Sendable` because the storage is a class shared between workers; every access is
/// under the lock, and each index is written once (checked).
final class ResultSlots<Value>: @unchecked Sendable {
    private var nextIndex = 0

    /// The next index nobody has taken yet, or `nil` when all are taken.
    func takeNext() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard nextIndex < values.count else { return nil }
        nextIndex += 1
        return nextIndex - 1
    }

    private let lock = NSLock()
    private var values: [Value?]

    init(count: Int) { values = [Value?](repeating: nil, count: count) }

    func store(_ value: Value, at index: Int) {
        lock.lock()
        defer { lock.unlock() }
        precondition(values[index] == nil, "result slot \(index) written twice")
        values[index] = value
    }

    /// Every slot's value in index order; all must have been written.
    func inIndexOrder() -> [Value] {
        lock.lock()
        defer { lock.unlock() }
        return values.map { value in
            guard let value else { preconditionFailure("a result slot was never written") }
            return value
        }
    }
}
