/// Why a text is not an email address.
public enum EmailNormalizationError: Error, Sendable, Hashable, Codable {
    /// Nothing but whitespace.
    case empty
    /// No "@".
    case missingAt
    /// More than one "@" outside the display-name part.
    case multipleAt
    /// Nothing before the "@".
    case emptyLocalPart
    /// Nothing after the "@".
    case emptyDomain
    /// The local part is over 64 bytes (RFC 5321).
    case localPartTooLong
    /// The address is over 254 bytes (RFC 5321).
    case addressTooLong
    /// The local part holds a character addresses cannot hold unquoted (space, comma, …).
    case invalidLocalPartCharacter(String)
    /// The local part starts or ends with a dot, or has two dots in a row.
    case misplacedDot
    /// The domain has no dot ("user@localhost" reaches no one outside a machine).
    case domainWithoutDot
    /// UTS #46 rejected the domain; `errors` is ICU's UIDNA error bit set.
    case invalidDomain(domain: String, errors: UInt32)

    /// A sentence for a load report.
    public var explanation: String {
        switch self {
        case .empty: "the email field is empty"
        case .missingAt: "an email address needs an \"@\""
        case .multipleAt: "an email address has one \"@\""
        case .emptyLocalPart: "nothing before the \"@\""
        case .emptyDomain: "nothing after the \"@\""
        case .localPartTooLong: "the part before the \"@\" is over 64 bytes"
        case .addressTooLong: "the address is over 254 bytes"
        case .invalidLocalPartCharacter(let character): "the part before the \"@\" holds \(character.debugDescription)"
        case .misplacedDot: "a dot starts or ends the part before the \"@\", or two dots follow each other"
        case .domainWithoutDot: "the domain has no dot"
        case .invalidDomain(let domain, let errors): "the domain \(domain.debugDescription) is not a valid IDNA name (ICU errors 0x\(String(errors, radix: 16)))"
        }
    }
}
