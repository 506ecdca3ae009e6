/// A parsed JSON or JSON5 value that remembers where each piece came from.
///
/// Objects keep their members in source order and keep duplicate keys, because a scope
/// listed twice is a finding (`conflicting-scope`), not something a parser may drop.
package struct JSONNode: Sendable {
    package var value: JSONValue
    package var position: TextPosition

    package init(_ value: JSONValue, at position: TextPosition) {
        self.value = value
        self.position = position
    }
}

package struct JSONMember: Sendable {
    package var key: String
    package var keyPosition: TextPosition
    package var value: JSONNode
}

package enum JSONValue: Sendable {
    case null
    case bool(Bool)
    /// Kept as written: no caller needs arithmetic, and the text is what errors describe.
    case number(String)
    case string(String)
    case array([JSONNode])
    case object([JSONMember])

    /// What a message calls this kind of value ("a string", "an object"...).
    package var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

extension JSONNode {
    package var stringValue: String? {
        if case .string(let text) = value { return text }
        return nil
    }

    package var members: [JSONMember]? {
        if case .object(let members) = value { return members }
        return nil
    }

    package var elements: [JSONNode]? {
        if case .array(let elements) = value { return elements }
        return nil
    }
}
