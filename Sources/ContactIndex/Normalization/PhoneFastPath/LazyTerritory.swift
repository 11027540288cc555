import Synchronization

/// A territory of the metadata whose patterns are compiled the first time a number needs them.
///
/// Compiling all 250 territories costs about a quarter of a second; a directory's numbers use a
/// handful. Compilation is published with a compare-and-exchange, so concurrent first uses may
/// each compile, one result wins, and readers never take a lock.
final class LazyTerritory: Sendable {
    /// The territory's metadata (id and country code are read without compiling).
    let metadata: PhoneTerritoryMetadata
    /// An `Unmanaged<CompiledTerritory>` bit pattern, or 0 before the first use.
    private let published = Atomic<UInt>(0)

    init(_ metadata: PhoneTerritoryMetadata) { self.metadata = metadata }

    deinit {
        let bits = published.load(ordering: .acquiring)
        if bits != 0, let pointer = UnsafeRawPointer(bitPattern: bits) {
            Unmanaged<CompiledTerritory>.fromOpaque(pointer).release()
        }
    }

    /// The compiled territory.
    /// - Complexity: O(1) after the first call.
    var compiled: CompiledTerritory {
        let bits = published.load(ordering: .acquiring)
        if bits != 0, let pointer = UnsafeRawPointer(bitPattern: bits) {
            return Unmanaged<CompiledTerritory>.fromOpaque(pointer).takeUnretainedValue()
        }
        let box = CompiledTerritory(metadata)
        let retained = UInt(bitPattern: Unmanaged.passRetained(box).toOpaque())
        let (exchanged, original) = published.compareExchange(expected: 0, desired: retained, ordering: .acquiringAndReleasing)
        if exchanged { return box }
        Unmanaged<CompiledTerritory>.fromOpaque(UnsafeRawPointer(bitPattern: retained)!).release()
        return Unmanaged<CompiledTerritory>.fromOpaque(UnsafeRawPointer(bitPattern: original)!).takeUnretainedValue()
    }
}

