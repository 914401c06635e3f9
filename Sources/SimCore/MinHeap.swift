/// A binary min-heap: the event calendar's future-event list, and the lazy order of a
/// programme's candidates (``CandidateList`` in the workforce model), so both rest on one
/// implementation with one invariant check.
///
/// Elements must be strictly ordered where order matters (the calendar's keys and the
/// candidates' keys are unique), so the order of removal never depends on the heap's layout.
///
/// Under `SIM_INTERNAL_CHECKS` every mutation walks the heap invariant (each element not below
/// its parent).
///
/// Elements are plain values kept in an ``UncheckedArray``: a sift asks once whether the storage
/// is shared and reads without bounds checks.
// PERF: against a `ContiguousArray` (a uniqueness and bounds check per access), the M/M/10 kernel
// runs 0.43 s instead of 0.60 s (`swift run -c release simulate-bench kernel`, medians of seven
// runs of each build, alternating, 2-core VM).
public struct MinHeap<Element: Comparable & BitwiseCopyable> {
    @usableFromInline var elements: UncheckedArray<Element>

    /// An empty heap with room for `capacity` elements.
    @inlinable public init(reservingCapacity capacity: Int = 0) {
        elements = UncheckedArray()
        elements.reserveCapacity(capacity)
    }

    /// A heap of `elements`, built bottom-up in O(n) (Floyd).
    @inlinable public init<S: Sequence>(heapifying elements: S) where S.Element == Element {
        self.elements = UncheckedArray(elements)
        var parent = self.elements.count / 2 - 1
        while parent >= 0 {
            siftDown(from: parent, moving: self.elements[parent])
            parent -= 1
        }
        checkInvariant()
    }

    @inlinable public var count: Int { elements.count }
    @inlinable public var isEmpty: Bool { elements.isEmpty }

    /// The least element, if any.
    @inlinable public var min: Element? { elements.isEmpty ? nil : elements[0] }

    /// Adds `element`. O(log n).
    @inlinable public mutating func insert(_ element: Element) {
        elements.append(element)
        siftUp(from: elements.count - 1)
        checkInvariant()
    }

    /// Removes and returns the least element. O(log n).
    @inlinable @discardableResult
    public mutating func removeMin() -> Element? {
        guard let last = elements.last else { return nil }
        elements.truncate(to: elements.count - 1)
        guard !elements.isEmpty else { return last }
        let least = elements[0]
        siftDown(from: 0, moving: last)
        checkInvariant()
        return least
    }

    // Hole-based sifts: each element on the path moves once, instead of a swap per level.
    @inlinable
    mutating func siftUp(from start: Int) {
        elements.update { elements in
            var child = start
            let moving = elements[child]
            while child > 0 {
                let parent = (child &- 1) >> 1
                guard moving < elements[parent] else { break }
                elements[child] = elements[parent]
                child = parent
            }
            elements[child] = moving
        }
    }

    /// Puts `moving` in the hole at `start` and sifts it down.
    @inlinable
    mutating func siftDown(from start: Int, moving: Element) {
        let count = elements.count
        elements.update { elements in
            var parent = start
            while true {
                var child = 2 &* parent &+ 1
                if child >= count { break }
                let right = child &+ 1
                if right < count && elements[right] < elements[child] { child = right }
                guard elements[child] < moving else { break }
                elements[parent] = elements[child]
                parent = child
            }
            elements[parent] = moving
        }
    }

    /// Walks the heap invariant when built with `SIM_INTERNAL_CHECKS`.
    @inlinable @inline(__always)
    func checkInvariant() {
        #if SIM_INTERNAL_CHECKS
            for index in 1..<Swift.max(elements.count, 1) {
                precondition(!(elements[index] < elements[(index - 1) >> 1]), "heap invariant broken at \(index)")
            }
        #endif
    }
}
