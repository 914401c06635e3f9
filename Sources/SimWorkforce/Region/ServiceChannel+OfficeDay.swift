import SimCore

/// A counter with an office's day (``OfficeDay``): arrivals only in the numbers window, most of
/// them in the morning rush; counters open only in the office's hours; a daily quota of numbers;
/// and at the day's closing, whoever still waits is sent home (turned away), a share of them to
/// come back another morning.
extension ServiceChannel {
    /// The next arrival after `t` when the rate is piecewise constant within each day (the rush,
    /// the rest of the numbers window, nothing outside it) times the day's seasonal demand: the
    /// cumulative rate is inverted piece by piece, so one exponential draw still makes one
    /// arrival whatever the profile.
    mutating func officeArrivalTime(after t: Double, office: OfficeDay) -> Double {
        guard !office.pieces.isEmpty else { return .infinity }
        var work = streams.arrivals.exponential(mean: 1) / parameters.requestsPerDay
        var day = t.rounded(.down)
        var offset = t - day
        // A horizon's worth of days with no demand at all gives no arrival.
        for _ in 0..<Swift.max(demand.count, 1) + 2 {
            let d = Int(day)
            // A warm-up before 1 January takes the first day's demand; days past the profile, 1.
            let multiplier = demand.isEmpty || d >= demand.count ? 1 : demand[Swift.max(d, 0)]
            if multiplier > 0 {
                for piece in office.pieces where offset < piece.to {
                    let from = Swift.max(offset, piece.from)
                    let rate = piece.rate * multiplier
                    let room = (piece.to - from) * rate
                    if work <= room { return day + from + work / rate }
                    work -= room
                    offset = piece.to
                }
            }
            day += 1
            offset = 0
        }
        return .infinity
    }

    /// Whether a citizen arriving at `time` gets a queue number: not after the day's counters
    /// have closed (a Friday closes before the numbers window ends); with a quota, only until the
    /// day's numbers are gone. Whoever gets none is turned away (and may come back another
    /// morning).
    @inline(__always)
    mutating func takesANumber(at time: Double) -> Bool {
        guard let office else { return true }
        if !isOpen && nextOpeningChange.rounded(.down) > time.rounded(.down) {
            tally.turnedAway += 1
            mayComeBack(leftAt: time, noEarlierThan: time)
            return false
        }
        guard office.quota > 0 else { return true }
        let day = Int(time.rounded(.down))
        if day != quotaDay {
            quotaDay = day
            numbersGiven = 0
        }
        guard numbersGiven < office.quota else {
            tally.turnedAway += 1
            mayComeBack(leftAt: time, noEarlierThan: time)
            return false
        }
        numbersGiven += 1
        return true
    }

    /// The counters open or close at `time`. At the day's last closing everyone still waiting
    /// goes home: counted as having given up if their patience ran out first, else as turned
    /// away; requests in service are finished.
    mutating func changeOpening(at time: Double, workforce: Workforce, staff: inout CounterStaff) {
        guard let office else { return }
        let closesDay = nextChangeClosesDay
        let state = office.state(at: time)
        (isOpen, nextOpeningChange, nextChangeClosesDay) = state
        staffedServers.record(Double(Swift.max(openServers, busyCount)), at: SimTime(workingDays: time))
        if isOpen {
            startWaiting(at: time, workforce: workforce, staff: &staff)
            return
        }
        guard closesDay else { return }
        while let request = waiting.popFirst() {
            if request.givesUpAt < time {
                giveUp(request, at: time)
            } else {
                tally.turnedAway += 1
                mayComeBack(leftAt: time, noEarlierThan: time)
            }
        }
    }
}
