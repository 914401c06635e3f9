import Foundation

/// Index-addressed slots that parallel workers fill and the caller reads in index order.
///
/// `@unchecked Sendable` because the storage is a class shared between workers; every access is
/// under the lock, and each index is written once (checked).
final class ResultSlots<Value>: @unchecked Sendable {
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
