#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One ranked answer read straight from the stored record, without rebuilding its `Contact`:
/// what a list of candidates shows (`id`, `name`, the phone and email, `entity`) and what a
/// screen-pop decision weighs (score, reason, dates). Whether a record changed since it was
/// seen is `ContactDirectory.revision(id:)`.
///
/// Reading a summary costs a few small strings; rebuilding a contact costs one string per field,
/// phone and email, and its attributes. Screen-pop answers list up to ten records per incoming
/// call and open at most one, so they read summaries (`ContactDirectory.lookupSummaries`) and
/// rebuild only the record they open.
public struct MatchSummary: Sendable, Hashable {
    /// The contact's id.
    public var id: String
    /// `Contact.name`: the display name, else first and last name, else the company, else the id.
    public var name: String
    /// The phone that matched as shown (`displayText`), else the contact's first phone; nil
    /// when the contact has none.
    public var phone: String?
    /// The email that matched, as written without a display name or `mailto:` (`ContactEmail.displayText`), else the contact's first email; nil when it has none.
    public var email: String?
    /// The kind of record.
    public var entity: ContactEntity
    /// The score in [0, 1]; see `MatchReason` for the scale.
    public var score: Double
    /// Why it matched.
    public var reason: MatchReason
    /// When the record was created in the host, when known.
    public var createdAt: Date?
    /// When the record was last updated in the host, when known.
    public var updatedAt: Date?

    /// Creates a summary.
    public init(
        id: String, name: String, phone: String? = nil, email: String? = nil, entity: ContactEntity = .contact,
        score: Double, reason: MatchReason, createdAt: Date? = nil, updatedAt: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.phone = phone
        self.email = email
        self.entity = entity
        self.score = score
        self.reason = reason
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

extension MatchSummary {
    /// The summary of a match: the matched phone (`displayText`) and email, else the contact's
    /// first ones; what `ContactDirectory.lookupSummaries` and `searchSummaries` read from the
    /// record.
    public init(_ match: Match) {
        self.init(
            id: match.contact.id, name: match.contact.name,
            phone: (match.matchedPhone ?? match.contact.phones.first)?.displayText,
            email: (match.matchedEmail ?? match.contact.emails.first)?.displayText,
            entity: match.contact.entity, score: match.score, reason: match.reason,
            createdAt: match.contact.createdAt, updatedAt: match.contact.updatedAt)
    }
}
