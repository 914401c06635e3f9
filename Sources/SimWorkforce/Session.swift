import SimCore

/// One planned run of a programme: its window, seats and attendees.
struct Session {
    enum State { case planned, inviting, running, finished, cancelled }
    var programme: ProgrammeIndex
    var mode: Mode
    var start: Double
    var end: Double
    var seats: Int
    var state: State = .planned
    var attendees: [EmployeeIndex] = []
    /// Estimated cost used when planning (Rupiah).
    var plannedCostRupiah: Double
    /// Committed before the start (the start state's calendar): a plan never cancels it to free money.
    var isBooked = false
    /// Only staff of these units are invited (a booked session for named units); `nil`: anyone eligible.
    var units: [UnitIndex]?

    /// The months (from the start) its working days fall in.
    func months(on clock: WorkingClock) -> ClosedRange<Int> {
        let first = clock.month(containing: start)
        return first...max(first, clock.month(containing: end - 1e-9))
    }
}

/// What the region knows about one programme while the run goes on.
struct ProgrammeState {
    var mode: Mode
    /// The programme's true effect and what the planner expects of it, relative to what its mode
    /// and length promise (``effects(_:seed:replication:)``).
    var trueEffect = 1.0
    var expectedEffect = 1.0
    var dropped = false
    var failures = 0
    /// Since the last evaluation: attendees, the gap they closed and the gap they were expected
    /// to close (levels, summed), and the cost (Rupiah).
    var windowParticipants = 0
    var windowGapClosedLevels = 0.0
    var windowExpectedLevels = 0.0
    var windowCostRupiah = 0.0
    /// This fiscal year's ranked invitation list and the first index not yet handled.
    var candidates = CandidateList()
    var handled: [Bool] = []
    var cursor = 0
    var sessionsThisYear = 0
    var platformPaidYear = -1
}

/// A development project led by a manager (MODEL.md §8).
struct Project {
    var manager: EmployeeIndex
    var startMonth: Int
    var remainingMonths: Double
    var plannedMonths: Double
    var delayMonths = 0
}

extension ProgrammeState {
    /// Each programme's true effect relative to what its mode and length promise, and what the
    /// planner expects of it: a measured effect (`measuredEffectSD`) is known to both; otherwise
    /// the truth is drawn per replication, exp(s·z − s²/2) with mean 1, from a stream named by the
    /// programme's id alone, so every region and scenario of a replication shares it (a programme
    /// is the same course wherever it runs), while the planner expects 1 (MODEL.md §3).
    static func effects(_ model: ModelParameters, seed: UInt64, replication: Int) -> [(truth: Double, expected: Double)] {
        model.programmes.map { programme in
            if programme.measuredEffectSD > 0 {
                let promised = model.promisedGainLevels(lengthJP: programme.lengthJP, mode: programme.mode)
                let known = programme.measuredEffectSD * model.learning.cohortSpreadSD / promised
                return (known, known)
            }
            var stream = RandomStream(seed: seed, replication: replication, stream: StreamID(named: ["programme", programme.id, "effect"]))
            return (model.learning.effectFactor(z: stream.normal(mean: 0, sd: 1)), 1)
        }
    }
}
