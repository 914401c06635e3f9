/// The layer table of the ziggurat method for the unit exponential (Marsaglia & Tsang 2000),
/// with 256 layers of equal area under e^{−x}.
///
/// Layer 0 is the base (a rectangle of width r plus the tail beyond r); layer i ≥ 1 spans heights
/// e^{−x[i]} to e^{−x[i+1]} and widths 0 to x[i]. A draw picks a layer and a point in it; 98.9% of
/// draws land inside the curve at once and cost one multiply and one compare, no logarithm.
@usableFromInline
struct ExponentialZiggurat: Sendable {
    /// Right edge of the base layer's tail, r, solving (r + 1)e^{−r}·256 − … (Marsaglia & Tsang's value).
    @usableFromInline static let r = 7.69711747013104972
    /// Area of each layer: r·e^{−r} + ∫ᵣ^∞ e^{−x} dx = (r + 1)e^{−r}.
    static let layerArea = (r + 1) * exp(-r)

    /// The layers, x[0] being the base layer's virtual width v/e^{−r} and x[256] = 0.
    @usableFromInline let layers: [ZigguratLayer]

    init() {
        var x = [Double](repeating: 0, count: 257)
        x[0] = Self.layerArea / exp(-Self.r)
        x[1] = Self.r
        for i in 1..<255 {
            x[i + 1] = -log(exp(-x[i]) + Self.layerArea / x[i])
        }
        x[256] = 0
        layers = ZigguratLayer.table(edges: x) { exp(-$0) }
    }
}

/// One layer i of a ziggurat, with everything a draw reads of it side by side (one look-up).
@usableFromInline
struct ZigguratLayer: Sendable {
    /// x[i], the layer's right edge.
    @usableFromInline let edge: Double
    /// x[i+1]/x[i]: a uniform below it is inside the curve without evaluating the density.
    @usableFromInline let insideRatio: Double
    /// f(x[i]) and f(x[i+1]): the density at the layer's bottom and top.
    @usableFromInline let height: Double, nextHeight: Double

    /// The 256 layers from the 257 edges x[0...256] and the density f.
    static func table(edges x: [Double], density f: (Double) -> Double) -> [ZigguratLayer] {
        (0..<256).map { ZigguratLayer(edge: x[$0], insideRatio: x[$0 + 1] / x[$0], height: f(x[$0]), nextHeight: f(x[$0 + 1])) }
    }
}

/// Built once, immutable, shared by every stream (constant data, not state).
@usableFromInline let exponentialZiggurat = ExponentialZiggurat()

extension RandomStream {
    /// A unit-mean exponential by the ziggurat method: mean 1, variance 1. The common case (the
    /// point falls inside its layer's rectangle) is inlined into the caller; the rest is a call.
    @inlinable @inline(__always)
    public mutating func standardExponential() -> Double {
        let bits = next()
        let layer = exponentialZiggurat.layers[Int(truncatingIfNeeded: bits & 0xFF)]
        let u = Double(bits >> 11) * 0x1.0p-53  // bits 11–63: independent of the layer bits
        if u < layer.insideRatio { return u * layer.edge }
        return standardExponential(continuing: bits)
    }

    /// The rest of a draw whose first word `bits` fell outside its layer's rectangle: the wedge
    /// or the tail, and new words until a point is accepted.
    @usableFromInline @inline(never)
    mutating func standardExponential(continuing first: UInt64) -> Double {
        let layers = exponentialZiggurat.layers
        var bits = first
        while true {
            let index = Int(truncatingIfNeeded: bits & 0xFF)
            let layer = layers[index]
            let u = Double(bits >> 11) * 0x1.0p-53
            if u < layer.insideRatio { return u * layer.edge }
            if index == 0 {
                // The tail beyond r is r plus a unit exponential (memorylessness).
                return ExponentialZiggurat.r - log(uniformPositive())
            }
            let x = u * layer.edge
            let y = layer.height + uniform() * (layer.nextHeight - layer.height)
            if y < exp(-x) { return x }
            bits = next()
        }
    }
}
