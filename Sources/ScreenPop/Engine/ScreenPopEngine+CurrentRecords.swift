#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ContactIndex

/// The records an action hands the host, re-read from the directory when the action is given.
///
/// Why: a decision can be made long before the host sees it. With `screenPopEvent` CONNECTED the
/// decision made at the ring is held until the call connects, and an agent's selection pop lists
/// the records offered at the ring. The directory may change in between (a `PUT` renames a
/// record, a `DELETE` removes one), and the spec says that a contact removed or changed is never
/// returned in its old form. So, at the moment an action is given, each record it names is read
/// again by id: a changed one is given as it is now, a removed one is dropped.
///
/// A held pop whose record was removed is decided again on what remains, as an agent would
/// expect:
/// - other records were offered with it: `chooseAmong` them. They are not popped, even when one
///   is left: each was listed beside the popped record because it was not the confident match
///   (or the agent did not pick it), so opening it unasked would open a record nobody chose.
///   The softphone still lists them, and the agent's selection pops as usual.
/// - none is left: the new-record offer for the engagement's number or address, as if nothing
///   had matched.
/// A held `chooseAmong` lists the candidates that remain, as they are now; when none remains it
/// becomes the new-record offer.
extension ScreenPopEngine {
    /// A decision held for the connect, as it is given now (see above); nil when nothing is left
    /// to give (no record remains and the engagement has no number or address to offer).
    ///
    /// Updates the engagement to match: a removed popped record is no longer its chosen (or
    /// selected) record, and a choice it becomes awaits the agent's selection.
    /// - Complexity: one id look-up per record the action names.
    func releasing(_ held: HostAction, for record: inout EngagementRecord) -> HostAction? {
        switch held {
        case .pop(var pop):
            let id = pop.record.id
            let (current, alternatives) = directory.withDirectory { directory in
                (directory.snapshot(id: id), Self.currentItems(pop.alternatives, in: directory))
            }
            pop.alternatives = alternatives
            if let current {
                pop.record = current
                return .pop(pop)
            }
            if record.chosenContactID == id { record.chosenContactID = nil }
            if record.selectedContactID == id { record.selectedContactID = nil }
            guard !alternatives.isEmpty else {
                record.awaitingSelection = false
                return newRecordOffer(for: record)
            }
            record.awaitingSelection = true
            return .chooseAmong(ChoiceAction(engagementId: pop.engagementId ?? record.id, offered: PackedContactItems(alternatives), rememberedID: nil))
        case .chooseAmong(var choice):
            let candidates = directory.withDirectory { Self.currentItems(choice.candidates, in: $0) }
            guard !candidates.isEmpty else {
                record.awaitingSelection = false
                return newRecordOffer(for: record)
            }
            choice.candidates = candidates
            if let remembered = choice.rememberedID, !candidates.contains(where: { $0.id == remembered }) { choice.rememberedID = nil }
            return .chooseAmong(choice)
        default:
            return held
        }
    }

    /// The items as the directory holds their records now, in the same order: a changed record
    /// is rebuilt (`ContactItem.current(_:)`), a removed one is left out.
    /// - Complexity: one id look-up and one record rebuilt per item.
    func currentItems(_ items: [ContactItem]) -> [ContactItem] {
        guard !items.isEmpty else { return items }
        return directory.withDirectory { Self.currentItems(items, in: $0) }
    }

    static func currentItems(_ items: [ContactItem], in directory: borrowing ContactDirectory) -> [ContactItem] {
        items.compactMap { item in directory.contact(id: item.id).map { item.current($0) } }
    }

    /// The new-record offer for the number or address the engagement was offered records for.
    private func newRecordOffer(for record: EngagementRecord) -> HostAction? {
        if case .email = record.choiceKey, let email = record.customerEmail {
            return .offerNewRecord(NewRecordOffer(engagementId: record.id, channel: record.channel ?? .chat, email: email))
        }
        if let phone = record.customerPhone {
            return newRecordOffer(phone: phone, engagementId: record.id, channel: record.channel ?? .voice)
        }
        if let email = record.customerEmail {
            return .offerNewRecord(NewRecordOffer(engagementId: record.id, channel: record.channel ?? .chat, email: email))
        }
        return nil
    }
}

extension ContactItem {
    /// This item for its record as it is now (`contact`, the same id): the name and entity are
    /// the record's; the phone and email that matched are kept while the record still has
    /// them, else they are its first ones, as `init(contact:)` gives them.
    func current(_ contact: Contact) -> ContactItem {
        let phones = contact.phones.lazy.map(\.displayText)
        let emails = contact.emails.lazy.map(\.displayText)
        return ContactItem(
            id: contact.id, name: Self.name(of: contact),
            phone: phone.flatMap { phones.contains($0) ? $0 : nil } ?? phones.first,
            email: email.flatMap { emails.contains($0) ? $0 : nil } ?? emails.first,
            entity: contact.entity.rawValue)
    }
}
