import SimCore

/// The candidates of one programme for the fiscal year, in invitation order: highest score first,
/// ties by employee number (MODEL.md §6).
///
/// Planning scores thousands of employees per programme every quarter, but sessions and
/// invitations read only the head of the list: the seats of the year's sessions and those who
/// decline before them. So the list is put in order lazily: a read past the ordered head sorts
/// the next block of best candidates by a quicksort that leaves alone every part past the block,
/// growing the head fourfold each time. Keys are unique (the employee is part of each), so the
/// order read is exactly that of a full sort, whichever pivots the sort takes.
struct CandidateList {
    /// Each candidate's ``key(score:employee:)``; `[0..<orderedCount]` in ascending order, and
    /// every key there below every key after it.
    private var keys: [UInt128]
    private var orderedCount = 0

    /// An empty list.
    init() { keys = [] }

    /// The candidates with their keys, in any order.
    init(keys: [UInt128]) { self.keys = keys }

    var count: Int { keys.count }

    /// A key whose ascending order is descending `score`, then ascending employee number: the
    /// score's order-preserving bit pattern, inverted, above the employee (one integer compare).
    /// −0.0 and +0.0 rank as a tie.
    static func key(score: Double, employee: EmployeeIndex) -> UInt128 {
        let bits = (score + 0.0).bitPattern  // turns −0.0 into +0.0
        let flip = UInt64(bitPattern: Int64(bitPattern: bits) >> 63) | 0x8000_0000_0000_0000
        return UInt128(~(bits ^ flip)) << 64 | UInt128(UInt64(employee.rawValue))
    }

    /// The candidate ranked `i` (from 0).
    mutating func employee(at i: Int) -> EmployeeIndex {
        order(upTo: i + 1)
        return Self.employee(keys[i])
    }

    /// The candidates ranked in `range`.
    mutating func employees(in range: Range<Int>) -> [EmployeeIndex] {
        order(upTo: range.upperBound)
        return keys[range].map(Self.employee)
    }

    private static func employee(_ key: UInt128) -> EmployeeIndex {
        EmployeeIndex(Int(truncatingIfNeeded: UInt64(truncatingIfNeeded: key)))
    }

    /// Puts at least the first `end` candidates in order.
    private mutating func order(upTo end: Int) {
        guard end > orderedCount else { return }
        let n = keys.count
        let target = min(n, max(end, 4 * orderedCount, orderedCount + 256))
        let first = orderedCount
        keys.withUnsafeMutableBufferPointer { keys in Self.sort(keys, from: first, to: n, through: target) }
        orderedCount = target
    }

    /// Rearranges `keys[low..<high]` so that `keys[low..<limit]` are its smallest keys in
    /// ascending order (a quicksort that leaves alone every part wholly past `limit`: branch-free
    /// Lomuto partitions around a median of three, the smaller side first, insertion sort below
    /// 16). Scores are noisy, so a partition's comparisons go either way at random: done without a
    /// branch, they cost no mispredictions.
    private static func sort(_ keys: UnsafeMutableBufferPointer<UInt128>, from low: Int, to high: Int, through limit: Int) {
        var low = low
        var high = high
        while low < limit && high - low > 16 {
            // The median of three keys at positions drawn from the range's bounds becomes the
            // pivot, at `low`. Fixed positions would let an order defeat it (a partition leaves
            // its upper side rotated by one, which puts a sorted run's two largest keys at its
            // ends); the order read is the same whichever pivot is taken.
            var draw = UInt64(truncatingIfNeeded: low) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: high)
            let count = UInt64(high - low)
            func position() -> Int {
                draw = SplitMix64.mix(draw &+ 0x9E37_79B9_7F4A_7C15)
                return low + Int(draw % count)
            }
            let first = position()
            let mid = position()
            let last = position()
            if keys[mid] < keys[first] { keys.swapAt(mid, first) }
            if keys[last] < keys[first] { keys.swapAt(last, first) }
            if keys[last] < keys[mid] { keys.swapAt(last, mid) }
            keys.swapAt(low, mid)
            let pivot = keys[low]
            // keys[low+1..<j] < pivot ≤ keys[j..<i] as i moves on; keys are unique.
            var j = low + 1
            for i in (low + 1)..<high {
                let key = keys[i]
                keys[i] = keys[j]
                keys[j] = key
                j &+= key < pivot ? 1 : 0
            }
            let p = j - 1
            keys.swapAt(low, p)
            // keys[low..<p] < keys[p] < keys[p+1..<high].
            if p - low < high - p {
                sort(keys, from: low, to: p, through: limit)
                low = p + 1
            } else {
                if p + 1 < limit { sort(keys, from: p + 1, to: high, through: limit) }
                high = p
            }
        }
        guard low < limit else { return }
        // Insertion sort of a short range.
        var k = low + 1
        while k < high {
            let key = keys[k]
            var m = k
            while m > low && key < keys[m - 1] {
                keys[m] = keys[m - 1]
                m -= 1
            }
            keys[m] = key
            k += 1
        }
    }
}
