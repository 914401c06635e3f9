/// The work some requests need after the counter before they are complete: printing, verification,
/// signatures (docs/model.md §7, Days to completion). Done by the unit's staff, as a fluid FIFO
/// backlog worked each working day; staff away at training leave it more to do the next day.
public struct BackOfficeParameters: ParameterGroup {
    /// Share of the requests served at the counter that need back-office work (0: none do).
    public var share = 0.0
    /// Staff minutes of back-office work per such request by a proficient member of the unit; a
    /// novice takes the counter's `noviceMultiplier` times as long, on the same curve.
    public var minutesPerRequest = 20.0
    /// Share of the unit's on-duty staff who work the back office all day, besides the counter
    /// staff's time outside counter hours on an office's day.
    public var staffShare = 0.0
    /// Working days within which the unit's service standard promises the result.
    public var standardDays = 3.0
    public init() {}

    /// Whether any request needs back-office work.
    public var isUsed: Bool { share > 0 }

    public static let declarations: [Declaration<Self>] = [
        .share(
            "share", \.share,
            "share of the requests served at the counter that need back-office days (printing, verification, signatures); 0: none",
            source: "assumption (reference/domain-facts.md: back-office work fills the afternoon at Dukcapil Sleman)"),
        .number(
            "minutesPerRequest", \.minutesPerRequest, above: true, unit: "staff minutes",
            "back-office minutes a proficient member of the unit spends on one such request (a novice takes noviceMultiplier times as long)",
            source: "assumption"),
        .share(
            "staffShare", \.staffShare,
            "share of the unit's on-duty staff who work the back office all day; on an office's day the counter staff also work it outside counter hours",
            source: "assumption"),
        .number(
            "standardDays", \.standardDays, above: true, unit: "working days",
            "working days within which the unit's service standard (standar pelayanan) promises the result; SKM element U3 scores a request done later at 1",
            source: "assumption: write the unit's own standard pelayanan"),
    ]
}
