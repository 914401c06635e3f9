/// The nine elements (unsur) of the citizen satisfaction survey, SKM (PermenPAN-RB 14/2017), in
/// the regulation's order U1–U9 (reference/siasn-columns.md). Each is scored 1–4 by respondents;
/// the IKM is 25 × the mean of the nine scores. The model produces five of them from what happens
/// at the counter; the other four are held at the unit's own SKM scores (``SKMHeldScores``).
public enum SKMElement: Int, CaseIterable, Sendable {
    case requirements, procedure, completionTime, cost, product, competence, behaviour, complaintHandling, facilities

    /// U1 … U9.
    public var code: String { "U\(rawValue + 1)" }

    /// The elements the model produces, in order; the others are held at the unit's scores.
    public static let modelled: [SKMElement] = [.completionTime, .product, .competence, .behaviour, .complaintHandling]
    public static let held: [SKMElement] = [.requirements, .procedure, .cost, .facilities]

    /// The element's name in the regulation and in English.
    public var label: (id: String, en: String) {
        switch self {
        case .requirements: return ("Persyaratan", "Requirements")
        case .procedure: return ("Sistem, mekanisme dan prosedur", "Procedure")
        case .completionTime: return ("Waktu penyelesaian", "Completion time")
        case .cost: return ("Biaya/tarif", "Cost")
        case .product: return ("Produk spesifikasi jenis pelayanan", "Service product")
        case .competence: return ("Kompetensi pelaksana", "Staff competence")
        case .behaviour: return ("Perilaku pelaksana", "Staff behaviour")
        case .complaintHandling: return ("Penanganan pengaduan, saran dan masukan", "Complaint handling")
        case .facilities: return ("Sarana dan prasarana", "Facilities")
        }
    }

    /// How the model scores a modelled element (docs/model.md §7).
    public var modelledFrom: String? {
        switch self {
        case .completionTime: return "the wait: 1 + 3·e^(−wait/timelinessScaleMinutes)"
        case .product: return "resolved at first contact: 4 when resolved, 1 when not"
        case .competence: return "the handler's service competency ĉ: 1 + 3·ĉ"
        case .behaviour: return "the handler's motivation m: 1 + 3·(0.5 + 0.5·m)"
        case .complaintHandling:
            return "the chance that the unit resolves a complaint within complaintStandardDays: 1 + 3·(1 − e^(−standard/mean days))"
        default: return nil
        }
    }
}

/// The unit's own SKM scores (1–4) for the four elements the model does not represent. They move
/// every scenario's IKM alike, so they set its level, never a difference between what-ifs.
public struct SKMHeldScores: ParameterGroup {
    public var requirements = SKMHeldScores.sawahlunto2017
    public var procedure = SKMHeldScores.sawahlunto2017
    public var cost = SKMHeldScores.sawahlunto2017
    public var facilities = SKMHeldScores.sawahlunto2017
    public init() {}

    /// Sawahlunto DPMPTSP & Naker's mean element score in its 2017 SKM (80.2 = 3.21 × 25).
    static let sawahlunto2017 = 3.21
    static let source =
        "Sawahlunto DPMPTSP & Naker SKM 2017, mean element score 3.21 (reference/domain-facts.md §5); no per-element score was found, and Sorong's SKM was not found, so both cities use it (assumption)"

    public static let declarations: [Declaration<Self>] = [
        .number("requirements", \.requirements, min: 1, max: 4, unit: "score (1–4)", "U1 persyaratan, held", source: source),
        .number("procedure", \.procedure, min: 1, max: 4, unit: "score (1–4)", "U2 sistem, mekanisme dan prosedur, held", source: source),
        .number("cost", \.cost, min: 1, max: 4, unit: "score (1–4)", "U4 biaya/tarif, held", source: source),
        .number("facilities", \.facilities, min: 1, max: 4, unit: "score (1–4)", "U9 sarana dan prasarana, held", source: source),
    ]

    /// The held scores as shares of the 1–4 scale ((score − 1)/3), summed.
    public var shareSum: Double { [requirements, procedure, cost, facilities].reduce(0) { $0 + ($1 - 1) / 3 } }
}

/// One served request's modelled elements as shares of the 1–4 scale (score = 1 + 3·share).
public struct SKMShares: Sendable {
    public var completionTime: Double
    public var product: Double
    public var competence: Double
    public var behaviour: Double
    public var complaintHandling: Double

    /// A modelled element's share; nil for a held one.
    public func share(of element: SKMElement) -> Double? {
        switch element {
        case .completionTime: return completionTime
        case .product: return product
        case .competence: return competence
        case .behaviour: return behaviour
        case .complaintHandling: return complaintHandling
        default: return nil
        }
    }

    /// The mean share over all nine elements, with the held ones' shares summed in `heldShareSum`:
    /// IKM = 25·(1 + 3·this), the regulation's 25 × mean score.
    @inline(__always)
    public func meanShare(heldShareSum: Double) -> Double {
        (completionTime + product + competence + behaviour + complaintHandling + heldShareSum) / Double(SKMElement.allCases.count)
    }
}
