import Testing

@testable import ContactIndex

/// The query with its last word first, on bytes (`ContactDirectory.rotatedText`).
@Suite struct RotatedTextTests {
    @Test(arguments: [
        ("maria garcia", "garcia maria"),
        ("John  Smith", "Smith John"),
        ("Ana María de la Cruz", "Cruz Ana María de la"),
        ("Zoë Ångström", "Ångström Zoë"),
        ("  李 小明 ", nil),  // a word of one letter
        ("J Smith", nil),
        ("Smith J", nil),
        ("smith", nil),
        ("", nil),
    ] as [(String, String?)])
    func rotates(text: String, rotated: String?) {
        #expect(ContactDirectory.rotatedText(text) == rotated)
    }
}
