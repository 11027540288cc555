/// What the engine does when several records match confidently (a shared number or address).
///
/// Whatever the policy, a single confident match pops, no match offers a new record, and
/// matches that are only hints (`sameNationalNumber`) are listed for the agent, never popped.
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
    /// The candidate an agent chose most recently, for any number or address. Candidates never
    /// chosen (within the memory's age limit) rank below every chosen one; when none was ever
    /// chosen, or the latest choice time is shared, the agent is asked.
    case mostRecentlyChosen = "most-recently-chosen"
    /// The candidate the CRM updated last (`Contact.updatedAt`). A tie asks, and so does a
    /// candidate without the date (it cannot be compared).
    case mostRecentlyUpdated = "most-recently-updated"
    /// The candidate the CRM created first (`Contact.createdAt`). A tie asks, and so does a
    /// candidate without the date (it cannot be compared).
    case earliestCreated = "earliest-created"
}
