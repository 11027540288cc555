import Testing
@testable import ContactIndex

/// The memos of the bulk-load path give the same answers as the work they skip.
@Suite struct LoadCacheTests {
    /// Names that repeat, in several scripts, with spacing and punctuation variants that share a
    /// spacing-normalized form, and names whose key is empty.
    static let names: [(first: String?, last: String?, display: String?)] = [
        ("John", "Smith", nil), ("John", "Smith", nil), ("JOHN", "SMITH", nil), ("John ", " Smith", "Smith, John"),
        ("Seán", "O'Brien", nil), ("Sean", "OBrien", nil), ("Иван", "Иванов", nil), ("Иван", "Иванов", "Иванов Иван"),
        ("小明", "王", nil), ("혁중", "장", nil), ("Zoë", "Müller", nil), (nil, "van der Berg", nil), ("--", nil, "  --  "),
        ("Mary Ann", "Smith-Jones", "Smith, Mary Ann"), ("John", "Smith", nil), ("Zoë", "Müller", nil), ("", "", "王 小明"),
        ("שרה", "כהן", nil), ("שרה", "כהן", nil),
    ]

    /// Writes the names' index data with a writer that remembers `limit` keys.
    private static func rows(keyCacheLimit limit: Int) -> (rows: PreparedRows, cached: Int) {
        var writer = NameIndexWriter(names: .shared, keyCacheLimit: limit)
        var rows = PreparedRows()
        for name in Self.names {
            func bytes(_ text: String?) -> [UInt8]? { text.map { Array($0.utf8) } }
            let first = bytes(name.first), last = bytes(name.last), display = bytes(name.display)
            func withField<R>(_ field: [UInt8]?, _ body: (UnsafeBufferPointer<UInt8>?) -> R) -> R {
                guard let field else { return body(nil) }
                return field.withUnsafeBufferPointer { body($0) }
            }
            withField(first) { first in
                withField(last) { last in
                    withField(display) { display in
                        writer.write(first: first, last: last, display: display, company: nil, into: &rows)
                    }
                }
            }
            rows.finishContact(entityRank: 0)
        }
        return (rows, writer.cachedCounts.keys + writer.cachedCounts.folds)
    }

    /// Each contact's tokens (text, role, romanized) as values.
    private static func tokens(_ rows: PreparedRows, _ index: Int) -> [String] {
        var out: [String] = []
        rows.forEachToken(index) { bytes, role, script, written in out.append("\(String(utf8Bytes: bytes))/\(role)/\(script)/\(written)") }
        return out
    }

    @Test func cachedCollationKeysAndFoldingsEqualUncachedOnes() {
        let plain = Self.rows(keyCacheLimit: 0)
        #expect(plain.cached == 0)
        for limit in [1, 3, 1_000] {
            let cached = Self.rows(keyCacheLimit: limit)
            #expect(cached.cached > 0)
            #expect(cached.cached <= 2 * limit)
            #expect(cached.rows.count == plain.rows.count)
            for index in 0..<plain.rows.count {
                #expect(cached.rows.nameKeys(index).map { Array($0) } == plain.rows.nameKeys(index).map { Array($0) }, "limit \(limit), name \(index)")
                #expect(Self.tokens(cached.rows, index) == Self.tokens(plain.rows, index), "limit \(limit), name \(index)")
            }
        }
    }

    /// The writer's ASCII path (copied, then lower-cased while split) gives the tokens of
    /// `NameNormalizer.tokens`, which folds with ICU first (the joined form of a multi-part field
    /// aside): over random ASCII fields of capitals,
    /// small letters, digits, apostrophes (before capitals too, at either end) and punctuation.
    @Test func asciiFieldsTokenizeAsTheNormalizer() {
        var random = CollationKeyIndexTests.Random(state: 23)
        let alphabet = Array("aZmQ09'' -.,@`{[_/ABz".utf8)
        var writer = NameIndexWriter(names: .shared, keyCacheLimit: 0)
        var rows = PreparedRows()
        var fields: [String] = []
        for _ in 0..<2_000 {
            let field = (0..<random.next(below: 14)).map { _ in alphabet[random.next(below: alphabet.count)] }
            fields.append(String(decoding: field, as: UTF8.self))
            field.withUnsafeBufferPointer { writer.write(first: $0, last: nil, display: nil, company: nil, into: &rows) }
            rows.finishContact(entityRank: 0)
        }
        for (index, field) in fields.enumerated() {
            var written: [String] = []
            // The split tokens, not the joined form a multi-part field also gets.
            rows.forEachToken(index) { bytes, role, _, _ in if role == .given { written.append(String(utf8Bytes: bytes)) } }
            #expect(written == NameNormalizer.shared.tokens(field), "\(field)")
        }
    }

