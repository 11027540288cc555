/// Turns the email text found in CRM records and softphone messages into one canonical address.
///
/// Steps: trim; strip `mailto:` (and any `?query`); take the address out of `Name <addr>`;
/// split at the "@"; lower-case the local part; convert the domain with UTS #46 IDNA (so a stored
/// punycode domain and its Unicode form are the same address); check what RFC 5321 and common
/// sense require, and reject the rest with the reason.
///
/// Provider canonicalization (on by default, `Options.canonicalizeProviders`) adds a second key:
/// the part after a `+` is dropped (sub-addressing, RFC 5233), and for Gmail the dots of the local
/// part too, with `googlemail.com` read as `gmail.com`. Directories rank a canonical match below
/// an exact one.
public struct EmailNormalizer: Sendable {
    /// Choices for normalization.
    public struct Options: Sendable, Hashable {
        /// Also compute the provider-canonical address.
        public var canonicalizeProviders: Bool

        /// Creates options.
        public init(canonicalizeProviders: Bool = true) {
            self.canonicalizeProviders = canonicalizeProviders
        }
    }

    /// The options in force.
    public var options: Options

    /// Creates a normalizer.
    public init(options: Options = Options()) {
        self.options = options
    }

    /// Normalizes one email text.
    /// - Parameter text: the text as written ("Hans Müller <Hans@Müller.DE>").
    /// - Returns: the normalized address, or why the text is not an address.
    /// - Complexity: O(n); one IDNA conversion for non-ASCII or punycode domains.
    public func normalize(_ text: String) -> Result<NormalizedEmail, EmailNormalizationError> {
        var text = text
        return text.withUTF8 { normalize(bytes: $0) }
    }

    /// Where the address lies in an email text as written: trimmed, inside the last angle
    /// brackets of "Name <addr>", after `mailto:` and before its `?query`. The whole text (trimmed)
    /// when it is a plain address; empty when nothing is left.
    /// - Complexity: O(n).
    static func writtenAddressRange(_ all: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var range = Self.trimmed(all, all.startIndex..<all.endIndex)
        // "Name <addr>": the address is inside the last angle brackets.
        if let last = range.last, all[last] == UInt8(ascii: ">"),
           let open = range.lastIndex(where: { all[$0] == UInt8(ascii: "<") }) {
            range = Self.trimmed(all, (open + 1)..<last)
        }
        if range.count >= 7, Self.hasMailtoPrefix(all, range.lowerBound) {
            range = Self.trimmed(all, (range.lowerBound + 7)..<range.upperBound)
            if let query = range.firstIndex(where: { all[$0] == UInt8(ascii: "?") }) { range = range.lowerBound..<query }
        }
        return range
    }

