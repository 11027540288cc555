#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Testing
@testable import ContactIndex
import ContactFixtures

/// `lookupSummaries` against `lookup`: the same matches, in the same order, and each summary
/// what the rebuilt contact says (`Contact.name`, the matched phone's `displayText`, the
/// matched email as written). `lookupPackedSummaries` unpacks to the same summaries.
@Suite struct MatchSummaryTests {
    /// Numbers shared by many records, with and without extensions, under other country codes,
    /// unparseable text, names in every combination, custom entities, dates, attributes.
    static let directory: ContactDirectory = {
        var random = SeededGenerator(seed: 11)
        let numbers = ["+1 650 555 0100", "+44 20 7946 0100", "+49 30 1234567", "030 1234567", "+1 650 555 0100 x12",
                       "+1 212 555 0199", "(650) 555-0100", "+44 7700 900123", "+33 1 42 68 53 00", "not a phone"]
        let emails = ["a.b.c@gmail.com", "abc@gmail.com", "abc+crm@googlemail.com", "x@example.com", "X@Example.COM",
                      "jörg@bücher.de", "info@acme.co.uk", "broken@@example"]
        var contacts: [Contact] = []
        for index in 0..<600 {
            let names: (String?, String?, String?, String?) = switch index % 6 {
            case 0: ("Ann", "Lee", nil, nil)
            case 1: (nil, "Park", nil, "Acme")
            case 2: ("Jörg", nil, "Dr. Jörg Bücher", nil)
            case 3: (nil, nil, nil, "Acme Ltd")
            case 4: (nil, nil, nil, nil)
            default: ("", "Østergaard", "", "")
            }
            let phones = (0..<Int.random(in: 0...3, using: &random)).map { _ in ContactPhone(numbers.randomElement(using: &random)!) }
            let addresses = (0..<Int.random(in: 0...2, using: &random)).map { _ in ContactEmail(emails.randomElement(using: &random)!) }
            let entity: ContactEntity = index % 7 == 0 ? "patient" : [.contact, .lead, .account][index % 3]
            contacts.append(Contact(
                id: String(format: "R%05d", (index * 7919) % 600), firstName: names.0, lastName: names.1, displayName: names.2,
                phones: phones, emails: addresses, entity: entity, company: names.3, region: index % 5 == 0 ? "DE" : nil,
                attributes: index % 2 == 0 ? ["Tier__c": "gold"] : [:],
                createdAt: index % 3 == 0 ? Date(timeIntervalSince1970: Double(index)) : nil,
                updatedAt: index % 4 == 0 ? Date(timeIntervalSince1970: Double(10_000 + index)) : nil))
        }
        return ContactDirectory(contacts)
    }()

    static func expected(_ match: Match) -> MatchSummary {
        MatchSummary(
            id: match.contact.id, name: match.contact.name,
            phone: (match.matchedPhone ?? match.contact.phones.first)?.displayText,
            email: (match.matchedEmail ?? match.contact.emails.first)?.displayText,
            entity: match.contact.entity, score: match.score, reason: match.reason,
            createdAt: match.contact.createdAt, updatedAt: match.contact.updatedAt)
    }

    @Test(arguments: ["+16505550100", "+442079460100", "+4930 1234567", "030 1234567", "(650) 555-0100", "+16505550100;ext=12",
                      "+1 650 555 0100 x12", "+447700900123", "+33142685300", "+12125550199", "+15555555555", "not a phone"])
    func phoneSummariesAreTheMatchesRead(number: String) {
        for limit in [1, 3, 10, 1000] {
            let matches = Self.directory.lookup(phone: number, region: "US", limit: limit)
            let summaries = Self.directory.lookupSummaries(phone: number, region: "US", limit: limit)
            #expect(summaries == matches.map(Self.expected), "\(number) limit \(limit)")
            let packed = Self.directory.lookupPackedSummaries(phone: number, region: "US", limit: limit)
            #expect(packed.summaries == summaries, "\(number) limit \(limit) packed")
        }
    }

