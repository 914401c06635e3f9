import SimWorkforce

extension ScenarioValidator {
    /// One entry of the `uncertainty` block: the path names numbers of this scenario, the
    /// distribution is well formed, and every value it can take is one the path accepts.
    mutating func checkUncertainty(_ key: String, _ node: JSONNode, path: String) {
        guard let root = filledRoot, node.members != nil else { return }
        let leaves: [UncertaintyPaths.Leaf]
        switch UncertaintyPaths.leaves(of: key, in: root) {
        case .failure(let message): return report(node, path, message.text)
        case .success(let found): leaves = found
        }
        guard let low = node["low"]?.number, let high = node["high"]?.number else { return }
        let kind = node["distribution"]?.string ?? "uniform"
        if low > high {
            return report(node["low"], join(path, "low"), "low \(NumberText.plain(low)) is above high \(NumberText.plain(high))")
        }
        if low == high {
            return report(
                node, path,
                "low and high are both \(NumberText.plain(low)): a known value needs no uncertainty; write it in the scenario instead")
        }
        let needs: [String: [String]] = ["uniform": [], "triangular": ["mode"], "normal": ["mean", "sd"]]
        for name in ["mode", "mean", "sd"] where node[name] != nil && !(needs[kind] ?? []).contains(name) {
            report(
                node[name], join(path, name),
                "'\(name)' is not used by a \(kind) distribution; \(name == "mode" ? "use \"distribution\": \"triangular\"" : "use \"distribution\": \"normal\"")"
            )
        }
        for name in needs[kind] ?? [] where node[name] == nil {
            report(node, path, "a \(kind) distribution needs '\(name)'")
        }
        for name in ["mode", "mean"] {
            if let x = node[name]?.number, !(low...high).contains(x) {
                report(
                    node[name], join(path, name),
                    "\(name) \(NumberText.plain(x)) is outside low–high (\(NumberText.plain(low))–\(NumberText.plain(high)))")
            }
        }
        let relative = node["relative"]?.bool ?? false
        if relative && low < 0 {
            return report(
                node["low"], join(path, "low"),
                "a relative range multiplies the scenario's value, so low must be at least 0, found \(NumberText.plain(low))")
        }
        for leaf in leaves {
            var ends = (low, high)
            if relative {
                guard checksRelativeRanges, let base = leaf.node?.number else { continue }
                ends = (base * low, base * high)
            }
            if let problem = UncertaintyPaths.outsideRange(ends, of: leaf.type) {
                report(node, path, "\(leaf.path) \(problem)\(relative ? " (its value × low and × high)" : "")")
                return
            }
        }
    }
}

extension UncertaintyPaths {
    /// Why a range does not fit a number's accepted values, or nil when it does.
    static func outsideRange(_ ends: (Double, Double), of type: FieldType) -> String? {
        var minimum: Double?
        var maximum: Double?
        var above = false
        switch type {
        case .number(let low, let high, let aboveMinimum): (minimum, maximum, above) = (low, high, aboveMinimum)
        case .integer(let low, let high): (minimum, maximum) = (low.map(Double.init), high.map(Double.init))
        default: return nil
        }
        if let minimum, above ? !(ends.0 > minimum) : ends.0 < minimum {
            return
                "accepts values \(above ? "above" : "from") \(NumberText.plain(minimum))\(maximum.map { " to \(NumberText.plain($0))" } ?? ""); the range reaches \(NumberText.plain(ends.0))"
        }
        if let maximum, ends.1 > maximum {
            return "accepts values up to \(NumberText.plain(maximum)); the range reaches \(NumberText.plain(ends.1))"
        }
        return nil
    }
}
