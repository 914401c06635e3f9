import SimWorkforce

extension ScenarioValidator {
    /// The `optimise` block beyond its types: one objective, bounds that say something, and
    /// decisions whose paths exist and whose values the paths accept.
    mutating func checkOptimise(_ block: JSONNode) {
        guard block.members != nil else { return }
        switch (block["maximise"] != nil, block["minimise"] != nil) {
        case (false, false): report(block, "optimise", "give the objective as 'maximise' or 'minimise' (a list of metrics with weights)")
        case (true, true):
            report(
                block["minimise"], "optimise.minimise",
                "give 'maximise' or 'minimise', not both (to replace an inherited one, set it to null)")
        default: break
        }
        for (index, constraint) in (block["constraints"]?.elements ?? []).enumerated() where constraint.members != nil {
            if constraint["atLeast"] == nil && constraint["atMost"] == nil {
                report(constraint, "optimise.constraints[\(index)]", "a constraint needs 'atLeast' or 'atMost'")
            }
            if let low = constraint["atLeast"]?.number, let high = constraint["atMost"]?.number, low > high {
                report(
                    constraint["atLeast"], "optimise.constraints[\(index)].atLeast",
                    "atLeast \(NumberText.plain(low)) is above atMost \(NumberText.plain(high)): no value can meet both")
            }
        }
        for (index, decision) in (block["decisions"]?.elements ?? []).enumerated() where decision.members != nil {
            checkDecision(decision, path: "optimise.decisions[\(index)]")
        }
    }

    mutating func checkDecision(_ node: JSONNode, path: String) {
        guard let root = filledRoot else { return }
        let forms = [node["low"] != nil || node["high"] != nil, node["choices"] != nil, node["split"] != nil]
        guard forms.filter({ $0 }).count == 1 else {
            return report(
                node, path,
                "a decision is a range (path, low, high), a choice (path, choices) or a split (split, total); \(forms.contains(true) ? "give only one" : "give one")"
            )
        }
        if forms[2] {
            if node["path"] != nil { report(node["path"], join(path, "path"), "a split names its numbers in 'split', not 'path'") }
            guard let total = node["total"]?.number else { return report(node, path, "a split needs 'total', what its numbers sum to") }
            for (i, text) in (node["split"]?.elements ?? []).enumerated() {
                guard let target = text.string else { continue }
                checkDecisionPath(target, node: text, path: "\(path).split[\(i)]", in: root) { leaf in
                    UncertaintyPaths.outsideRange((0, total), of: leaf.type).map {
                        "\(leaf.path) \($0) (a share of the total \(NumberText.plain(total)))"
                    }
                }
            }
            return
        }
        guard let target = node["path"]?.string else { return report(node, path, "missing required key 'path'") }
        if node["total"] != nil { report(node["total"], join(path, "total"), "'total' belongs to a split") }
        if let choices = node["choices"]?.elements {
            if node["step"] != nil { report(node["step"], join(path, "step"), "'step' belongs to a range, not a choice") }
            switch UncertaintyPaths.leaves(of: target, in: root, scalars: true) {
            case .failure(let message): report(node["path"], join(path, "path"), message.text)
            case .success(let leaves):
                // Each choice must be a value the path accepts: checked as if written there.
                guard let leaf = leaves.first else { break }
                for (i, choice) in choices.enumerated() { check(choice, type: leaf.type, path: "\(path).choices[\(i)]") }
            }
            return
        }
        guard let low = node["low"]?.number, let high = node["high"]?.number else {
            return report(node, path, "a range needs both 'low' and 'high'")
        }
        guard low < high else {
            return report(
                node["low"], join(path, "low"),
                "low \(NumberText.plain(low)) is not below high \(NumberText.plain(high)); a fixed value belongs in the scenario")
        }
        if let step = node["step"]?.number, step > high - low {
            report(
                node["step"], join(path, "step"),
                "step \(NumberText.plain(step)) is wider than the range \(NumberText.plain(low))–\(NumberText.plain(high))")
        }
        checkDecisionPath(target, node: node["path"], path: join(path, "path"), in: root) { leaf in
            UncertaintyPaths.outsideRange((low, high), of: leaf.type).map { "\(leaf.path) \($0)" }
        }
    }

    /// Resolves a decision's path and checks each value it names with `problem`.
    mutating func checkDecisionPath(
        _ target: String, node: JSONNode?, path: String, in root: JSONNode, scalars: Bool = false,
        problem: (UncertaintyPaths.Leaf) -> String?
    ) {
        switch UncertaintyPaths.leaves(of: target, in: root, scalars: scalars) {
        case .failure(let message): report(node, path, message.text)
        case .success(let leaves):
            for leaf in leaves {
                if let text = problem(leaf) { return report(node, path, text) }
            }
        }
    }
}
