import SimWorkforce

/// Checks a merged scenario tree against ``ScenarioFormat`` and collects every problem:
/// unknown keys (with "did you mean"), wrong types, values out of range, references to ids the
/// scenario does not define, and months outside the horizon.
struct ScenarioValidator {
    let file: String
    var diagnostics: [Diagnostic] = []
    /// The ids each kind of table defines, collected before references are checked.
    var definedIDs: [IDKind: [String]] = [:]
    /// The tree being validated, filled with defaults: uncertainty paths resolve against it.
    var filledRoot: JSONNode?
    /// Whether a relative uncertainty range is checked against the values it multiplies (not
    /// when the tree holds drawn values: ``Override/isGenerated``).
    var checksRelativeRanges = true
    /// First and last simulated month as (year·12 + month−1).
    var horizon: ClosedRange<Int> = 0...Int.max

    init(file: String) { self.file = file }

    mutating func report(_ node: JSONNode?, _ path: String, _ message: String) {
        diagnostics.append(Diagnostic(file: file, location: node?.location, path: path, message: message))
    }

    /// Validates `root` (already merged with its bases and overrides).
    mutating func validate(_ root: JSONNode) {
        guard root.members != nil else {
            report(root, "", "expected an object at the top of the file, found \(root.value.typeName)")
            return
        }
        collectIDs(root)
        checkIDs(root)
        if root["uncertainty"] != nil || root["optimise"] != nil { filledRoot = root.fillingDefaults(ScenarioFormat.root) }
        checkRecord(root, fields: ScenarioFormat.root, path: "")
        if let block = root["optimise"], block.value != .null { checkOptimise(block) }
    }

    /// The scenario's id and the ids of its regions, units, programmes and domains are words an
    /// output can carry: not empty, at most 64 characters (the scenario's 200), no control
    /// characters; the table ids also no dot (a dot separates the parts of a `--set` path and of
    /// a metric id).
    mutating func checkIDs(_ root: JSONNode) {
        func check(_ id: String, _ node: JSONNode?, _ path: String, what: String, dots: Bool = false, limit: Int = 64) {
            if id.trimmingCharacters(in: .whitespaces).isEmpty {
                report(node, path, "an empty \(what); give it a short id such as 'dukcapil'")
            } else if id.count > limit || id.unicodeScalars.contains(where: { $0.value < 0x20 || (!dots && $0 == ".") || $0 == "\u{7F}" }) {
                report(
                    node, path,
                    "\(what) '\(Diagnostic.capped(id, 64))' must be at most \(limit) characters, without \(dots ? "" : "dots or ")control characters"
                )
            }
        }
        if let id = root["id"], let text = id.string { check(text, id, "id", what: "scenario id", dots: true, limit: 200) }
        for table in ["programmes", "domains", "regions"] {
            for member in root[table]?.members ?? [] { check(member.key, member.value, join(table, member.key), what: "id") }
        }
        for region in root["regions"]?.members ?? [] {
            for unit in region.value["units"]?.members ?? [] {
                check(unit.key, unit.value, "regions.\(region.key).units.\(unit.key)", what: "unit id")
            }
        }
    }

    mutating func collectIDs(_ root: JSONNode) {
        definedIDs[.mode] = ScenarioFormat.modeNames
        definedIDs[.jobLevel] = ScenarioFormat.jobLevelNames
        definedIDs[.education] = ScenarioFormat.educationNames
        let domains = root["domains"]?.members.map { $0.filter { $0.value.value != .null }.map(\.key) }
        definedIDs[.domain] = domains ?? ScenarioFormat.defaultDomains.objectKeys
        definedIDs[.programme] = root["programmes"]?.members?.map(\.key) ?? []
        definedIDs[.externalSource] = root["externalLearning"]?.members?.map(\.key) ?? []
        definedIDs[.region] = root["regions"]?.members?.map(\.key) ?? []
        var units: [String] = []
        var seen: Set<String> = []
        for region in root["regions"]?.members ?? [] {
            for unit in region.value["units"]?.members ?? [] where seen.insert(unit.key).inserted { units.append(unit.key) }
        }
        definedIDs[.unit] = units
        let simulation = root["simulation"]
        let startYear = Int(simulation?["startYear"]?.number ?? 2027)
        let years = Int(simulation?["years"]?.number ?? 5)
        horizon = (startYear * 12)...((startYear + max(years, 1)) * 12 - 1)
    }

