import SimCore

/// A channel's constants, worked out once.
struct ServiceRules {
    let channel: ServiceChannelParameters
    let quality: ServiceQualityParameters
    /// The unit's held SKM elements as shares of the 1–4 scale, summed (``SKMHeldScores/shareSum``).
    let heldShareSum: Double
    /// Minutes in a working day: a wait in working days times this is minutes.
    let minutesPerDay: Double
    /// 1 / minutesPerDay: a handling time in working days is a product, not a division per request.
    let daysPerMinute: Double
    /// σ² and σ of the lognormal handling time.
    let handlingShape: LognormalShape
    /// Mean handling minutes (and their log) when no one is on duty to draw as the handler (ĉ = 0).
    let noviceMinutes: Double, logNoviceMinutes: Double
    /// The default Lebaran window in working time, where the counter's Lebaran wait is measured.
    let lebaranSpans: [Range<Double>]
    /// Per working day from 0: whether the window covers none of it (0), all of it (1) or part of
    /// it (2), so most requests are placed by one look-up instead of a search of the spans.
    let lebaranDays: [UInt8]

    init(channel: ServiceChannelParameters, quality: ServiceQualityParameters, hoursPerWorkingDay: Double, lebaranSpans: [Range<Double>]) {
        self.channel = channel
        self.quality = quality
        heldShareSum = channel.skm.shareSum
        minutesPerDay = hoursPerWorkingDay * 60
        daysPerMinute = 1 / minutesPerDay
        handlingShape = LognormalShape(cv: channel.handlingCV)
        noviceMinutes = quality.handlingMinutes(channel, competency: 0)
        logNoviceMinutes = log(noviceMinutes)
        self.lebaranSpans = lebaranSpans
        let dayCount = Int((lebaranSpans.map(\.upperBound).max() ?? 0).rounded(.up))
        lebaranDays = (0..<max(dayCount, 0)).map { d in
            let day = Double(d)..<Double(d + 1)
            if lebaranSpans.contains(where: { $0.lowerBound <= day.lowerBound && day.upperBound <= $0.upperBound }) { return 1 }
            return lebaranSpans.contains(where: { $0.overlaps(day) }) ? 2 : 0
        }
    }

    /// Inlined: a call would copy the rules out of the channel being changed.
    @inline(__always)
    func isLebaran(_ t: Double) -> Bool {
        if t >= 0 && t < Double(lebaranDays.count) {
            switch lebaranDays[Int(t)] {
            case 0: return false
            case 1: return true
            default: break
            }
        }
        return lebaranSpans.contains { $0.contains(t) }
    }
}