    /// The keys also equal `NameNormalizer.collationKey` of each whole-name variant.
    @Test func cachedKeysAreTheNormalizersKeys() {
        let cached = Self.rows(keyCacheLimit: 1_000)
        for (index, name) in Self.names.enumerated() {
            let contact = Contact(id: "x", firstName: name.first, lastName: name.last, displayName: name.display)
            var expected: [[UInt8]] = []
            for key in (NameVariants.of(contact) + NameVariants.transcribed(contact)).map({ NameNormalizer.shared.collationKey($0) }) where key.count > 1 && !expected.contains(key) {
                expected.append(key)
            }
            expected += LatinNameKey.keys(of: contact, names: NameNormalizer.shared)
            #expect(cached.rows.nameKeys(index).map { Array($0) } == expected, "name \(index)")
        }
    }

    /// A load whose workers keep their memos across blocks gives the directory a load without
    /// them would: every contact's name keys are found by whole-name look-up.
    @Test func loaderWithMemosFindsEveryName() throws {
        var csv = "id,first_name,last_name,phone\n"
        for index in 0..<3_000 {
            let name = Self.names[index % Self.names.count]
            csv += "c\(index),\"\(name.first ?? "")\",\"\(name.last ?? "")\",+1 650 555 \(1000 + index)\n"
        }
        let options = ContactCSVLoader.Options(blockSize: 4096, threads: 2)
        let (directory, report) = try ContactCSVLoader(options).load(bytes: Array(csv.utf8))
        #expect(report.rowsLoaded == 3_000)
        for index in [0, 1, 7, 11, 16, 2_999] {
            let name = Self.names[index % Self.names.count]
            let whole = [name.first ?? "", name.last ?? ""].filter { !$0.isEmpty }.joined(separator: " ")
            guard NameNormalizer.shared.collationKey(whole).count > 1 else { continue }
            let ids = directory.lookup(name: whole, limit: 5_000).map(\.contact.id)
            #expect(ids.contains("c\(index)"), "\(whole)")
        }
    }
}

@Suite struct ByteStringMemoLoadTests {
    private func value(_ memo: ByteStringMemo, _ key: String) -> [UInt8]? {
        var found: [UInt8] = []
        let bytes = Array(key.utf8)
        let hit = bytes.withUnsafeBufferPointer { key in memo.withValue(for: key) { found.append(contentsOf: $0) } }
        return hit ? found : nil
    }

    private func insert(_ memo: inout ByteStringMemo, _ key: String, _ value: String) {
        let key = Array(key.utf8), value = Array(value.utf8)
        key.withUnsafeBufferPointer { key in value.withUnsafeBufferPointer { memo.insert(key: key, value: $0) } }
    }

    @Test func remembersWhatWasInsertedAndNothingElse() {
        var memo = ByteStringMemo(limit: 10_000)
        for index in 0..<5_000 { insert(&memo, "key \(index)", "value \(index * 7)") }
        insert(&memo, "", "empty")
        insert(&memo, "key 1", "other")  // a key held keeps its value
        var found = 0
        for index in 0..<5_000 {
            if let remembered = value(memo, "key \(index)") {
                #expect(remembered == Array("value \(index * 7)".utf8))
                found += 1
            }
        }
        #expect(found > 4_900)  // only inserts past the probe cap are skipped
        #expect(value(memo, "key 1") == Array("value 7".utf8))
        #expect(value(memo, "") == Array("empty".utf8))
        #expect(value(memo, "key 5000") == nil)
        #expect(value(memo, "key") == nil)
    }

    @Test func startsOverWhenFullAndRemembersNothingAtLimitZero() {
        var memo = ByteStringMemo(limit: 3)
        for key in ["a", "b", "c"] { insert(&memo, key, key + key) }
        #expect(memo.count == 3)
        insert(&memo, "d", "dd")
        #expect(memo.count == 1)
        #expect(value(memo, "a") == nil)
        #expect(value(memo, "d") == Array("dd".utf8))
        var off = ByteStringMemo(limit: 0)
        insert(&off, "a", "aa")
        #expect(off.count == 0)
        #expect(value(off, "a") == nil)
    }
}
