import CMemoryHints

/// Reads vocabulary tokens' bytes by id in place, for a loop over many tokens
/// (`TokenVocabulary.withBytesReader`): no array slice (and no reference count) per token, and
/// a token's offsets and bytes can be prefetched a few tokens ahead.
struct TokenBytesReader {
    let arena: UnsafeBufferPointer<UInt8>
    let offsets: UnsafeBufferPointer<UInt32>

    /// The bytes of the token `id`.
    @inline(__always)
    subscript(id: UInt32) -> UnsafeBufferPointer<UInt8> {
        let start = Int(offsets[Int(id)])
        return UnsafeBufferPointer(rebasing: arena[start..<Int(offsets[Int(id) + 1])])
    }

    /// Asks the processor to load where the token `id` starts in `offsets`.
    @inline(__always)
    func prefetchOffsets(of id: UInt32) {
        cmh_prefetch_read(offsets.baseAddress! + Int(id))
    }

    /// Asks the processor to load the token's first bytes (its offsets are read to find them:
    /// prefetch those first).
    @inline(__always)
    func prefetchBytes(of id: UInt32) {
        guard let base = arena.baseAddress else { return }
        cmh_prefetch_read(base + Int(offsets[Int(id)]))
    }
}