    mutating func checkRecord(_ node: JSONNode, fields: [Field], path: String) {
        guard let members = node.members else {
            report(node, path, "expected an object, found \(node.value.typeName)")
            return
        }
        let names = Set(fields.map(\.name))
        let ordered = fields.map(\.name)
        for member in members where !names.contains(member.key) {
            // Past the problems anyone reads, no suggestion is worked out (a hostile file's
            // hundred thousand keys cost no edit distances).
            let hint = diagnostics.count < 100 ? didYouMean(member.key, among: ordered) : ""
            report(member.value, join(path, member.key), "unknown key '\(Diagnostic.capped(member.key, 64))'\(hint)")
        }
        for field in fields {
            let childPath = join(path, field.name)
            guard let child = node[field.name], child.value != .null else {
                if field.required { report(node, childPath, "missing required key '\(field.name)'") }
                continue
            }
            check(child, type: field.type, path: childPath)
        }
    }

    mutating func check(_ node: JSONNode, type: FieldType, path: String) {
        switch type {
        case .number(let minimum, let maximum, let aboveMinimum):
            guard let x = node.number else { return expected("a number", node, path) }
            checkRange(x, minimum: minimum, maximum: maximum, aboveMinimum: aboveMinimum, node: node, path: path)
        case .integer(let minimum, let maximum):
            guard let x = node.number else { return expected("a whole number", node, path) }
            guard x == x.rounded() else { return report(node, path, "expected a whole number, found \(NumberText.plain(x))") }
            checkRange(x, minimum: minimum.map(Double.init), maximum: maximum.map(Double.init), aboveMinimum: false, node: node, path: path)
        case .boolean:
            if node.bool == nil { expected("true or false", node, path) }
        case .text:
            if node.string == nil { expected("a string", node, path) }
        case .choice(let words):
            guard let word = node.string else { return expected("one of \(words.joined(separator: ", "))", node, path) }
            if !words.contains(word) {
                report(
                    node, path, "unknown value '\(word)', expected one of \(words.joined(separator: ", "))\(didYouMean(word, among: words))"
                )
            }
        case .month(let endOfWindow):
            guard let text = node.string else { return expected("a month written YYYY-MM", node, path) }
            guard let month = parseMonth(text) else { return report(node, path, "expected a month written YYYY-MM, found '\(text)'") }
            if endOfWindow ? month < horizon.lowerBound : !horizon.contains(month) {
                report(
                    node, path,
                    "month \(text) is outside the simulated horizon \(monthText(horizon.lowerBound)) to \(monthText(horizon.upperBound))")
            }
        case .date:
            guard let text = node.string else { return expected("a date written YYYY-MM-DD, or MM-DD for every year", node, path) }
            if CivilDate(parsing: text) == nil && CivilDate(parsing: "2000-" + text) == nil {
                report(node, path, "expected a date written YYYY-MM-DD, or MM-DD for every year, found '\(text)'")
            }
        case .reference(let kind):
            guard let id = node.string else { return expected("the id of a \(kind.noun)", node, path) }
            checkReference(id, kind: kind, node: node, path: path)
        case .list(let element, let minimumCount):
            guard let elements = node.elements else { return expected("an array", node, path) }
            if elements.count < minimumCount { report(node, path, "expected at least \(minimumCount) elements") }
            for (index, child) in elements.enumerated() { check(child, type: element, path: "\(path)[\(index)]") }
        case .record(let fields):
            checkRecord(node, fields: fields, path: path)
        case .table(let kind, let element):
            checkTable(node, kind: kind, element: element, path: path)
        case .weights(let kind):
            checkWeights(node, kind: kind, path: path)
        case .localizedText:
            checkLocalizedText(node, path: path)
        case .pathTable(let element):
            guard let members = node.members else { return expected("an object keyed by scenario path", node, path) }
            for member in members where member.value.value != .null {  // null removes an inherited entry
                check(member.value, type: element, path: join(path, member.key))
                if case .record(let fields) = element, fields.contains(where: { $0.name == "distribution" }) {
                    checkUncertainty(member.key, member.value, path: join(path, member.key))
                }
            }
        case .valueMap(let element):
            guard let members = node.members else { return expected("an object from the file's values to the model's", node, path) }
            for member in members where member.value.value != .null { check(member.value, type: element, path: join(path, member.key)) }
        case .scalar:
            if node.string == nil && node.number == nil && node.bool == nil { expected("a string, a number, or true or false", node, path) }
        case .textMap:
            guard let members = node.members else { return expected("an object of strings", node, path) }
            for member in members { checkLocalizedText(member.value, path: join(path, member.key)) }
        }
    }

