/// A first-in-first-out buffer on a power-of-two ring that grows by doubling.
///
/// No allocation once it has reached its working size; the index wraps with a bit-mask (NIO).
public struct FIFORing<Element> {
    @usableFromInline var storage: ContiguousArray<Element?>
    @usableFromInline var head = 0
    public var count: Int { _count }
    @usableFromInline var _count = 0

    /// Creates an empty ring with room for at least `capacity` elements.
    public init(capacity: Int = 16) {
        var size = 1
        while size < Swift.max(capacity, 2) { size <<= 1 }
        storage = ContiguousArray(repeating: nil, count: size)
    }

    @inlinable public var isEmpty: Bool { _count == 0 }

    /// Appends at the tail.
    ///
    /// - Complexity: O(1) amortised.
    @inlinable @inline(__always) public mutating func append(_ element: Element) {
        if _count == storage.count { grow() }
        storage[(head &+ _count) & (storage.count &- 1)] = element
        _count &+= 1
    }

    /// Removes and returns the head, or `nil` when empty.
    ///
    /// - Complexity: O(1).
    @inlinable @inline(__always) public mutating func popFirst() -> Element? {
        guard _count > 0 else { return nil }
        let element = storage[head]
        // Only a slot holding a reference needs clearing (to release it); plain values stay.
        if !_isPOD(Element.self) { storage[head] = nil }
        head = (head &+ 1) & (storage.count &- 1)
        _count &-= 1
        return element
    }

    /// The head without removing it.
    @inlinable public var first: Element? { _count > 0 ? storage[head] : nil }

    /// Changes the head in place; the ring must not be empty.
    @inlinable public mutating func modifyFirst(_ body: (inout Element) -> Void) {
        precondition(_count > 0, "modifyFirst on an empty ring")
        body(&storage[head]!)
    }

    @usableFromInline mutating func grow() {
        var bigger = ContiguousArray<Element?>(repeating: nil, count: storage.count * 2)
        for offset in 0..<_count {
            bigger[offset] = storage[(head + offset) & (storage.count - 1)]
        }
        storage = bigger
        head = 0
    }
}
