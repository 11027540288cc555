#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A contact being put together as bytes, field by field, then written as a `ContactRecord`.
///
/// Every field is a range of one byte buffer, so a bulk load fills a draft from CSV cells and
/// normalizers without creating a `String` per field; one draft is reused for every row of a
/// block (`reset` keeps the capacity). `ContactRecord.encode` fills a draft from a `Contact`, so
/// the record layout is written in one place.
struct RecordDraft {
    /// A normalized number as the record stores it.
    struct Number {
        /// The E.164 digits when "+", the country code and the national number spell it.
        var compactDigits: UInt64?
        var countryCode: Int
        /// The E.164 and national texts when the number is not compact.
        var e164: Range<Int>?
        var national: Range<Int>?
        var `extension`: Range<Int>?
        var details: NormalizedPhone.Details?
    }

    struct Phone {
        var label: Range<Int>?
        var raw: Range<Int>
        var number: Number?
        var problem: PhoneParseFailure?
    }

    /// A normalized address as the record stores it.
    struct Address {
        /// The whole address, only when it is not `localPart@asciiDomain`.
        var address: Range<Int>?
        var localPart: Range<Int>
        var asciiDomain: Range<Int>
        /// Only when it differs from the ASCII domain.
        var unicodeDomain: Range<Int>?
        var canonical: Range<Int>?
    }

    struct Email {
        var label: Range<Int>?
        var raw: Range<Int>
        var address: Address?
        var problem: EmailNormalizationError?
    }

    private(set) var buffer: [UInt8] = []
    var id: Range<Int> = 0..<0
    var entity: ContactEntity = .contact
    var firstName: Range<Int>?
    var lastName: Range<Int>?
    var displayName: Range<Int>?
    var company: Range<Int>?
    var region: Range<Int>?
    var createdAt: Double?
    var updatedAt: Double?
    var phones: [Phone] = []
    var emails: [Email] = []
    var attributes: [(key: Range<Int>, value: Range<Int>)] = []

    /// Empties the draft, keeping its storage.
    mutating func reset() {
        buffer.removeAll(keepingCapacity: true)
        id = 0..<0
        entity = .contact
        firstName = nil
        lastName = nil
        displayName = nil
        company = nil
        region = nil
        createdAt = nil
        updatedAt = nil
        phones.removeAll(keepingCapacity: true)
        emails.removeAll(keepingCapacity: true)
        attributes.removeAll(keepingCapacity: true)
    }

    /// Appends bytes to the buffer and returns where they are.
    @discardableResult
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        let start = buffer.count
        buffer.append(contentsOf: bytes)
        return start..<buffer.count
    }

    /// Appends a string's UTF-8 bytes.
    @discardableResult
    mutating func append(_ text: String) -> Range<Int> {
        var text = text
        return text.withUTF8 { append($0) }
    }

    /// Calls `body` with the bytes of a range.
    func withBytes<R>(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try buffer.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// The text of a range.
    func string(_ range: Range<Int>) -> String {
        withBytes(range) { String(utf8Bytes: $0) }
    }

    // MARK: From a Contact

    /// Fills the draft with a contact's fields, normalized forms and problems as they are.
    mutating func load(_ contact: Contact) {
        reset()
        id = append(contact.id)
        entity = contact.entity
        firstName = contact.firstName.map { append($0) }
        lastName = contact.lastName.map { append($0) }
        displayName = contact.displayName.map { append($0) }
        company = contact.company.map { append($0) }
        region = contact.region.map { append($0) }
        createdAt = contact.createdAt?.timeIntervalSinceReferenceDate
        updatedAt = contact.updatedAt?.timeIntervalSinceReferenceDate
        for phone in contact.phones {
            let label = phone.label.map { append($0) }
            let raw = append(phone.raw)
            phones.append(Phone(label: label, raw: raw, number: phone.normalized.map { number(from: $0) }, problem: phone.problem))
        }
        for email in contact.emails {
            let label = email.label.map { append($0) }
            let raw = append(email.raw)
            emails.append(Email(label: label, raw: raw, address: email.normalized.map { address(from: $0) }, problem: email.problem))
        }
        for key in contact.attributes.keys.sorted() {
            attributes.append((append(key), append(contact.attributes[key]!)))
        }
    }

    /// A normalized phone's record form (compact when its texts allow).
    mutating func number(from normalized: NormalizedPhone) -> Number {
        var number = Number(compactDigits: ContactRecord.compactDigits(of: normalized), countryCode: normalized.countryCode)
        if number.compactDigits == nil {
            number.e164 = append(normalized.e164)
            number.national = append(normalized.nationalNumber)
        }
        number.extension = normalized.extension.map { append($0) }
        number.details = normalized.details
        return number
    }

    /// A fast-path number's record form.
    mutating func number(from fast: FastNumber) -> Number {
        if let digits = fast.e164Digits {
            var number = Number(compactDigits: digits, countryCode: fast.countryCode, details: fast.details)
            number.extension = fast.extension.map { append($0) }
            return number
        }
        return number(from: fast.normalizedPhone)
    }

    /// A normalized address's record form.
    mutating func address(from normalized: NormalizedEmail) -> Address {
        let compact = normalized.address.utf8.count == normalized.localPart.utf8.count + 1 + normalized.asciiDomain.utf8.count
            && normalized.address == normalized.localPart + "@" + normalized.asciiDomain
        let whole = compact ? nil : append(normalized.address)
        let local = append(normalized.localPart)
        let ascii = append(normalized.asciiDomain)
        let unicode = normalized.unicodeDomain == normalized.asciiDomain ? nil : append(normalized.unicodeDomain)
        let canonical = normalized.canonicalAddress.map { append($0) }
        return Address(address: whole, localPart: local, asciiDomain: ascii, unicodeDomain: unicode, canonical: canonical)
    }

    // MARK: Writing the record

    /// Appends the record (see `ContactRecord` for the layout) to `out`.
    /// - Complexity: O(size of the draft).
    func encode(into out: inout [UInt8]) {
        var writer = ContactRecordWriter(out: out)
        out = []
        writer.out.reserveCapacity(writer.out.count + buffer.count + 32 + 8 * phones.count)
        buffer.withUnsafeBufferPointer { writer.write(self, bytes: $0) }
        out = writer.out
    }
}