    mutating func checkTable(_ node: JSONNode, kind: IDKind, element: FieldType, path: String) {
        guard let members = node.members else { return expected("an object keyed by \(kind.noun) id", node, path) }
        for member in members {
            let childPath = join(path, member.key)
            if kind == .mode, !ScenarioFormat.modeNames.contains(member.key) {
                report(
                    member.value, childPath, "unknown mode '\(member.key)'\(didYouMean(member.key, among: ScenarioFormat.modeNames))")
                continue
            }
            if !isValidID(member.key) {
                report(member.value, childPath, "ids may contain only letters, digits, '-' and '_' and must start with a letter")
            }
            if member.value.value == .null { continue }  // null removes an inherited entry
            check(member.value, type: element, path: childPath)
        }
    }

    mutating func checkWeights(_ node: JSONNode, kind: IDKind, path: String) {
        guard let members = node.members else { return expected("an object from \(kind.noun) ids to numbers", node, path) }
        for member in members {
            let childPath = join(path, member.key)
            checkReference(member.key, kind: kind, node: member.value, path: childPath)
            guard let x = member.value.number else {
                expected("a number", member.value, childPath)
                continue
            }
            if x < 0 { report(member.value, childPath, "expected a non-negative number, found \(NumberText.plain(x))") }
        }
    }

    mutating func checkLocalizedText(_ node: JSONNode, path: String) {
        if node.string != nil { return }
        guard let members = node.members, !members.isEmpty else {
            return expected("a string, or an object {\"id\": \"…\", \"en\": \"…\"} (Bahasa Indonesia, English)", node, path)
        }
        for member in members {
            let childPath = join(path, member.key)
            guard Language(rawValue: member.key) != nil else {
                report(
                    member.value, childPath,
                    "unknown language '\(member.key)'\(didYouMean(member.key, among: Language.allCases.map(\.rawValue))); the languages are id (Bahasa Indonesia) and en (English)"
                )
                continue
            }
            if member.value.string == nil { expected("a string", member.value, childPath) }
        }
    }

    mutating func checkReference(_ id: String, kind: IDKind, node: JSONNode, path: String) {
        let known = definedIDs[kind] ?? []
        if !known.contains(id) {
            report(node, path, "unknown \(kind.noun) '\(id)'\(didYouMean(id, among: known))")
        }
    }

    mutating func checkRange(_ x: Double, minimum: Double?, maximum: Double?, aboveMinimum: Bool, node: JSONNode, path: String) {
        if let minimum, aboveMinimum ? !(x > minimum) : !(x >= minimum) {
            let bound = aboveMinimum ? "greater than \(NumberText.plain(minimum))" : "at least \(NumberText.plain(minimum))"
            let what = minimum == 0 && !aboveMinimum ? "a non-negative number" : "a number \(bound)"
            report(node, path, "expected \(what), found \(NumberText.plain(x))")
        } else if let maximum, x > maximum {
            report(node, path, "expected a number at most \(NumberText.plain(maximum)), found \(NumberText.plain(x))")
        }
    }

    mutating func expected(_ what: String, _ node: JSONNode, _ path: String) {
        report(node, path, "expected \(what), found \(node.value.typeName)\(what.hasSuffix("number") ? numberHint(node.string) : "")")
    }

    /// A hint for a number written as text the way a spreadsheet in Indonesian writes it.
    func numberHint(_ text: String?) -> String {
        guard let text, text.contains(",") else { return "" }
        let commas = text.filter { $0 == "," }.count
        let point = text.replacingOccurrences(of: ",", with: ".")
        if commas == 1 && !text.contains("."), Double(point) != nil {
            return "; write the decimal with a point: \(point) (a comma is not a decimal mark in JSON)"
        }
        let bare = text.replacingOccurrences(of: ",", with: "")
        if Double(bare) != nil { return "; write the number without separators: \(bare)" }
        return ""
    }
}

func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

func isValidID(_ id: String) -> Bool {
    guard let first = id.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII else { return false }
    return id.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }
}

extension JSONValue {
    var objectKeys: [String] {
        if case .object(let m) = self { return m.map(\.key) }
        return []
    }
}
