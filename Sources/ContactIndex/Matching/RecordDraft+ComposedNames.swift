extension RecordDraft {
    /// Writes the name fields (given, family, display, company) in NFC when a field was
    /// decomposed, so that the stored record, its spelling bits and its name keys all read the
    /// composed form (`CanonicalComposition`). A composed field is appended to the buffer and the
    /// field points at it; the decomposed bytes stay unused in the draft.
    /// - Complexity: O(size of the names); fields below U+0300 are only scanned.
    mutating func composeNames() {
        // Plain assignments, not one function over key paths: a key path applied per row cost
        // a generic metadata look-up and retains on every row of a bulk load (about 5% of a
        // million-row load's samples).
        if let composed = composedRange(firstName) { firstName = composed }
        if let composed = composedRange(lastName) { lastName = composed }
        if let composed = composedRange(displayName) { displayName = composed }
        if let composed = composedRange(company) { company = composed }
    }

    /// Where the NFC form of the bytes at `range` was appended, or nil when they are NFC.
    private mutating func composedRange(_ range: Range<Int>?) -> Range<Int>? {
        guard let range, let composed = withBytes(range, { CanonicalComposition.composed($0) }) else { return nil }
        return composed.withUnsafeBufferPointer { append($0) }
    }
}
