/// A contact with its phones and emails normalized, its record encoded and its index keys
/// computed, ready to be inserted into a directory. Preparing is the expensive part of loading
/// (libphonenumber, ICU), and it needs no directory, so loaders run it on many threads at once.
public struct PreparedContact: Sendable {
    /// The contact, with `normalized` and `problem` filled in on every phone and email.
    public var contact: Contact
    /// What was wrong with its fields.
    public var problems: [DirectoryProblem]
    /// The stored form (`ContactRecord`); empty for a contact without id.
    var record: [UInt8] = []
    /// Its hash-index keys, read from `record`.
    var keys = ContactIndexKeys.none
    /// Primary-strength collation keys of the contact's name variants.
    var nameKeys: [[UInt8]] = []
    /// Folded name tokens with their roles, for the token index.
    var nameTokens: [NameToken] = []
    /// The first 8 bytes of the id (see `NameTokenIndex.idPrefixes`).
    var idPrefix: UInt64 = 0
    /// How many of its phones the phone fast path normalized (the others took libphonenumber).
    var phonesByFastPath = 0
}

/// Normalizes contacts for a directory: the phones with the contact's region (or the default),
/// the emails, and the name keys.
public struct ContactPreparer: Sendable {
    /// The configuration in force.
    public let configuration: DirectoryConfiguration
    let phones: PhoneNormalizer
    let emails: EmailNormalizer
    let names: NameNormalizer

    /// Creates a preparer for a configuration.
    public init(configuration: DirectoryConfiguration = .init()) {
        self.configuration = configuration
        self.phones = PhoneNormalizer(defaultRegion: configuration.defaultRegion)
        self.emails = EmailNormalizer(options: configuration.emailOptions)
        self.names = NameNormalizer.shared
    }

    /// Normalizes one contact. Safe to call from many threads at once.
    /// - Complexity: one libphonenumber parse per phone, one collation key per name variant.
    public func prepare(_ contact: Contact) -> PreparedContact {
        var contact = contact
        var problems: [DirectoryProblem] = []
        var fastPathCount = 0
        if contact.id.isEmpty {
            // The record is skipped whole: its fields are neither normalized nor reported.
            let problem = DirectoryProblem(contactID: "", field: "id", value: "", kind: .missingID)
            return PreparedContact(contact: contact, problems: [problem])
        }
        let region = contact.region.flatMap { $0.isEmpty ? nil : $0.uppercased() }
        for index in contact.phones.indices {
            var phone = contact.phones[index]
            var fast = false
            defer { if fast { fastPathCount += 1 } }
            switch phones.normalize(phone.raw, region: region, withDetails: configuration.phoneDetails, usedFastPath: &fast) {
            case .success(let number):
                phone.normalized = number
                phone.problem = nil
                if number.details?.isValid == false {
                    problems.append(DirectoryProblem(contactID: contact.id, field: "phones[\(index)]", value: phone.raw, kind: .invalidPhone))
                }
            case .failure(let failure):
                phone.normalized = nil
                phone.problem = failure
                problems.append(DirectoryProblem(contactID: contact.id, field: "phones[\(index)]", value: phone.raw, kind: .unparseablePhone(failure)))
            }
            contact.phones[index] = phone
        }
        for index in contact.emails.indices {
            var email = contact.emails[index]
            switch emails.normalize(email.raw) {
            case .success(let address):
                email.normalized = address
                email.problem = nil
            case .failure(let error):
                email.normalized = nil
                email.problem = error
                problems.append(DirectoryProblem(contactID: contact.id, field: "emails[\(index)]", value: email.raw, kind: .invalidEmail(error)))
            }
            contact.emails[index] = email
        }
        let keys = NameVariants.of(contact).map { names.collationKey($0) }.filter { $0.count > 1 }
        var unique: [[UInt8]] = []
        for key in keys where !unique.contains(key) { unique.append(key) }
        var prepared = PreparedContact(contact: contact, problems: problems)
        ContactRecord.encode(contact, into: &prepared.record)
        prepared.record.withUnsafeBytes { record in
            prepared.keys = ContactIndexKeys(record: record)
            prepared.idPrefix = NameTokenIndex.idPrefix(ContactRecordReader.id(of: record))
        }
        prepared.nameKeys = unique
        prepared.nameTokens = ContactNameTokens.of(contact, names: names)
        prepared.phonesByFastPath = fastPathCount
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
        }
        return variants.count
    }
}
