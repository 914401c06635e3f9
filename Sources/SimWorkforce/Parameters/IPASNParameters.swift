// The IP ASN proxy (MODEL.md §10): BKN's professionalism index rebuilt from what the model tracks.

/// Weights and scores of the IP ASN proxy. BKN's index (Perban BKN 8/2019, PermenPAN-RB 38/2018)
/// sums qualification (25), competency (40), performance (30) and discipline (5); how each
/// dimension is scored from the model's state is an assumption of this proxy, declared here.
public struct IPASNParameters: ParameterGroup {
    public var qualificationScoreSMA = 5.0
    public var qualificationScoreDiploma = 10.0
    public var qualificationScoreS1 = 15.0
    public var qualificationScoreS2 = 20.0
    public var qualificationScoreS3 = 25.0
    public var competencyJPShare = 0.5
    public var performanceCompetencyShare = 0.5
    public var disciplineScore = 5.0
    public init() {}

    public static let declarations: [Declaration<Self>] = [
        .number(
            "qualificationScoreSMA", \.qualificationScoreSMA, min: 0, max: 25, unit: "points of 25", "qualification score of SMA education",
            source: "assumption (PermenPAN-RB 38/2018 gives S3 25 and S2 20)"),
        .number(
            "qualificationScoreDiploma", \.qualificationScoreDiploma, min: 0, max: 25, unit: "points of 25",
            "qualification score of a diploma", source: "assumption"),
        .number(
            "qualificationScoreS1", \.qualificationScoreS1, min: 0, max: 25, unit: "points of 25", "qualification score of an S1 degree",
            source: "assumption"),
        .number(
            "qualificationScoreS2", \.qualificationScoreS2, min: 0, max: 25, unit: "points of 25", "qualification score of an S2 degree",
            source: "PermenPAN-RB 38/2018"),
        .number(
            "qualificationScoreS3", \.qualificationScoreS3, min: 0, max: 25, unit: "points of 25", "qualification score of an S3 degree",
            source: "PermenPAN-RB 38/2018"),
        .share(
            "competencyJPShare", \.competencyJPShare,
            "share of the competency dimension (40 points) scored by JP in the last 12 months against the 20 JP target; the rest by applied competency against the requirement",
            source: "assumption: BKN scores development hours and the fit to the post"),
        .share(
            "performanceCompetencyShare", \.performanceCompetencyShare,
            "share of the performance dimension (30 points) scored by competency against the requirement; the rest by motivation",
            source: "assumption: the model has no SKP appraisal"),
        .number(
            "disciplineScore", \.disciplineScore, min: 0, max: 5, unit: "points of 5",
            "discipline score of everyone (the model has no disciplinary records)",
            source: "Sumbar 2025 IP ASN: discipline 5 of 5 (reference/domain-facts.md)"),
    ]

    /// The qualification score of an education level, out of 25.
    public func qualificationScore(_ education: Education) -> Double {
        switch education {
        case .sma: return qualificationScoreSMA
        case .diploma: return qualificationScoreDiploma
        case .s1: return qualificationScoreS1
        case .s2: return qualificationScoreS2
        case .s3: return qualificationScoreS3
        }
    }
}
