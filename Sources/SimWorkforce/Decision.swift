/// One decision of the adaptive policy (MODEL.md §6), for the report.
public struct Decision: Sendable, Equatable {
    public enum Action: String, Sendable { case switchMode, shiftBudget, revise, drop }
    /// Month index from the start (0 = first month).
    public var month: Int
    /// The programme's index in its scenario.
    public var programme: Int
    /// Measured gap closed per attendee since the last evaluation (levels, summed over domains).
    public var measuredGapClosedLevels: Double
    public var action: Action
    public var reason: String
    /// switchMode: the mode before and after.
    public var fromMode: Mode?
    public var toMode: Mode?
    /// shiftBudget and drop: the share of the programme's remaining planned money moved away (0–1).
    public var movedShare: Double
    public init(
        month: Int, programme: Int, measuredGapClosedLevels: Double, action: Action, reason: String,
        fromMode: Mode? = nil, toMode: Mode? = nil, movedShare: Double = 0
    ) {
        self.fromMode = fromMode
        self.toMode = toMode
        self.movedShare = movedShare
        self.month = month
        self.programme = programme
        self.measuredGapClosedLevels = measuredGapClosedLevels
        self.action = action
        self.reason = reason
    }
}

/// A constraint of the model broken at run time (MODEL.md §5). A correct run has none; the run
/// counts each kind, writes the counts to `run.json` and warns on stderr.
public enum Breach: Int, Vocabulary {
    case budgetOverspent, sessionInBlackoutMonth, sessionInSuspendedMode, awayCapExceeded, attendeeBookedTwice, pppkAboveJPCap
    case sessionInNoTrainingPeriod

    public var meaning: String {
        switch self {
        case .budgetOverspent: return "spending above the year's budget"
        case .sessionInBlackoutMonth: return "a session running in a blackout month"
        case .sessionInSuspendedMode: return "a session starting in a suspended mode"
        case .awayCapExceeded: return "a unit above the away cap when a session starts"
        case .attendeeBookedTwice: return "an attendee listed twice in one session"
        case .pppkAboveJPCap: return "a PPPK credited above the JP cap"
        case .sessionInNoTrainingPeriod: return "an attendee from a unit a no-training period protects"
        }
    }
}
