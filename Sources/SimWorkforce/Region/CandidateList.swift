import SimCore

/// The candidates of one programme for the fiscal year, in invitation order: highest score first,
/// ties by employee number (MODEL.md §6).
///
/// Planning scores thousands of employees per programme every quarter, but sessions and
/// invitations read only the head of the list: the seats of the year's sessions and those who
/// decline before them. So the candidates wait in a ``MinHeap`` (the event calendar's), built in
/// linear time, and are taken off it in order only as far as a read reaches. Keys are unique (the
/// employee is part of each), so the order read is exactly that of a full sort.
struct CandidateList {
    /// Candidates not yet read, by ``key(score:employee:)``.
    private var waiting: MinHeap<UInt128>
    /// Candidates taken off the heap, in invitation order.
    private var ordered: [EmployeeIndex] = []

    /// An empty list.
    init() { waiting = MinHeap() }

    /// The candidates with their keys, in any order.
    init(keys: UncheckedArray<UInt128>) { waiting = MinHeap(heapifying: keys) }

    var count: Int { ordered.count + waiting.count }

    /// A key whose ascending order is descending `score`, then ascending employee number: the
    /// score's order-preserving bit pattern, inverted, above the employee (one integer compare, as
    /// the event calendar's key, whose PERF note measures it).
    /// −0.0 and +0.0 rank as a tie.
    static func key(score: Double, employee: EmployeeIndex) -> UInt128 {
        let bits = (score + 0.0).bitPattern  // turns −0.0 into +0.0
        let flip = UInt64(bitPattern: Int64(bitPattern: bits) >> 63) | 0x8000_0000_0000_0000
        return UInt128(~(bits ^ flip)) << 64 | UInt128(UInt64(employee.rawValue))
    }

    /// The candidate ranked `i` (from 0).
    mutating func employee(at i: Int) -> EmployeeIndex {
        order(upTo: i + 1)
        return ordered[i]
    }

    /// The candidates ranked in `range`.
    mutating func employees(in range: Range<Int>) -> [EmployeeIndex] {
        order(upTo: range.upperBound)
        return Array(ordered[range])
    }

    /// Takes candidates off the heap until the first `end` are in order (or none is left).
    private mutating func order(upTo end: Int) {
        while ordered.count < end, let key = waiting.removeMin() {
            ordered.append(EmployeeIndex(Int(truncatingIfNeeded: UInt64(truncatingIfNeeded: key))))
        }
    }
}
