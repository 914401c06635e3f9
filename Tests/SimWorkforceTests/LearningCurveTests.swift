import SimWorkforce
import Testing

@Suite struct LearningCurveTests {
    /// With no decay and no support, the applied share of a gain follows Saks & Belcourt (2006):
    /// 62% / 44% / 34% at 0 / 6 / 12 months, within 2 points, through the same split and monthly
    /// update the region model applies.
    @Test func appliedShareReproducesSaksAndBelcourt() {
        var parameters = LearningParameters()
        parameters.decay.halfLifeMonths = .infinity
        let curve = LearningCurve(parameters, leadershipSupport: 0)
        let gain = 0.36
        let parts = curve.split(gain: gain)
        var transient = parts.transient
        var latent = parts.latent
        var applied: [Double] = []
        for month in 0...12 {
            if month > 0 { curve.advanceMonth(transient: &transient, latent: &latent, latentKeep: curve.monthlyLatentKeep(usage: 0)) }
            applied.append((parts.stable + transient) / gain)
        }
        #expect(abs(applied[0] - 0.62) <= 0.02, "\(applied[0])")
        #expect(abs(applied[6] - 0.44) <= 0.02, "\(applied[6])")
        #expect(abs(applied[12] - 0.34) <= 0.02, "\(applied[12])")
        // Nothing is lost without decay: applied + latent is the whole gain.
        #expect(abs(parts.stable + transient + latent - gain) < 1e-12)
    }

    /// An unused gain (a domain the job never uses) halves in the configured half-life, within 5%.
    @Test(arguments: [6.5, 11.0, 13.0])
    func anUnusedGainHalvesInTheHalfLife(halfLife: Double) {
        var parameters = LearningParameters()
        parameters.decay.halfLifeMonths = halfLife
        let curve = LearningCurve(parameters, leadershipSupport: 0)
        var transient = 0.0
        var latent = 1.0
        var months = 0
        while latent > 0.5 {
            curve.advanceMonth(transient: &transient, latent: &latent, latentKeep: curve.monthlyLatentKeep(usage: 0))
            months += 1
        }
        // Linear interpolation between the last two whole months.
        let before = latent / curve.monthlyLatentKeep(usage: 0)
        let measured = Double(months - 1) + (before - 0.5) / (before - latent)
        #expect(abs(measured - halfLife) / halfLife <= 0.05, "half-life \(measured) vs \(halfLife)")
        // A skill used daily does not decay.
        #expect(curve.monthlyLatentKeep(usage: 1) == 1)
    }

    @Test func leadershipSupportRaisesTheFloorAndSlowsRelapse() {
        let parameters = LearningParameters()
        let without = LearningCurve(parameters, leadershipSupport: 0)
        let with = LearningCurve(parameters, leadershipSupport: 1)
        #expect(with.floorShare > without.floorShare)
        #expect(with.timeConstantMonths > without.timeConstantMonths)
        #expect(with.appliedShare(afterMonths: 12) > without.appliedShare(afterMonths: 12))
        #expect(with.appliedShare(afterMonths: 0) == without.appliedShare(afterMonths: 0))
    }
}

@Suite struct OutputDocumentationTests {
    /// Every metric id and its unit appear in docs/outputs.md.
    @Test func everyMetricIsDocumented() throws {
        let text = try String(contentsOf: packageRoot.appendingPathComponent("docs/outputs.md"), encoding: .utf8)
        for metric in Metric.allCases.map(\.definition) {
            #expect(text.contains("| `\(metric.id)` | \(metric.unit) |"), "\(metric.id) is not documented")
        }
    }
}
