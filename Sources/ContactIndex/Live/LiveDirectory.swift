import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A contact directory that changes while it is read: `upsert`, `remove` and `replace` run
/// while look-ups go on from other threads, and readers never wait for a writer.
///
/// ## How it works: left-right
/// The live directory keeps two copies of the directory, the *active* one that new readers
/// enter and the *standby* one that only the writer touches. A write
/// 1. waits until no reader is left in the standby copy (readers that entered it before the last
///    switch; a look-up takes microseconds, so this wait is short and happens on the writer's side
///    only),
/// 2. replays there the write that the active copy has and the standby one lacks, unless that was
///    done already (step 4), then applies the new write,
/// 3. switches: the standby copy becomes active, atomically, and returns,
/// 4. then, once no write has come for `quietPeriod`, a background queue waits until the readers
///    have left the copy the write switched away from and replays the write there, so that the
///    next write finds both copies level and applies itself once. Through a burst of writes it
///    looks less and less often (`maximumBusyShift`), since the writes replay each other.
///
/// After `upsert`, `remove` or `replace` returns, every look-up that starts sees the change, and no
/// look-up ever sees a contact in a form it never had: each copy is only mutated when no reader is
/// in it. Readers pay two atomic increments and never block; writers are serialized among
/// themselves (the background replay takes the same lock). Each copy is mutated in place (it is
/// uniquely referenced when the writer holds it), so a write costs what one
/// `ContactDirectory.upsert` costs, twice, never a copy of the directory. The caller waits for
/// one of the two when the writes are far enough apart for the replay to run in between (a
/// sustained stream of a thousand writes a second). Writes that come back to back replay each
/// other on the writer's thread, as they would without the queue: there, handing each replay
/// to another core and back made every write slower (the copies' cache lines moved between the
/// cores, and the writer waited on the lock for the replay).
///
/// The price is memory: two copies of the indexes. Contacts themselves (their strings and arrays)
/// are shared between the copies, since both hold the same immutable values.
///
/// Normalizing a contact (libphonenumber, ICU) happens before the writer's lock is taken, so
/// writers that prepare contacts on several threads only serialize on the index update.
public final class LiveDirectory: DirectoryReading, @unchecked Sendable {
    // @unchecked: `copies` is shared mutable state. The left-right protocol makes it safe: the
    // writer (serialized by `writer`: a caller's write or the background replay) mutates only the
    // copy that `active` does not name, and only
    // once that copy's reader count has dropped to zero after the switch away from it.

