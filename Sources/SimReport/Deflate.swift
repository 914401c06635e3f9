// DEFLATE (RFC 1951) with the fixed Huffman codes and greedy LZ77 matching: what a workbook of
// repetitive XML needs (about ten times smaller than stored), in a page of code and no dependency.

/// Compresses bytes into one fixed-Huffman DEFLATE block.
public enum Deflate {
    static let lengthBase: [Int] = [
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
    ]
    static let lengthExtra: [Int] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBase: [Int] = [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
        4097, 6145, 8193, 12289, 16385, 24577,
    ]
    static let distanceExtra: [Int] = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
    static let window = 32_768, maxMatch = 258, maxChain = 48

    public static func compress(_ input: [UInt8]) -> [UInt8] {
        var out = BitWriter()
        out.write(1, bits: 1)  // the final block
        out.write(1, bits: 2)  // fixed Huffman codes
        var head = [Int](repeating: -1, count: 1 << 15)
        var previous = [Int](repeating: -1, count: window)
        func hash(_ i: Int) -> Int { (Int(input[i]) << 10 ^ Int(input[i + 1]) << 5 ^ Int(input[i + 2])) & 0x7FFF }
        func insert(_ i: Int) {
            guard i + 2 < input.count else { return }
            let h = hash(i)
            previous[i & (window - 1)] = head[h]
            head[h] = i
        }
        var i = 0
        while i < input.count {
            var bestLength = 0
            var bestDistance = 0
            if i + 2 < input.count {
                var candidate = head[hash(i)]
                var chain = 0
                let limit = min(maxMatch, input.count - i)
                while candidate >= 0 && i - candidate <= window && chain < maxChain {
                    var length = 0
                    while length < limit && input[candidate + length] == input[i + length] { length += 1 }
                    if length > bestLength {
                        bestLength = length
                        bestDistance = i - candidate
                    }
                    if length == limit { break }
                    candidate = previous[candidate & (window - 1)]
                    chain += 1
                }
            }
            if bestLength >= 3 {
                out.writeLength(bestLength)
                out.writeDistance(bestDistance)
                for k in 0..<bestLength { insert(i + k) }
                i += bestLength
            } else {
                out.writeSymbol(Int(input[i]))
                insert(i)
                i += 1
            }
        }
        out.writeSymbol(256)
        return out.finished()
    }
}

/// Bits least significant first, Huffman codes most significant first (RFC 1951 §3.1.1).
struct BitWriter {
    private var bytes: [UInt8] = []
    private var buffer: UInt64 = 0
    private var count = 0

    mutating func write(_ value: Int, bits: Int) {
        buffer |= UInt64(value) << UInt64(count)
        count += bits
        while count >= 8 {
            bytes.append(UInt8(buffer & 0xFF))
            buffer >>= 8
            count -= 8
        }
    }

    mutating func writeCode(_ code: Int, bits: Int) {
        var reversed = 0
        for b in 0..<bits { reversed |= ((code >> b) & 1) << (bits - 1 - b) }
        write(reversed, bits: bits)
    }

    /// A literal/length symbol (0–287) in the fixed code.
    mutating func writeSymbol(_ symbol: Int) {
        switch symbol {
        case 0...143: writeCode(0x30 + symbol, bits: 8)
        case 144...255: writeCode(0x190 + symbol - 144, bits: 9)
        case 256...279: writeCode(symbol - 256, bits: 7)
        default: writeCode(0xC0 + symbol - 280, bits: 8)
        }
    }

    mutating func writeLength(_ length: Int) {
        var code = Deflate.lengthBase.count - 1
        while Deflate.lengthBase[code] > length { code -= 1 }
        writeSymbol(257 + code)
        write(length - Deflate.lengthBase[code], bits: Deflate.lengthExtra[code])
    }

    mutating func writeDistance(_ distance: Int) {
        var code = Deflate.distanceBase.count - 1
        while Deflate.distanceBase[code] > distance { code -= 1 }
        writeCode(code, bits: 5)
        write(distance - Deflate.distanceBase[code], bits: Deflate.distanceExtra[code])
    }

    func finished() -> [UInt8] { count > 0 ? bytes + [UInt8(buffer & 0xFF)] : bytes }
}
