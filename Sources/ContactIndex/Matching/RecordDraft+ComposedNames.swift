extension RecordDraft {
    /// Writes the name fields (given, family, display, company) in NFC when a field was
    /// decomposed, so that the stored record, its spelling bits and its name keys all read the
    /// composed form (`CanonicalComposition`). A composed field is appended to the buffer and the
    /// field points at it; the decomposed bytes stay unused in the draft.
    /// - Complexity: O(size of the names); fields below U+0300 are only scanned.
    mutating func composeNames() {
        composeField(\.firstName)
        composeField(\.lastName)
        composeField(\.displayName)
        composeField(\.company)
    }

    private mutating func composeField(_ field: WritableKeyPath<RecordDraft, Range<Int>?>) {
        guard let range = self[keyPath: field],
              let composed = withBytes(range, { CanonicalComposition.composed($0) })
        else { return }
        self[keyPath: field] = composed.withUnsafeBufferPointer { append($0) }
    }
}
