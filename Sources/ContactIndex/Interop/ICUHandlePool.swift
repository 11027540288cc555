/// A pool of C handles that may each be used by one thread at a time.
///
/// ICU collators and transliterators keep scratch state per call and are not thread-safe. Rather
/// than lock one handle (which would serialize every look-up) or keep one per thread (which leaks
/// with every short-lived thread), the pool lends a handle for the length of one call. When the
/// pool is empty it clones the prototype, so it grows to the number of threads that ever use it at
/// once (two on this machine's two cores) and keeps them. Borrowing costs one uncontended lock,
/// tens of nanoseconds. Clones are made under the lock, so the prototype is never read by one
/// thread while another uses it.
final class ICUHandlePool<Handle: AnyObject & Sendable>: Sendable {
    private let prototype: Handle
    private let makeClone: @Sendable (Handle) -> Handle?
    /// A pthread mutex, not `Synchronization.Mutex`: see `PthreadMutex`.
    private let idle: PthreadMutex<[Handle]>

    /// Creates a pool around a prototype handle and a way to clone it.
    init(prototype: Handle, clone: @escaping @Sendable (Handle) -> Handle?) {
        self.prototype = prototype
        self.makeClone = clone
        self.idle = PthreadMutex([])
    }

    /// Runs `body` with a handle that no other thread uses meanwhile.
    func withHandle<R>(_ body: (Handle) throws -> R) rethrows -> R {
        let handle = idle.withLock { $0.popLast() ?? makeClone(prototype) } ?? prototype
        if handle === prototype {
            // Cloning failed (out of memory): fall back to the prototype under the pool's lock.
            return try idle.withLock { _ in try body(handle) }
        }
        defer { idle.withLock { $0.append(handle) } }
        return try body(handle)
    }
}
