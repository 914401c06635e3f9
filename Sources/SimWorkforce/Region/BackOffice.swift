import SimCore

/// A counter's back office (``BackOfficeParameters``): the requests served at the counter that
/// need work afterwards wait, oldest first, for the unit's back-office staff-minutes of each
/// working day. A fluid: each day's requests are one cohort worked off in shares, so it costs one
/// step a working day whatever the demand, and the same in both service fidelities.
///
/// A request served on day a and finished on day d took d − a working days to complete: the back
/// office works the requests served up to the start of its day, so 1 is the soonest.
struct BackOffice {
    let parameters: BackOfficeParameters
    /// Requests awaiting back-office work, oldest day first.
    private var cohorts = FIFORing<Cohort>(capacity: 32)
    /// Requests awaiting work over all cohorts.
    private(set) var backlog = 0.0
    /// Served requests not yet handed to the back office (a counter adds one per request).
    var served = 0
    /// The month's completions: requests, Σ requests × working days to completion, and requests
    /// done within the standard.
    private(set) var month = Completions()

    struct Cohort {
        var day: Int
        var requests: Double
    }

    struct Completions {
        var requests = 0.0, daySum = 0.0, withinStandard = 0.0
        /// Mean working days from the counter to completion; undefined with none completed.
        var meanDays: Double { requests > 0 ? daySum / requests : .nan }
        /// Share completed within the standard; undefined with none completed.
        var shareWithinStandard: Double { requests > 0 ? withinStandard / requests : .nan }
    }

    init(_ parameters: BackOfficeParameters) { self.parameters = parameters }

    /// The start of working day `day`: the requests served since the last step join the backlog as
    /// the previous day's cohort, and `capacity` requests' worth of work is done, oldest first.
    mutating func work(day: Int, capacity: Double) {
        let arriving = parameters.share * Double(served)
        served = 0
        if arriving > 0 {
            cohorts.append(Cohort(day: day - 1, requests: arriving))
            backlog += arriving
        }
        var left = max(capacity, 0)
        while left > 0, let oldest = cohorts.first {
            let done = min(oldest.requests, left)
            let days = Double(day - oldest.day)
            month.requests += done
            month.daySum += done * days
            if days <= parameters.standardDays { month.withinStandard += done }
            left -= done
            backlog -= done
            if done < oldest.requests {
                cohorts.modifyFirst { $0.requests -= done }
            } else {
                _ = cohorts.popFirst()
            }
        }
        if cohorts.isEmpty { backlog = 0 }
    }

    /// Requests awaiting back-office work now: the backlog and those served since the last step.
    var awaiting: Double { backlog + parameters.share * Double(served) }

    /// The share of the month's back-office requests done within the standard; with none done, 1
    /// when nothing waits and 0 when work stands undone.
    var withinStandardShare: Double {
        month.requests > 0 ? month.shareWithinStandard : (backlog > 0 ? 0 : 1)
    }

    /// How a month's SKM U3 (completion time) is scaled: requests done at the counter keep their
    /// score; those that needed the back office keep it in the share done within the standard and
    /// score 1 (share 0) otherwise.
    var completionTimeFactor: Double { (1 - parameters.share) + parameters.share * withinStandardShare }

    mutating func startMonth() { month = Completions() }
}
