import Testing
@testable import ContactIndex

/// UTF-16 and UTF-32 files (byte-order mark) load as text, and NUL characters are reported.
@Suite struct CSVUnicodeTranscoderTests {
    static let text = "id,first_name,last_name,email\n1,Hans,Müller,hans@example.de\n2,Zoë,😀 Smile,zoe@example.com\n"

    static func encoded(_ text: String, _ form: CSVUnicodeTranscoder.Form) -> [UInt8] {
        switch form {
        case .utf16LittleEndian: [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case .utf16BigEndian: [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        case .utf32LittleEndian: [0xFF, 0xFE, 0, 0] + text.unicodeScalars.flatMap { s in (0..<4).map { UInt8((s.value >> (8 * $0)) & 0xFF) } }
        case .utf32BigEndian: [0, 0, 0xFE, 0xFF] + text.unicodeScalars.flatMap { s in (0..<4).reversed().map { UInt8((s.value >> (8 * $0)) & 0xFF) } }
        }
    }

    @Test(arguments: [CSVUnicodeTranscoder.Form.utf16LittleEndian, .utf16BigEndian, .utf32LittleEndian, .utf32BigEndian])
    func byteOrderMarkedFilesLoadAsText(form: CSVUnicodeTranscoder.Form) throws {
        let bytes = Self.encoded(Self.text, form)
        for encoding in [CSVTextEncoding.utf8, .windows1252] {
            let (directory, report) = try ContactCSVLoader(.init(encoding: encoding)).load(bytes: bytes)
            #expect(report.problems.isEmpty, "\(report.problems)")
            #expect(report.transcodedFrom == form.rawValue)
            #expect(report.bytesRead == bytes.count)
            #expect(directory.contact(id: "1")?.lastName == "Müller")
            #expect(directory.contact(id: "2")?.firstName == "Zoë")
            #expect(directory.contact(id: "2")?.lastName == "😀 Smile")
            #expect(directory.lookup(email: "zoe@example.com").first?.contact.id == "2")
        }
    }

    /// Many blocks: records, code units and surrogate pairs cut at block edges still read right.
    @Test func smallBlocksAcrossCodeUnits() throws {
        var text = "id,name\n"
        for row in 0..<2000 { text += "r\(row),😀Ünïcödé \(row)\n" }
        let bytes = Self.encoded(text, .utf16LittleEndian)
        let (directory, report) = try ContactCSVLoader(.init(blockSize: 4096, threads: 2)).load(bytes: bytes)
        #expect(report.problems.isEmpty)
        #expect(directory.count == 2000)
        #expect(directory.contact(id: "r1999")?.displayName == "😀Ünïcödé 1999")
    }

    @Test func transcoderWaitsForSplitUnits() {
        let text = "a😀b\u{E9}\n"
        for form in [CSVUnicodeTranscoder.Form.utf16LittleEndian, .utf16BigEndian, .utf32LittleEndian, .utf32BigEndian] {
            let bytes = Array(Self.encoded(text, form).dropFirst(form.unitSize == 2 ? 2 : 4))
            for chunk in 1...7 {
                var transcoder = CSVUnicodeTranscoder(form: form)
                var out: [UInt8] = []
                var start = 0
                while start < bytes.count {
                    let end = min(start + chunk, bytes.count)
                    transcoder.transcode(bytes[start..<end], isFinal: end == bytes.count, into: &out)
                    start = end
                }
                #expect(out == Array(text.utf8), "\(form) in chunks of \(chunk)")
            }
        }
    }

    @Test func brokenUnitsBecomeBytesThatNoUTF8Holds() {
        var transcoder = CSVUnicodeTranscoder(form: .utf16LittleEndian)
        var out: [UInt8] = []
        // a lone low surrogate, a high surrogate before "A", then half a unit at the end.
        transcoder.transcode([0x00, 0xDC, 0x3D, 0xD8, 0x41, 0x00, 0x42], isFinal: true, into: &out)
        #expect(out == [0xFF, 0xFF, 0x41, 0xFF])
        #expect(String(decoding: out, as: UTF8.self) == "\u{FFFD}\u{FFFD}A\u{FFFD}")
    }

    /// An unpaired surrogate in a UTF-16 file is reported with its line and column, as an
    /// invalid byte of a UTF-8 file is, and the row still loads.
    @Test func anUnpairedSurrogateIsReportedWhereItIs() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "id,first_name,last_name\n1,Ann,Lee\n2,A".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        bytes += [0x00, 0xD8]  // a high surrogate with no low half
        for unit in "B,Kim\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let (directory, report) = try ContactCSVLoader().load(bytes: bytes)
        #expect(report.rowsLoaded == 2)
        #expect(directory.contact(id: "2")?.firstName == "A\u{FFFD}B")
        let problem = try #require(report.problems.first)
        #expect(report.problems.count == 1)
        #expect(problem.line == 3)
        #expect(problem.column == "first_name")
        #expect(problem.kind == .invalidUTF8(byteOffset: 1))
    }

    @Test func nulCharactersAreDroppedAndReported() throws {
        let csv = Array("id,first_name,last_name\n1,Nul".utf8) + [0] + Array("Byte,Na".utf8) + [0, 0] + Array("me\n2,Ok,Fine\n".utf8)
        let (directory, report) = try ContactCSVLoader().load(bytes: csv)
        #expect(directory.contact(id: "1")?.firstName == "NulByte")
        #expect(directory.contact(id: "1")?.lastName == "Name")
        #expect(report.problems.map(\.kind) == [.nulCharacter(byteOffset: 3), .nulCharacter(byteOffset: 2)])
        #expect(report.problems.map(\.line) == [2, 2])
        #expect(report.problems.map(\.column) == ["first_name", "last_name"])
        #expect(report.problems.allSatisfy { $0.contactID == "1" })
        #expect(throws: CSVLoadError.self) { try ContactCSVLoader(.init(strict: true)).load(bytes: csv) }
    }
}

@Suite struct CSVTextEncodingNameTests {
    @Test(arguments: [("UTF-8", CSVTextEncoding.utf8), ("utf8", .utf8), ("windows-1252", .windows1252), ("CP1252", .windows1252),
                      ("latin1", .latin1), ("ISO-8859-1", .latin1), ("iso_8859_1", .latin1)])
    func namesResolve(name: String, encoding: CSVTextEncoding) {
        #expect(CSVTextEncoding(name: name) == encoding)
        #expect(CSVTextEncoding(name: encoding.rawValue) == encoding)
    }

    @Test func unknownNamesDoNot() {
        #expect(CSVTextEncoding(name: "utf-16") == nil)
        #expect(CSVTextEncoding(name: "") == nil)
    }
}
