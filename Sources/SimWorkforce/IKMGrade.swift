/// The service-quality grade of an IKM value (PermenPAN-RB 14/2017): A Sangat Baik 88.31–100,
/// B Baik 76.61–88.30, C Kurang Baik 65.00–76.60, D Tidak Baik 25.00–64.99.
public enum IKMGrade: String, Sendable, CaseIterable {
    case a = "A"
    case b = "B"
    case c = "C"
    case d = "D"

    /// The grade of `ikm`. Values between the published bounds (e.g. 88.305) take the lower grade,
    /// as the regulation's table leaves no gap above two decimals.
    public init(ikm: Double) {
        if ikm >= 88.31 { self = .a } else if ikm >= 76.61 { self = .b } else if ikm >= 65.00 { self = .c } else { self = .d }
    }

    /// The IKM (25–100) of a mean satisfaction in [0,1]: the regulation scores each element 1–4
    /// and multiplies the mean by 25, so satisfaction s maps to 25·(1 + 3s).
    public static func index(meanSatisfaction s: Double) -> Double { 25 * (1 + 3 * min(max(s, 0), 1)) }

    /// The lower bound of the grade on the IKM scale.
    public var lowerBound: Double {
        switch self {
        case .a: return 88.31
        case .b: return 76.61
        case .c: return 65.00
        case .d: return 25.00
        }
    }

    /// The grade's span on the IKM scale, from its lower bound to the next grade's.
    public var range: ClosedRange<Double> {
        switch self {
        case .a: return lowerBound...100
        case .b: return lowerBound...IKMGrade.a.lowerBound
        case .c: return lowerBound...IKMGrade.b.lowerBound
        case .d: return lowerBound...IKMGrade.c.lowerBound
        }
    }

    public var label: (id: String, en: String) {
        switch self {
        case .a: return ("Sangat Baik", "Very good")
        case .b: return ("Baik", "Good")
        case .c: return ("Kurang Baik", "Poor")
        case .d: return ("Tidak Baik", "Very poor")
        }
    }
}
