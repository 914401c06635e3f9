import SimCore

/// The service's daily step (docs/model.md §7): each counter's back office works its backlog at
/// the start of every working day, then, in analytic fidelity, the counters' day is worked out.
extension RegionSimulation {
    mutating func serviceDay(_ day: Int) {
        workBackOffices(day: day)
        if !perRequest { analyticDay(day) }
        let next = Double(day + 1)
        if next < clock.horizonDays {
            calendar.schedule(.serviceDay(Int32(day + 1)), at: SimTime(workingDays: next))
        }
    }

    /// Each back office's day: the staff-minutes of those on duty who work it (its `staffShare`
    /// all day, and the counter staff outside counter hours on an office's day) over the minutes a
    /// request takes at the unit's mean service competency, on the counter's handling curve.
    mutating func workBackOffices(day: Int) {
        let dayMinutes = model.hoursPerWorkingDay * 60
        for c in channels.indices where channels[c].backOffice.parameters.isUsed {
            let unit = channels[c].unit
            let parameters = channels[c].parameters
            let outsideCounterHours = channels[c].office.map { dayMinutes * (1 - $0.openShare(day: day)) } ?? 0
            let counterStaff = Double(roster.counterServers(unit, counterShare: parameters.counterShare))
            let minutes =
                parameters.backOffice.staffShare * roster.workingStaff(unit) * dayMinutes + counterStaff * outsideCounterHours
            let handling = quality.handlingMinutes(parameters, competency: roster.serviceCompetency[unit])
            let minutesPerRequest = parameters.backOffice.minutesPerRequest * handling / parameters.minutesPerRequestProficient
            channels[c].backOffice.work(day: day, capacity: minutes / minutesPerRequest)
        }
    }

    /// The month's back-office measures of counter `c`, and its SKM U3 scaled by the share done
    /// within the standard; then the next month starts.
    mutating func closeBackOfficeMonth(channel c: Int, month m: Int) {
        let backOffice = channels[c].backOffice
        func write(_ measure: CounterMeasure, _ value: Double) {
            result[slot: result.slot(counterOfUnit: channels[c].unit.rawValue, measure), m] = value
        }
        guard backOffice.parameters.isUsed else {
            for measure in [CounterMeasure.daysToCompletion, .withinStandard, .backOfficeBacklog] { write(measure, .nan) }
            return
        }
        write(.daysToCompletion, backOffice.month.meanDays)
        write(.withinStandard, backOffice.month.shareWithinStandard)
        write(.backOfficeBacklog, backOffice.awaiting)
        channels[c].tally.scaleCompletionTime(by: backOffice.completionTimeFactor)
        channels[c].backOffice.startMonth()
    }
}
