import ContactIndex
import Foundation
import Testing
@testable import ScreenPop

/// `onclicktoact` built from a record: the number to dial, and a typed refusal when there is none.
@Suite struct ClickToActTests {
    static let directory = ContactDirectory([
        Contact(
            id: "0035g00000AbCdF", firstName: "Mary", lastName: "Smith",
            phones: [ContactPhone("(650) 555-1234", label: "phone"), ContactPhone("+1 650 555 0142", label: "mobile")],
            emails: [ContactEmail("Mary.Smith+crm@GoogleMail.com")]),
        Contact(id: "NO-PHONE", firstName: "Nora", lastName: "Phoneless", emails: [ContactEmail("nora@example.com")], entity: .lead),
        Contact(id: "BAD-PHONE", firstName: "Robert", lastName: "Smith-Jones", phones: [ContactPhone("call me maybe")]),
        Contact(id: "EXT", firstName: "Ed", lastName: "Extension", phones: [ContactPhone("650.555.0199 x12")]),
    ], configuration: DirectoryConfiguration(defaultRegion: "US"))

    static func contact(_ id: String) throws -> Contact { try #require(directory.contact(id: id)) }

    @Test func theGoldenMessageIsBuiltFromTheRecord() throws {
        let mary = try Self.contact("0035g00000AbCdF")
        let message = HostMessage.clickToAct(try ClickToAct(contact: mary, phone: mary.phones[1]))
        #expect(try Golden.value(ScreenPopEngine.encode(message)) == (try Golden.value(try Golden.bytes("onclicktoact"))))
    }

    @Test func theFirstNumberIsDialedInE164() throws {
        let command = try ClickToAct(contact: try Self.contact("0035g00000AbCdF"))
        #expect(command.phone == "+16505551234")
        #expect(command.id == "0035g00000AbCdF")
        #expect(command.name == "Mary Smith")
        #expect(command.email == "Mary.Smith+crm@GoogleMail.com")
        #expect(command.userEntity == "contact")
    }

    @Test func anExtensionIsNotDialed() throws {
        #expect(try ClickToAct(contact: try Self.contact("EXT")).phone == "+16505550199")
    }

    @Test(arguments: [("NO-PHONE", "it has no phone number"), ("BAD-PHONE", "none of its numbers can be dialed")])
    func aVoiceCallToARecordWithoutANumberIsRefused(id: String, why: String) throws {
        let contact = try Self.contact(id)
        let error = try #require(throws: ScreenPopError.self) { try ClickToAct(contact: contact) }
        #expect(error.code == .cannotDial)
        #expect(error.field == "data.phone")
        #expect(error.messageType == "onclicktoact")
        #expect(error.message.contains(id))
        #expect(error.message.contains(why))
        #expect(throws: ScreenPopError.self) { try ClickToAct(contact: contact, channel: .sms) }
    }

    @Test func aChatNeedsNoNumber() throws {
        let command = try ClickToAct(contact: try Self.contact("NO-PHONE"), channel: .chat)
        #expect(command.phone == nil)
        #expect(command.email == "nora@example.com")
        #expect(command.userEntity == "lead")
        // No phone key at all in the JSON (the softphone reads its absence).
        let json = try Golden.value(ScreenPopEngine.encode(.clickToAct(command)))
        #expect(json["data"]?["phone"] == nil)
    }

    @Test func aRecordBuiltByHandIsDialedAsWritten() throws {
        let contact = Contact(id: "H", firstName: "Hand", phones: [ContactPhone(" 650-555-0100 ")])
        #expect(try ClickToAct(contact: contact).phone == "650-555-0100")
    }

    @Test func theEngineBuildsItByID() throws {
        let engine = TestDirectory.engine(Self.directory)
        guard case .clickToAct(let command) = try engine.clickToAct(id: "0035g00000AbCdF") else {
            Issue.record("expected onclicktoact")
            return
        }
        #expect(command.phone == "+16505551234")
        let unknown = try #require(throws: ScreenPopError.self) { try engine.clickToAct(id: "NOPE") }
        #expect(unknown.code == .unknownContact)
        #expect(unknown.field == "data.id")
        let refused = try #require(throws: ScreenPopError.self) { try engine.clickToAct(id: "NO-PHONE") }
        #expect(refused.field == "data.phone")
    }
}
