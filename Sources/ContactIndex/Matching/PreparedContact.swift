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

    /// The contact's id.
    var id: String { given.id }

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

/// The whole-name strings a contact is found under: the display name (also with its parts
/// swapped when it is written "Family, Given"), the company of a record named by nothing else
/// (`WholeNameSources`), "first last" and "last first", and both without the titles in front
/// of the first name.
enum NameVariants {
    static func of(_ contact: Contact) -> [String] {
        var variants: [String] = []
        func add(_ text: String?) {
            guard let text, !text.isEmpty, !variants.contains(text) else { return }
            variants.append(text)
        }
        add(contact.displayName)
        if let display = contact.displayName.map({ Array($0.utf8) }), let parts = WholeNameSources.commaParts(of: display) {
            add(String(decoding: display[parts.given], as: UTF8.self) + " " + String(decoding: display[parts.family], as: UTF8.self))
        }
        if WholeNameSources.namingCompany(
            first: contact.firstName?.utf8, last: contact.lastName?.utf8, display: contact.displayName?.utf8, company: contact.company?.utf8) != nil {
            add(contact.company)
        }
        let first = contact.firstName ?? ""
        let last = contact.lastName ?? ""
        if !first.isEmpty || !last.isEmpty {
            add([first, last].filter { !$0.isEmpty }.joined(separator: " "))
            add([last, first].filter { !$0.isEmpty }.joined(separator: " "))
            if !last.isEmpty, let untitled = Self.untitledGiven(first) {
                add(untitled + " " + last)
                add(last + " " + untitled)
            }
            if !first.isEmpty, !last.isEmpty, NameNormalizer.hasUnspacedScript((last + first).utf8) { add(last + first) }
        }
        return variants
    }

    /// `WholeNameSources.untitledGiven` of a given name, as a string.
    static func untitledGiven(_ first: String) -> String? {
        let bytes = Array(first.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            WholeNameSources.untitledGiven(buffer).map { String(decoding: buffer[$0], as: UTF8.self) }
        }
    }

    /// The whole-name strings of the contact's names as German and Nordic spellings write
    /// their umlauts and Nordic vowels (`NameNormalizer.umlautTranscription`: "Hans Mueller"
    /// for Hans Müller) that `of` does not give; empty when its names have none of them.
    ///
    /// Why: a contact is also found under these (their collation keys sit beside its own), so
    /// that "Hans Mueller" finds Hans Müller by one whole-name look-up, as a folded match, and
    /// beside Hans Mueller rather than hidden by him; root collation tells "ue" from "ü".
    static func transcribed(_ contact: Contact) -> [String] {
        let fields = [contact.firstName, contact.lastName, contact.displayName]
        guard fields.contains(where: { $0.map { NameNormalizer.hasUmlautLetters($0.utf8) } ?? false }) else { return [] }
        func spelled(_ field: String?) -> String? { field.map { NameNormalizer.umlautTranscription($0) ?? $0 } }
        let own = of(contact)
        let others = of(Contact(
            id: contact.id, firstName: spelled(contact.firstName), lastName: spelled(contact.lastName),
            displayName: spelled(contact.displayName)))
        return others.filter { !own.contains($0) }
    }

    /// About how many `transcribed` variants a stored record has (at most `count(in:)`, which
    /// it gives when any of its names has an umlaut or Nordic vowel), to count the dead keys of
    /// a removed or renamed contact without transcribing its names.
    static func estimatedTranscribedCount(in record: UnsafeRawBufferPointer) -> Int {
        var reader = ContactRecordReader(record)
        let header = reader.header()
        let fields = [header.firstName, header.lastName, header.displayName]
        guard fields.contains(where: { $0.map { NameNormalizer.hasUmlautLetters($0) } ?? false }) else { return 0 }
        return count(in: record)
    }

    /// The number of distinct variants of a stored record (what `of` gives for its contact),
    /// read in place: no variant is built.
    static func count(in record: UnsafeRawBufferPointer) -> Int {
        var reader = ContactRecordReader(record)
        let header = reader.header()
        let none = UnsafeRawBufferPointer(start: nil, count: 0)
        let first = header.firstName ?? none
        let last = header.lastName ?? none
        // The variants in `of`'s order, each as two parts joined by a space or not.
        var candidates: [JoinedBytes] = [JoinedBytes(header.displayName ?? none, none, spaced: false)]
        if let display = header.displayName, let parts = WholeNameSources.commaParts(of: display) {
            candidates.append(JoinedBytes(UnsafeRawBufferPointer(rebasing: display[parts.given]), UnsafeRawBufferPointer(rebasing: display[parts.family]), spaced: true))
        }
        if let company = WholeNameSources.namingCompany(first: header.firstName, last: header.lastName, display: header.displayName, company: header.company) {
            candidates.append(JoinedBytes(company, none, spaced: false))
        }
        if !first.isEmpty || !last.isEmpty {
            candidates.append(JoinedBytes(first, last, spaced: true))
            candidates.append(JoinedBytes(last, first, spaced: true))
            if !last.isEmpty, let given = WholeNameSources.untitledGiven(first.assumingMemoryBound(to: UInt8.self)) {
                let untitled = UnsafeRawBufferPointer(rebasing: first[given])
                candidates.append(JoinedBytes(untitled, last, spaced: true))
                candidates.append(JoinedBytes(last, untitled, spaced: true))
            }
            if !first.isEmpty, !last.isEmpty, NameNormalizer.hasUnspacedScript(last) || NameNormalizer.hasUnspacedScript(first) {
                candidates.append(JoinedBytes(last, first, spaced: false))
            }
        }
        var count = 0
        for (index, candidate) in candidates.enumerated() where candidate.count > 0 {
            if !candidates[..<index].contains(where: { $0.count > 0 && $0 == candidate }) { count += 1 }
        }
        return count
    }

    /// Two byte strings read as one, with a space between them when `spaced` and both are
    /// non-empty: a name variant compared without being built.
    private struct JoinedBytes: Equatable {
        let head: UnsafeRawBufferPointer
        let tail: UnsafeRawBufferPointer
        let separator: Int

        init(_ head: UnsafeRawBufferPointer, _ tail: UnsafeRawBufferPointer, spaced: Bool) {
            self.head = head
            self.tail = tail
            separator = spaced && !head.isEmpty && !tail.isEmpty ? 1 : 0
        }

        var count: Int { head.count + separator + tail.count }

        subscript(position: Int) -> UInt8 {
            if position < head.count { return head[position] }
            if position < head.count + separator { return 32 }
            return tail[position - head.count - separator]
        }

        static func == (a: JoinedBytes, b: JoinedBytes) -> Bool {
            a.count == b.count && (0..<a.count).allSatisfy { a[$0] == b[$0] }
        }
    }
}
