/// A map from 32-bit ids (token ids, slots) to 32-bit values for the inner loops of one
/// look-up: open addressing with a multiplicative hash, in two flat arrays, every key within
/// `window` cells of its home cell, so that a look-up compares one window of keys at once and
/// never branches on what it finds (`offset(of:from:)`).
///
/// Why not `Dictionary` or `Set`: their SipHash costs more than the rest of a probe, and name
/// search probes it once per (query token, contact token) pair and once per candidate. Ids here
/// are below 2^26 (`NameTokenIndex.idMask`), so `UInt32.max` marks an empty cell.
///
/// Why a window: most keys asked are absent (a contact's tokens against the spellings of a query
/// token), and a probe loop that stops at the key or at an empty cell then exits on a branch the
/// processor cannot predict: in `perf`, about a quarter of the samples of scoring a type-ahead
/// query's contacts sat just after it. Keys are placed Robin Hood style (a key further from its
/// home cell takes the cell of one nearer to its own), which kept the farthest of up to 5,000 keys
/// within 6 cells of home at half load in a simulation; a key that would land further makes the
/// table double. The cells do not wrap: `window − 1` cells past the last home cell hold the
/// overflow of the last homes, so every window is one run of memory.
struct SmallIDMap: Sendable {
    private static let empty = UInt32.max
    /// How many cells from its home cell a key may lie, and a look-up compares.
    static let window = 8
    /// `homes + window − 1` cells.
    private var keys: [UInt32]
    private var values: [Int32]
    /// `homes − 1`: the home cell of a key is its hash masked with it.
    private var mask: Int
    /// The number of keys.
    private(set) var count = 0

    /// An empty map sized for about `capacity` keys (it grows beyond).
    init(capacity: Int = 8) {
        var homes = 16
        while homes < capacity * 2 { homes <<= 1 }
        keys = Array(filledWith: Self.empty, count: homes + Self.window - 1)
        values = Array(filledWith: 0, count: homes + Self.window - 1)
        mask = homes - 1
    }

    @inline(__always)
    private static func home(_ key: UInt32, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(key) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// The offset (0 to 7) of `key` in the window of cells from `home`, or `window` when none
    /// holds it: a bit for each cell that holds it, the bits' trailing zeros counted, without a
    /// branch. (`SIMD8` comparisons compiled to a loop of stores and loads here, and a C
    /// function made the callers copy the query token whose map this is, as an opaque call.)
    @inline(__always)
    private func offset(of key: UInt32, from home: Int) -> Int {
        keys.withUnsafeBufferPointer { keys in
            // 8 is `window`, spelled out so that the loop unrolls into two vector compares.
            let cells = keys.baseAddress! + home
            var holders: UInt32 = 1 << 8
            for offset in 0..<8 { holders |= UInt32(truncatingIfNeeded: (cells[offset] == key ? 1 : 0) << offset) }
            return holders.trailingZeroBitCount
        }
    }

    /// The cell of `key`, or nil; without a branch on whether it is there.
    @inline(__always)
    private func cell(of key: UInt32) -> Int? {
        let home = Self.home(key, mask)
        let offset = offset(of: key, from: home)
        return offset < Self.window ? home + offset : nil
    }

    /// The value of `key`, or nil.
    @inline(__always)
    func value(of key: UInt32) -> Int32? {
        guard let cell = cell(of: key) else { return nil }
        return values[cell]
    }

    /// Whether `key` is in the map.
    @inline(__always)
    func contains(_ key: UInt32) -> Bool { cell(of: key) != nil }

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
        if cell(of: key) != nil { return false }
        add(key, value: value)
        return true
    }

    /// Sets the value of `key`, adding it when absent.
    /// - Returns: its value before, or nil when it was absent.
    @inline(__always)
    @discardableResult
    mutating func set(_ key: UInt32, value: Int32) -> Int32? {
        if let cell = cell(of: key) {
            let old = values[cell]
            values[cell] = value
            return old
        }
        add(key, value: value)
        return nil
    }

    /// Makes room for `capacity` keys in all without a rehash on insert (one now, when needed).
    mutating func reserve(_ capacity: Int) {
        var homes = mask + 1
        while homes < capacity * 2 { homes <<= 1 }
        if homes > mask + 1 { rehash(homes: homes) }
    }

    /// Adds a key the map lacks: four times the home cells first when it would pass half load
    /// (a look-up's candidate set grows from 1,024 to tens of thousands: fewer rehashes).
    private mutating func add(_ key: UInt32, value: Int32) {
        if (count + 1) * 2 > mask + 1 { rehash(homes: (mask + 1) * 4) }
        count += 1
        var carried = (key: key, value: value)
        // Until every key has a cell within its window: a table that cannot give one doubles.
        while let left = place(carried) {
            carried = left
            rehash(homes: (mask + 1) * 2)
        }
    }

    /// Places `entry` Robin Hood style: along its window, it takes the first empty cell, or the
    /// cell of a key nearer to its home than `entry` is to its own, which then moves on in turn.
    /// - Returns: nil once every key has a cell; else the key (`entry` or one it moved) whose
    ///   window is full of keys at least as far from home (the table must grow).
    private mutating func place(_ entry: (key: UInt32, value: Int32)) -> (key: UInt32, value: Int32)? {
        var carried = entry
        var cell = Self.home(carried.key, mask)
        var distance = 0
        let mask = mask
        return keys.withUnsafeMutableBufferPointer { keys in
            values.withUnsafeMutableBufferPointer { values in
                while distance < Self.window {
                    let resident = keys[cell]
                    if resident == Self.empty {
                        keys[cell] = carried.key
                        values[cell] = carried.value
                        return nil
                    }
                    let residentDistance = cell - Self.home(resident, mask)
                    if residentDistance < distance {
                        let moved = (key: resident, value: values[cell])
                        keys[cell] = carried.key
                        values[cell] = carried.value
                        carried = moved
                        distance = residentDistance
                    }
                    cell += 1
                    distance += 1
                }
                return carried
            }
        }
    }

    /// Moves the keys into `homes` home cells (a power of two), and more while one has no cell
    /// within its window.
    private mutating func rehash(homes: Int) {
        let oldKeys = keys
        let oldValues = values
        var homes = homes
        while true {
            keys = Array(filledWith: Self.empty, count: homes + Self.window - 1)
            values = Array(filledWith: 0, count: homes + Self.window - 1)
            mask = homes - 1
            var placed = true
            for index in oldKeys.indices where oldKeys[index] != Self.empty {
                if place((oldKeys[index], oldValues[index])) != nil {
                    placed = false
                    break
                }
            }
            if placed { return }
            homes *= 2
        }
    }
}
