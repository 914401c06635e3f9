/// A growable array of plain values (`Double`, `Int`, `UInt128`, …) whose element access is not
/// bounds-checked in release builds: the one type in the model that reads and writes memory
/// without Swift's checks, so the passes over every employee and domain are plain loops
/// (`applied = stable[base + d] + transient[base + d]`) instead of nested
/// `withUnsafeBufferPointer` closures.
///
/// Value semantics, like `Array`: copies share storage until one of them is written (copy on
/// write). A write through the subscript asks whether the storage is shared each time; a loop
/// that writes many elements asks once, through ``update(_:)``.
///
/// Invariants, checked at every access under `SIM_INTERNAL_CHECKS` (the second test run of
/// `.ci/run`): an index lies in `0..<count`; `count <= capacity`; a write never reaches storage
/// another copy can see. Elements are `BitwiseCopyable`, so storage is freed without
/// deinitialising them.
// PERF: against the same type with a bounds check at every access, 3.86M → 3.99M
// employee-months/s/core per request (+3.5%), 7.45M → 7.86M analytic (+5.5%)
// (Benchmarks/compare-binaries.sh, the checking build against this one). For the event heap, see
// MinHeap.
public struct UncheckedArray<Element: BitwiseCopyable>: RandomAccessCollection, MutableCollection {
    /// Owns the allocation.
    @usableFromInline
    final class Storage {
        @usableFromInline let base: UnsafeMutablePointer<Element>
        @usableFromInline let capacity: Int

        @inlinable init(capacity: Int) {
            self.capacity = capacity
            base = UnsafeMutablePointer.allocate(capacity: Swift.max(capacity, 1))
        }

        deinit { base.deallocate() }
    }

    @usableFromInline var storage: Storage
    /// `storage.base`, kept here so a read is one load.
    @usableFromInline var base: UnsafeMutablePointer<Element>
    @usableFromInline var elementCount: Int

    /// An empty array.
    @inlinable public init() { self.init(storage: Storage(capacity: 0), count: 0) }

    @inlinable init(storage: Storage, count: Int) {
        self.storage = storage
        base = storage.base
        elementCount = count
    }

    /// `count` copies of `value`.
    @inlinable public init(repeating value: Element, count: Int) {
        precondition(count >= 0, "negative count")
        self.init(storage: Storage(capacity: count), count: count)
        base.initialize(repeating: value, count: count)
    }

    /// The elements of `elements`, in order.
    @inlinable public init<S: Sequence>(_ elements: S) where S.Element == Element {
        self.init()
        append(contentsOf: elements)
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { elementCount }
    @inlinable public var count: Int { elementCount }
    @inlinable public var capacity: Int { storage.capacity }

    @inlinable public subscript(i: Int) -> Element {
        @inline(__always) get {
            checkIndex(i)
            return base[i]
        }
        @inline(__always) _modify {
            checkIndex(i)
            makeUnique()
            yield &base[i]
        }
    }

    /// Runs `body` with a writer to this array's elements, asking once whether the storage is
    /// shared instead of at every write. The writer must not outlive `body`.
    @inlinable public mutating func update<R>(_ body: (Writer) throws -> R) rethrows -> R {
        makeUnique()
        return try body(Writer(base: base, count: count))
    }

    /// Writes to the elements of an array inside ``update(_:)``.
    public struct Writer {
        @usableFromInline let base: UnsafeMutablePointer<Element>
        @usableFromInline let count: Int

        @inlinable init(base: UnsafeMutablePointer<Element>, count: Int) {
            self.base = base
            self.count = count
        }

        @inlinable public subscript(i: Int) -> Element {
            @inline(__always) get {
                check(i)
                return base[i]
            }
            @inline(__always) nonmutating set {
                check(i)
                base[i] = newValue
            }
        }

        @inlinable @inline(__always) func check(_ i: Int) {
            #if SIM_INTERNAL_CHECKS
                precondition(i >= 0 && i < count, "UncheckedArray.Writer: index \(i) outside 0..<\(count)")
            #endif
        }
    }

    /// Swaps two elements with one uniqueness check.
    @inlinable public mutating func swapAt(_ i: Int, _ j: Int) {
        checkIndex(i)
        checkIndex(j)
        makeUnique()
        let held = base[i]
        base[i] = base[j]
        base[j] = held
    }

    /// Keeps the first `newCount` elements.
    @inlinable public mutating func truncate(to newCount: Int) {
        precondition(newCount >= 0 && newCount <= count, "UncheckedArray: truncate to \(newCount) of \(count)")
        elementCount = newCount
    }

    @inlinable public mutating func append(_ element: Element) {
        reserveCapacity(count + 1)
        (base + count).initialize(to: element)
        elementCount += 1
    }

    @inlinable public mutating func append<S: Sequence>(contentsOf elements: S) where S.Element == Element {
        reserveCapacity(count + elements.underestimatedCount)
        for element in elements { append(element) }
    }

    /// Room for `minimumCapacity` elements in storage of this array's own; grows geometrically,
    /// so appending one by one costs amortised constant time.
    @inlinable public mutating func reserveCapacity(_ minimumCapacity: Int) {
        let unique = isKnownUniquelyReferenced(&storage)
        guard !unique || minimumCapacity > capacity else { return }
        let grown = Storage(capacity: unique ? Swift.max(minimumCapacity, 2 * capacity) : Swift.max(minimumCapacity, count))
        grown.base.initialize(from: base, count: count)
        storage = grown
        base = grown.base
    }

    /// Gives this array storage of its own before a write (copy on write).
    @inlinable @inline(__always) mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { reserveCapacity(count) }
        #if SIM_INTERNAL_CHECKS
            precondition(isKnownUniquelyReferenced(&storage), "UncheckedArray: a write to storage another copy sees")
        #endif
    }

    /// Bounds and capacity, checked only when built with `SIM_INTERNAL_CHECKS`.
    @inlinable @inline(__always) func checkIndex(_ i: Int) {
        #if SIM_INTERNAL_CHECKS
            precondition(i >= 0 && i < count, "UncheckedArray: index \(i) outside 0..<\(count)")
            precondition(count <= capacity && base == storage.base, "UncheckedArray: count \(count) above capacity \(capacity)")
        #endif
    }
}

extension UncheckedArray: Equatable where Element: Equatable {
    @inlinable public static func == (a: Self, b: Self) -> Bool { a.elementsEqual(b) }
}

extension UncheckedArray: @unchecked Sendable where Element: Sendable {}
