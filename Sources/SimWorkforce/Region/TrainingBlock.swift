/// One window of a no-training period in working time, for one region's units.
struct TrainingBlock {
    let span: Range<Double>
    /// The units it protects; `nil` when it protects every unit (sessions are then not placed in it).
    let units: PerUnit<Bool>?
    /// Indexed by `Mode.rawValue`.
    let modes: [Bool]
    /// Indexed by programme; empty means every programme.
    let programmes: [Bool]

    static func blocks(_ period: NoTrainingPeriod, units: [UnitParameters], clock: WorkingClock) -> [TrainingBlock] {
        let protected: PerUnit<Bool>? = period.units.isEmpty ? nil : PerUnit(units.map { period.units.contains($0.id) })
        return period.period.spans(on: clock).map {
            TrainingBlock(span: $0, units: protected, modes: period.modes, programmes: period.programmes)
        }
    }

    /// Whether it stops sessions of programme `p` in `mode`.
    func stops(_ p: ProgrammeIndex, _ mode: Mode) -> Bool {
        modes[mode.rawValue] && (programmes.isEmpty || programmes[p.rawValue])
    }

    /// Whether it stops staff of `unit` attending a session of `p` in `mode` over `span`.
    func stops(_ p: ProgrammeIndex, _ mode: Mode, unit: UnitIndex, over session: Range<Double>) -> Bool {
        stops(p, mode) && (units?[unit] ?? true) && span.overlaps(session)
    }
}
