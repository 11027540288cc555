import Testing
@testable import ContactIndex

@Suite struct ISO8601TimestampTests {
    @Test(arguments: [
        ("1970-01-01", 0.0),
        ("2023-04-01T12:34:56.000+0000", 1_680_352_496.0),
        ("2023-04-01T12:34:56Z", 1_680_352_496.0),
        ("2023-04-01 14:34:56+02:00", 1_680_352_496.0),
        ("2000-02-29T00:00:00.5Z", 951_782_400.5),
    ])
    func parses(text: String, seconds: Double) throws {
        let date = try #require(ISO8601Timestamp.parse(text))
        #expect(date.timeIntervalSince1970 == seconds)
    }

    @Test(arguments: ["", "2023-02-30", "2023-13-01", "yesterday", "2023-04-01T25:00", "2023-04-01T12:00:00 junk"])
    func rejects(text: String) {
        #expect(ISO8601Timestamp.parse(text) == nil)
    }
}
