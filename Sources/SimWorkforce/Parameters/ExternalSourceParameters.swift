// Learning outside the region's budget (MODEL.md §3, "JP and learning are different things"):
// national MOOCs and the ASN Corpu LMS, webinars, sector platforms. Staff take them on their own,
// so they cost the region nothing; they credit JP under the rules that recognise them, take some
// duty time, and teach a little.

/// One source of learning outside the budget: who may use it, how often staff take one of its
/// courses, what a completed course credits and teaches.
public struct ExternalSourceParameters: ParameterGroup {
    /// The source's id: its key in the scenario's `externalLearning` table.
    public var id = ""
    public var name = LocalizedText("")
    /// Gain share per domain, indexed by domain.
    public var domains: [Double] = []
    /// Unit ids whose staff use it (a sector platform); empty means all.
    public var units: [String] = []
    public var employment = Employment.all
    public var coursesPerYear = 1.0
    public var jpPerCourse = 2.0
    public var completionShare = 0.6
    public var maxJPPerYear = 20.0
    public var gainLevelsPerJP = 0.002
    public var dutyShare = 0.5
    public var internetDependence = 1.0
    public init() {}

    public static let declarations: [Declaration<Self>] = [
        .structural("name"),
        .structural("domains"),
        .structural("units"),
        .choice("employment", \.employment, "PNS, PPPK or both", source: "UU 20/2023: development is owed to every ASN"),
        .number(
            "coursesPerYear", \.coursesPerYear, unit: "courses per employee per year",
            "courses an employee of average motivation starts in a year where the internet is good (the uptake); the rate rises "
                + "with motivation (participation.motivationEffect per SD) and falls with poor internet (internetDependence)",
            source: "assumption: no record of ASN uptake of these platforms was found; give a range in the uncertainty block"),
        .number("jpPerCourse", \.jpPerCourse, above: true, unit: "JP", "JP a completed course credits", source: "assumption"),
        .share(
            "completionShare", \.completionShare, "chance an employee of average motivation completes a course they start",
            source: "assumption: between open MOOCs (median 12.6%, Jordan 2015) and mandated courses; an employee starts one to earn its JP"
        ),
        .number(
            "maxJPPerYear", \.maxJPPerYear, unit: "JP per employee per year",
            "most JP from this source credited to one employee in a year (the rule that recognises it); courses past it still teach",
            source: "assumption: Perlan LAN 10/2018 recognises non-classical learning; no cap per source was found"),
        .number(
            "gainLevelsPerJP", \.gainLevelsPerJP, unit: "levels per JP",
            "competency learned per JP completed, shared over the source's domains, then applied and kept like any gain",
            source: "assumption: small, since self-paced courses and webinars have little practice (MODEL.md §3)"),
        .share(
            "dutyShare", \.dutyShare, "share of a course's hours taken from duty time (the rest is the employee's own time)",
            source: "assumption"),
        .share(
            "internetDependence", \.internetDependence,
            "relative cut in uptake when the region's internet quality is 0 (1: none without internet; 0: offline)",
            source: "assumption: online sources need the connection"),
    ]

    /// Chance an employee of average motivation in a region with `internetQuality` starts a
    /// course in a month: the yearly rate spread over twelve months.
    public func monthlyRate(internetQuality: Double) -> Double {
        coursesPerYear / 12 * (1 - internetDependence * (1 - internetQuality))
    }
}