    /// The address of an email text as written, without what surrounds it: "John Smith
    /// <John.Smith@Example.com>" → "John.Smith@Example.com", "mailto:a@b.example?subject=Hi" →
    /// "a@b.example". What a list shows: the address as the record has it, usable as one. The
    /// text itself when nothing is left of it.
    /// - Complexity: O(n).
    public static func writtenAddress(_ raw: String) -> String {
        var copy = raw
        return copy.withUTF8 { bytes in
            let range = writtenAddressRange(bytes)
            if range.isEmpty || range.count == bytes.count { return raw }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
    }

    /// The work of `normalize(_:)`, on UTF-8 bytes: ASCII addresses never leave this function
    /// except for the strings of the result.
    func normalize(bytes all: UnsafeBufferPointer<UInt8>) -> Result<NormalizedEmail, EmailNormalizationError> {
        let range = Self.writtenAddressRange(all)
        guard !range.isEmpty else { return .failure(.empty) }
        guard range.count <= 254 else { return .failure(.addressTooLong) }
        guard let at = range.lastIndex(where: { all[$0] == UInt8(ascii: "@") }) else { return .failure(.missingAt) }
        let local = range.lowerBound..<at
        var domain = (at + 1)..<range.upperBound
        guard !local.contains(where: { all[$0] == UInt8(ascii: "@") }) else { return .failure(.multipleAt) }
        guard !local.isEmpty else { return .failure(.emptyLocalPart) }
        if let last = domain.last, all[last] == UInt8(ascii: ".") { domain = domain.lowerBound..<last }
        guard !domain.isEmpty else { return .failure(.emptyDomain) }
        guard local.count <= 64 else { return .failure(.localPartTooLong) }
        let localBytes = UnsafeBufferPointer(rebasing: all[local])
        let localIsASCII = localBytes.allSatisfy { $0 < 0x80 }
        if let bad = Self.forbiddenCharacter(in: localBytes, isASCII: localIsASCII) {
            return .failure(.invalidLocalPartCharacter(bad))
        }
        guard localBytes.first != UInt8(ascii: "."), localBytes.last != UInt8(ascii: "."),
              !zip(localBytes, localBytes.dropFirst()).contains(where: { $0 == UInt8(ascii: ".") && $1 == UInt8(ascii: ".") })
        else { return .failure(.misplacedDot) }

        let localPart = localIsASCII
            ? Self.asciiLowercased(localBytes)
            : ScriptFolder.nfkcCaseFold(String(decoding: localBytes, as: UTF8.self))
        let domainBytes = UnsafeBufferPointer(rebasing: all[domain])
        let asciiDomain: String
        let unicodeDomain: String
        if Self.isPlainASCIIDomain(domainBytes) {
            // Most domains: ASCII letters, digits, hyphens and dots, no punycode label. UTS #46
            // maps these to their lower-case selves, so ICU is skipped.
            asciiDomain = Self.asciiLowercased(domainBytes)
            unicodeDomain = asciiDomain
        } else {
            let domainText = String(decoding: domainBytes, as: UTF8.self)
            do {
                asciiDomain = try IDNA.toASCII(domainText)
                unicodeDomain = (try? IDNA.toUnicode(asciiDomain)) ?? asciiDomain
            } catch {
                if case .idna(_, let errors) = error { return .failure(.invalidDomain(domain: domainText, errors: errors)) }
                return .failure(.invalidDomain(domain: domainText, errors: 0))
            }
        }
        guard asciiDomain.utf8.contains(UInt8(ascii: ".")) else { return .failure(.domainWithoutDot) }
        let address = localPart + "@" + asciiDomain
        guard address.utf8.count <= 254 else { return .failure(.addressTooLong) }
        let canonical = options.canonicalizeProviders ? Self.providerCanonical(localPart: localPart, domain: asciiDomain) : nil
        return .success(NormalizedEmail(
            address: address,
            localPart: localPart,
            asciiDomain: asciiDomain,
            unicodeDomain: unicodeDomain,
            canonicalAddress: canonical == address ? nil : canonical))
    }

    /// The parts of a plain address, the common case of a CRM export: where `normalize` would
    /// return `lower(local)@lower(domain)` with an ASCII local part, a plain ASCII domain
    /// (`isPlainASCIIDomain`, so no IDNA), the Unicode domain equal to the ASCII one and no
    /// provider-canonical address. Nil for anything else (angle brackets, `mailto:`, non-ASCII,
    /// errors, Gmail, sub-addresses with `+`): ask `normalize`.
    ///
    /// Bulk loads write the two lower-cased parts straight into a record, skipping the strings
    /// of a `NormalizedEmail`. The tests check that it agrees with `normalize`.
    /// - Returns: the ranges of the local part and the domain, as written, in `all`.
    /// - Complexity: O(n), no allocation.
    func plainParts(bytes all: UnsafeBufferPointer<UInt8>) -> (local: Range<Int>, domain: Range<Int>)? {
        let range = Self.trimmed(all, all.startIndex..<all.endIndex)
        guard !range.isEmpty, range.count <= 254, all[range.upperBound - 1] != UInt8(ascii: ">") else { return nil }
        if range.count >= 7, Self.hasMailtoPrefix(all, range.lowerBound) { return nil }
        guard let at = range.lastIndex(where: { all[$0] == UInt8(ascii: "@") }) else { return nil }
        let local = range.lowerBound..<at
        let domain = (at + 1)..<range.upperBound
        guard !local.isEmpty, local.count <= 64, !domain.isEmpty, all[domain.upperBound - 1] != UInt8(ascii: ".") else { return nil }
        let localBytes = UnsafeBufferPointer(rebasing: all[local])
        var previous: UInt8 = 0
        for byte in localBytes {
            // Not ASCII, a forbidden character, "@" (several "@"), "+" (a sub-address), "..".
            if byte >= 0x7F || byte < 0x21 || Self.isSpecial(byte) || byte == UInt8(ascii: "@") || byte == UInt8(ascii: "+") { return nil }
            if byte == UInt8(ascii: "."), previous == UInt8(ascii: ".") { return nil }
            previous = byte
        }
        guard localBytes.first != UInt8(ascii: "."), localBytes.last != UInt8(ascii: ".") else { return nil }
        let domainBytes = UnsafeBufferPointer(rebasing: all[domain])
        guard Self.isPlainASCIIDomain(domainBytes), domainBytes.contains(UInt8(ascii: ".")) else { return nil }
        if options.canonicalizeProviders, Self.isGmailDomain(domainBytes) { return nil }
        return (local, domain)
    }

    /// Whether an ASCII domain is gmail.com or googlemail.com, blind to case.
    private static func isGmailDomain(_ domain: UnsafeBufferPointer<UInt8>) -> Bool {
        for name in ["gmail.com", "googlemail.com"] where name.utf8.count == domain.count {
            if zip(name.utf8, domain).allSatisfy({ $0 == ($1 >= 65 && $1 <= 90 ? $1 + 32 : $1) }) { return true }
        }
        return false
    }

    /// The provider-canonical form of an address, or nil when there is nothing to change.
    static func providerCanonical(localPart: String, domain: String) -> String? {
        let isGmail = domain == "gmail.com" || domain == "googlemail.com"
        guard isGmail || localPart.utf8.contains(UInt8(ascii: "+")) else { return nil }
        var local = Array(localPart.utf8)
        if let plus = local.firstIndex(of: UInt8(ascii: "+")), plus > 0 { local.removeSubrange(plus...) }
        var canonicalDomain = domain
        if domain == "gmail.com" || domain == "googlemail.com" {
            canonicalDomain = "gmail.com"
            local.removeAll { $0 == UInt8(ascii: ".") }
        }
        guard !local.isEmpty else { return nil }
        return String(decoding: local, as: UTF8.self) + "@" + canonicalDomain
    }

    /// The first character that an unquoted local part cannot hold, if any.
    private static func forbiddenCharacter(in local: UnsafeBufferPointer<UInt8>, isASCII: Bool) -> String? {
        if isASCII {
            guard let bad = local.first(where: { $0 < 0x21 || $0 == 0x7F || isSpecial($0) }) else { return nil }
            return String(decoding: [bad], as: UTF8.self)
        }
        let text = String(decoding: local, as: UTF8.self)
        for character in text {
            guard let scalar = character.unicodeScalars.first else { continue }
            if scalar.value < 0x21 || scalar.value == 0x7F || character.isWhitespace
                || "\"(),:;<>[\\]".unicodeScalars.contains(scalar) {
                return String(character)
            }
        }
        return nil
    }

    /// The RFC 5322 specials that an unquoted local part cannot hold: `"(),:;<>[\]`.
    private static func isSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x22, 0x28, 0x29, 0x2C, 0x3A, 0x3B, 0x3C, 0x3E, 0x5B, 0x5C, 0x5D: true
        default: false
        }
    }

    /// The range without leading and trailing ASCII whitespace and no-break spaces (U+00A0).
    private static func trimmed(_ all: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end {
            if all[start] <= 0x20 { start += 1 } else if all[start] == 0xC2, start + 1 < end, all[start + 1] == 0xA0 { start += 2 } else { break }
        }
        while end > start {
            if all[end - 1] <= 0x20 { end -= 1 } else if all[end - 1] == 0xA0, end - 2 >= start, all[end - 2] == 0xC2 { end -= 2 } else { break }
        }
        return start..<end
    }

    private static func hasMailtoPrefix(_ all: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        for (offset, expected) in "mailto:".utf8.enumerated() {
            let byte = all[start + offset]
            if (byte >= 65 && byte <= 90 ? byte + 32 : byte) != expected { return false }
        }
        return true
    }

    /// Whether a domain is plain ASCII that UTS #46 maps to its lower-case self without error:
    /// letters, digits and hyphens in labels of 1 to 63 bytes that neither start nor end with a
    /// hyphen nor have hyphens in their 3rd and 4th places (which also sends punycode "xn--"
    /// labels to ICU), 253 bytes at most. Such a domain skips ICU; anything else goes through
    /// IDNA, which gives the same answer for these and the reason for the rest.
    /// - Complexity: O(n), no allocation.
    private static func isPlainASCIIDomain(_ domain: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !domain.isEmpty, domain.count <= 253 else { return false }
        var labelStart = 0
        for index in 0...domain.count {
            let atEnd = index == domain.count
            let byte = atEnd ? UInt8(ascii: ".") : domain[index]
            if byte == UInt8(ascii: ".") {
                let length = index - labelStart
                guard length >= 1, length <= 63, domain[labelStart] != 45, domain[index - 1] != 45 else { return false }
                if length >= 4, domain[labelStart + 2] == 45, domain[labelStart + 3] == 45 { return false }
                labelStart = index + 1
            } else if !((byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57) || byte == 45) {
                return false
            }
        }
        return true
    }

    static func asciiLowercased(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { out in
            for (index, byte) in bytes.enumerated() { out[index] = byte >= 65 && byte <= 90 ? byte + 32 : byte }
            return bytes.count
        }
    }

    static func asciiLowercased(_ text: Substring) -> String {
        asciiLowercased(String(text))
    }

    static func asciiLowercased(_ text: String) -> String {
        var text = text
        return text.withUTF8 { asciiLowercased($0) }
    }
}
