/// Row preparers kept between the single-contact preparations of a `ContactPreparer`, so that
/// each call finds one with warm scratch buffers and a memo of name collation keys, instead of
/// building one and growing its buffers from empty (about a quarter of a preparation's
/// instructions) and asking ICU again for the collation keys of names it has seen.
final class ContactRowPreparerPool: Sendable {
    /// The most idle preparers kept (one per thread that prepares at once).
    static let maximumIdle = 8
    /// Names whose collation keys each preparer remembers.
    static let nameKeyCacheLimit = 4_096

    private let configuration: DirectoryConfiguration
    private let names: NameNormalizer
    private let idle = PthreadMutex<[ContactRowPreparer]>([])

    init(configuration: DirectoryConfiguration, names: NameNormalizer) {
        self.configuration = configuration
        self.names = names
    }

    /// Calls `body` with an idle preparer (a new one when none is idle), then keeps it.
    func withPreparer<R>(_ body: (inout ContactRowPreparer) throws -> R) rethrows -> R {
        // Held in an optional so that it moves into and out of the pool (`take`), never copied:
        // a copy retains and releases each of its many buffers, every call.
        var preparer: ContactRowPreparer? = idle.withLock { $0.popLast() }
            ?? ContactRowPreparer(configuration: configuration, names: names, nameKeyCacheLimit: Self.nameKeyCacheLimit)
        defer {
            idle.withLock { preparers in
                if preparers.count < Self.maximumIdle, let kept = preparer.take() { preparers.append(kept) }
            }
        }
        return try body(&preparer!)
    }
}
