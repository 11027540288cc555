import Foundation
import Testing
@testable import ContactIndex

/// One row of Fixtures/phone-cases.json, written by scripts/phone_table.py from Python
/// `phonenumbers` 8.12.57 (the same metadata as the C++ library the package links).
struct PhoneCase: Decodable, CustomTestStringConvertible, Sendable {
    var input: String
    var region: String?
    var error: String?
    var e164: String?
    var countryCode: Int?
    var nationalNumber: String?
    var `extension`: String?
    var valid: Bool?
    var type: String?
    var numberRegion: String?

    var testDescription: String { "\(input.debugDescription) in \(region ?? "no region")" }

    static let all: [PhoneCase] = {
        guard let url = Bundle.module.url(forResource: "phone-cases", withExtension: "json", subdirectory: "Fixtures"),
              let data = try? Data(contentsOf: url),
              let cases = try? JSONDecoder().decode([PhoneCase].self, from: data) else { return [] }
        return cases
    }()
}

@Suite struct PhoneNormalizerTests {
    let normalizer = PhoneNormalizer(defaultRegion: "US")

    @Test func tableCoversTheCountriesTheIssueNames() throws {
        let regions = Set(PhoneCase.all.compactMap(\.region))
        #expect(PhoneCase.all.count >= 60)
        for region in ["US", "CA", "GB", "DE", "FR", "IT", "AR", "MX", "BR", "IN", "JP", "AU", "RU", "CN", "ES"] {
            #expect(regions.contains(region), "no case with default region \(region)")
        }
        #expect(regions.count >= 15)
    }

    @Test(arguments: PhoneCase.all)
    func agreesWithPythonPhonenumbers(_ row: PhoneCase) throws {
        let result = PhoneNormalizer(defaultRegion: nil).normalize(row.input, region: row.region, withDetails: true)
        if let error = row.error {
            guard case .failure(let failure) = result else {
                Issue.record("expected \(error), got \(result)")
                return
            }
            #expect(failure.rawValue == error)
            return
        }
        let number = try result.get()
        #expect(number.e164 == row.e164)
        #expect(number.countryCode == row.countryCode)
        #expect(number.nationalNumber == row.nationalNumber)
        #expect(number.extension == row.extension)
        let details = try #require(number.details)
        #expect(details.isValid == row.valid)
        #expect(details.type.rawValue == row.type)
        #expect((details.region ?? "ZZ") == (row.numberRegion ?? "ZZ"))
    }

    /// The E.164 fast path must give what libphonenumber gives for every number of its domain
    /// ("+" and 8 to 15 digits); shorter ones go to libphonenumber.
    @Test(arguments: PhoneCase.all.compactMap(\.e164).filter { $0.utf8.count >= 9 })
    func fastPathAgreesWithLibphonenumber(_ e164: String) throws {
        let fast = try #require(PhoneNormalizer.fastE164(e164))
        let slow = try normalizer.normalize(e164, withDetails: false).get()
        #expect(fast.e164 == slow.e164)
        #expect(fast.countryCode == slow.countryCode)
        #expect(fast.nationalNumber == slow.nationalNumber)
        #expect(PhoneNormalizer.fastE164Text(e164) == fast.e164)
    }

    @Test(arguments: ["+1 650 253 0000", "6502530000", "+1650253000a", "+", "", "+1234567", "+9991234567890", "++16502530000", "+1650253000012345"])
    func fastPathRefusesWhatIsNotPlainE164(_ text: String) {
        #expect(PhoneNormalizer.fastE164(text) == nil)
        #expect(PhoneNormalizer.fastE164Text(text) == nil)
    }

    @Test func fastPathToleratesSurroundingSpaces() throws {
        let number = try #require(PhoneNormalizer.fastE164("  +442079460958 "))
        #expect(number.e164 == "+442079460958")
        #expect(number.countryCode == 44)
        #expect(number.nationalNumber == "2079460958")
        #expect(PhoneNormalizer.fastE164Text("  +442079460958 ") == "+442079460958")
    }

    @Test func queryTakesFastPathAndFallsBackToLibphonenumber() throws {
        #expect(try normalizer.normalizeQuery("+16502530000").get().e164 == "+16502530000")
        #expect(try normalizer.normalizeQuery("(650) 253-0000").get().e164 == "+16502530000")
        #expect(try normalizer.normalizeQuery("020 7946 0958", region: "GB").get().e164 == "+442079460958")
        #expect(PhoneNormalizer.fastE164("+112") == nil)
        #expect(try normalizer.normalizeQuery("+112").get().e164 == "+112")
    }

    @Test func overlongInputIsRejectedWithoutParsing() {
        let text = String(repeating: "5", count: 500)
        #expect(normalizer.normalize(text) == .failure(.inputTooLong))
    }

    @Test func regionHelpers() {
        #expect(PhoneNormalizer.countryCode(forRegion: "gb") == 44)
        #expect(PhoneNormalizer.countryCode(forRegion: "XX") == nil)
        #expect(PhoneNormalizer.isSupported(region: "DE"))
        #expect(!PhoneNormalizer.isSupported(region: "XX"))
        #expect(PhoneNormalizer.exampleNumber(region: "GB", type: .mobile)?.hasPrefix("+447") == true)
        #expect(PhoneNormalizer.format(e164: "+442079460958") == "+44 20 7946 0958")
        #expect(PhoneNormalizer.format(e164: "+442079460958", national: true) == "020 7946 0958")
    }
}