    /// The configuration of the directory; kept across `replace`.
    public let configuration: DirectoryConfiguration
    let preparer: ContactPreparer
    private let copies: UnsafeMutablePointer<DirectoryCopy>
    private let active = Atomic<Int>(0)
    private let readers0 = Atomic<Int>(0)
    private let readers1 = Atomic<Int>(0)
    /// A pthread mutex, not `Synchronization.Mutex`: the background replay mutates the copies on
    /// another thread than the writer's, and ThreadSanitizer sees only this lock's ordering
    /// between the two (see `PthreadMutex`).
    private let writer = PthreadMutex<WriterState>(WriterState())
    private let changes = Atomic<UInt64>(0)
    /// Replays a write on the copy that lacks it, once the writer is quiet. A timer source with
    /// no leeway: `asyncAfter` allows a timer at least a millisecond of it, the whole gap between
    /// two writes at a thousand a second.
    private let replayTimer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "LiveDirectory.replay"))
    /// Whether a replay is scheduled (one is enough for any number of writes).
    private let replayScheduled = Atomic<Bool>(false)
    /// How many writes were replayed in the background (the others by the next write).
    private let backgroundReplays = Atomic<UInt64>(0)
    /// How many looks in a row found writes still coming (`retryReplay`); touched by the
    /// replay's queue only.
    private let busyLooks = Atomic<Int>(0)

    /// How long (nanoseconds) no write must have come before the replay runs in the background:
    /// longer than the gaps of a burst, shorter than those of a thousand writes a second.
    static let quietPeriod: UInt64 = 100_000

    /// A replay that finds writes still coming looks again after `quietPeriod` times 2, 4, 8,
    /// then 16 at most (1.6 ms): a burst of writes replays them on its own thread, and a timer
    /// that woke every 100 µs through it kept the other core busy switching to it (28% of the
    /// samples of back-to-back writes at a million contacts), a core that the VM's two share
    /// with the writer's.
    static let maximumBusyShift = 4

    /// When the last write switched the copies (`monotonicNanoseconds`): read without the lock,
    /// so that a replay scheduled during a burst of writes does not contend for it.
    private let lastWrite = Atomic<UInt64>(0)

    /// The write that the active copy has and the standby copy still lacks, and the writes
    /// recorded for the write marks still held.
    private struct WriterState {
        var lagging: DirectoryChange? = nil
        /// The writes since each mark (`markWrites()`), by the mark's number.
        var logs: [Int: WriteLog] = [:]
        /// The number of the next mark.
        var nextMark = 0
    }

    /// Wraps a directory. It is copied once (the second copy of the left-right pair), and both
    /// copies are readied for updates (`ContactDirectory.prepareForUpdates`).
    /// - Complexity: O(n) for the copy of the indexes.
    public init(_ directory: ContactDirectory) {
        self.configuration = directory.configuration
        self.preparer = directory.preparer
        let (first, second) = directory.readiedCopies()
        copies = .allocate(capacity: 2)
        copies.initialize(to: DirectoryCopy(directory: consume first))
        (copies + 1).initialize(to: DirectoryCopy(directory: consume second))
        // Weak: a replay still due when the directory goes has nothing left to do.
        replayTimer.setEventHandler { [weak self] in self?.replayWhenQuiet() }
        replayTimer.resume()
    }

    /// An empty live directory.
    public convenience init(configuration: DirectoryConfiguration = .init()) {
        self.init(ContactDirectory(configuration: configuration))
    }

    deinit {
        replayTimer.cancel()
        copies.deinitialize(count: 2)
        copies.deallocate()
    }

    // MARK: Reading

    /// Calls `body` with the current directory; the look-ups inside see one consistent version.
    /// Never waits for a writer.
    /// - Complexity: O(1) besides `body`: two atomic read-modify-writes.
    public func withDirectory<R>(_ body: (borrowing ContactDirectory) throws -> R) rethrows -> R {
        let side = enter()
        defer { addReaders(-1, side: side) }
        return try copies[side].lend(to: body)
    }

    /// The number of contacts now.
    public var count: Int { withDirectory { $0.count } }

    /// How many writes have been applied since this live directory was made.
    public var changeCount: UInt64 { changes.load(ordering: .relaxed) }

    /// Adds `delta` to the reader count of `side`.
    @inline(__always)
    private func addReaders(_ delta: Int, side: Int) {
        if side == 0 {
            readers0.add(delta, ordering: .sequentiallyConsistent)
        } else {
            readers1.add(delta, ordering: .sequentiallyConsistent)
        }
    }

    /// The reader count of `side`.
    @inline(__always)
    private func readerCount(side: Int) -> Int {
        side == 0 ? readers0.load(ordering: .sequentiallyConsistent) : readers1.load(ordering: .sequentiallyConsistent)
    }

    /// Registers a reader in the active copy. The check after the increment closes the race with a
    /// switch: a reader that counted itself in a copy that stopped being active in the meantime
    /// leaves and tries again, so the writer never mutates a copy with a reader in it.
    private func enter() -> Int {
        while true {
            let side = active.load(ordering: .sequentiallyConsistent)
            addReaders(1, side: side)
            if active.load(ordering: .sequentiallyConsistent) == side { return side }
            addReaders(-1, side: side)
        }
    }

    // MARK: Writing

    /// Adds a contact, or replaces the one with the same id. Every look-up that starts after this
    /// returns sees the new version, and none sees the old one.
    /// - Returns: the problems found in the contact's fields (a record without id is not stored).
    /// - Complexity: normalization outside the lock, then two index updates (see
    ///   `ContactDirectory.upsert`).
    @discardableResult
    public func upsert(_ contact: Contact) -> [DirectoryProblem] {
        upsert(preparer.prepare(contact))
    }

    /// Adds or replaces a contact that was already prepared with this directory's configuration.
    @discardableResult
    public func upsert(_ prepared: PreparedContact) -> [DirectoryProblem] {
        apply(.upsert(prepared))
        return prepared.problems
    }

    /// Removes the contact with this id.
    /// - Returns: the removed contact, or nil when there was none.
    @discardableResult
    public func remove(id: String) -> Contact? {
        guard case .applied(let removed) = apply(.remove(id)) else { return nil }
        return removed
    }

    /// Replaces the whole directory (after a fresh bulk load, for example). Look-ups in progress
    /// finish on the old directory; every look-up that starts after this returns sees the new one.
    ///
    /// Pass a directory you keep no other copy of: the live directory then owns its storage, and
    /// later writes update it in place instead of copying it once.
    /// - Complexity: O(n) for the second copy of the new directory and the readying of both for
    ///   updates, done before the lock is taken, plus the wait for the look-ups still in the old
    ///   directory.
    public func replace(with directory: consuming ContactDirectory) {
        _ = replace(with: directory, carrying: nil)
    }

    /// Replaces the whole directory with one built from an export that was read while the
    /// directory went on changing (a bulk import that takes seconds), and keeps those changes:
    /// the writes made since `mark` (`markWrites()`) are applied to the new directory, in their
    /// order, before it replaces the old one. A record that an agent changed or deleted during
    /// the import is then not brought back in the form the export caught it in.
    ///
    /// The mark stays valid, with no writes recorded: a later replacement with it carries only
    /// the writes after this one.
    /// - Returns: how many writes were carried over.
    /// - Complexity: that of `replace(with:)`, plus two index updates per write carried over
    ///   (under the writer's lock).
    @discardableResult
    public func replace(with directory: consuming ContactDirectory, keepingWritesSince mark: WriteMark) -> Int {
        replace(with: directory, carrying: mark.number)
    }

    /// `replace(with:)`, carrying over the writes logged for the mark numbered `markNumber`.
    private func replace(with directory: consuming ContactDirectory, carrying markNumber: Int?) -> Int {
        let (readied, copy) = directory.readiedCopies()
        var first: ContactDirectory? = consume readied
        var second: ContactDirectory? = consume copy
        return writer.withLock { state in
            var carried = 0
            if let markNumber, let log = state.logs[markNumber] {
                for change in log.changes {
                    _ = change.apply(to: &first!, returningRemoved: false)
                    _ = change.apply(to: &second!, returningRemoved: false)
                }
                carried = log.changes.count
                state.logs[markNumber] = WriteLog()
            }
            let standby = 1 - active.load(ordering: .sequentiallyConsistent)
            waitForReaders(leaving: standby)
            copies[standby].directory = first.take()!
            active.store(standby, ordering: .sequentiallyConsistent)
            waitForReaders(leaving: 1 - standby)
            copies[1 - standby].directory = second.take()!
            state.lagging = nil
            changes.add(1, ordering: .relaxed)
            return carried
        }
    }

    /// Starts recording the writes made from now on, for a replacement or a merge built from an
    /// export that is read meanwhile (`replace(with:keepingWritesSince:)`,
    /// `merge(_:fields:keepingWritesSince:)`). Recording stops when the mark is released.
    /// - Complexity: O(1); while the mark is held, each write also appends itself to its log.
    public func markWrites() -> WriteMark {
        let number = writer.withLock { state in
            let number = state.nextMark
            state.nextMark += 1
            state.logs[number] = WriteLog()
            return number
        }
        return WriteMark(number: number) { [weak self] number in
            self?.writer.withLock { state in _ = state.logs.removeValue(forKey: number) }
        }
    }

    /// How many write marks are held (their writes recorded); for tests.
    package var writeMarksHeld: Int { writer.withLock { $0.logs.count } }

    /// What `apply` did.
    enum WriteOutcome {
        /// The change was applied; for a removal, the contact removed (nil when there was none).
        case applied(removed: Contact?)
        /// The change was not applied: its record was written since the mark it was checked
        /// against.
        case skipped
    }

    /// Applies a change to the standby copy, switches, remembers the change for the other copy,
    /// and queues its replay there.
    /// - Parameter mark: when given, the change is skipped if its record was written since the
    ///   mark, and is not recorded in the mark's own log (it is the mark holder's write).
    @discardableResult
    func apply(_ change: DirectoryChange, unlessWrittenSince mark: WriteMark? = nil) -> WriteOutcome {
        let outcome = writer.withLock { state -> WriteOutcome in
            if let mark, state.logs[mark.number]?.ids.contains(change.id) == true { return .skipped }
            let standby = 1 - active.load(ordering: .sequentiallyConsistent)
            // The replay of the last write has not run yet: it runs here, as it must before the
            // standby copy takes a new write.
            replayLagging(&state)
            let removed = change.apply(to: &copies[standby].directory, returningRemoved: true)
            active.store(standby, ordering: .sequentiallyConsistent)
            state.lagging = change
            if !state.logs.isEmpty { record(change, in: &state, except: mark?.number) }
            lastWrite.store(Self.monotonicNanoseconds(), ordering: .relaxed)
            changes.add(1, ordering: .relaxed)
            return .applied(removed: removed)
        }
        if !replayScheduled.exchange(true, ordering: .acquiringAndReleasing) { scheduleReplay(in: Self.quietPeriod) }
        return outcome
    }

    /// Appends a change to the log of every mark held but the one numbered `skipped`.
    private func record(_ change: DirectoryChange, in state: inout WriterState, except skipped: Int?) {
        for number in state.logs.keys where number != skipped {
            state.logs[number]?.append(change)
        }
    }

    /// Runs `replayWhenQuiet` in `nanoseconds`.
    private func scheduleReplay(in nanoseconds: UInt64) {
        replayTimer.schedule(deadline: .now() + .nanoseconds(Int(nanoseconds)), leeway: .nanoseconds(0))
    }

    /// Looks again for a quiet writer in `nanoseconds`, or later when the looks before found
    /// it busy too (`maximumBusyShift`).
    private func retryReplay(after nanoseconds: UInt64) {
        let looks = busyLooks.load(ordering: .relaxed)
        busyLooks.store(looks + 1, ordering: .relaxed)
        scheduleReplay(in: max(nanoseconds, Self.quietPeriod << UInt64(min(looks + 1, Self.maximumBusyShift))))
    }

    /// Replays the lagging write, if a write left one, once the writer has been quiet for
    /// `quietPeriod`; before that, looks again when it will have been (`retryReplay`).
    private func replayWhenQuiet() {
        let quiet = Self.monotonicNanoseconds() &- lastWrite.load(ordering: .relaxed)
        if quiet < Self.quietPeriod { return retryReplay(after: Self.quietPeriod - quiet) }
        // The readers still in the standby copy (a slow name search) are waited for before the
        // lock is taken, sleeping: a write that comes meanwhile is not held up, and replays
        // itself.
        waitForReaders(leaving: 1 - active.load(ordering: .sequentiallyConsistent), sleeping: true)
        let wait: UInt64? = writer.withLock { state in
            if state.lagging != nil {
                let quiet = Self.monotonicNanoseconds() &- lastWrite.load(ordering: .relaxed)
                if quiet < Self.quietPeriod { return Self.quietPeriod - quiet }
                replayLagging(&state)
                backgroundReplays.add(1, ordering: .relaxed)
            }
            // Cleared under the lock: a write after this schedules a replay of its own, and
            // one before it left its change for this replay.
            replayScheduled.store(false, ordering: .releasing)
            return nil
        }
        if let wait { return retryReplay(after: wait) }
        busyLooks.store(0, ordering: .relaxed)
    }

    /// The monotonic clock in nanoseconds (Dispatch's, which the replay timer runs on).
    private static func monotonicNanoseconds() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// Brings the standby copy level with the active one: waits until no reader is left in it,
    /// then replays the write it lacks, if any. Called with the writer's lock held.
    private func replayLagging(_ state: inout WriterState) {
        let standby = 1 - active.load(ordering: .sequentiallyConsistent)
        waitForReaders(leaving: standby)
        if let lagging = state.lagging.take() { _ = lagging.apply(to: &copies[standby].directory, returningRemoved: false) }
    }

    /// How many writes were replayed on the second copy in the background so far; the others
    /// were replayed by the write after them, on its caller's thread (see the type's comment).
    public var backgroundReplayCount: UInt64 { backgroundReplays.load(ordering: .relaxed) }

    /// Waits until the standby copy is level with the active one, at most `seconds` (for tests).
    /// - Returns: whether it is.
    @discardableResult
    func waitForReplay(seconds: Double = 10) -> Bool {
        let deadline = Self.monotonicNanoseconds() + UInt64(seconds * 1e9)
        while writer.withLock({ $0.lagging != nil }) {
            if Self.monotonicNanoseconds() > deadline { return false }
            usleep(100)
        }
        return true
    }

    /// Calls `body` with the active and the standby copy, the writer's lock held (for tests:
    /// after `waitForReplay`, the two hold the same contacts).
    func withBothCopies<R>(_ body: (_ active: ContactDirectory, _ standby: ContactDirectory, _ isLevel: Bool) -> R) -> R {
        writer.withLock { state in
            let side = active.load(ordering: .sequentiallyConsistent)
            return body(copies[side].directory, copies[1 - side].directory, state.lagging == nil)
        }
    }

    /// Waits until no reader is in `side`. Readers leave within a look-up's time, so this spins
    /// briefly and then yields the core.
    /// - Parameter sleeping: sleep between looks after the first spins, rather than yield the
    ///   core (for the background replay, which no caller waits for).
    private func waitForReaders(leaving side: Int, sleeping: Bool = false) {
        var spins = 0
        while readerCount(side: side) != 0 {
            spins += 1
            if spins > 64 { if sleeping { usleep(20) } else { sched_yield() } }
        }
    }
}

