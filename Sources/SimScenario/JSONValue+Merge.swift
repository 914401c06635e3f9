extension JSONNode {
    /// This tree with `overlay` laid over it: objects merge key by key (a `null` in the overlay
    /// removes the key), anything else in the overlay replaces the base value. Keys keep the base's
    /// order, then the overlay's new keys in its order.
    public func merged(with overlay: JSONNode) -> JSONNode {
        guard let baseMembers = members, let overlayMembers = overlay.members else { return overlay }
        var result: [(key: String, value: JSONNode)] = []
        for member in baseMembers {
            if let replacement = overlayMembers.last(where: { $0.key == member.key }) {
                if replacement.value.value == .null { continue }
                result.append((member.key, member.value.merged(with: replacement.value)))
            } else {
                result.append(member)
            }
        }
        for member in overlayMembers where !baseMembers.contains(where: { $0.key == member.key }) && member.value.value != .null {
            result.append(member)
        }
        return JSONNode(.object(result), at: overlay.location ?? location)
    }

    /// Sets the value at a dotted path (`regions.sorong.budget.rupiahPerYear`, `shocks[0].share`),
    /// creating objects on the way. Returns a message when the path cannot be followed.
    mutating func set(path segments: ArraySlice<PathSegment>, to newValue: JSONNode) -> String? {
        guard let segment = segments.first else {
            self = newValue
            return nil
        }
        switch segment {
        case .key(let key):
            var members = self.members ?? []
            if self.members == nil && value != .null { return "'\(key)' is inside \(value.typeName), not an object" }
            if let index = members.firstIndex(where: { $0.key == key }) {
                var child = members[index].value
                if let problem = child.set(path: segments.dropFirst(), to: newValue) { return problem }
                members[index].value = child
            } else {
                var child = JSONNode(.null)
                if let problem = child.set(path: segments.dropFirst(), to: newValue) { return problem }
                members.append((key, child))
            }
            value = .object(members)
        case .index(let position):
            guard var elements = self.elements else { return "[\(position)] applies to an array, found \(value.typeName)" }
            guard elements.indices.contains(position) else { return "index \(position) is outside the array of \(elements.count)" }
            if let problem = elements[position].set(path: segments.dropFirst(), to: newValue) { return problem }
            value = .array(elements)
        }
        return nil
    }
}

/// One step of a `--set` path.
enum PathSegment: Equatable {
    case key(String)
    case index(Int)

    /// Splits `a.b[2].c` into keys and indices; `nil` when malformed.
    static func parse(_ path: String) -> [PathSegment]? {
        var segments: [PathSegment] = []
        for part in path.split(separator: ".", omittingEmptySubsequences: false) {
            var rest = Substring(part)
            guard let bracket = rest.firstIndex(of: "[") else {
                guard !rest.isEmpty else { return nil }
                segments.append(.key(String(rest)))
                continue
            }
            let key = rest[..<bracket]
            guard !key.isEmpty else { return nil }
            segments.append(.key(String(key)))
            rest = rest[bracket...]
            while !rest.isEmpty {
                guard rest.first == "[", let close = rest.firstIndex(of: "]"),
                    let index = Int(rest[rest.index(after: rest.startIndex)..<close]), index >= 0
                else { return nil }
                segments.append(.index(index))
                rest = rest[rest.index(after: close)...]
            }
        }
        return segments.isEmpty ? nil : segments
    }
}

/// A command-line override `PATH=VALUE`; VALUE is JSON when it parses as JSON, else a string.
public struct Override: Sendable, Equatable {
    /// The most parts a path may have (`a.b[2].c` has four): deeper than any scenario key, and a
    /// bound on the recursion that follows it.
    public static let maximumSegments = 64

    public var path: String
    public var value: JSONNode
    /// VALUE as written, for messages.
    public var text: String
    /// Made by an uncertainty draw or a grid point, not written by the user.
    public var isGenerated = false

    /// Parses `PATH=VALUE`; `nil` when there is no `=` or the path is malformed.
    public init?(_ text: String) {
        guard let equals = text.firstIndex(of: "=") else { return nil }
        path = String(text[..<equals])
        guard let segments = PathSegment.parse(path), segments.count <= Self.maximumSegments else { return nil }
        let raw = String(text[text.index(after: equals)...])
        self.text = raw
        value = (try? JSONParser.parse(raw, file: "--set")) ?? JSONNode(.string(raw))
        value = value.withoutLocations()
    }
}

extension JSONNode {
    /// The same tree with every location removed (values given on the command line).
    func withoutLocations() -> JSONNode {
        switch value {
        case .array(let elements): return JSONNode(.array(elements.map { $0.withoutLocations() }))
        case .object(let members): return JSONNode(.object(members.map { ($0.key, $0.value.withoutLocations()) }))
        default: return JSONNode(value)
        }
    }

    /// The tree with every omitted key given its default from the format, in the format's key order.
    func fillingDefaults(_ fields: [Field]) -> JSONNode {
        var result: [(key: String, value: JSONNode)] = []
        for field in fields {
            if let present = self[field.name], present.value != .null {
                if case .table(.mode, _) = field.type, let defaults = field.defaultValue {
                    result.append((field.name, JSONNode(defaults).merged(with: present).filling(field.type)))
                } else {
                    result.append((field.name, present.filling(field.type)))
                }
            } else if let defaults = field.defaultValue {
                result.append((field.name, JSONNode(defaults).filling(field.type)))
            }
        }
        return JSONNode(.object(result), at: location)
    }

    func filling(_ type: FieldType) -> JSONNode {
        switch type {
        case .record(let fields): return fillingDefaults(fields)
        case .table(_, let element):
            return JSONNode(.object((members ?? []).map { ($0.key, $0.value.filling(element)) }), at: location)
        case .list(let element, _):
            return JSONNode(.array((elements ?? []).map { $0.filling(element) }), at: location)
        default: return self
        }
    }
}

extension JSONNode {
    /// This object with every override's value set at its path (objects made on the way): how
    /// a chosen plan becomes the body of a scenario that `extends` another.
    public func setting(_ overrides: [Override]) -> JSONNode {
        var tree = self
        for override in overrides {
            guard let segments = PathSegment.parse(override.path) else { continue }
            _ = tree.set(path: segments[...], to: override.value)
        }
        return tree
    }
}
