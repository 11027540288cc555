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
        var candidate = Substring(text).trimmingWhitespace()
        if let open = candidate.lastIndex(of: "<"), candidate.last == ">" {
            candidate = candidate[candidate.index(after: open)..<candidate.index(before: candidate.endIndex)].trimmingWhitespace()
        }
        if candidate.utf8.count >= 7, candidate.prefix(7).lowercased() == "mailto:" {
            candidate = candidate.dropFirst(7).trimmingWhitespace()
            if let query = candidate.firstIndex(of: "?") { candidate = candidate[..<query] }
        }
        guard !candidate.isEmpty else { return .failure(.empty) }
        guard candidate.utf8.count <= 254 else { return .failure(.addressTooLong) }
        guard let at = candidate.lastIndex(of: "@") else { return .failure(.missingAt) }
        let rawLocal = candidate[..<at]
        var rawDomain = candidate[candidate.index(after: at)...]
        guard !rawLocal.contains("@") else { return .failure(.multipleAt) }
        guard !rawLocal.isEmpty else { return .failure(.emptyLocalPart) }
        if rawDomain.last == "." { rawDomain = rawDomain.dropLast() }
        guard !rawDomain.isEmpty else { return .failure(.emptyDomain) }
        guard rawLocal.utf8.count <= 64 else { return .failure(.localPartTooLong) }
        if let bad = rawLocal.first(where: { Self.isForbiddenInLocalPart($0) }) {
            return .failure(.invalidLocalPartCharacter(String(bad)))
        }
        guard rawLocal.first != ".", rawLocal.last != ".", !rawLocal.contains("..") else { return .failure(.misplacedDot) }
        guard rawDomain.contains(".") || rawDomain.contains("。") else { return .failure(.domainWithoutDot) }

        let localPart = rawLocal.allSatisfy(\.isASCII) ? Self.asciiLowercased(rawLocal) : ScriptFolder.nfkcCaseFold(String(rawLocal))
        let domainText = String(rawDomain)
        let asciiDomain: String
        let unicodeDomain: String
        if Self.isPlainASCIIDomain(domainText) {
            // Most domains: ASCII letters, digits, hyphens and dots, no punycode label. UTS #46
            // maps these to their lower-case selves, so skip ICU.
            asciiDomain = Self.asciiLowercased(rawDomain)
            unicodeDomain = asciiDomain
        } else {
            do {
                asciiDomain = try IDNA.toASCII(domainText)
                unicodeDomain = (try? IDNA.toUnicode(asciiDomain)) ?? asciiDomain
            } catch {
                if case .idna(_, let errors) = error { return .failure(.invalidDomain(domain: domainText, errors: errors)) }
                return .failure(.invalidDomain(domain: domainText, errors: 0))
            }
        }
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

    /// The provider-canonical form of an address, or nil when there is nothing to change.
    static func providerCanonical(localPart: String, domain: String) -> String? {
        var local = Substring(localPart)
        if let plus = local.firstIndex(of: "+"), plus != local.startIndex { local = local[..<plus] }
        var canonicalDomain = domain
        if domain == "gmail.com" || domain == "googlemail.com" {
            canonicalDomain = "gmail.com"
            local = Substring(local.filter { $0 != "." })
        }
        guard !local.isEmpty else { return nil }
        return String(local) + "@" + canonicalDomain
    }

    private static func isForbiddenInLocalPart(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return true }
        if scalar.value < 0x21 || scalar.value == 0x7F { return true }
        return "\"(),:;<>[\\]".unicodeScalars.contains(scalar) || character.isWhitespace
    }

    /// Whether a domain is plain ASCII letters, digits and hyphens in non-empty labels that
    /// neither start nor end with a hyphen nor are punycode ("xn--"): UTS #46 maps such a domain
    /// to its lower-case self, so ICU can be skipped. Anything else goes through IDNA.
    private static func isPlainASCIIDomain(_ domain: String) -> Bool {
        let isLetterDigitHyphen: (UInt8) -> Bool = {
            ($0 >= 97 && $0 <= 122) || ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) || $0 == 45
        }
        guard domain.utf8.allSatisfy({ isLetterDigitHyphen($0) || $0 == 46 }) else { return false }
        return domain.utf8.split(separator: 46, omittingEmptySubsequences: false).allSatisfy { label in
            guard let first = label.first, let last = label.last, first != 45, last != 45 else { return false }
            let head = label.prefix(4).map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
            return head != Array("xn--".utf8)
        }
    }

    static func asciiLowercased(_ text: Substring) -> String {
        String(decoding: text.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
    }
}

extension Substring {
    /// The substring without leading and trailing whitespace (including no-break spaces).
    func trimmingWhitespace() -> Substring {
        var start = startIndex
        var end = endIndex
        while start < end, self[start].isWhitespace { start = index(after: start) }
        while end > start, self[index(before: end)].isWhitespace { end = index(before: end) }
        return self[start..<end]
    }
}
