import Testing
@testable import ContactIndex

/// Tokenizes all records of `text` into decoded strings.
func tokenize(_ bytes: [UInt8]) -> [[String]] {
    let tokenizer = CSVTokenizer()
    var records: [[String]] = []
    bytes.withUnsafeBufferPointer { buffer in
        var position = 0
        var line = 1
        var spans: [CSVFieldSpan] = []
        var scratch: [UInt8] = []
        while tokenizer.nextRecord(in: buffer, position: &position, line: &line, fields: &spans) != nil {
            records.append(spans.map { span in
                CSVTokenizer.withFieldBytes(span, in: buffer, scratch: &scratch) { String(decoding: $0, as: UTF8.self) }
            })
        }
    }
    return records
}

@Suite struct CSVTokenizerTests {
    @Test(arguments: [
        ("a,b,c\n1,2,3\n", [["a", "b", "c"], ["1", "2", "3"]]),
        ("a,b\r\n1,2\r\n", [["a", "b"], ["1", "2"]]),
        ("a,b\r1,2", [["a", "b"], ["1", "2"]]),
        ("\"x,y\",\"he said \"\"hi\"\"\"\n", [["x,y", "he said \"hi\""]]),
        ("\"line1\nline2\",z\n", [["line1\nline2", "z"]]),
        ("a,b\n\n\r\n1,2\n\n", [["a", "b"], ["1", "2"]]),
        ("a,,\n", [["a", "", ""]]),
        ("a,", [["a", ""]]),
        ("\"open,no close\n1,2", [["open,no close\n1,2"]]),
        ("ab\"c,d\n", [["ab\"c", "d"]]),
        ("\"ab\"c,d\n", [["abc", "d"]]),
        ("\"\"\n", [[""]]),
    ] as [(String, [[String]])])
    func tokenizes(text: String, expected: [[String]]) {
        #expect(tokenize(Array(text.utf8)) == expected)
    }

    /// The splitter finds the record ends the tokenizer finds, wherever the bytes are cut:
    /// quoted fields over several lines, also after spaces (`1, "multi⏎line"`) or after a
    /// byte-order mark that starts a line (two exports joined), with spaces or
    /// text after the closing quote, and a stray opening quote whose field is read again with the
    /// quote as text (no block may end before the text that decides it).
    @Test(arguments: [
        "id,name\n1,\"multi\nline, with \"\"quotes\"\"\"\r\n2,plain\r3,\"x\"y\n\n4,last",
        "id,name\n1, \"multi\nline\" ,x\r\n2,  \"a\r\nb\"\n3, \"p\"\"\nq\"  \n4,last",
        "id,a,b\n1,\"Ann,x\n2,Bob,y\n3,Cat,\"Cole\nand\"\n4,d,e\n5,\"p\rq\"r,s",
        "1,\"a\nb\"   ,c\n2,\"d\ne\"  x\n3,f\n4, \"g\nh\" i,j\n5,\"k\"l\nm\"n\",o",
        "id,a\n\u{FEFF}\"x\ny\",z\n2,\u{FEFF}\"p\nq\",r\n\u{FEFF} \"s\nt\",u\n\r\n\u{FEFF}\"v\rw\"",
    ])
    func splitterAgreesWithTokenizerAtEveryCut(text: String) {
        let bytes = Array(text.utf8)
        let whole = tokenize(bytes)
        for cut in 0...bytes.count {
            let splitter = CSVRecordSplitter()
            var lineBreaks = 0
            let end = bytes.withUnsafeBufferPointer { splitter.lastRecordEnd(in: UnsafeBufferPointer(rebasing: $0[..<cut]), isFinal: false, lineBreaks: &lineBreaks) } ?? 0
            let joined = tokenize(Array(bytes[..<end])) + tokenize(Array(bytes[end...]))
            #expect(joined == whole, "cut at \(cut), record end \(end)")
        }
    }

    @Test func splitterCountsLineBreaksLikeTheTokenizer() {
        let bytes = Array("a\r\nb\rc\n\"d\r\ne\"\n".utf8)
        let splitter = CSVRecordSplitter()
        var lineBreaks = 0
        let end = bytes.withUnsafeBufferPointer { splitter.lastRecordEnd(in: $0, isFinal: true, lineBreaks: &lineBreaks) }
        #expect(end == bytes.count)
        #expect(lineBreaks == 5)
    }

    @Test func windows1252AndLatin1Decode() {
        let bytes: [UInt8] = [0x80, 0x20, 0xE9, 0x9C]
        var invalid: Int? = nil
        let cp1252 = bytes.withUnsafeBufferPointer { CSVTextDecoder.decode($0, encoding: .windows1252, invalidOffset: &invalid) }
        let latin1 = bytes.withUnsafeBufferPointer { CSVTextDecoder.decode($0, encoding: .latin1, invalidOffset: &invalid) }
        #expect(cp1252 == "€ éœ")
        #expect(latin1.unicodeScalars.map(\.value) == [0x80, 0x20, 0xE9, 0x9C])
        #expect(invalid == nil)
    }

    @Test func invalidUTF8IsLocated() {
        let bytes: [UInt8] = Array("Mü".utf8) + [0xFF, 0x41]
        var invalid: Int? = nil
        let text = bytes.withUnsafeBufferPointer { CSVTextDecoder.decode($0, encoding: .utf8, invalidOffset: &invalid) }
        #expect(invalid == 3)
        #expect(text == "Mü\u{FFFD}A")
    }
}
