#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ContactIndex

/// What a choice is remembered under: the number (E.164) or the normalized address.
enum ChoiceKey: TableKey {
    case phone(String)
    case email(String)
}

/// The agents' past choices among several records: by number or address, and by record (when
/// each record was last chosen). Bounded in count and age.
///
/// A choice keeps the record's id and revision (`ContactDirectory.revision(id:)`) as they were when
/// chosen; a record that changed since (or was removed, or no longer matches) is never popped
/// from memory.
struct ChoiceMemory: Sendable {
    struct Choice: Sendable, Hashable {
        var contactID: String
        var revision: UInt64
        var chosenAt: Date
    }

    private var byKey: BoundedTable<ChoiceKey, Choice>
    private var byContact: BoundedTable<String, Date>

    init(capacity: Int, maximumAge: TimeInterval) {
        byKey = BoundedTable(capacity: capacity, maximumAge: maximumAge)
        byContact = BoundedTable(capacity: capacity, maximumAge: maximumAge)
    }

    var count: Int { byKey.count }

    /// Remembers that the agent chose the record `contactID`, at `revision`, for `key`.
    mutating func remember(_ contactID: String, revision: UInt64, for key: ChoiceKey?, now: Date) {
        if let key { byKey.set(key, Choice(contactID: contactID, revision: revision, chosenAt: now), now: now) }
        byContact.set(contactID, now, now: now)
    }

    /// The remembered choice for `key`, when it is not too old.
    func choice(for key: ChoiceKey, now: Date) -> Choice? {
        byKey.value(for: key, now: now)
    }

    /// When `contactID` was last chosen, for any key.
    func lastChosen(_ contactID: String, now: Date) -> Date? {
        byContact.value(for: contactID, now: now)
    }

    /// Forgets the choice for `key` (its record changed or is gone).
    mutating func forget(_ key: ChoiceKey) { byKey.remove(key) }
}
