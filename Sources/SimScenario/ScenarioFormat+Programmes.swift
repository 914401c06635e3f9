import SimWorkforce

// What a programme and a source of learning outside the budget are in a scenario file.

extension ScenarioFormat {
    static let programmeFields = Field.declared(
        ProgrammeParameters.specs(),
        structural: [
            "name": Field("name", .localizedText, doc: "the programme's name in reports (a string, or `id` and `en`)"),
            "domains": Field("domains", .weights(.domain), required: true, doc: "target domains and the share of the gain each receives"),
            "mode": Field("mode", .reference(.mode), required: true, doc: "delivery mode"),
            "eligibleJobLevels": Field("eligibleJobLevels", .list(.reference(.jobLevel)), doc: "job levels that may attend (default all)"),
            "eligibleUnits": Field("eligibleUnits", .list(.reference(.unit)), doc: "units that may attend (default all)"),
            "budgetRupiahPerYear": Field(
                "budgetRupiahPerYear", .table(.region, .number(minimum: 0, maximum: nil)), unit: "Rupiah per year",
                doc:
                    "an earmark by region: money set aside for this programme each year. Paid by the region (fundedBy region), it comes out of the region's budget, is released by its quarters, and no other programme may use it, so what the programme does not spend is not spent; paid from outside, it is the funder's yearly ceiling. A region not listed has none: the programme is paid from the region's common budget, or without a ceiling from outside"
            ),
        ])

    static let externalSourceFields = Field.declared(
        ExternalSourceParameters.specs(),
        structural: [
            "name": Field("name", .localizedText, doc: "the source's name in reports (a string, or `id` and `en`)"),
            "domains": Field(
                "domains", .weights(.domain), required: true, doc: "domains its courses teach and the share of the gain each receives"),
            "units": Field("units", .list(.reference(.unit)), doc: "units whose staff use it, e.g. a sector platform (default all)"),
        ])
}
