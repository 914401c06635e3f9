/// The layer table of the ziggurat method for the standard normal (Marsaglia & Tsang 2000), with
/// 256 layers of equal area under the unnormalised density f(x) = e^{−x²/2}, x ≥ 0; a separate
/// bit gives the sign.
///
/// Layer 0 is the base (a rectangle of width r plus the tail beyond r); layer i ≥ 1 spans heights
/// f(x[i]) to f(x[i+1]) and widths 0 to x[i]. About 98.8% of draws land inside the curve at once
/// and cost one multiply and one compare: no logarithm, cosine or root, which Box–Muller pays on
/// every draw (the handling time of every request at a counter is a normal draw).
@usableFromInline
struct NormalZiggurat: Sendable {
    /// Right edge of the base layer's rectangle, r (Marsaglia & Tsang's value for 256 layers).
    @usableFromInline static let r = 3.6541528853610088
    /// Area of each layer: r·f(r) + ∫ᵣ^∞ f(x) dx = r·e^{−r²/2} + √(π/2)·erfc(r/√2).
    static let layerArea = r * exp(-0.5 * r * r) + (Double.pi / 2).squareRoot() * erfc(r / 2.0.squareRoot())

    /// The layers, x[0] being the base layer's virtual width v/f(r) and x[256] = 0.
    @usableFromInline let layers: [ZigguratLayer]

    init() {
        var x = [Double](repeating: 0, count: 257)
        x[0] = Self.layerArea / exp(-0.5 * Self.r * Self.r)
        x[1] = Self.r
        for i in 1..<255 {
            x[i + 1] = (-2 * log(exp(-0.5 * x[i] * x[i]) + Self.layerArea / x[i])).squareRoot()
        }
        x[256] = 0
        layers = ZigguratLayer.table(edges: x) { exp(-0.5 * $0 * $0) }
    }
}

/// Built once, immutable, shared by every stream (constant data, not state).
@usableFromInline let normalZiggurat = NormalZiggurat()

extension RandomStream {
    /// A standard normal by the ziggurat method: mean 0, variance 1. The number of words a draw
    /// takes varies (rarely more than one), like ``standardExponential()``'s. The common case (the
    /// point falls inside its layer's rectangle) is inlined into the caller; the rest is a call.
    @inlinable @inline(__always)
    public mutating func standardNormal() -> Double {
        let bits = next()
        let layer = normalZiggurat.layers[Int(truncatingIfNeeded: bits & 0xFF)]
        let u = Double(bits >> 11) * 0x1.0p-53  // bits 11–63: independent of layer and sign
        if u < layer.insideRatio {
            let x = u * layer.edge
            return bits & 0x100 != 0 ? -x : x
        }
        return standardNormal(continuing: bits)
    }

    /// The rest of a draw whose first word `bits` fell outside its layer's rectangle: the wedge
    /// or the tail, and new words until a point is accepted.
    @usableFromInline @inline(never)
    mutating func standardNormal(continuing first: UInt64) -> Double {
        let layers = normalZiggurat.layers
        var bits = first
        while true {
            let index = Int(truncatingIfNeeded: bits & 0xFF)
            let layer = layers[index]
            let negative = bits & 0x100 != 0
            let u = Double(bits >> 11) * 0x1.0p-53
            var x = u * layer.edge
            if u < layer.insideRatio { return negative ? -x : x }
            if index == 0 {
                // The tail beyond r (Marsaglia 1964): r + a with a ~ Exp(r), kept with probability e^{−a²/2}.
                var a = 0.0
                repeat {
                    a = -log(uniformPositive()) / NormalZiggurat.r
                } while -2 * log(uniformPositive()) < a * a
                x = NormalZiggurat.r + a
                return negative ? -x : x
            }
            let y = layer.height + uniform() * (layer.nextHeight - layer.height)
            if y < exp(-0.5 * x * x) { return negative ? -x : x }
            bits = next()
        }
    }
}
