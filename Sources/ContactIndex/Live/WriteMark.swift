/// A point in a `LiveDirectory`'s history from which its writes are recorded
/// (`LiveDirectory.markWrites()`): an import that reads an export for seconds takes one before
/// it starts, so that the changes agents make meanwhile survive it
/// (`replace(with:keepingWritesSince:)`, `merge(_:fields:keepingWritesSince:)`).
///
/// Recording stops when the last reference to the mark goes: a failed import just drops it.
public final class WriteMark: Sendable {
    /// The mark's number among the directory's marks.
    let number: Int
    /// Stops the recording (called once, from `deinit`).
    private let release: @Sendable (Int) -> Void

    init(number: Int, release: @escaping @Sendable (Int) -> Void) {
        self.number = number
        self.release = release
    }

    deinit {
        release(number)
    }
}

/// The writes made to a live directory since a `WriteMark`, in order, and the ids they wrote.
struct WriteLog: Sendable {
    /// The writes, oldest first.
    private(set) var changes: [DirectoryChange] = []
    /// The ids the writes upserted or removed.
    private(set) var ids: Set<String> = []

    /// Records a write.
    mutating func append(_ change: DirectoryChange) {
        changes.append(change)
        ids.insert(change.id)
    }
}
