/// What a stream of random numbers is used for. Each purpose draws from its own stream, so a
/// change in how often one purpose draws never shifts the numbers another purpose sees; with the
/// same replication index this gives common random numbers across scenarios.
public struct StreamID: Hashable, Sendable, CustomStringConvertible {
    /// A stable number; never reuse one for a different purpose.
    public var rawValue: UInt64

    @inlinable public init(_ rawValue: UInt64) { self.rawValue = rawValue }

    /// The stream named by the ids it belongs to, e.g. `["region", "sorong", "counter", "dukcapil",
    /// "arrivals"]`: a fixed hash (64-bit FNV-1a over the UTF-8 of each part, each part ended by a
    /// 0 byte so `["ab", "c"]` and `["a", "bc"]` differ, then SplitMix64's finaliser). It depends on
    /// the names alone, never on positions or on Swift's per-process `Hasher`, so a what-if that
    /// adds or removes a region, unit, counter or programme leaves every other entity's numbers as
    /// they were.
    public init(named parts: [String]) {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for part in parts {
            for byte in part.utf8 { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            h = (h ^ 0) &* 0x0000_0100_0000_01B3
        }
        self.init(SplitMix64.mix(h))
    }

    public var description: String { "stream \(rawValue)" }
}

/// The SplitMix64 generator (Steele, Lea & Flood 2014): used only to expand seeds.
///
/// Every output is a bijective mix of a Weyl sequence, so distinct inputs give well-spread,
/// uncorrelated seeds for xoshiro (Vigna's recommended seeding).
public struct SplitMix64: Sendable {
    public var state: UInt64 { _state }
    @usableFromInline var _state: UInt64

    @inlinable public init(state: UInt64) { self._state = state }

    @inlinable public mutating func next() -> UInt64 {
        _state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(_state)
    }

    /// The SplitMix64 finaliser: a bijection of `UInt64` with full avalanche.
    @inlinable public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A seeded xoshiro256** generator (Blackman & Vigna 2018): the only source of randomness in a run.
///
/// A stream is fixed by (master seed, replication index, stream id) through ``init(seed:replication:stream:)``;
/// nothing reads the clock or the system generator. Period 2^256 − 1; passes BigCrush.
/// `RandomStream` is a value: copying it forks an identical sequence.
public struct RandomStream: RandomNumberGenerator, Sendable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    /// Seeds the four state words from SplitMix64 started at `seed`.
    public init(seed: UInt64) {
        var mixer = SplitMix64(state: seed)
        s0 = mixer.next()
        s1 = mixer.next()
        s2 = mixer.next()
        s3 = mixer.next()
        // SplitMix64 outputs are a bijection of distinct states, so four zeros cannot occur;
        // the check documents the one forbidden _state of xoshiro.
        precondition(s0 | s1 | s2 | s3 != 0, "xoshiro256** cannot start from the all-zero _state")
    }

    /// A generator with the given state words, for checking against the reference implementation.
    ///
    /// - Precondition: not all four words are zero.
    public init(stateWords s0: UInt64, _ s1: UInt64, _ s2: UInt64, _ s3: UInt64) {
        precondition(s0 | s1 | s2 | s3 != 0, "xoshiro256** cannot start from the all-zero state")
        (self.s0, self.s1, self.s2, self.s3) = (s0, s1, s2, s3)
    }

    /// The stream for one purpose in one replication of one run.
    ///
    /// The three numbers are folded through SplitMix64's mixer one after the other, so nearby
    /// replications or stream ids give unrelated sequences, and the result depends on nothing else.
    public init(seed masterSeed: UInt64, replication: Int, stream: StreamID) {
        var h = SplitMix64.mix(masterSeed ^ 0x6A09_E667_F3BC_C908)
        h = SplitMix64.mix(h ^ (UInt64(truncatingIfNeeded: replication) &* 0x9E37_79B9_7F4A_7C15))
        h = SplitMix64.mix(h ^ (stream.rawValue &* 0xD1B5_4A32_D192_ED03))
        self.init(seed: h)
    }

    /// The next 64 random bits.
    @inlinable @inline(__always)
    public mutating func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    @inlinable @inline(__always)
    func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 &- k)) }
}
