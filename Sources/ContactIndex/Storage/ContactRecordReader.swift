/// Reads a `ContactRecord` in place, field by field, without building a `Contact`: what look-ups
/// use to check a candidate (its id, its phone keys, its addresses, its names) before paying
/// for the whole value. The bytes must stay valid while the reader and its slices are used.
struct ContactRecordReader {
    private let bytes: UnsafeRawBufferPointer
    private var position = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// How many bytes have been read.
    var offset: Int { position }

    /// The bytes of a record's phones and those of its emails (a record holds its header, then
    /// its phones, its emails and its attributes), each with its count.
    static func phoneAndEmailBytes(of record: UnsafeRawBufferPointer) -> (phones: UnsafeRawBufferPointer, emails: UnsafeRawBufferPointer) {
        var reader = ContactRecordReader(record)
        reader.skipHeader()
        let phoneStart = reader.offset
        reader.skipPhones()
        let emailStart = reader.offset
        for _ in 0..<reader.count() { _ = reader.emailRaw() }
        return (UnsafeRawBufferPointer(rebasing: record[phoneStart..<emailStart]), UnsafeRawBufferPointer(rebasing: record[emailStart..<reader.offset]))
    }

    /// The fields before the phones.
    struct Header {
        var id: UnsafeRawBufferPointer
        /// 0–3: a standard entity (`ContactRecord.standardEntities`); 0xFF: `customEntity`.
        var entityCode: UInt8
        var customEntity: UnsafeRawBufferPointer?
        var firstName: UnsafeRawBufferPointer?
        var lastName: UnsafeRawBufferPointer?
        var displayName: UnsafeRawBufferPointer?
        var company: UnsafeRawBufferPointer?
        var region: UnsafeRawBufferPointer?
        var createdAt: Double?
        var updatedAt: Double?
    }

    /// One stored phone.
    struct Phone {
        var label: UnsafeRawBufferPointer?
        var raw: UnsafeRawBufferPointer
        var isNormalized: Bool
        /// The E.164 digits as an integer (compact numbers).
        var e164Digits: UInt64?
        /// The E.164 text (other normalized numbers).
        var e164Text: UnsafeRawBufferPointer?
        var countryCode: Int
        var nationalText: UnsafeRawBufferPointer?
        var `extension`: UnsafeRawBufferPointer?
        var details: UInt8?
        var detailsRegion: UnsafeRawBufferPointer?
        var problem: UInt8?

        /// Whether the stored details say the metadata calls the number valid (false when they
        /// say otherwise or were not computed).
        var isKnownValid: Bool { details.map { $0 & 0x80 != 0 } ?? false }

        /// The index key of the E.164 number (`NormalizedPhone.e164Key`); nil when it did not
        /// parse or its E.164 form has no key (`PhoneKey.e164Key(text:)`): such a number is
        /// not indexed, rather than filed under a key it would share with every other one.
        var e164Key: UInt64? {
            guard isNormalized else { return nil }
            if let e164Digits { return e164Digits }
            return e164Text.flatMap(PhoneKey.e164Key(text:))
        }

        /// The index key of the national number (`NormalizedPhone.nationalKey`); nil when it did
        /// not parse or has no key (as `e164Key`).
        var nationalKey: UInt64? {
            guard isNormalized else { return nil }
            if let e164Digits { return PhoneKey.nationalKey(e164Digits: e164Digits, countryCode: countryCode) }
            return nationalText.flatMap { PhoneKey.digitsKeepingZeros($0) }
        }

        /// The number of digits of the national number.
        var nationalDigitCount: Int {
            if let e164Digits {
                var total = 0, codeDigits = 0
                var rest = e164Digits
                while rest > 0 { total += 1; rest /= 10 }
                var code = countryCode
                while code > 0 { codeDigits += 1; code /= 10 }
                return total - codeDigits
            }
            return nationalText?.count ?? 0
        }