extension ContactRecordWriter {
    /// Writes a draft's record; `bytes` is the draft's buffer. (A mutating method, so that the
    /// writer is accessed without the dynamic exclusivity checks a captured variable would need.)
    fileprivate mutating func write(_ draft: RecordDraft, bytes: UnsafeBufferPointer<UInt8>) {
        func string(_ range: Range<Int>) { self.bytes(UnsafeBufferPointer(rebasing: bytes[range])) }
        string(draft.id)
        if let code = ContactRecord.standardEntities.firstIndex(of: draft.entity) {
            self.byte(UInt8(code))
        } else {
            self.byte(0xFF)
            self.string(draft.entity.rawValue)
        }
        var fields: UInt8 = 0
        if draft.firstName != nil { fields |= 1 << 0 }
        if draft.lastName != nil { fields |= 1 << 1 }
        if draft.displayName != nil { fields |= 1 << 2 }
        if draft.company != nil { fields |= 1 << 3 }
        if draft.region != nil { fields |= 1 << 4 }
        if draft.createdAt != nil { fields |= 1 << 5 }
        if draft.updatedAt != nil { fields |= 1 << 6 }
        self.byte(fields)
        if let value = draft.firstName { string(value) }
        if let value = draft.lastName { string(value) }
        if let value = draft.displayName { string(value) }
        if let value = draft.company { string(value) }
        if let value = draft.region { string(value) }
        if let value = draft.createdAt { self.double(value) }
        if let value = draft.updatedAt { self.double(value) }
        self.varint(UInt64(draft.phones.count))
        for phone in draft.phones {
            var flags: UInt8 = 0
            if phone.label != nil { flags |= 1 << 0 }
            if let number = phone.number {
                flags |= 1 << 1
                if number.compactDigits != nil { flags |= 1 << 2 }
                if number.extension != nil { flags |= 1 << 3 }
                if number.details != nil { flags |= 1 << 4 }
                if number.details?.region != nil { flags |= 1 << 5 }
            }
            if phone.problem != nil { flags |= 1 << 6 }
            self.byte(flags)
            if let label = phone.label { string(label) }
            string(phone.raw)
            if let number = phone.number {
                if let digits = number.compactDigits {
                    self.varint(digits)
                    self.varint(UInt64(number.countryCode))
                } else {
                    string(number.e164 ?? 0..<0)
                    self.varint(UInt64(max(number.countryCode, 0)))
                    string(number.national ?? 0..<0)
                }
                if let ext = number.extension { string(ext) }
                if let details = number.details {
                    let types = ContactRecord.phoneTypes
                    let type = UInt8(types.firstIndex(of: details.type) ?? types.count - 1)
                    self.byte((details.isValid ? 0x80 : 0) | type)
                    if let region = details.region { self.string(region) }
                }
            }
            if let problem = phone.problem {
                let all = ContactRecord.phoneFailures
                self.byte(UInt8(all.firstIndex(of: problem) ?? all.count - 1))
            }
        }
        self.varint(UInt64(draft.emails.count))
        for email in draft.emails {
            var flags: UInt8 = 0
            if email.label != nil { flags |= 1 << 0 }
            if let address = email.address {
                flags |= 1 << 1
                if address.address == nil { flags |= 1 << 2 }
                if address.unicodeDomain != nil { flags |= 1 << 3 }
                if address.canonical != nil { flags |= 1 << 4 }
            }
            let problem = email.problem.flatMap { try? JSONEncoder().encode($0) }
            if problem != nil { flags |= 1 << 5 }
            self.byte(flags)
            if let label = email.label { string(label) }
            string(email.raw)
            if let address = email.address {
                if let whole = address.address {
                    string(whole)
                    string(address.localPart)
                    string(address.asciiDomain)
                    string(address.unicodeDomain ?? address.asciiDomain)
                } else {
                    string(address.localPart)
                    string(address.asciiDomain)
                    if let unicode = address.unicodeDomain { string(unicode) }
                }
                if let canonical = address.canonical { string(canonical) }
            }
            if let problem { self.bytes(Array(problem)) }
        }
        self.varint(UInt64(draft.attributes.count))
        if draft.attributes.count == 1 {
            string(draft.attributes[0].key)
            string(draft.attributes[0].value)
        } else if !draft.attributes.isEmpty {
            let order = draft.attributes.indices.sorted { a, b in
                bytes[draft.attributes[a].key].lexicographicallyPrecedes(bytes[draft.attributes[b].key])
            }
            for index in order {
                string(draft.attributes[index].key)
                string(draft.attributes[index].value)
            }
        }
    }
}
