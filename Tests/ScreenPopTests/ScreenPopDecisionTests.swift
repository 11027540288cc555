import ContactIndex
import Foundation
import Testing
@testable import ScreenPop

/// The screen-pop decision: one confident match pops, several ask, none offers a new record.
@Suite struct ScreenPopDecisionTests {
    @Test func oneMatchPops() throws {
        let engine = TestDirectory.engine()
        let outcome = try engine.incoming("+16505550142", "E1")
        #expect(outcome.items.map(\.id) == ["C-MARY"])
        #expect(outcome.items.first?.phone == "+16505550142")  // the phone that matched
        let pop = try #require(outcome.actions.first?.pop)
        #expect(pop.contact.id == "C-MARY")
        #expect(pop.engagementId == "E1")
        #expect(pop.reason == .singleMatch)
        #expect(engine.engagement("E1")?.chosenContactID == "C-MARY")
    }

    @Test func severalMatchesAskTheAgent() throws {
        let engine = TestDirectory.engine()
        let outcome = try engine.incoming(TestDirectory.shared, "E1")
        #expect(outcome.items.map(\.id) == ["C-JOHN", "C-MARY", "L-JOHN"])
        let choice = try #require(outcome.actions.first?.choice)
        #expect(choice.candidates.map(\.id) == ["C-JOHN", "C-MARY", "L-JOHN"])
        #expect(choice.rememberedID == nil)
        #expect(engine.engagement("E1")?.awaitingSelection == true)
    }

    @Test func noMatchOffersANewRecordWithRegionAndType() throws {
        let engine = TestDirectory.engine()
        let outcome = try engine.incoming("+442079460958", "E1")
        #expect(outcome.items.isEmpty)
        #expect(ScreenPopEngine.encode(outcome.reply!) == Array(#"{"type":"zcc-incomingPhone-response","data":[]}"#.utf8))
        let offer = try #require(outcome.actions.first?.offer)
        #expect(offer.phone == "+442079460958")
        #expect(offer.region == "GB")
        #expect(offer.numberType == .fixedLine)
        #expect(offer.numberIsValid == true)
        #expect(offer.channel == .voice)
    }

    /// The prefill of a new record is what libphonenumber knows, and no more (`NewRecordOffer+Phone`).
    @Test(arguments: [
        // An invalid national number: as received, no region (US is only the default region).
        ("020 7946 0018", "020 7946 0018", nil, false),
        // An invalid number under a shared calling code: as received, the code's main region.
        ("+447700900999", "+447700900999", "GB", false),
        ("+1 555 0100", "+1 555 0100", "US", false),
        // A non-geographic number: no region, never "001".
        ("+800 1234 5678", "+80012345678", nil, true),
        // A valid national number: E.164 and its own region.
        ("(650) 253-0000", "+16502530000", "US", true),
        ("+33 1 42 68 53 00", "+33142685300", "FR", true),
    ] as [(String, String, String?, Bool)])
    func aNewRecordOfferIsHonestAboutTheNumber(received: String, phone: String, region: String?, valid: Bool) throws {
        let engine = ScreenPopEngine(directory: TestDirectory.directory(), configuration: ScreenPopConfiguration(region: "US"))
        let outcome = try engine.incoming(received, "E1")
        let offer = try #require(outcome.actions.first?.offer)
        #expect(offer.phone == phone)
        #expect(offer.region == region)
        #expect(offer.numberIsValid == valid)
    }

    @Test func aTextThatIsNoNumberIsOfferedAsReceived() throws {
        let engine = ScreenPopEngine(directory: TestDirectory.directory(), configuration: ScreenPopConfiguration(region: "US"))
        let offer = try #require(try engine.incoming("anonymous", "E1").actions.first?.offer)
        #expect(offer.phone == "anonymous")
        #expect(offer.region == nil)
        #expect(offer.numberIsValid == nil)
    }

    @Test func noEmailMatchOffersTheAddress() throws {
        let engine = TestDirectory.engine()
        let outcome = try engine.handle(.incomingEmailRequest(IncomingEmailRequest(email: "new@example.org", engagementId: "C1", channel: .video)))
        #expect(outcome.items.isEmpty)
        let offer = try #require(outcome.actions.first?.offer)
        #expect(offer.email == "new@example.org")
        #expect(offer.phone == nil)
        #expect(offer.channel == .video)
    }

    @Test func emailMatchPopsWithTheMatchedAddress() throws {
        let engine = TestDirectory.engine()
        let outcome = try engine.handle(.incomingEmailRequest(IncomingEmailRequest(email: "HANS@xn--mller-kva.de", engagementId: "C1")))
        #expect(outcome.items.map(\.id) == ["C-HANS"])
        #expect(outcome.items.first?.email == "hans@müller.de")
        #expect(outcome.actions.first?.pop?.contact.id == "C-HANS")
    }

    @Test func popWaitsForTheConnectWhenConfigured() throws {
        let engine = TestDirectory.engine(event: .connected)
        let ringing = try engine.incoming("+16505550142", "E1")
        #expect(ringing.items.count == 1)
        #expect(ringing.actions.isEmpty)
        let connected = try engine.must(.callConnected(CallConnected(engagementId: "E1", direction: .inbound)))
        #expect(connected.actions.first?.pop?.contact.id == "C-MARY")
        // The decision is given once.
        #expect(try engine.must(.callConnected(CallConnected(engagementId: "E1"))).actions.isEmpty)
    }

    @Test func initConfigAnnouncesTheConfiguredEvent() throws {
        let engine = TestDirectory.engine(event: .connected)
        let outcome = try engine.must(.initConfigRequest)
        #expect(outcome.reply == .initConfigResponse(InitConfigResponse(phone: .init(screenPopEvent: .connected))))
    }

    @Test func aRepeatedRequestDecidesOnce() throws {
        let engine = TestDirectory.engine()
        #expect(try engine.incoming("+16505550142", "E1").actions.count == 1)
        let again = try engine.incoming("+16505550142", "E1")
        #expect(again.items.map(\.id) == ["C-MARY"])
        #expect(again.actions.isEmpty)
    }

    @Test func contactSearchRanksAnArrayOrTheDocumentsSingleObject() throws {
        let engine = TestDirectory.engine()
        let byName = try engine.must(.contactSearch(ContactSearchEvent(query: "mary smith")))
        #expect(byName.items.first?.id == "C-MARY")
        let byPhone = try engine.must(.contactSearch(ContactSearchEvent(query: "650 555 1234")))
        #expect(byPhone.items.map(\.id) == ["C-JOHN", "C-MARY", "L-JOHN"])
        let single = ScreenPopEngine(directory: TestDirectory.directory(), configuration: ScreenPopConfiguration(searchResponseForm: .singleObject))
        let outcome = try single.handle(.contactSearch(ContactSearchEvent(query: "650 555 1234")))
        guard case .contactSearchResponse(let response)? = outcome.reply else {
            Issue.record("expected a contact-search response")
            return
        }
        #expect(response.singleObject)
        #expect(response.items.map(\.id) == ["C-JOHN"])
        let json = try Golden.value(ScreenPopEngine.encode(outcome.reply!))
        #expect(json["data"]?["id"] == .string("C-JOHN"))
    }
}
