/// The kind of line a number belongs to, as libphonenumber's metadata classifies it.
public enum PhoneNumberType: String, Sendable, Hashable, Codable, CaseIterable {
    /// A landline.
    case fixedLine = "fixed_line"
    /// A mobile line.
    case mobile
    /// The plan does not tell a landline from a mobile (the US and Canada, among others).
    case fixedLineOrMobile = "fixed_line_or_mobile"
    /// Free for the caller.
    case tollFree = "toll_free"
    /// Charged above the normal rate.
    case premiumRate = "premium_rate"
    /// Cost shared between caller and callee.
    case sharedCost = "shared_cost"
    /// Voice over IP.
    case voip
    /// A personal number that forwards elsewhere.
    case personalNumber = "personal_number"
    /// A pager.
    case pager
    /// A universal access number (a company's single number).
    case uan
    /// A voicemail access number.
    case voicemail
    /// The metadata does not know the number.
    case unknown
}
