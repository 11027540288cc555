/// Whether a key entry made for a slot at a generation still describes the slot's contact,
/// read in place by a look-up (`ContactDirectory.slotLiveness`).
///
/// Why a value and not the closure `ContactDirectory.liveness`: that closure captures the
/// generations and the record store in a context on the heap, one allocation and three
/// retains each time a look-up reads it (an exact-name query reads it three to eight times).
/// A look-up passes `{ live.isLive($0, $1) }`, a closure that does not escape, whose context
/// stays on the stack.
struct SlotLiveness: Sendable {
    let generations: [UInt32]
    let store: ContactRecordStore

    /// Whether the entry of `slot` made at `generation` is live.
    @inline(__always)
    func isLive(_ slot: UInt32, _ generation: UInt32) -> Bool {
        Int(slot) < generations.count && generations[Int(slot)] == generation && store.contains(slot)
    }
}

extension ContactDirectory {
    /// The liveness of whole-name key entries, as `liveness` tells it, without a closure.
    var slotLiveness: SlotLiveness { SlotLiveness(generations: generations, store: store) }
}
