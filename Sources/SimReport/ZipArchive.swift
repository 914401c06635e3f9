// A ZIP archive of deflated entries, enough for an Office Open XML workbook without a
// dependency. Entries carry a fixed timestamp (1 January 1980), so the bytes depend only on the
// contents.

/// CRC-32 (IEEE 802.3, as ZIP uses it).
public enum CRC32 {
    static let table: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    public static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for byte in bytes { c = table[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }
}

/// Builds a ZIP file entry by entry.
public struct ZipArchive {
    private(set) var bytes: [UInt8] = []
    private var central: [UInt8] = []
    private var count = 0

    public init() {}

    /// DOS date of 1980-01-01 (the epoch of the format) and time 00:00.
    static let dosDate: UInt16 = (1 << 5) | 1

    public mutating func add(_ name: String, _ contents: [UInt8]) {
        let nameBytes = Array(name.utf8)
        let crc = CRC32.checksum(contents)
        let packed = Deflate.compress(contents)
        let offset = UInt32(bytes.count)
        func header(_ signature: UInt32, central: Bool) -> [UInt8] {
            var h: [UInt8] = []
            h.append(le: signature)
            if central { h.append(le: UInt16(20)) }  // made by: version 2.0
            h.append(le: UInt16(20))
            h.append(le: UInt16(0))
            h.append(le: UInt16(8))  // version needed, flags, deflated
            h.append(le: UInt16(0))
            h.append(le: Self.dosDate)
            h.append(le: crc)
            h.append(le: UInt32(packed.count))
            h.append(le: UInt32(contents.count))
            h.append(le: UInt16(nameBytes.count))
            h.append(le: UInt16(0))
            if central {
                h.append(le: UInt16(0))
                h.append(le: UInt16(0))
                h.append(le: UInt16(0))  // comment, disk, internal attributes
                h.append(le: UInt32(0))
                h.append(le: offset)
            }
            return h + nameBytes
        }
        bytes += header(0x0403_4B50, central: false) + packed
        self.central += header(0x0201_4B50, central: true)
        count += 1
    }

    /// The archive: the entries, the central directory and its end record.
    public func finished() -> [UInt8] {
        var end: [UInt8] = []
        end.append(le: UInt32(0x0605_4B50))
        end.append(le: UInt16(0))
        end.append(le: UInt16(0))
        end.append(le: UInt16(count))
        end.append(le: UInt16(count))
        end.append(le: UInt32(central.count))
        end.append(le: UInt32(bytes.count))
        end.append(le: UInt16(0))
        return bytes + central + end
    }
}

extension Array where Element == UInt8 {
    mutating func append(le value: UInt16) {
        append(UInt8(value & 0xFF))
        append(UInt8(value >> 8))
    }
    mutating func append(le value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }
}