        /// Calls `body` with the digits a phone fragment is searched in: the E.164 digits of a
        /// normalized number, else the digits of the raw text.
        func withSearchDigits<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            var digits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)  // 32 bytes of stack
            return withUnsafeMutableBytes(of: &digits) { storage in
                let buffer = storage.bindMemory(to: UInt8.self)
                var count = 0
                if let e164Digits {
                    var rest = e164Digits
                    repeat {
                        buffer[count] = UInt8(48 + rest % 10)
                        count += 1
                        rest /= 10
                    } while rest > 0
                    buffer[0..<count].reverse()
                } else {
                    let source = isNormalized ? (e164Text ?? raw) : raw
                    for byte in source where byte >= 48 && byte <= 57 {
                        guard count < 32 else { break }
                        buffer[count] = byte
                        count += 1
                    }
                }
                return body(UnsafeBufferPointer(rebasing: buffer[0..<count]))
            }
        }
    }

    /// One stored email.
    struct Email {
        var label: UnsafeRawBufferPointer?
        var raw: UnsafeRawBufferPointer
        var isNormalized: Bool
        /// The whole address (non-compact records) or nil.
        var address: UnsafeRawBufferPointer?
        var localPart: UnsafeRawBufferPointer?
        var asciiDomain: UnsafeRawBufferPointer?
        var unicodeDomain: UnsafeRawBufferPointer?
        var canonical: UnsafeRawBufferPointer?
        var problem: UnsafeRawBufferPointer?

        /// Whether the domain is internationalized: written otherwise than in its ASCII
        /// (punycode) form ("münchen.de", "xn--mnchen-3ya.de").
        var hasUnicodeDomain: Bool {
            guard let unicodeDomain, let asciiDomain else { return false }
            return !unicodeDomain.elementsEqual(asciiDomain)
        }

        /// Whether the normalized address equals `query` byte for byte.
        func addressEquals(_ query: UnsafeRawBufferPointer) -> Bool {
            guard isNormalized else { return false }
            if let address { return address.elementsEqual(query) }
            guard let localPart, let asciiDomain, query.count == localPart.count + 1 + asciiDomain.count,
                  query[localPart.count] == UInt8(ascii: "@")
            else { return false }
            return query[0..<localPart.count].elementsEqual(localPart)
                && query[(localPart.count + 1)...].elementsEqual(asciiDomain)
        }

        /// Whether the normalized address starts with `prefix`.
        func addressStarts(with prefix: UnsafeRawBufferPointer) -> Bool {
            guard isNormalized else { return false }
            if let address { return address.starts(with: prefix) }
            guard let localPart, let asciiDomain else { return false }
            if prefix.count <= localPart.count { return localPart.starts(with: prefix) }
            guard localPart.elementsEqual(prefix[0..<localPart.count]), prefix[localPart.count] == UInt8(ascii: "@") else { return false }
            return asciiDomain.starts(with: prefix[(localPart.count + 1)...])
        }

        /// Calls `body` with the normalized address's bytes (joined in a buffer when the record
        /// holds it in two parts).
        func withAddress<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R? {
            guard isNormalized else { return nil }
            if let address { return body(address) }
            guard let localPart, let asciiDomain else { return nil }
            var joined = [UInt8]()
            joined.reserveCapacity(localPart.count + 1 + asciiDomain.count)
            joined.append(contentsOf: localPart)
            joined.append(UInt8(ascii: "@"))
            joined.append(contentsOf: asciiDomain)
            return joined.withUnsafeBytes(body)
        }
    }

    // MARK: Reading in order

    /// Reads the header. Call first.
    mutating func header() -> Header {
        let id = string()
        let code = byte()
        let custom = code == 0xFF ? string() : nil
        let fields = byte()
        // Written out (no local closure over `self`): this runs for every record a look-up reads.
        let first = fields & 1 != 0 ? string() : nil
        let last = fields & 2 != 0 ? string() : nil
        let display = fields & 4 != 0 ? string() : nil
        let company = fields & 8 != 0 ? string() : nil
        let region = fields & 16 != 0 ? string() : nil
        let created = fields & 32 != 0 ? double() : nil
        let updated = fields & 64 != 0 ? double() : nil
        return Header(
            id: id, entityCode: code, customEntity: custom, firstName: first, lastName: last, displayName: display,
            company: company, region: region, createdAt: created, updatedAt: updated)
    }

    /// Passes over the header without reading its fields (what a check of the phones or
    /// emails needs: it builds no `Header`).
    mutating func skipHeader() {
        skipString()  // id
        if byte() == 0xFF { skipString() }  // custom entity
        let fields = byte()
        for bit in 0..<5 where fields & (1 << bit) != 0 { skipString() }
        if fields & (1 << 5) != 0 { position += 8 }
        if fields & (1 << 6) != 0 { position += 8 }
    }

    /// The record's id, read from the start.
    static func id(of bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        var reader = ContactRecordReader(bytes)
        return reader.string()
    }

    /// Reads the phone count, after the header.
    mutating func count() -> Int { Int(varint()) }

    /// Reads the next phone.
    mutating func phone() -> Phone {
        let flags = byte()
        let label = flags & 1 != 0 ? string() : nil
        let raw = string()
        var phone = Phone(
            label: label, raw: raw, isNormalized: flags & 2 != 0, e164Digits: nil, e164Text: nil, countryCode: 0, nationalText: nil,
            extension: nil, details: nil, detailsRegion: nil, problem: nil)
        if phone.isNormalized {
            if flags & 4 != 0 {
                phone.e164Digits = varint()
                phone.countryCode = Int(varint())
            } else {
                phone.e164Text = string()
                phone.countryCode = Int(varint())
                phone.nationalText = string()
            }
            if flags & 8 != 0 { phone.extension = string() }
            if flags & 16 != 0 {
                phone.details = byte()
                if flags & 32 != 0 { phone.detailsRegion = string() }
            }
        }
        if flags & 64 != 0 { phone.problem = byte() }
        return phone
    }

    /// Reads the next email (after every phone).
    mutating func email() -> Email {
        let flags = byte()
        let label = flags & 1 != 0 ? string() : nil
        let raw = string()
        var email = Email(
            label: label, raw: raw, isNormalized: flags & 2 != 0, address: nil, localPart: nil, asciiDomain: nil, unicodeDomain: nil,
            canonical: nil, problem: nil)
        if email.isNormalized {
            if flags & 4 != 0 {
                email.localPart = string()
                email.asciiDomain = string()
                email.unicodeDomain = flags & 8 != 0 ? string() : email.asciiDomain
            } else {
                email.address = string()
                email.localPart = string()
                email.asciiDomain = string()
                email.unicodeDomain = string()
            }
            if flags & 16 != 0 { email.canonical = string() }
        }
        if flags & 32 != 0 { email.problem = string() }
        return email
    }

    /// What a list shows of a phone (`ContactPhone.displayText`) and what a number look-up
    /// checks: the text as written, and, when it parsed, its E.164 form (digits or text) and
    /// extension.
    struct PhoneDisplay {
        var raw: UnsafeRawBufferPointer
        var isNormalized: Bool
        var e164Digits: UInt64?
        var e164Text: UnsafeRawBufferPointer?
        var `extension`: UnsafeRawBufferPointer?

        /// The index key of the E.164 number (as `Phone.e164Key`); nil when it did not parse or
        /// has no key.
        var e164Key: UInt64? {
            guard isNormalized else { return nil }
            return e164Digits ?? e164Text.flatMap(PhoneKey.e164Key(text:))
        }
    }

    /// The next phone's display parts, passing over the rest of it without building a `Phone`:
    /// what a number look-up checks on each candidate record, and what a reply lists of the
    /// phone that matched.
    mutating func phoneDisplay() -> PhoneDisplay {
        let flags = byte()
        if flags & 1 != 0 { skipString() }
        var display = PhoneDisplay(raw: string(), isNormalized: flags & 2 != 0)
        if display.isNormalized {
            if flags & 4 != 0 {
                display.e164Digits = varint()
                skipVarint()
            } else {
                display.e164Text = string()
                skipVarint()
                skipString()
            }
            if flags & 8 != 0 { display.extension = string() }
            if flags & 16 != 0 {
                position += 1
                if flags & 32 != 0 { skipString() }
            }
        }
        if flags & 64 != 0 { position += 1 }
        return display
    }

    /// The next email's text as written (`email().raw`), passing over the rest of it without
    /// building an `Email`.
    /// The next email's address as written (`ContactEmail.displayText`: the raw text without a
    /// display name, `mailto:` or spaces around it, a slice of it), passing over the rest.
    mutating func emailDisplay() -> UnsafeRawBufferPointer {
        let raw = emailRaw()
        return Self.writtenAddress(raw)
    }

    /// `EmailNormalizer.writtenAddress` of raw bytes: a slice of them (all of them when nothing
    /// is left).
    static func writtenAddress(_ raw: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        // A plain address (most) starts and ends with no space, ends with no ">" and starts with
        // no "mailto:": decided on its ends, without the scan.
        guard let first = raw.first, let last = raw.last else { return raw }
        if first > 0x20, last > 0x20, last != UInt8(ascii: ">"), first | 0x20 != UInt8(ascii: "m") { return raw }
        let range = EmailNormalizer.writtenAddressRange(raw.bindMemory(to: UInt8.self))
        return range.isEmpty ? raw : UnsafeRawBufferPointer(rebasing: raw[range])
    }

    mutating func emailRaw() -> UnsafeRawBufferPointer {
        let flags = byte()
        if flags & 1 != 0 { skipString() }
        let raw = string()
        if flags & 2 != 0 {
            if flags & 4 != 0 {
                skipString()
                skipString()
                if flags & 8 != 0 { skipString() }
            } else {
                for _ in 0..<4 { skipString() }
            }
            if flags & 16 != 0 { skipString() }
        }
        if flags & 32 != 0 { skipString() }
        return raw
    }

    /// Skips the phones (after the header).
    mutating func skipPhones() {
        for _ in 0..<count() { skipPhone() }
    }

    /// Passes over the next phone (the layout `phone()` reads) without building a `Phone`.
    mutating func skipPhone() {
        let flags = byte()
        if flags & 1 != 0 { skipString() }
        skipString()
        if flags & 2 != 0 {
            if flags & 4 != 0 {
                skipVarint()
                skipVarint()
            } else {
                skipString()
                skipVarint()
                skipString()
            }
            if flags & 8 != 0 { skipString() }
            if flags & 16 != 0 {
                position += 1
                if flags & 32 != 0 { skipString() }
            }
        }
        if flags & 64 != 0 { position += 1 }
    }

    /// Reads one attribute (after every email and the attribute count).
    mutating func attribute() -> (key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer) {
        (string(), string())
    }

    // MARK: Primitives

    @inline(__always)
    mutating func byte() -> UInt8 {
        let value = bytes[position]
        position += 1
        return value
    }

    @inline(__always)
    mutating func varint() -> UInt64 {
        // One byte (lengths under 128, most of them) without entering the loop.
        let first = bytes[position]
        position += 1
        if first < 0x80 { return UInt64(first) }
        var value = UInt64(first & 0x7F)
        var shift: UInt64 = 7
        while true {
            let byte = bytes[position]
            position += 1
            value |= UInt64(byte & 0x7F) &<< shift
            if byte < 0x80 { return value }
            shift &+= 7
        }
    }

    @inline(__always)
    mutating func string() -> UnsafeRawBufferPointer {
        let count = Int(varint())
        // Checked once here (a range and a slice would check their bounds again).
        precondition(count >= 0 && count <= bytes.count - position, "string past the end of the record")
        let slice = UnsafeRawBufferPointer(start: bytes.baseAddress.map { $0 + position }, count: count)
        position += count
        return slice
    }

    @inline(__always)
    mutating func skipVarint() {
        while bytes[position] >= 0x80 { position += 1 }
        position += 1
    }

    @inline(__always)
    mutating func skipString() {
        let count = Int(varint())
        position += count
    }

    mutating func double() -> Double {
        let bits = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self))
        position += 8
        return Double(bitPattern: bits)
    }
}

extension String {
    /// A string from record bytes.
    init(recordBytes bytes: UnsafeRawBufferPointer) {
        self.init(utf8Bytes: bytes.bindMemory(to: UInt8.self))
    }
}
