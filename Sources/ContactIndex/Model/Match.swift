/// One ranked answer to a look-up: the contact, a score in [0, 1], why it matched, and which of
/// its phones or emails matched.
public struct Match: Sendable, Hashable, Codable {
    /// The matching contact, as stored (phones and emails normalized).
    public var contact: Contact
    /// The score in [0, 1]; see `MatchReason` for the scale.
    public var score: Double
    /// Why it matched.
    public var reason: MatchReason
    /// The phone that matched, for phone look-ups.
    public var matchedPhone: ContactPhone?
    /// The email that matched, for email look-ups.
    public var matchedEmail: ContactEmail?

    /// Creates a match.
    public init(contact: Contact, score: Double, reason: MatchReason, matchedPhone: ContactPhone? = nil, matchedEmail: ContactEmail? = nil) {
        self.contact = contact
        self.score = score
        self.reason = reason
        self.matchedPhone = matchedPhone
        self.matchedEmail = matchedEmail
    }
}
