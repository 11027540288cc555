/// What `LiveDirectory.merge(_:fields:keepingWritesSince:)` did with the records it was given.
public struct MergeOutcome: Sendable, Equatable, Codable {
    /// Records whose id the directory did not hold: added whole.
    public var added = 0
    /// Records the directory held: the given fields merged into them.
    public var updated = 0
    /// Records written (upserted or removed) by someone else since the mark: left as that write
    /// left them, since it is newer than the export.
    public var keptNewer = 0
    /// Records without an id: skipped.
    public var skipped = 0

    /// Creates an outcome.
    public init(added: Int = 0, updated: Int = 0, keptNewer: Int = 0, skipped: Int = 0) {
        self.added = added
        self.updated = updated
        self.keptNewer = keptNewer
        self.skipped = skipped
    }
}

extension LiveDirectory {
    /// Merges records read from an export into the directory, as a CRM's update import does:
    /// a record with a new id is added; one the directory holds takes only the fields the
    /// export has (`fields`, from its columns) and has a value for, keeping the others
    /// (`Contact.merging(_:fields:)`); records not in the export stay. A record written by
    /// anyone else since `mark` (an agent's edit during a long upload) is left as that newer
    /// write left it, and counted in `keptNewer`.
    ///
    /// Each record is its own write: look-ups go on between them and see the merge advance.
    /// - Complexity: one preparation and one write per record (see `upsert(_:)`).
    @discardableResult
    public func merge(_ contacts: some Sequence<Contact>, fields: ContactFieldSet, keepingWritesSince mark: WriteMark) -> MergeOutcome {
        var outcome = MergeOutcome()
        for contact in contacts {
            guard !contact.id.isEmpty else {
                outcome.skipped += 1
                continue
            }
            // Read outside the writer's lock. A write to this id after `mark` (before this read
            // or after it) is in the mark's log, and `apply` then skips the merged record.
            let current = withDirectory { $0.contact(id: contact.id) }
            let merged = current.map { $0.merging(contact, fields: fields) } ?? contact
            switch apply(.upsert(preparer.prepare(merged)), unlessWrittenSince: mark) {
            case .skipped: outcome.keptNewer += 1
            case .applied: if current == nil { outcome.added += 1 } else { outcome.updated += 1 }
            }
        }
        return outcome
    }
}
