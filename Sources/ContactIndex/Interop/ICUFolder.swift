import CICU

/// Owns one ICU transliterator handle (closed in `deinit`). Use through `ScriptFolder`.
final class ICUFolderHandle: @unchecked Sendable {
    // @unchecked: the handle is only ever used by one thread at a time, which ICUHandlePool
    // ensures.
    let pointer: OpaquePointer

    init(pointer: OpaquePointer) { self.pointer = pointer }

    deinit { CICU_folder_close(pointer) }

    static func open(transliteratorID: String?) throws(ICUError) -> ICUFolderHandle {
        var handle: OpaquePointer?
        let status = CICU_folder_open(transliteratorID, &handle)
        guard status == Int32(CICU_OK), let handle else { throw .openFailed(transliteratorID ?? "default") }
        return ICUFolderHandle(pointer: handle)
    }

    /// Opens the transliterator that the ICU transform `rules` define (`CICU_folder_open_rules`).
    static func open(rules: String) throws(ICUError) -> ICUFolderHandle {
        var handle: OpaquePointer?
        let status = CICU_folder_open_rules(rules, &handle)
        guard status == Int32(CICU_OK), let handle else { throw .openFailed(rules) }
        return ICUFolderHandle(pointer: handle)
    }

    func clone() -> ICUFolderHandle? {
        var copy: OpaquePointer?
        guard CICU_folder_clone(pointer, &copy) == Int32(CICU_OK), let copy else { return nil }
        return ICUFolderHandle(pointer: copy)
    }
}

/// Folds text of any script to lower-case ASCII Latin with ICU: NFKC case folding, then the
/// transform of CICU's folding rules: the Arabic alef maqsura read as an alef, `Any-Latin`,
/// `Latin-ASCII`, modifier letters removed ("Müller" → "muller", "Иванов" → "ivanov",
/// "Ελένη" → "elene", "王小明" → "wang xiao ming").
///
/// Concurrency: a pool of cloned transliterators (see `ICUHandlePool`) and one memo shared by
/// them (`FoldingMemo`). Cost: ICU takes about 10 µs for a Cyrillic word not seen before and
/// about 12 µs a Han character; a word or short text folded before costs a hash look-up, and
/// names are folded word by word where that is ICU's answer (`SeparatelyFoldedWords`). Callers
/// keep plain ASCII away from it (see `NameNormalizer.fold`).
public struct ScriptFolder: Sendable {
    private let pool: ICUHandlePool<ICUFolderHandle>
    /// What the handles folded, shared by them.
    private let memo = FoldingMemo()
    /// Whether Han text is put together from its characters' foldings where that gives ICU's
    /// answer (`HanSyllables`; the default chain only).
    private let composesHan: Bool
    /// Whether names are put together from their words' foldings where that gives ICU's answer
    /// (`SeparatelyFoldedWords`).
    private let splitsWords: Bool

    /// Opens the default folding chain.
    /// - Throws: `ICUError.openFailed` when ICU lacks the transliterators.
    public init() throws(ICUError) {
        try self.init(transliteratorID: nil)
    }

    /// Opens a folding chain: NFKC case folding, then the ICU transliterator `transliteratorID`
    /// (nil: CICU's folding rules, `Any-Latin; Latin-ASCII` with an alef rule before and
    /// modifier letters removed after).
    /// - Throws: `ICUError.openFailed` when ICU lacks the transliterators.
    /// - Parameters:
    ///   - composingHan: put the folding of Han text together from its characters' where that
    ///     gives ICU's answer (`HanSyllables`; the default chain only).
    ///   - splittingWords: put the folding of a name together from its words' where that gives
    ///     ICU's answer (`SeparatelyFoldedWords`).
    init(transliteratorID: String?, composingHan: Bool = true, splittingWords: Bool = true) throws(ICUError) {
        let prototype = try ICUFolderHandle.open(transliteratorID: transliteratorID)
        self.pool = ICUHandlePool(prototype: prototype) { $0.clone() }
        self.composesHan = composingHan && transliteratorID == nil
        self.splitsWords = splittingWords
    }

    /// Opens a folding chain of NFKC case folding, then the transliterator that the ICU
    /// transform `rules` define (they may call ICU's own: "::Any-Latin ;"), names folded word by
    /// word where that is ICU's answer (`SeparatelyFoldedWords`).
    /// - Throws: `ICUError.openFailed` when ICU cannot compile the rules.
    init(rules: String) throws(ICUError) {
        let prototype = try ICUFolderHandle.open(rules: rules)
        self.pool = ICUHandlePool(prototype: prototype) { $0.clone() }
        self.composesHan = false
        self.splitsWords = true
    }

    /// The folded form of `text`.
    /// - Complexity: O(n) in the length of `text`; words and short texts folded before are
    ///   remembered.
    public func fold(_ text: String) -> String {
        pool.withHandle { handle in
            guard splitsWords, let words = SeparatelyFoldedWords.split(text) else { return fold(text, handle: handle) }
            var folded = ""
            folded.reserveCapacity(text.utf8.count)
            for (index, word) in words.enumerated() {
                if index > 0 { folded += " " }
                if !word.isEmpty { folded += fold(String(word), handle: handle) }
            }
            return folded
        }
    }

    /// The folded form of `text` as a whole, remembered when short.
    private func fold(_ text: String, handle: ICUFolderHandle) -> String {
        let memoized = FoldingMemo.holds(text)
        if memoized, let known = memo.folding(of: text) { return known }
        let folded: String
        if composesHan, HanSyllables.hasHan(text), let han = HanSyllables.ofICU, han.composes(text) {
            folded = HanSyllables.composed(text) { scalar in
                if let known = memo.syllable(scalar.value) { return known }
                let syllable = Self.foldWithICU(String(Character(scalar)), handle: handle)
                memo.remember(syllable: syllable, of: scalar.value)
                return syllable
            }
        } else {
            folded = Self.foldWithICU(text, handle: handle)
        }
        if memoized { memo.remember(folded, of: text) }
        return folded
    }

    /// ICU's folding of `text` with one handle's chain.
    private static func foldWithICU(_ text: String, handle: ICUFolderHandle) -> String {
        let bytes = text.withUTF8Bytes { bytes, count in
            withGrowingBuffer(initialCapacity: Int(count) * 4 + 16) { out, capacity, length in
                CICU_folder_fold(handle.pointer, bytes, count, out, capacity, &length)
            }.bytes
        }
        return String(utf8Bytes: bytes)
    }

    /// NFKC case folding alone (no change of script).
    /// - Complexity: O(n) in the length of `text`.
    public static func nfkcCaseFold(_ text: String) -> String {
        let bytes = text.withUTF8Bytes { bytes, count in
            withGrowingBuffer(initialCapacity: Int(count) * 2 + 16) { out, capacity, length in
                CICU_nfkc_casefold(bytes, count, out, capacity, &length)
            }.bytes
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
