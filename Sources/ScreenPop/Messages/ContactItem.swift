import ContactIndex

/// One record as the softphone shows it: `{id, name, phone, email, entity}`. The same shape is
/// in the incomingPhone / incomingEmail / contact-search responses and in a call log's `user`.
public struct ContactItem: Sendable, Hashable, Codable {
    /// The host's record id.
    public var id: String
    /// The name shown to the agent.
    public var name: String?
    /// The phone number (the one that matched, when the item answers a phone look-up).
    public var phone: String?
    /// The email address (the one that matched, when the item answers an email look-up).
    public var email: String?
    /// The kind of record ("contact", "lead").
    public var entity: String?

    /// Creates an item.
    public init(id: String, name: String? = nil, phone: String? = nil, email: String? = nil, entity: String? = nil) {
        self.id = id
        self.name = name
        self.phone = phone
        self.email = email
        self.entity = entity
    }

    /// The item for a match: the phone and email that matched, else the contact's first ones.
    ///
    /// Performance: this runs once per listed record on the hot path, so it reads the few
    /// fields it needs through optional chains instead of copying the contact, its phones and
    /// emails (each copy retains and releases every string they hold).
    public init(match: Match) {
        self.init(
            id: match.contact.id,
            name: Self.name(of: match.contact),
            phone: match.matchedPhone?.displayText ?? match.contact.phones.first?.displayText,
            email: match.matchedEmail?.displayText ?? match.contact.emails.first?.displayText,
            entity: match.contact.entity.rawValue)
    }

    /// The item for a summary (`ContactDirectory.lookupSummaries`): what `init(match:)` gives
    /// for the same match, read without rebuilding the contact.
    public init(summary: MatchSummary) {
        self.init(id: summary.id, name: summary.name, phone: summary.phone, email: summary.email, entity: summary.entity.rawValue)
    }

    /// The item for a contact: its first phone and email.
    public init(contact: Contact) {
        self.init(
            id: contact.id, name: Self.name(of: contact), phone: contact.phones.first?.displayText,
            email: contact.emails.first?.displayText, entity: contact.entity.rawValue)
    }

    /// `Contact.name` (the display name, else first and last name joined by a space, else the
    /// company, else the id), made without the intermediate array that `Contact.name` builds:
    /// this runs once per listed record on the hot path. A test checks it equals `Contact.name`.
    static func name(of contact: Contact) -> String {
        if let display = contact.displayName, !display.isEmpty { return display }
        let first = contact.firstName.flatMap { $0.isEmpty ? nil : $0 }
        let last = contact.lastName.flatMap { $0.isEmpty ? nil : $0 }
        switch (first, last) {
        case (let first?, let last?): return first + " " + last
        case (let first?, nil): return first
        case (nil, let last?): return last
        case (nil, nil):
            if let company = contact.company, !company.isEmpty { return company }
            return contact.id
        }
    }

    private enum CodingKeys: String, CodingKey { case id, name, phone, email, entity }

    /// Decodes an item; the id may be a string or a number.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeLoose(String.self, forKey: .id)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        phone = try container.decodeLooseIfPresent(String.self, forKey: .phone)
        email = try container.decodeIfPresent(String.self, forKey: .email)
        entity = try container.decodeIfPresent(String.self, forKey: .entity)
    }

    /// Encodes all five keys, absent values as `null` (the shape the softphone documents).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(phone, forKey: .phone)
        try container.encode(email, forKey: .email)
        try container.encode(entity, forKey: .entity)
    }
}
