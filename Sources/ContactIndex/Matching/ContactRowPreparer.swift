/// Normalizes a `RecordDraft` (phones with the contact's region or the default, emails),
/// writes its record and adds it, with its name tokens, collation keys and address keys, to a
/// `PreparedRows`: the one preparation path of single updates (`ContactPreparer`) and bulk loads
/// (`ContactCSVRowConverter`). One preparer per thread; it keeps its scratch buffers between
/// contacts.
struct ContactRowPreparer {
    /// What was wrong with a field of the draft.
    enum Issue {
        case phone(index: Int, DirectoryProblem.Kind)
        case email(index: Int, EmailNormalizationError)
    }

    let configuration: DirectoryConfiguration
    let phones: PhoneNormalizer
    let emails: EmailNormalizer
    /// The contact being prepared.
    var draft = RecordDraft()
    private var nameWriter: NameIndexWriter
    private var record: [UInt8] = []
    private var address: [UInt8] = []

    /// Creates a preparer; `nameKeyCacheLimit` > 0 remembers that many names' collation keys
    /// (see `NameIndexWriter`), for preparers that see many contacts.
    init(configuration: DirectoryConfiguration, names: NameNormalizer = .shared, nameKeyCacheLimit: Int = 0) {
        self.configuration = configuration
        self.phones = PhoneNormalizer(defaultRegion: configuration.defaultRegion)
        self.emails = EmailNormalizer(options: configuration.emailOptions)
        self.nameWriter = NameIndexWriter(names: names, keyCacheLimit: nameKeyCacheLimit)
    }

    /// Normalizes the draft's raw phones and emails in place.
    /// - Returns: the problems found, and how many phones the fast path normalized.
    /// - Complexity: the fast path per phone, libphonenumber for the rest; one email
    ///   normalization per address.
    mutating func normalize() -> (issues: [Issue], phonesByFastPath: Int) {
        var issues: [Issue] = []
        var fast = 0
        // Local copies: a closure over `self` inside `draft.withBytes` made the compiler copy
        // the whole draft (retaining each of its arrays) for every phone and address.
        let phones = self.phones
        let emails = self.emails
        let region = draft.region.map { draft.string($0).uppercased() }.flatMap { $0.isEmpty ? nil : $0 }
        let withDetails = configuration.phoneDetails
        for index in draft.phones.indices {
            let raw = draft.phones[index].raw
            var outcome = draft.withBytes(raw) { phones.normalize(bytes: $0, region: region, withDetails: withDetails) }
            // Invalid as a national number of its region ("00 44 20 7946 0958" under US): its
            // international reading, when that is valid, is the number calls come from.
            if Self.isKnownInvalid(outcome), let international = draft.withBytes(raw, { phones.internationalReading(of: $0, region: region) }) {
                outcome = international
            }
            switch outcome {
            case .fast(let number):
                fast += 1
                draft.phones[index].number = draft.number(from: number)
                draft.phones[index].problem = nil
                if number.details?.isValid == false { issues.append(.phone(index: index, .invalidPhone)) }
            case .library(let number):
                draft.phones[index].number = draft.number(from: number)
                draft.phones[index].problem = nil
                if number.details?.isValid == false { issues.append(.phone(index: index, .invalidPhone)) }
            case .failure(let failure):
                draft.phones[index].number = nil
                draft.phones[index].problem = failure
                issues.append(.phone(index: index, .unparseablePhone(failure)))
            }
        }
        for index in draft.emails.indices {
            let raw = draft.emails[index].raw
            if let (local, domain) = draft.withBytes(raw, { emails.plainParts(bytes: $0) }) {
                // A plain address: its lower-cased parts go straight into the draft.
                let localPart = appendLowercased(raw.lowerBound + local.lowerBound..<raw.lowerBound + local.upperBound)
                let asciiDomain = appendLowercased(raw.lowerBound + domain.lowerBound..<raw.lowerBound + domain.upperBound)
                draft.emails[index].address = RecordDraft.Address(address: nil, localPart: localPart, asciiDomain: asciiDomain, unicodeDomain: nil, canonical: nil)
                draft.emails[index].problem = nil
                continue
            }
            switch draft.withBytes(raw, { emails.normalize(bytes: $0) }) {
            case .success(let normalized):
                draft.emails[index].address = draft.address(from: normalized)
                draft.emails[index].problem = nil
            case .failure(let error):
                draft.emails[index].address = nil
                draft.emails[index].problem = error
                issues.append(.email(index: index, error))
            }
        }
        return (issues, fast)
    }

    /// Whether a stored number parsed, with details that call it invalid (unknown without
    /// details: then it is left as parsed).
    private static func isKnownInvalid(_ outcome: PhoneNormalizer.Outcome) -> Bool {
        switch outcome {
        case .fast(let number): number.details?.isValid == false
        case .library(let number): number.details?.isValid == false
        case .failure: false
        }
    }

    /// Appends the ASCII lower-case form of a range of the draft's bytes to the draft.
    private mutating func appendLowercased(_ range: Range<Int>) -> Range<Int> {
        // The scratch buffer is taken out of `self` while the draft's bytes are read: written
        // in place, it made the compiler copy the draft (see `normalize`).
        var lowered = address
        address = []
        lowered.removeAll(keepingCapacity: true)
        draft.withBytes(range) { bytes in
            for byte in bytes { lowered.append(byte >= 65 && byte <= 90 ? byte + 32 : byte) }
        }
        let appended = lowered.withUnsafeBufferPointer { draft.append($0) }
        address = lowered
        return appended
    }

    /// Writes the draft's record and index data into `rows`.
    /// - Complexity: O(size of the contact), plus ICU for names outside ASCII.
    mutating func emit(into rows: inout PreparedRows) {
        draft.composeNames()
        draft.encode(into: &record)
        record.withUnsafeBufferPointer { rows.appendRecord($0) }
        record.removeAll(keepingCapacity: true)
        var spellings: NameSpelling.Bits = 0
        draft.buffer.withUnsafeBufferPointer { bytes in
            func field(_ range: Range<Int>?) -> UnsafeBufferPointer<UInt8>? { range.map { UnsafeBufferPointer(rebasing: bytes[$0]) } }
            spellings = NameSpelling.bits(
                first: field(draft.firstName), last: field(draft.lastName), display: field(draft.displayName), company: field(draft.company))
            nameWriter.write(
                first: field(draft.firstName), last: field(draft.lastName), display: field(draft.displayName), company: field(draft.company),
                into: &rows)
            for email in draft.emails {
                guard let normalized = email.address else { continue }
                address.removeAll(keepingCapacity: true)
                if let whole = normalized.address {
                    address.append(contentsOf: bytes[whole])
                } else {
                    address.append(contentsOf: bytes[normalized.localPart])
                    address.append(UInt8(ascii: "@"))
                    address.append(contentsOf: bytes[normalized.asciiDomain])
                }
                address.withUnsafeBufferPointer { rows.appendEmailKey($0) }
                // An internationalized domain is typed as written ("hans@mün"), never in
                // punycode ("hans@xn--mnchen-3ya.de"): the address's start is also looked for
                // in that form, so it is filed under it too.
                if let unicode = normalized.unicodeDomain {
                    address.removeAll(keepingCapacity: true)
                    address.append(contentsOf: bytes[normalized.localPart])
                    address.append(UInt8(ascii: "@"))
                    address.append(contentsOf: bytes[unicode])
                    address.withUnsafeBufferPointer { rows.appendEmailKey($0) }
                }
            }
        }
        rows.finishContact(entityRank: configuration.ranking.rank(of: draft.entity), nameSpellings: spellings)
    }
}