    @Test(arguments: ["Ann Lee", "lee ann", "Lee, Ann", "an le", "Park", "acme", "Acme Ltd", "jorg", "Dr. Jörg Bücher", "bucher",
                      "Ostergaard", "østergård", "anne", "parc", "ann 555", "650 555 0100", "0100", "abc@gmail", "x@example.com",
                      "R00001", "", "   ", "zzzz qqqq"])
    func searchSummariesAreTheSearchRead(query: String) {
        for limit in [1, 3, 10, 1000] {
            let matches = Self.directory.search(query, limit: limit)
            let summaries = Self.directory.searchSummaries(query, limit: limit)
            #expect(summaries == matches.map(Self.expected), "\(query) limit \(limit)")
            if ["Ann Lee", "Park", "acme", "650 555 0100", "x@example.com"].contains(query) { #expect(!summaries.isEmpty, "\(query)") }
        }
    }

    @Test(arguments: ["abc@gmail.com", "A.B.C@GMAIL.COM", "abc+other@gmail.com", "x@example.com", "jörg@bücher.de",
                      "JÖRG@xn--bcher-kva.de", "info@acme.co.uk", "nobody@example.com", "broken@@example"])
    func emailSummariesAreTheMatchesRead(address: String) {
        for limit in [1, 10, 1000] {
            let matches = Self.directory.lookup(email: address, limit: limit)
            let summaries = Self.directory.lookupSummaries(email: address, limit: limit)
            #expect(summaries == matches.map(Self.expected), "\(address) limit \(limit)")
            let packed = Self.directory.lookupPackedSummaries(email: address, limit: limit)
            #expect(packed.summaries == summaries, "\(address) limit \(limit) packed")
        }
    }

    /// Records passed over once the selection is full (on entity rank and id prefix alone) are
    /// exactly those that could not have entered: a small limit gives the head of the ranking
    /// that a limit above every candidate (nothing passed over) gives.
    @Test(arguments: ["+16505550100", "+442079460100", "+4930 1234567", "+16505550100;ext=12", "+447700900123", "+33142685300"])
    func aSmallLimitIsTheHeadOfTheWholeRanking(number: String) {
        let whole = Self.directory.lookup(phone: number, region: "US", limit: 10_000)
        for limit in [1, 2, 5, 10, 50] {
            #expect(Self.directory.lookup(phone: number, region: "US", limit: limit) == Array(whole.prefix(limit)), "\(number) limit \(limit)")
        }
    }

    @Test func theSharedNumbersReallyAreShared() {
        // The comparisons above are only worth something if the look-ups find many records.
        #expect(Self.directory.lookup(phone: "+16505550100", limit: 1000).count > 100)
        #expect(Set(Self.directory.lookup(phone: "+16505550100", limit: 1000).map(\.reason)).count >= 2)
        #expect(Self.directory.lookup(email: "abc@gmail.com", limit: 1000).contains { $0.reason == .canonicalEmail })
    }

    @Test func revisionFollowsTheStoredContact() throws {
        var directory = ContactDirectory([
            Contact(id: "a", firstName: "Ann", lastName: "Lee", phones: [ContactPhone("+16505550100")]),
            Contact(id: "b", firstName: "Ann", lastName: "Lee", phones: [ContactPhone("+16505550100")]),
        ])
        let before = try #require(directory.revision(id: "a"))
        #expect(directory.revision(id: "b") != before)
        // The same contact again: the same record, the same revision.
        directory.upsert(Contact(id: "a", firstName: "Ann", lastName: "Lee", phones: [ContactPhone("+16505550100")]))
        #expect(directory.revision(id: "a") == before)
        // Any change (here an email added, then a label) gives another.
        directory.upsert(Contact(id: "a", firstName: "Ann", lastName: "Lee", phones: [ContactPhone("+16505550100")], emails: [ContactEmail("ann@example.com")]))
        let withEmail = try #require(directory.revision(id: "a"))
        #expect(withEmail != before)
        directory.upsert(Contact(id: "a", firstName: "Ann", lastName: "Lee", phones: [ContactPhone("+16505550100", label: "work")], emails: [ContactEmail("ann@example.com")]))
        #expect(directory.revision(id: "a") != withEmail)
        directory.remove(id: "a")
        #expect(directory.revision(id: "a") == nil)
        #expect(directory.revision(id: "missing") == nil)
    }
}
