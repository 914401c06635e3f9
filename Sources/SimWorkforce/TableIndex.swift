/// A position in one of the region's tables, typed by what the table lists, so that an employee
/// number passed where a programme or unit number is expected does not compile.
struct TableIndex<Table>: Hashable, Comparable, Strideable {
    var rawValue: Int

    init(_ rawValue: Int) { self.rawValue = rawValue }

    static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    func distance(to other: Self) -> Int { other.rawValue - rawValue }
    func advanced(by n: Int) -> Self { Self(rawValue + n) }
}

/// The tables the indices point into.
enum EmployeeTable {}
enum ProgrammeTable {}
enum UnitTable {}
enum SessionTable {}

typealias EmployeeIndex = TableIndex<EmployeeTable>
typealias ProgrammeIndex = TableIndex<ProgrammeTable>
typealias UnitIndex = TableIndex<UnitTable>
typealias SessionIndex = TableIndex<SessionTable>

/// One value per row of a table, readable only with that table's index: `Column<EmployeeTable, Bool>`
/// takes an ``EmployeeIndex`` and refuses a programme number. A plain array underneath, so the hot
/// loop pays nothing for the type.
struct Column<Table, Element>: RandomAccessCollection, MutableCollection {
    typealias Index = TableIndex<Table>
    typealias Indices = Range<Index>

    var storage: [Element]

    init(_ storage: [Element] = []) { self.storage = storage }
    init(repeating value: Element, count: Int) { storage = [Element](repeating: value, count: count) }

    var startIndex: Index { Index(0) }
    var endIndex: Index { Index(storage.count) }
    var indices: Range<Index> { startIndex..<endIndex }

    /// Read and modified in place: `column[i].append(x)` must not copy the element.
    subscript(i: Index) -> Element {
        _read { yield storage[i.rawValue] }
        _modify { yield &storage[i.rawValue] }
    }

    mutating func append(_ element: Element) { storage.append(element) }
}

/// One value per programme of the scenario, indexed by ``ProgrammeIndex``.
typealias PerProgramme<Element> = Column<ProgrammeTable, Element>

extension Column: Sendable where Element: Sendable {}

extension Array where Element == ProgrammeParameters {
    subscript(p: ProgrammeIndex) -> ProgrammeParameters { self[p.rawValue] }
}

extension Array where Element == UnitParameters {
    subscript(u: UnitIndex) -> UnitParameters { self[u.rawValue] }
}

extension TableIndex {
    /// The compact form an event carries.
    var eventPayload: Int32 { Int32(truncatingIfNeeded: rawValue) }
}

extension Array where Element: Comparable {
    /// The distinct elements in ascending order. A session's attendees and their units are a few
    /// dozen: sorting them costs far less than hashing each into a set.
    func sortedUnique() -> [Element] {
        var values = sorted()
        guard var last = values.first else { return values }
        var kept = 1
        for i in values.indices.dropFirst() where values[i] != last {
            last = values[i]
            values[kept] = last
            kept += 1
        }
        values.removeLast(values.count - kept)
        return values
    }
}
