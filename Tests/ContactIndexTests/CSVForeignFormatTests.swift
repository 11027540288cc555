import Testing
@testable import ContactIndex

/// A workbook, a PDF or a binary file passed as CSV fails the load with a sentence saying what
/// it is. Before, it "loaded" no contact, exit 0, with binary column names.
@Suite struct CSVForeignFormatTests {
    func failure(_ bytes: [UInt8]) -> CSVLoadError? {
        do {
            _ = try ContactCSVLoader().load(bytes: bytes)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [
        ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00] + Array("[Content_Types].xml".utf8) + [UInt8](repeating: 0, count: 100), CSVForeignFormat.zipArchive),
        (Array("%PDF-1.7\n%\u{E2}\u{E3}\n1 0 obj".utf8), .pdf),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], .compoundDocument),
        ((0..<2000).map { UInt8($0 % 7 == 0 ? 0x41 : $0 % 16) }, .binary),
        ([UInt8](repeating: 0, count: 5000), .binary),
    ] as [([UInt8], CSVForeignFormat)])
    func aFileThatIsNoCSVFails(bytes: [UInt8], format: CSVForeignFormat) {
        guard case .notCSV(let found)? = failure(bytes) else {
            Issue.record("no notCSV failure")
            return
        }
        #expect(found == format)
    }

    @Test func theSentenceSaysWhatTheFileIs() {
        #expect(CSVLoadError.notCSV(.zipArchive).description == "this is a ZIP archive (an .xlsx workbook?), not a CSV file: export it as CSV")
    }

    /// Text, UTF-16 without a byte-order mark and a stray NUL still load.
    @Test func textStillLoads() throws {
        let utf16 = Array("Id,Name\r\n1,Анна Петрова\r\n2,Al Bo\r\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let (directory, _) = try ContactCSVLoader().load(bytes: utf16)
        #expect(directory.count == 2)
        let (plain, report) = try ContactCSVLoader().load(bytes: Array("Id,Name\n1,A\u{0}B\n".utf8))
        #expect(plain.count == 1)
        #expect(report.problems.map(\.kind) == [.nulCharacter(byteOffset: 1)])
    }

    /// A header of control bytes is escaped and cut short in the column list.
    @Test func theColumnListShowsNoRawBinary() {
        var report = CSVLoadReport()
        report.columns = [(header: "A\u{1}B" + String(repeating: "x", count: 200), column: .attribute("x"))]
        let list = report.columnList()
        #expect(!list.unicodeScalars.contains { $0.properties.generalCategory == .control })
        #expect(list.hasPrefix("A\\u{1}Bxxx"))
        #expect(list.count < 120)
    }
}
