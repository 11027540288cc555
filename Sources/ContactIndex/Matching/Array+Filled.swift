extension Array {
    /// `Array(repeating: value, count: count)` for the small scratch arrays of a look-up.
    ///
    /// Why: `Array(repeating:count:)` (like `init(unsafeUninitializedCapacity:)`) allocates
    /// through the standard library's unspecialized path, which looks up the storage class's
    /// generic metadata on every call: about 300 instructions, more than filling a small array.
    /// `reserveCapacity` then `append(contentsOf:)` are specialized here and skip that look-up
    /// (callgrind on name search: a sixth of the allocations' cost).
    @inline(__always)
    init(filledWith value: Element, count: Int) {
        self.init()
        reserveCapacity(count)
        append(contentsOf: repeatElement(value, count: count))
    }
}
