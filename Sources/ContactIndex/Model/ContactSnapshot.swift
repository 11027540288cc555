/// A contact as the directory stored it at one moment, kept as a copy of its record's bytes and
/// rebuilt only when read (`contact`).
///
/// Copying a record costs one allocation; rebuilding a `Contact` costs one string per field,
/// phone and email, and its attributes. A screen pop hands the host the record to open, and most
/// hosts read only its id: they pay for the rest only if they ask for it.
public struct ContactSnapshot: Sendable, Hashable {
    /// The record's bytes (`ContactRecord` layout).
    private let bytes: [UInt8]

    /// The snapshot of a contact (its phones and emails as they are, normalized or not).
    public init(_ contact: Contact) {
        var bytes: [UInt8] = []
        ContactRecord.encode(contact, into: &bytes)
        self.bytes = bytes
    }

    /// The snapshot of a stored record.
    init(record: UnsafeRawBufferPointer) {
        bytes = Array(record)
    }

    /// The contact's id, read without rebuilding the contact.
    public var id: String {
        bytes.withUnsafeBytes { String(recordBytes: ContactRecordReader.id(of: $0)) }
    }

    /// The record's fingerprint, as `ContactDirectory.revision(id:)` gives it for the contact
    /// stored now: equal while the stored contact is the one snapshotted.
    public var revision: UInt64 {
        bytes.withUnsafeBytes(ContactRecord.revision(of:))
    }

    /// The contact, rebuilt from the record (each read rebuilds it: keep the value if it is read
    /// more than once).
    /// - Complexity: O(size of the record).
    public var contact: Contact {
        bytes.withUnsafeBytes { ContactRecord.decode($0) }
    }
}

extension ContactDirectory {
    /// The contact with this id as a snapshot, or nil: `contact(id:)` without rebuilding it now.
    /// - Complexity: O(1) expected, plus copying the record.
    public func snapshot(id: String) -> ContactSnapshot? {
        guard let slot = slot(of: id) else { return nil }
        return store.withRecord(slot) { ContactSnapshot(record: $0) }
    }
}
