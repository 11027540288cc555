import ContactIndex
import Foundation
@testable import ScreenPop

/// Test support, not a test: a small directory for the engine's tests (three records share
/// +1 650 555 1234), the engine made on it, and helpers the suites assert with.
enum TestDirectory {
    static let shared = "+16505551234"

    static func contacts() -> [Contact] {
        [
            Contact(
                id: "C-JOHN", firstName: "John", lastName: "Smith", phones: [ContactPhone("(650) 555-1234")], emails: [ContactEmail("john@example.com")],
                createdAt: Date(timeIntervalSince1970: 1_000), updatedAt: Date(timeIntervalSince1970: 5_000)),
            Contact(
                id: "C-MARY", firstName: "Mary", lastName: "Smith", phones: [ContactPhone("+1 650 555 1234"), ContactPhone("+1 650 555 0142")],
                emails: [ContactEmail("mary@example.com")],
                createdAt: Date(timeIntervalSince1970: 2_000), updatedAt: Date(timeIntervalSince1970: 9_000)),
            Contact(
                id: "L-JOHN", firstName: "John", lastName: "Smith", phones: [ContactPhone("650-555-1234")], emails: [ContactEmail("jsmith@acme.example")],
                entity: .lead, createdAt: Date(timeIntervalSince1970: 500), updatedAt: Date(timeIntervalSince1970: 7_000)),
            Contact(id: "C-HANS", firstName: "Hans", lastName: "Müller", phones: [ContactPhone("030 1234567")], emails: [ContactEmail("hans@müller.de")], region: "DE"),
        ]
    }

    static func directory() -> ContactDirectory { ContactDirectory(contacts()) }

    static func engine(
        _ directory: some DirectoryReading = directory(), policy: ChoicePolicy = .remember, event: ScreenPopEvent = .ringing,
        clock: EngineClock = .system, engagementCapacity: Int = 100
    ) -> ScreenPopEngine {
        ScreenPopEngine(
            directory: directory,
            configuration: ScreenPopConfiguration(
                screenPopEvent: event, choicePolicy: policy, engagementCapacity: engagementCapacity, engagementTimeToLive: 3600, clock: clock))
    }
}

extension ScreenPopEngine {
    /// Handles a message that must not fail.
    func must(_ message: SoftphoneMessage) throws -> ScreenPopOutcome { try handle(message) }

    func incoming(_ number: String, _ engagement: String, channel: EngagementChannel = .voice) throws -> ScreenPopOutcome {
        try handle(.incomingPhoneRequest(IncomingPhoneRequest(incomingPhoneNumber: number, engagementId: engagement, channel: channel)))
    }

    func select(_ id: String) throws -> ScreenPopOutcome { try handle(.screenPop(ScreenPopSelection(id: id))) }
}

extension HostAction {
    var pop: PopAction? {
        if case .pop(let action) = self { return action }
        return nil
    }

    var choice: ChoiceAction? {
        if case .chooseAmong(let action) = self { return action }
        return nil
    }

    var offer: NewRecordOffer? {
        if case .offerNewRecord(let action) = self { return action }
        return nil
    }

    var log: EngagementLog? {
        if case .logEngagement(let action) = self { return action }
        return nil
    }
}

extension ScreenPopOutcome {
    var items: [ContactItem] {
        switch reply {
        case .incomingPhoneResponse(let response)?, .incomingEmailResponse(let response)?: response.items
        case .contactSearchResponse(let response)?: response.items
        default: []
        }
    }
}
