/// `zcc-contact-search-event`: the softphone asks the host to resolve a phone number, email or
/// name typed by the agent, or one of an existing engagement.
public struct ContactSearchEvent: Sendable, Hashable, Codable {
    /// The text to search: a phone number, name, email…
    public var query: String

    /// Creates the event.
    public init(query: String) { self.query = query }

    private enum CodingKeys: String, CodingKey { case query }

    /// Decodes the event; a numeric query (a phone number typed as a number) is read as text.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        query = try container.decodeLoose(String.self, forKey: .query)
    }
}

/// `zcc-contact-search-response`: the ranked records for a search.
///
/// The document shows `data` as a single object; our design answers with an array everywhere.
/// `singleObject` selects the document's form (the best item only, or `{}` when none); decoding
/// accepts both.
public struct ContactSearchResponse: Sendable, Hashable, Codable {
    /// The ranked records.
    public var items: [ContactItem]
    /// Whether `data` is written as one object instead of an array.
    public var singleObject: Bool

    /// Creates the response.
    public init(items: [ContactItem], singleObject: Bool = false) {
        self.items = items
        self.singleObject = singleObject
    }

    /// Decodes `data` as an array, or as one object (empty object: no record).
    public init(from decoder: any Decoder) throws {
        if var unkeyed = try? decoder.unkeyedContainer() {
            var items: [ContactItem] = []
            while !unkeyed.isAtEnd { items.append(try unkeyed.decode(ContactItem.self)) }
            self.init(items: items)
        } else {
            let object = try decoder.container(keyedBy: AnyKey.self)
            self.init(items: object.allKeys.isEmpty ? [] : [try ContactItem(from: decoder)], singleObject: true)
        }
    }

    /// Encodes `data` as an array, or as the first item (`{}` when none) in the single-object form.
    public func encode(to encoder: any Encoder) throws {
        if singleObject {
            if let first = items.first { try first.encode(to: encoder) } else { _ = encoder.container(keyedBy: AnyKey.self) }
        } else {
            try items.encode(to: encoder)
        }
    }
}
