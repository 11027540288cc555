/// A map from 32-bit ids (token ids, slots) to 32-bit values for the inner loops of one
/// look-up: open addressing with linear probing and a multiplicative hash, in two flat arrays.
///
/// Why not `Dictionary` or `Set`: their SipHash costs more than the rest of a probe, and name
/// search probes it once per (query token, contact token) pair and once per candidate. Ids here
/// are below 2^28 (`NameTokenIndex.idMask`), so `UInt32.max` marks an empty cell.
struct SmallIDMap: Sendable {
    private static let empty = UInt32.max
    private var keys: [UInt32]
    private var values: [Int32]
    private var mask: Int
    /// The number of keys.
    private(set) var count = 0

    /// An empty map sized for about `capacity` keys (it grows beyond).
    init(capacity: Int = 8) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(filledWith: Self.empty, count: size)
        values = Array(filledWith: 0, count: size)
        mask = size - 1
    }

    @inline(__always)
    private static func cell(_ key: UInt32, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(key) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// The value of `key`, or nil.
    @inline(__always)
    func value(of key: UInt32) -> Int32? {
        keys.withUnsafeBufferPointer { keys in
            var cell = Self.cell(key, mask)
            while true {
                let found = keys[cell]
                if found == key { return values[cell] }
                if found == Self.empty { return nil }
                cell = (cell + 1) & mask
            }
        }
    }

    /// Whether `key` is in the map.
    @inline(__always)
    func contains(_ key: UInt32) -> Bool { value(of: key) != nil }

    /// Gives the map its own storage (a copy shares it until one side writes).
    mutating func makeStorageUnique() {
        keys.reserveCapacity(keys.count)
        values.reserveCapacity(values.count)
    }

    /// Approximate heap bytes held.
    var approximateBytes: Int { keys.capacity * 4 + values.capacity * 4 }

    /// Adds `key` with `value` when it is absent.
    /// - Returns: whether it was added (false: the key was there, its value unchanged).
    @inline(__always)
    @discardableResult
    mutating func insert(_ key: UInt32, value: Int32 = 0) -> Bool {
        let (cell, present) = claimCell(for: key)
        if !present { values[cell] = value }
        return !present
    }

    /// Sets the value of `key`, adding it when absent.
    /// - Returns: its value before, or nil when it was absent.
    @inline(__always)
    @discardableResult
    mutating func set(_ key: UInt32, value: Int32) -> Int32? {
        let (cell, present) = claimCell(for: key)
        let old = present ? values[cell] : nil
        values[cell] = value
        return old
    }

    /// The cell of `key`, and whether it was there; an absent key takes an empty cell (its
    /// value for the caller to write).
    @inline(__always)
    private mutating func claimCell(for key: UInt32) -> (cell: Int, present: Bool) {
        if (count + 1) * 2 > keys.count { grow() }
        var cell = Self.cell(key, mask)
        while true {
            let found = keys[cell]
            if found == key { return (cell, true) }
            if found == Self.empty {
                keys[cell] = key
                count += 1
                return (cell, false)
            }
            cell = (cell + 1) & mask
        }
    }

    /// Makes room for `capacity` keys in all without a rehash on insert (one now, when needed).
    mutating func reserve(_ capacity: Int) {
        var size = keys.count
        while size < capacity * 2 { size <<= 1 }
        if size > keys.count { rehash(into: size) }
    }

    /// Rehashes into four times the cells (a look-up's candidate set grows from 1,024 to tens of
    /// thousands: fewer rehashes), without the checks of `insert`.
    private mutating func grow() {
        rehash(into: keys.count * 4)
    }

    /// Moves the keys into `size` cells (a power of two).
    private mutating func rehash(into size: Int) {
        var newKeys = [UInt32](repeating: Self.empty, count: size)
        var newValues = [Int32](repeating: 0, count: size)
        let newMask = size - 1
        keys.withUnsafeBufferPointer { oldKeys in
            values.withUnsafeBufferPointer { oldValues in
                newKeys.withUnsafeMutableBufferPointer { keys in
                    newValues.withUnsafeMutableBufferPointer { values in
                        for index in 0..<oldKeys.count where oldKeys[index] != Self.empty {
                            var cell = Self.cell(oldKeys[index], newMask)
                            while keys[cell] != Self.empty { cell = (cell + 1) & newMask }
                            keys[cell] = oldKeys[index]
                            values[cell] = oldValues[index]
                        }
                    }
                }
            }
        }
        keys = newKeys
        values = newValues
        mask = newMask
    }
}
