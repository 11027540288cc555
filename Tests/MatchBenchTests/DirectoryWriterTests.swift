import ContactIndex
import DirectoryGenerator
import Foundation
import Testing

@Suite("DirectoryWriter")
struct DirectoryWriterTests {
    private func csv(rows: Int, seed: UInt64, style: CRMStyle = .canonical, threads: Int = 2) -> (String, DirectoryGenerationReport) {
        var bytes: [UInt8] = []
        let writer = DirectoryWriter(factory: RecordFactory(seed: seed, contactCount: rows), style: style, threads: threads)
        let report = writer.generate(count: rows) { batch, _ in bytes += batch }
        return (String(decoding: bytes, as: UTF8.self), report)
    }

    @Test func sameSeedSameFileWhateverTheThreads() {
        let (first, report) = csv(rows: 600, seed: 42, threads: 2)
        let (second, _) = csv(rows: 600, seed: 42, threads: 1)
        #expect(first == second)
        #expect(report.rows == 600)
        #expect(first.split(separator: "\n").count == 601)
        let (other, _) = csv(rows: 600, seed: 43)
        #expect(other != first)
    }

    @Test(arguments: CRMStyle.allCases)
    func everyStyleHeaderIsWhatTheLoaderMaps(style: CRMStyle) throws {
        let columns = ContactCSVHeaderMapping.columns(for: style.header)
        #expect(columns.first == .id)
        #expect(columns.contains(.firstName))
        #expect(columns.contains(.lastName))
        #expect(columns.contains(.region))
        #expect(columns.contains { if case .phone = $0 { true } else { false } })
        #expect(columns.contains { if case .email = $0 { true } else { false } })
        if style == .canonical { #expect(columns.contains(.entity) && columns.contains(.company)) }
        if style == .salesforce {
            #expect(columns.contains(.company))
            #expect(columns.contains(.attribute("Lead_Source__c")))
        }

        let (text, report) = csv(rows: 400, seed: 7, style: style)
        #expect(text.hasPrefix(style.header.joined(separator: ",") + "\n"))
        let (directory, load) = try ContactCSVLoader(.init(configuration: .init(defaultRegion: "US"))).load(bytes: Array(text.utf8))
        #expect(load.rowsRead == report.rows)
        #expect(directory.count == report.rows)
        #expect(load.rejections.isEmpty)
        // Phones are libphonenumber-valid and written so they read back: almost none fail.
        let unparseable = load.problems.filter { if case .unparseablePhone = $0.kind { true } else { false } }
        #expect(unparseable.count <= 2)
        let withPhone = directory.contacts.filter { !$0.phones.isEmpty }.count
        #expect(withPhone >= report.rows * 9 / 10)
    }

    @Test func householdsShareANumberAndDuplicatesExist() throws {
        let (text, report) = csv(rows: 2000, seed: 3)
        #expect(report.households > 0)
        #expect(report.duplicates > 0)
        let (directory, _) = try ContactCSVLoader(.init(configuration: .init(defaultRegion: "US"))).load(bytes: Array(text.utf8))
        var idsByNumber: [String: Set<String>] = [:]
        for contact in directory.contacts {
            for phone in contact.phones { if let e164 = phone.normalized?.e164 { idsByNumber[e164, default: []].insert(contact.id) } }
        }
        #expect(idsByNumber.values.contains { $0.count >= 3 })
        #expect(directory.contacts.contains { $0.entity == .lead })
        #expect(directory.contacts.contains { contact in Romanizer.isNonLatin(contact.lastName ?? "") })
    }

    @Test func vocabularyIsLargeAndSkewed() {
        let (_, report) = csv(rows: 5000, seed: 11)
        #expect(report.distinctFamilyNames > 2500)
        #expect(report.distinctGivenNames > 1500)
        #expect(report.listGivenNames > 10_000)
        // Zipf-like: the most common family name is far above the median one, but not a tenth of everyone.
        let top = report.topFamilyNames.first?.1 ?? 0
        #expect(top > 20 && top < 500)
    }
}
