/// The candidates of one programme, ranked for invitation: highest score first, ties by employee
/// number (MODEL.md §6). Planning ranks thousands of employees per programme every quarter.
///
/// Each score becomes a 64-bit key whose ascending order is the score's descending order; a stable
/// least-significant-digit radix sort of the keys, over candidates added in ascending employee
/// order, then gives exactly the order of a comparison sort on (key, employee), in a few linear
/// passes instead of n log n comparisons. The buffers are kept between rankings.
struct CandidateRanking {
    private var keys: [UInt64] = []
    private var employees: [EmployeeIndex] = []
    private var spareKeys: [UInt64] = []
    private var spareEmployees: [EmployeeIndex] = []

    var count: Int { keys.count }

    /// Empties the ranking, keeping its buffers.
    mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        employees.removeAll(keepingCapacity: true)
    }

    /// Adds `employee` with `score`; employees must come in ascending order.
    mutating func append(score: Double, employee: EmployeeIndex) {
        keys.append(Self.key(score: score))
        employees.append(employee)
    }

    /// A key whose ascending order is descending `score`: the score's order-preserving bit
    /// pattern, inverted. −0.0 and +0.0 get the same key, a tie.
    static func key(score: Double) -> UInt64 {
        let bits = (score + 0.0).bitPattern  // turns −0.0 into +0.0
        let flip = UInt64(bitPattern: Int64(bitPattern: bits) >> 63) | 0x8000_0000_0000_0000
        return ~(bits ^ flip)
    }

    /// The employees, best first.
    mutating func ranked() -> [EmployeeIndex] {
        let n = keys.count
        guard n > 1 else { return employees }
        // Counts of every byte of every key in one pass; a byte all keys share needs no pass.
        var counts = [Int](repeating: 0, count: 8 * 256)
        for key in keys {
            for digit in 0..<8 { counts[digit &* 256 &+ Int(truncatingIfNeeded: key >> UInt64(digit &* 8)) & 0xFF] &+= 1 }
        }
        spareKeys = [UInt64](repeating: 0, count: n)
        spareEmployees = [EmployeeIndex](repeating: EmployeeIndex(0), count: n)
        for digit in 0..<8 {
            let shift = UInt64(digit * 8)
            let first = digit * 256
            if counts[first + Int(truncatingIfNeeded: keys[0] >> shift) & 0xFF] == n { continue }
            var offset = 0
            for bucket in first..<(first + 256) {
                let c = counts[bucket]
                counts[bucket] = offset
                offset &+= c
            }
            for i in 0..<n {
                let bucket = first &+ Int(truncatingIfNeeded: keys[i] >> shift) & 0xFF
                let to = counts[bucket]
                counts[bucket] = to &+ 1
                spareKeys[to] = keys[i]
                spareEmployees[to] = employees[i]
            }
            swap(&keys, &spareKeys)
            swap(&employees, &spareEmployees)
        }
        return employees
    }
}
