/// Computes what the name indexes hold for one contact, from the bytes of its name fields: the
/// folded tokens with their roles (as `ContactNameTokens`), the collation keys of its whole-
/// name variants (as `NameVariants` and `NameNormalizer.collationKey`) and, for names outside
/// ASCII, their `LatinNameKey`s, written into a `PreparedRows`.
///
/// It works on bytes with scratch buffers kept between contacts, so plain ASCII names (most of a
/// CRM) never become `String`s; other scripts go through ICU as `String`s (`NameNormalizer`).
/// The tests check it against the `String` versions.
///
/// What ICU computes can be remembered (`keyCacheLimit` > 0, what bulk loads use): a whole-name
/// variant's collation key is a pure function of its text, and so is the folding of a name field
/// outside ASCII; names repeat heavily in real exports ("John Smith" thousands of times), so each
/// distinct one costs ICU once per writer (`ByteStringMemo`, at most `keyCacheLimit` entries each).
struct NameIndexWriter {
    let names: NameNormalizer
    /// The most variants whose collation key is remembered, and non-ASCII fields whose folding
    /// is (0: none).
    let keyCacheLimit: Int
    /// Collation keys by whole-name variant text, as written (UTF-8).
    private var keyMemo: ByteStringMemo
    /// Non-ASCII fields as written → whether they are romanized (one byte) and their folding.
    private var foldMemo: ByteStringMemo
    /// Non-ASCII fields as written → their English romanization
    /// (`NameNormalizer.alternateRomanization`), then `derivedSeparator` and their derived
    /// spellings (`NameNormalizer.derivedSpellings`).
    private var alternateMemo: ByteStringMemo
    /// The same for given names (`NameNormalizer.alternateRomanization(_:asGivenName:)`).
    private var givenAlternateMemo: ByteStringMemo
    private var memoValue: [UInt8] = []
    private var folded: [UInt8] = []
    /// The tokens of the fields folded so far, as ranges of `folded`.
    private var tokens: [Range<Int>] = []
    /// Per field folded so far: the script it was written in.
    private var fieldScripts: [TokenScript] = []
    /// Per token of `tokens`: how it was written (`WrittenAccents`; plain for other scripts).
    private var tokensWritten: [WrittenAccents.Written] = []
    private var variant: [UInt8] = []
    private var spaced: [UInt8] = []
    private var key: [UInt8] = []

    init(names: NameNormalizer, keyCacheLimit: Int = 0) {
        self.names = names
        self.keyCacheLimit = keyCacheLimit
        keyMemo = ByteStringMemo(limit: keyCacheLimit)
        foldMemo = ByteStringMemo(limit: keyCacheLimit)
        alternateMemo = ByteStringMemo(limit: keyCacheLimit)
        givenAlternateMemo = ByteStringMemo(limit: keyCacheLimit)
    }

    /// How many variants have their collation key remembered, and how many fields their folding.
    var cachedCounts: (keys: Int, folds: Int) { (keyMemo.count, foldMemo.count) }

    /// Writes the tokens and collation keys of a contact's names into `rows`.
    mutating func write(
        first: UnsafeBufferPointer<UInt8>?, last: UnsafeBufferPointer<UInt8>?, display: UnsafeBufferPointer<UInt8>?,
        company: UnsafeBufferPointer<UInt8>?, into rows: inout PreparedRows
    ) {
        let names = writeTokens(first: first, last: last, display: display, company: company, into: &rows)
        writeKeys(first: first, last: last, display: display, company: company, into: &rows)
        if LatinNameKey.isNeeded(first, last, display) { writeLatinKeys(names, into: &rows) }
    }

    /// The positions in `tokens` of each person name's tokens (see `fold`).
    private struct FoldedNames {
        let given: Range<Int>
        let family: Range<Int>
        let display: Range<Int>
    }

    // MARK: Tokens

