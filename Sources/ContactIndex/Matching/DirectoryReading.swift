/// Anything that can lend a `ContactDirectory` for the length of a read: a directory value
/// itself, or a live directory that is updated while it is read.
///
/// Readers do their look-ups inside `withDirectory` and take out only results (matches and
/// contacts are values). Keeping no copy of the directory beyond the closure lets a live
/// directory update its storage in place instead of copying it.
public protocol DirectoryReading: Sendable {
    /// Calls `body` with the current directory, borrowed: `body` reads it where it is (a copy
    /// would retain and release each of its arrays, about a microsecond a look-up), and keeps a
    /// copy only by asking for one (`copy`).
    func withDirectory<R>(_ body: (borrowing ContactDirectory) throws -> R) rethrows -> R
}

extension ContactDirectory: DirectoryReading {
    /// Calls `body` with this directory.
    public func withDirectory<R>(_ body: (borrowing ContactDirectory) throws -> R) rethrows -> R {
        try body(self)
    }
}
