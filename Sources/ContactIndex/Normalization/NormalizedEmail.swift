/// An email address in canonical form.
public struct NormalizedEmail: Sendable, Hashable, Codable {
    /// The address as indexed: lower-case local part, "@", the ASCII (punycode) domain.
    public var address: String
    /// The local part, lower-cased.
    public var localPart: String
    /// The domain in ASCII ("xn--mller-kva.de").
    public var asciiDomain: String
    /// The domain in Unicode ("müller.de"), for display.
    public var unicodeDomain: String
    /// The provider-canonical address ("johnsmith@gmail.com" for "John.Smith+crm@GoogleMail.com"),
    /// when provider canonicalization is on and changes the address; nil otherwise.
    public var canonicalAddress: String?

    /// Creates a normalized email.
    public init(address: String, localPart: String, asciiDomain: String, unicodeDomain: String, canonicalAddress: String? = nil) {
        self.address = address
        self.localPart = localPart
        self.asciiDomain = asciiDomain
        self.unicodeDomain = unicodeDomain
        self.canonicalAddress = canonicalAddress
    }

    /// The address with its Unicode domain, for display ("hans@müller.de").
    public var displayAddress: String { localPart + "@" + unicodeDomain }

    /// The key the canonical index uses: the canonical address when there is one, else the address.
    public var canonicalKey: String { canonicalAddress ?? address }
}