/// One copy of a `LiveDirectory`'s left-right pair, lent to readers where it lies.
///
/// Why a type that cannot be copied: a reader passes the directory to `body` borrowed, and a
/// value of such a type is borrowed in place, never copied; a copy of the directory is a retain
/// and a release of each of its arrays in every look-up, on cache lines that the readers on
/// other cores share. Read out of the pointer as a plain `ContactDirectory`, it was copied; lent
/// through an `inout` parameter, it was not, but each look-up was then a modifying access of the
/// shared copy, and two readers at once a race to ThreadSanitizer (`make tsan`).
private struct DirectoryCopy: ~Copyable {
    var directory: ContactDirectory

    /// Calls `body` with the directory, borrowed where it lies.
    @inline(__always)
    borrowing func lend<R>(to body: (borrowing ContactDirectory) throws -> R) rethrows -> R {
        try body(directory)
    }
}

/// One write to a directory, kept so that it can be replayed on the other copy of a
/// `LiveDirectory`. It holds no directory, so it never shares a copy's storage.
enum DirectoryChange: Sendable {
    case upsert(PreparedContact)
    case remove(String)

    /// The id of the record the change writes.
    var id: String {
        switch self {
        case .upsert(let prepared): prepared.id
        case .remove(let id): id
        }
    }

    /// Applies the change.
    /// - Returns: the removed contact, for `.remove` when `returningRemoved` (else it is not
    ///   decoded).
    func apply(to directory: inout ContactDirectory, returningRemoved: Bool) -> Contact? {
        switch self {
        case .upsert(let prepared):
            directory.upsert(prepared)
            return nil
        case .remove(let id) where returningRemoved:
            return directory.remove(id: id)
        case .remove(let id):
            directory.discard(id: id)
            return nil
        }
    }
}
