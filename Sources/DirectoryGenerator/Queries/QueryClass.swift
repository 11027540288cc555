/// The classes of labeled queries, and which look-up answers each.
public enum QueryClass: String, Sendable, CaseIterable, Codable, Comparable {
    case phoneE164 = "phone_e164"
    case phoneNational = "phone_national"
    case phoneUnknown = "phone_unknown"
    case emailExact = "email_exact"
    case emailMixedCase = "email_mixed_case"
    case emailUnknown = "email_unknown"
    case phoneFragment = "phone_fragment"
    case nameExact = "name_exact"
    case nameFolded = "name_folded"
    case nameTypo1 = "name_typo1"
    case nameTypo2 = "name_typo2"
    case nameSwapped = "name_swapped"
    case namePrefix = "name_prefix"
    case nameNickname = "name_nickname"
    case nameTransliterated = "name_transliterated"
    case nameUnknown = "name_unknown"
    /// The given name's initial and the family name ("J Smith", "J. Smith"). Declared last, and
    /// drawn with a random stream of its own, so that the other classes' queries are those that
    /// files generated before it hold.
    case nameInitials = "name_initials"

    /// Which call answers the class.
    public var kind: QueryKind {
        switch self {
        case .phoneE164, .phoneNational, .phoneUnknown: .phone
        case .emailExact, .emailMixedCase, .emailUnknown: .email
        default: .search
        }
    }

    /// Whether the class has no correct answer (its `expected` is empty).
    public var isUnknown: Bool { self == .phoneUnknown || self == .emailUnknown || self == .nameUnknown }

    /// Classes order as declared.
    public static func < (a: QueryClass, b: QueryClass) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// The call that answers a query: `ContactDirectory.lookup(phone:)` (an incoming call),
/// `lookup(email:)`, or `search(_:)` (what the agent types).
public enum QueryKind: String, Sendable, Codable {
    case phone, email, search
}
