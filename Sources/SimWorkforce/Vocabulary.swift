// The fixed words of the model. Each enum's case name is the word a scenario file uses, so names
// come from the type and never from a parallel array of strings.

/// An enum whose case names are the ids a scenario uses for it.
public protocol Vocabulary: CaseIterable, Sendable, Equatable {}

extension Vocabulary {
    /// The word a scenario file uses: the case name.
    public var id: String { String(describing: self) }

    public init?(id: String) {
        guard let match = Self.allCases.first(where: { $0.id == id }) else { return nil }
        self = match
    }

    /// Every id, in declaration order.
    public static var ids: [String] { allCases.map(\.id) }
}

/// Delivery modes (MODEL.md §4); their parameters come from the scenario.
public enum Mode: Int, Vocabulary {
    case classroom, workshop, simulation, elearning, elearningPractice, blended, coaching

    /// Online modes, whose completion depends on the region's internet quality.
    public var isOnline: Bool { self == .elearning || self == .elearningPractice }
}

/// Job levels (PermenPAN-RB 38/2017 ordering).
public enum JobLevel: Int, Vocabulary {
    case jpt, administrator, pengawas, pelaksana, fungsional
    /// Managers who can lead projects.
    public var leadsProjects: Bool { self == .administrator || self == .pengawas }
    /// The post whose holders are promoted into this one (the structural ladder); `nil` for entry
    /// posts, which intake fills.
    public var promotedFrom: JobLevel? {
        switch self {
        case .jpt: return .administrator
        case .administrator: return .pengawas
        case .pengawas: return .pelaksana
        case .pelaksana, .fungsional: return nil
        }
    }
}

/// Education levels, for the IP ASN qualification dimension.
public enum Education: Int, Vocabulary {
    case sma, diploma, s1, s2, s3
}

/// Who pays for a programme (MODEL.md §5): the region's development budget (BKPSDM), someone
/// outside the region (LAN, a ministry, a donor), or the employee's own unit from its routine budget.
/// Only `region` spends the budget the scenario gives; the others are counted apart.
public enum Funder: String, ParameterChoice, Vocabulary {
    case region, external, unit
}

/// Who a programme admits: every ASN, PNS only or PPPK only.
public enum Employment: String, ParameterChoice, Vocabulary {
    case all, pns, pppk

    public func admits(isPPPK: Bool) -> Bool {
        switch self {
        case .all: return true
        case .pns: return !isPPPK
        case .pppk: return isPPPK
        }
    }
}

/// The official competency types (PermenPAN-RB 38/2017).
public enum DomainKind: String, ParameterChoice, Vocabulary { case teknis, manajerial, sosialKultural }

/// What the model asks of a domain: the one whose competency sets handling time and complaint
/// resolution at the counters, and those whose competency sets how projects slip.
public enum DomainRole: String, ParameterChoice, Vocabulary { case citizenService, projectManagement }

public enum AllocationRule: String, ParameterChoice, Vocabulary { case needsBased, equalHours, seniority, random }

/// How training needs are analysed: participatory analysis raises relevance and costs staff time.
public enum NeedsAnalysis: String, ParameterChoice, Vocabulary { case standard, participatory }

public enum ServiceFidelity: String, ParameterChoice, Vocabulary { case perRequest, analytic }

/// Distribution of handling time around its mean (exponential makes the channel M/M/c).
public enum HandlingDistribution: String, ParameterChoice, Vocabulary { case lognormal, exponential }

/// How long a waiting citizen stays: `none` never gives up.
public enum PatienceDistribution: String, ParameterChoice, Vocabulary { case none, exponential, lognormal }

/// A counter's day: continuous (flat arrivals, no hours) or an office's (hours, rush, quota).
public enum ServiceDayKind: String, ParameterChoice, Vocabulary { case continuous, office }
