import SimWorkforce

extension MetricDefinition {
    /// The definition as files that carry results write it (shard and sensitivity-shard
    /// manifests): its key as words (``MetricKey/parts``), unit, description, names, summary and
    /// direction.
    public var json: JSONNode {
        func text(_ s: String) -> JSONNode { JSONNode(.string(s)) }
        return JSONNode(
            .object([
                ("key", JSONNode(.array(key.parts.map(text)))), ("unit", text(unit)), ("description", text(description)),
                ("label", JSONNode(label)), ("summary", text(summary.id)),
                ("higherIsBetter", JSONNode(higherIsBetter.map { JSONValue.bool($0) } ?? .null)),
            ]))
    }

    /// Reads a definition written by ``json``; `nil` when its key or summary is not one this build knows.
    public init?(json node: JSONNode) {
        guard let key = MetricKey(parts: node["key"]?.elements?.compactMap(\.string) ?? []),
            let summary = HorizonSummary(id: node["summary"]?.string ?? "")
        else { return nil }
        self.init(
            key, node["unit"]?.string ?? "", node["description"]?.string ?? "",
            label: node["label"]?.localizedText ?? LocalizedText(key.id),
            summary: summary, higherIsBetter: node["higherIsBetter"]?.bool)
    }
}
