/// What the engine does when several records match confidently (a shared number or address).
public enum ChoicePolicy: Sendable, Hashable, Codable {
    /// Always let the agent choose; a remembered record comes first in the list.
    case ask
    /// Pop the record the agent chose last time for this number or address, when it still
    /// matches and has not changed; the others stay listed. Without one, ask.
    case remember
    /// Pop the record a rule picks; ask when the rule cannot decide.
    case automatic(ConflictResolution)
}

/// A rule that picks one of several confident matches.
public enum ConflictResolution: String, Sendable, Hashable, Codable, CaseIterable {
    /// The candidate an agent chose most recently, for any number or address.
    case mostRecentlyChosen = "most-recently-chosen"
    /// The candidate the CRM updated last (`Contact.updatedAt`); a tie or a missing date asks.
    case mostRecentlyUpdated = "most-recently-updated"
    /// The candidate the CRM created first (`Contact.createdAt`); a tie or a missing date asks.
    case earliestCreated = "earliest-created"
}
