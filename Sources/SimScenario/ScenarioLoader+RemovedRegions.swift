import Foundation

// What a what-if that removes a region takes with it from the files it extends.

extension ScenarioLoader {
    /// The regions a file or one of its bases removes with `"regions": { "<id>": null }`.
    static func removedRegions(_ path: String, chain: [String]) -> Set<String> {
        guard chain.count < 16, let node = try? parse(path) else { return [] }
        var removed: Set<String> = []
        if let base = node["extends"]?.string { removed = removedRegions(resolve(base, from: path), chain: chain + [path]) }
        for member in node["regions"]?.members ?? [] where member.value.value == .null { removed.insert(member.key) }
        return removed
    }

    /// A region removed by a what-if takes with it what its base says about that region: its
    /// `uncertainty` entries, `optimise` decisions, objective terms and constraints on it, and
    /// programmes' earmarks for it.
    /// Returns one note per region and block, for stderr.
    static func dropInherited(forRemovedRegions removed: Set<String>, in tree: inout JSONNode, file path: String) -> [String] {
        let gone = removed.filter { tree["regions"]?[$0] == nil }
        guard !gone.isEmpty else { return [] }
        let mine = URL(fileURLWithPath: path).lastPathComponent
        func names(_ text: String) -> String? {
            gone.sorted().first { text == "regions.\($0)" || text.hasPrefix("regions.\($0).") || text.hasPrefix("regions.\($0)[") }
        }
        var dropped: [(region: String, block: String, entry: String)] = []
        if case .object(let members)? = tree["uncertainty"]?.value {
            let kept = members.filter { member in
                guard let region = names(member.key) else { return true }
                dropped.append((region, "uncertainty", member.key))
                return false
            }
            _ = tree.set(path: [.key("uncertainty")], to: JSONNode(.object(kept), at: tree["uncertainty"]?.location))
        }
        if var optimise = tree["optimise"], case .object = optimise.value {
            for list in ["decisions", "maximise", "minimise", "constraints"] {
                guard let elements = optimise[list]?.elements else { continue }
                let kept = elements.filter { element in
                    let paths = ([element["path"]?.string] + (element["split"]?.elements?.map(\.string) ?? [])).compactMap { $0 }
                    let region = element["region"]?.string.flatMap { gone.contains($0) ? $0 : nil } ?? paths.lazy.compactMap(names).first
                    guard let region else { return true }
                    dropped.append((region, "optimise.\(list)", element["path"]?.string ?? element["metric"]?.string ?? list))
                    return false
                }
                _ = optimise.set(path: [.key(list)], to: JSONNode(.array(kept), at: optimise[list]?.location))
            }
            _ = tree.set(path: [.key("optimise")], to: optimise)
        }
        if case .object(let programmes)? = tree["programmes"]?.value {
            for programme in programmes {
                guard case .object(let earmarks)? = programme.value["budgetRupiahPerYear"]?.value else { continue }
                let kept = earmarks.filter { earmark in
                    guard gone.contains(earmark.key) else { return true }
                    dropped.append((earmark.key, "programmes", "programmes.\(programme.key).budgetRupiahPerYear.\(earmark.key)"))
                    return false
                }
                guard kept.count < earmarks.count else { continue }
                let at = programme.value["budgetRupiahPerYear"]?.location
                _ = tree.set(
                    path: [.key("programmes"), .key(programme.key), .key("budgetRupiahPerYear")], to: JSONNode(.object(kept), at: at))
            }
        }
        var notes: [String] = []
        for region in gone.sorted() {
            for block in [
                "uncertainty", "optimise.decisions", "optimise.maximise", "optimise.minimise", "optimise.constraints", "programmes",
            ] {
                let entries = dropped.filter { $0.region == region && $0.block == block }.map(\.entry)
                guard !entries.isEmpty else { continue }
                notes.append(
                    "\(mine): removes region '\(region)', so \(entries.count) inherited \(block) entr\(entries.count == 1 ? "y" : "ies") on it \(entries.count == 1 ? "is" : "are") dropped too (\(entries.joined(separator: ", ")))"
                )
            }
        }
        return notes
    }
}