    /// - Returns: where the person names' tokens are, for `writeLatinKeys`.
    private mutating func writeTokens(
        first: UnsafeBufferPointer<UInt8>?, last: UnsafeBufferPointer<UInt8>?, display: UnsafeBufferPointer<UInt8>?,
        company: UnsafeBufferPointer<UInt8>?, into rows: inout PreparedRows
    ) -> FoldedNames {
        folded.removeAll(keepingCapacity: true)
        tokens.removeAll(keepingCapacity: true)
        fieldScripts.removeAll(keepingCapacity: true)
        tokensWritten.removeAll(keepingCapacity: true)
        let given = fold(first)
        let family = fold(last)
        let displayed = fold(display)
        var companies = fold(company)
        // A legal form ("Ltd", "有限公司") identifies no company: its tokens are left out.
        let kept = CompanyLegalForms.keptRange(count: companies.count) { [folded, tokens] in
            String(decoding: folded[tokens[companies.lowerBound + $0]], as: UTF8.self)
        }
        companies = (companies.lowerBound + kept.lowerBound)..<(companies.lowerBound + kept.upperBound)
        folded.withUnsafeBufferPointer { bytes in
            for (field, (list, role)) in [(given, NameTokenRole.given), (family, .family), (displayed, .display), (companies, .company)].enumerated() {
                for index in list {
                    rows.appendToken(
                        UnsafeBufferPointer(rebasing: bytes[tokens[index]]), role: role, script: fieldScripts[field],
                        written: tokensWritten[index])
                }
            }
            for (field, list) in [given, family].enumerated() where list.count > 1 {
                let joined = list.flatMap { bytes[tokens[$0]] }
                let written = WrittenAccents.Written(joining: tokensWritten[list])
                joined.withUnsafeBufferPointer { rows.appendToken($0, role: .joined, script: fieldScripts[field], written: written) }
            }
            for (index, (field, list)) in [(first, given), (last, family), (display, displayed)].enumerated() {
                guard let field, !field.isEmpty, !field.allSatisfy({ $0 < 0x80 }) else { continue }
                let main = list.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[tokens[$0]]), as: UTF8.self) }
                // The spellings of a Latin name's umlauts ("mueller") are Latin, not
                // romanizations: no consonant skeleton (`NameTokenIndex`) compares them loosely.
                let script: TokenScript = fieldScripts[index] == .latin ? .latin : .other
                let spellings = alternateTokens(of: field, besides: main, asGivenName: index == 0)
                for token in spellings.romanized {
                    var token = token
                    token.withUTF8 { rows.appendToken($0, role: .alternate, script: script) }
                }
                // Spellings derived from those ("dmitry" beside "dmitriy", "hyunwoo" beside
                // "hyeonu") are spellings as typed: Latin, as an umlaut's are.
                for token in spellings.derived {
                    var token = token
                    token.withUTF8 { rows.appendToken($0, role: .alternate, script: .latin) }
                }
            }
        }
        return FoldedNames(given: given, family: family, display: displayed)
    }

    /// Adds the `LatinNameKey`s of the names folded by `writeTokens`: display, given then
    /// family, family then given (each once).
    private mutating func writeLatinKeys(_ names: FoldedNames, into rows: inout PreparedRows) {
        writeLatinKey(names.display, 0..<0, into: &rows)
        writeLatinKey(names.given, names.family, into: &rows)
        writeLatinKey(names.family, names.given, into: &rows)
    }

    /// Adds the `LatinNameKey` of the tokens at `first`, then those at `second` (none: no key).
    private mutating func writeLatinKey(_ first: Range<Int>, _ second: Range<Int>, into rows: inout PreparedRows) {
        var out = takeBuffer(&key)
        out.append(LatinNameKey.marker)
        for index in first { appendSpaced(token: index, to: &out) }
        for index in second { appendSpaced(token: index, to: &out) }
        if out.count > 1 { out.withUnsafeBufferPointer { rows.appendNameKey($0) } }
        key = out
    }

    /// Appends the folded token at `index` of `tokens` to a key, after a space unless it is the
    /// key's first (after its marker byte).
    private func appendSpaced(token index: Int, to out: inout [UInt8]) {
        if out.count > 1 { out.append(32) }
        out.append(contentsOf: folded[tokens[index]])
    }

    /// `NameNormalizer.alternateTokens` and `derivedTokens` of a non-ASCII field, its
    /// romanization and derived spellings remembered (apart for given names, which are read
    /// otherwise).
    private mutating func alternateTokens(
        of field: UnsafeBufferPointer<UInt8>, besides main: [String], asGivenName: Bool
    ) -> (romanized: [String], derived: [String]) {
        // The memo is moved out while it is used (an empty one stands in: no allocation).
        var memo = ByteStringMemo(limit: 0)
        if asGivenName { swap(&memo, &givenAlternateMemo) } else { swap(&memo, &alternateMemo) }
        defer { if asGivenName { swap(&memo, &givenAlternateMemo) } else { swap(&memo, &alternateMemo) } }
        var romanization: String?
        if !memo.withValue(for: field, { romanization = String(decoding: $0, as: UTF8.self) }) {
            let name = String(utf8Bytes: field)
            let derived = names.derivedSpellings(name, asGivenName: asGivenName)
            let text = (names.alternateRomanization(name, asGivenName: asGivenName) ?? "") + (derived.map { String(Self.derivedSeparator) + $0 } ?? "")
            if memo.isEnabled {
                var copy = text
                copy.withUTF8 { memo.insert(key: field, value: $0) }
            }
            romanization = text
        }
        guard let romanization, !romanization.isEmpty else { return ([], []) }
        let parts = romanization.split(separator: Self.derivedSeparator, maxSplits: 1, omittingEmptySubsequences: false)
        let romanized = NameNormalizer.newTokens(of: String(parts[0]), besides: main)
        guard parts.count > 1 else { return (romanized, []) }
        return (romanized, NameNormalizer.newTokens(of: String(parts[1]), besides: main + romanized))
    }

    /// What separates a field's romanization from its derived spellings in `alternateMemo`: a
    /// control character, which no folding holds (the fold's tokens are letters and digits).
    private static let derivedSeparator: Character = "\u{1F}"

    /// Folds a field (`NameNormalizer.fold`) onto `folded` and splits it into tokens
    /// (`NameNormalizer.splitTokens`), appending their ranges to `tokens`.
    /// - Returns: the positions in `tokens` of the field's tokens.
    private mutating func fold(_ field: UnsafeBufferPointer<UInt8>?) -> Range<Int> {
        let first = tokens.count
        guard let field, !field.isEmpty else {
            fieldScripts.append(.latin)
            return first..<first
        }
        let start = folded.count
        let isASCII = field.allSatisfy({ $0 < 0x80 })
        if isASCII {
            fieldScripts.append(.latin)
            folded.append(contentsOf: field)  // lower-cased by the split below
        } else {
            var remembered = takeBuffer(&memoValue)
            if foldMemo.withValue(for: field, { remembered.append(contentsOf: $0) }) {
                fieldScripts.append(TokenScript(rawValue: remembered[0]) ?? .other)
                folded.append(contentsOf: remembered[1...])
            } else {
                let script = TokenScript(of: field)
                fieldScripts.append(script)
                var text = names.fold(String(utf8Bytes: field))
                text.withUTF8 { folded.append(contentsOf: $0) }
                if foldMemo.isEnabled {
                    remembered.append(script.rawValue)
                    remembered.append(contentsOf: folded[start...])
                    remembered.withUnsafeBufferPointer { foldMemo.insert(key: field, value: $0) }
                }
            }
            memoValue = remembered
        }
        // Split the folded bytes at anything that is not a letter or digit; an apostrophe between
        // letters joins ("o'brien" → "obrien"), so the token is compacted in place. ASCII
        // capitals are lower-cased on the way. Done on the buffer's memory: an element write
        // through the array checks its uniqueness each time.
        var write = start
        var tokenStart = start
        var previousWasLetter = false
        let end = folded.count
        folded.withUnsafeMutableBufferPointer { bytes in
            var read = start
            while read < end {
                let byte = bytes[read]
                let isWordByte = (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || byte >= 0x80
                if isWordByte {
                    bytes[write] = byte >= 65 && byte <= 90 ? byte + 32 : byte
                    write += 1
                    previousWasLetter = true
                } else if byte == UInt8(ascii: "'"), previousWasLetter, read + 1 < end, (bytes[read + 1] | 0x20) >= 97, (bytes[read + 1] | 0x20) <= 122 {
                    // joined: skip the apostrophe
                } else {
                    if write > tokenStart { tokens.append(tokenStart..<write) }
                    tokenStart = write
                    previousWasLetter = false
                }
                read += 1
            }
        }
        if write > tokenStart { tokens.append(tokenStart..<write) }
        folded.removeLast(end - write)
        if !isASCII, fieldScripts.last == .latin {
            folded.withUnsafeBufferPointer { bytes in
                WrittenAccents.appendWritten(of: field, count: tokens.count - first, token: { UnsafeBufferPointer(rebasing: bytes[tokens[first + $0]]) }, to: &tokensWritten)
            }
        } else {
            tokensWritten += repeatElement(WrittenAccents.Written(), count: tokens.count - first)
        }
        return first..<tokens.count
    }

    // MARK: Collation keys

    private mutating func writeKeys(
        first: UnsafeBufferPointer<UInt8>?, last: UnsafeBufferPointer<UInt8>?, display: UnsafeBufferPointer<UInt8>?,
        company: UnsafeBufferPointer<UInt8>?, into rows: inout PreparedRows
    ) {
        writeVariantKeys(first: first, last: last, display: display, company: company, into: &rows)
        // And those of the names with their umlauts spelt out (`NameVariants.transcribed`):
        // rare enough to go through `String`s.
        let fields = [first, last, display]
        guard fields.contains(where: { $0.map(NameNormalizer.hasUmlautLetters) ?? false }) else { return }
        let spelled = fields.map { field in
            field.map { Array((NameNormalizer.umlautTranscription(String(utf8Bytes: $0)) ?? String(utf8Bytes: $0)).utf8) }
        }
        spelled[0].withOptionalBuffer { first in
            spelled[1].withOptionalBuffer { last in
                spelled[2].withOptionalBuffer { display in
                    writeVariantKeys(first: first, last: last, display: display, company: nil, into: &rows)
                }
            }
        }
    }

    /// Adds the collation keys of the whole-name variants of these fields (`NameVariants.of`).
    private mutating func writeVariantKeys(
        first: UnsafeBufferPointer<UInt8>?, last: UnsafeBufferPointer<UInt8>?, display: UnsafeBufferPointer<UInt8>?,
        company: UnsafeBufferPointer<UInt8>?, into rows: inout PreparedRows
    ) {
        if let display, !display.isEmpty {
            addKey(of: display, into: &rows)
            if let parts = WholeNameSources.commaParts(of: display) {
                var swapped = takeBuffer(&variant)
                swapped.append(contentsOf: display[parts.given])
                swapped.append(32)
                swapped.append(contentsOf: display[parts.family])
                swapped.withUnsafeBufferPointer { addKey(of: $0, into: &rows) }
                variant = swapped
            }
        }
        if let named = WholeNameSources.namingCompany(first: first, last: last, display: display, company: company) {
            addKey(of: named, into: &rows)
        }
        let first = first ?? UnsafeBufferPointer(start: nil, count: 0)
        let last = last ?? UnsafeBufferPointer(start: nil, count: 0)
        guard !first.isEmpty || !last.isEmpty else { return }
        for (a, b) in [(first, last), (last, first)] {
            var joined = takeBuffer(&variant)
            joined.append(contentsOf: a)
            if !a.isEmpty, !b.isEmpty { joined.append(32) }
            joined.append(contentsOf: b)
            joined.withUnsafeBufferPointer { addKey(of: $0, into: &rows) }
            variant = joined
        }
        // The given name without its titles ("Dr. John Smith" as "John Smith"), both orders.
        if !last.isEmpty, let given = WholeNameSources.untitledGiven(first) {
            let untitled = UnsafeBufferPointer(rebasing: first[given])
            for (a, b) in [(untitled, last), (last, untitled)] {
                var joined = takeBuffer(&variant)
                joined.append(contentsOf: a)
                joined.append(32)
                joined.append(contentsOf: b)
                joined.withUnsafeBufferPointer { addKey(of: $0, into: &rows) }
                variant = joined
            }
        }
        // Family name first and no space, as Han, Hangul and kana names are written: "장혁중".
        if !first.isEmpty, !last.isEmpty, NameNormalizer.hasUnspacedScript(last) || NameNormalizer.hasUnspacedScript(first) {
            var joined = takeBuffer(&variant)
            joined.append(contentsOf: last)
            joined.append(contentsOf: first)
            joined.withUnsafeBufferPointer { addKey(of: $0, into: &rows) }
            variant = joined
        }
    }

    /// Takes a scratch buffer out of `self` (emptied, capacity kept), so that it can be read
    /// while `self` is mutated; put it back when done.
    private func takeBuffer(_ buffer: inout [UInt8]) -> [UInt8] {
        var taken: [UInt8] = []
        swap(&taken, &buffer)
        taken.removeAll(keepingCapacity: true)
        return taken
    }

    /// Adds the collation key of one whole-name variant (`NameNormalizer.collationKey`).
    private mutating func addKey(of text: UnsafeBufferPointer<UInt8>, into rows: inout PreparedRows) {
        var out = takeBuffer(&key)
        if !keyMemo.withValue(for: text, { out.append(contentsOf: $0) }) {
            if text.allSatisfy({ $0 < 0x80 }) {
                var input = takeBuffer(&spaced)
                NameNormalizer.appendASCIINormalizedSpacing(text, to: &input)
                input.withUnsafeBufferPointer { names.appendCollationKey(ofSpaced: $0, to: &out) }
                spaced = input
            } else {
                var spacedText = NameNormalizer.normalizedSpacing(String(utf8Bytes: text))
                spacedText.withUTF8 { names.appendCollationKey(ofSpaced: $0, to: &out) }
            }
            if keyMemo.isEnabled { out.withUnsafeBufferPointer { keyMemo.insert(key: text, value: $0) } }
        }
        if out.count > 1 { out.withUnsafeBufferPointer { rows.appendNameKey($0) } }
        key = out
    }
}

extension Optional where Wrapped == [UInt8] {
    /// Calls `body` with the array's bytes, or nil when there is no array.
    fileprivate func withOptionalBuffer<R>(_ body: (UnsafeBufferPointer<UInt8>?) throws -> R) rethrows -> R {
        guard let bytes = self else { return try body(nil) }
        return try bytes.withUnsafeBufferPointer { try body($0) }
    }
}
