/// A contact with its phones and emails normalized, its record written and its index data
/// computed, ready to be inserted into a directory. Preparing is the expensive part of loading
/// (libphonenumber, ICU), and it needs no directory, so loaders run it on many threads at once.
public struct PreparedContact: Sendable {
    /// The contact as given.
    private let given: Contact
    /// What was wrong with its fields.
    public var problems: [DirectoryProblem]
    /// The contact's record and index data (no contact for a record without id).
    var rows = PreparedRows()
    /// How many of its phones the phone fast path normalized (the others took libphonenumber).
    var phonesByFastPath = 0

    init(given: Contact, problems: [DirectoryProblem]) {
        self.given = given
        self.problems = problems
    }

    /// The contact, with `normalized` and `problem` filled in on every phone and email (the
    /// contact as given when it has no id). Read back from its record on each access: an upsert
    /// never needs it.
    public var contact: Contact {
        rows.count == 1 ? rows.withRecord(0) { ContactRecord.decode(UnsafeRawBufferPointer($0)) } : given
    }
}

/// Normalizes contacts for a directory: the phones with the contact's region (or the default),
/// the emails, and the name keys.
public struct ContactPreparer: Sendable {
    /// The configuration in force.
    public let configuration: DirectoryConfiguration
    let phones: PhoneNormalizer
    let emails: EmailNormalizer
    let names: NameNormalizer
    /// Row preparers between calls, shared by the copies of this preparer.
    private let idle: ContactRowPreparerPool

    /// Creates a preparer for a configuration.
    public init(configuration: DirectoryConfiguration = .init()) {
        self.configuration = configuration
        self.phones = PhoneNormalizer(defaultRegion: configuration.defaultRegion)
        self.emails = EmailNormalizer(options: configuration.emailOptions)
        self.names = NameNormalizer.shared
        self.idle = ContactRowPreparerPool(configuration: configuration, names: names)
    }

    /// Normalizes one contact. Safe to call from many threads at once.
    /// - Complexity: the phone fast path (libphonenumber when it cannot decide) per phone, one
    ///   email normalization per address, one collation key per name variant.
    public func prepare(_ contact: Contact) -> PreparedContact {
        if contact.id.isEmpty {
            // The record is skipped whole: its fields are neither normalized nor reported.
            let problem = DirectoryProblem(contactID: "", field: "id", value: "", kind: .missingID)
            return PreparedContact(given: contact, problems: [problem])
        }
        var prepared = PreparedContact(given: contact, problems: [])
        let (issues, fast) = idle.withPreparer { preparer in
            preparer.draft.load(contact)
            let normalized = preparer.normalize()
            preparer.emit(into: &prepared.rows)
            return normalized
        }
        prepared.phonesByFastPath = fast
        prepared.problems = issues.map { issue in
            switch issue {
            case .phone(let index, let kind):
                DirectoryProblem(contactID: contact.id, field: "phones[\(index)]", value: contact.phones[index].raw, kind: kind)
            case .email(let index, let error):
                DirectoryProblem(contactID: contact.id, field: "emails[\(index)]", value: contact.emails[index].raw, kind: .invalidEmail(error))
            }
        }
        return prepared
    }
}

/// The whole-name strings a contact is found under: the display name, "first last" and
/// "last first".
enum NameVariants {
    static func of(_ contact: Contact) -> [String] {
        var variants: [String] = []
        func add(_ text: String?) {
            guard let text, !text.isEmpty, !variants.contains(text) else { return }
            variants.append(text)
        }
        add(contact.displayName)
        let first = contact.firstName ?? ""
        let last = contact.lastName ?? ""
        if !first.isEmpty || !last.isEmpty {
            add([first, last].filter { !$0.isEmpty }.joined(separator: " "))
            add([last, first].filter { !$0.isEmpty }.joined(separator: " "))
            if !first.isEmpty, !last.isEmpty, NameNormalizer.hasUnspacedScript((last + first).utf8) { add(last + first) }
        }
        return variants
    }

    /// The number of distinct variants of a stored record (what `of` gives for its contact).
    static func count(in record: UnsafeRawBufferPointer) -> Int {
        var reader = ContactRecordReader(record)
        let header = reader.header()
        var variants: [[UInt8]] = []
        func add(_ text: [UInt8]) {
            if !text.isEmpty, !variants.contains(text) { variants.append(text) }
        }
        add(header.displayName.map(Array.init) ?? [])
        let first = header.firstName.map(Array.init) ?? []
        let last = header.lastName.map(Array.init) ?? []
        if !first.isEmpty || !last.isEmpty {
            add(first.isEmpty ? last : (last.isEmpty ? first : first + [32] + last))
            add(first.isEmpty ? last : (last.isEmpty ? first : last + [32] + first))
            if !first.isEmpty, !last.isEmpty, NameNormalizer.hasUnspacedScript(last + first) { add(last + first) }
        }
        return variants.count
    }
}
