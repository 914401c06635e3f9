import SimWorkforce
import Testing

@testable import SimReport

/// Every unit of every metric a bundled scenario reports, counters and programmes included, has
/// its Indonesian word: a unit left out would show in English in an Indonesian workbook.
/// (Before this test, the IKM's and IP ASN proxy's "index" units and the "0-1" unit had none.)
@Suite struct WorkbookWordsTests {
    @Test func everyMetricUnitHasAnIndonesianWord() throws {
        var units = Set(Metric.allCases.map(\.definition.unit))
        units.formUnion(CounterMeasure.allCases.map { $0.definition(unit: "dukcapil").unit })
        for scenario in try KeyedPairingTests.bundled() {
            for catalogue in scenario.parameters.catalogues { units.formUnion(catalogue.metrics.map(\.unit)) }
        }
        let missing = units.filter { WorkbookHeaders.indonesianUnits[$0] == nil }.sorted()
        #expect(missing.isEmpty, "units without an Indonesian word: \(missing)")
        #expect(units.count > 10)
    }
}
