/// Something wrong with one field of one record, found while building or updating a directory.
/// Problems never stop a load: the record is kept (or, for a missing id, reported and skipped).
public struct DirectoryProblem: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What is wrong.
    public enum Kind: Sendable, Hashable, Codable {
        /// The record has no id: it cannot be stored or popped, so it is skipped.
        case missingID
        /// Another record had the same id; this later one replaced it.
        case duplicateID
        /// A phone could not be parsed; it is kept raw, unindexed.
        case unparseablePhone(PhoneParseFailure)
        /// A phone parsed, but the metadata calls it invalid; it is indexed and flagged.
        case invalidPhone
        /// An email is not an address; it is kept raw, unindexed.
        case invalidEmail(EmailNormalizationError)
    }

    /// The record's id ("" when missing).
    public var contactID: String
    /// The field concerned ("phones[1]", "emails[0]", "id").
    public var field: String
    /// The raw value concerned.
    public var value: String
    /// What is wrong.
    public var kind: Kind

    /// Creates a problem.
    public init(contactID: String, field: String, value: String, kind: Kind) {
        self.contactID = contactID
        self.field = field
        self.value = value
        self.kind = kind
    }

    /// Whether the record was left out of the directory because of this problem.
    public var rejectsRecord: Bool { kind == .missingID }

    /// A sentence for a load report.
    public var description: String {
        let reason: String = switch kind {
        case .missingID: "the record has no id, so it was skipped"
        case .duplicateID: "a later record with the same id replaced the earlier one"
        case .unparseablePhone(let failure): "phone kept raw and not indexed: \(failure.explanation)"
        case .invalidPhone: "phone indexed, but libphonenumber's metadata calls it invalid"
        case .invalidEmail(let error): "email kept raw and not indexed: \(error.explanation)"
        }
        return "record \(contactID.debugDescription), \(field) \(value.debugDescription): \(reason)"
    }
}
