import Testing

@testable import SimCore

/// ``UncheckedArray`` behaves as `Array` does for everything the model asks of it: appends that
/// grow the storage, reads and writes in place, truncation, and copies that never see each
/// other's writes. Compared with an `Array` driven by the same random operations.
@Suite struct UncheckedArrayTests {
    @Test func randomOperationsMatchAnArray() {
        var stream = RandomStream(seed: 20_261_206)
        for trial in 0..<40 {
            var unchecked = UncheckedArray<Int>()
            var reference: [Int] = []
            var snapshots: [(UncheckedArray<Int>, [Int])] = []
            for step in 0..<400 {
                let choice = stream.index(below: 10)
                if choice < 4 || reference.isEmpty {
                    let value = stream.index(below: 1000)
                    unchecked.append(value)
                    reference.append(value)
                } else if choice < 7 {
                    let i = stream.index(below: reference.count)
                    unchecked[i] += step
                    reference[i] += step
                } else if choice < 8 {
                    let (i, j) = (stream.index(below: reference.count), stream.index(below: reference.count))
                    unchecked.swapAt(i, j)
                    reference.swapAt(i, j)
                } else if choice < 9 {
                    let n = stream.index(below: reference.count + 1)
                    unchecked.truncate(to: n)
                    reference.removeLast(reference.count - n)
                } else {
                    snapshots.append((unchecked, reference))
                }
                #expect(unchecked.count <= unchecked.capacity)
            }
            #expect(Array(unchecked) == reference, "trial \(trial)")
            // Every copy still holds what it held when it was taken.
            for (copy, expected) in snapshots { #expect(Array(copy) == expected, "trial \(trial)") }
        }
    }

    @Test func repeatingAndSequenceInitialisersAndEquality() {
        let zeros = UncheckedArray<Double>(repeating: 0, count: 5)
        #expect(Array(zeros) == [0, 0, 0, 0, 0])
        var numbers = UncheckedArray(1...6)
        #expect(Array(numbers) == [1, 2, 3, 4, 5, 6])
        let copy = numbers
        numbers[0] = 9
        #expect(copy != numbers && copy == UncheckedArray(1...6))
        #expect(UncheckedArray<Int>().isEmpty)
    }
}

/// ``MinHeap`` removes its elements in ascending order, however they were added: built at once
/// (Floyd) or one by one, with removals interleaved, against a sorted reference.
@Suite struct MinHeapTests {
    @Test func removesInAscendingOrder() {
        var stream = RandomStream(seed: 7)
        for trial in 0..<50 {
            let n = trial < 3 ? trial : stream.index(below: 2000)
            let values = (0..<n).map { _ in stream.index(below: 500) }
            var heap = MinHeap(heapifying: values)
            var drained: [Int] = []
            while let least = heap.removeMin() { drained.append(least) }
            #expect(drained == values.sorted(), "trial \(trial)")
        }
    }

    @Test func interleavedInsertsAndRemovalsMatchASortedList() {
        var stream = RandomStream(seed: 8)
        var heap = MinHeap<Int>()
        var reference: [Int] = []
        for _ in 0..<5000 {
            if stream.uniform() < 0.6 {
                let value = stream.index(below: 10_000)
                heap.insert(value)
                reference.append(value)
                reference.sort()
            } else {
                #expect(heap.removeMin() == reference.first)
                if !reference.isEmpty { reference.removeFirst() }
            }
            #expect(heap.min == reference.first && heap.count == reference.count)
        }
    }
}
