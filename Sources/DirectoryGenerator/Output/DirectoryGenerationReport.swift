/// What a generation wrote: counts and the vocabulary of the names.
public struct DirectoryGenerationReport: Sendable {
    /// Rows written.
    public var rows = 0
    /// Bytes written.
    public var bytes = 0
    /// Rows by entity.
    public var entities: [String: Int] = [:]
    /// Distinct given names (as stored).
    public var distinctGivenNames = 0
    /// Distinct family names (as stored).
    public var distinctFamilyNames = 0
    /// Distinct name tokens, case-folded (words of given and family names).
    public var distinctNameTokens = 0
    /// Share of rows whose most common family name covers (Zipf check): top family name's rows.
    public var topFamilyNames: [(String, Int)] = []
    /// Household units written (rows sharing one number).
    public var households = 0
    /// Duplicate people written (a contact and a lead).
    public var duplicates = 0
    /// Phone texts checked by reading them back, and those replaced.
    public var phoneTexts = PhoneTextWriter.Tally()
    /// Wall time in seconds.
    public var seconds = 0.0
    /// Distinct given and family names in the shipped lists.
    public var listGivenNames = 0
    /// Distinct family names in the shipped lists.
    public var listFamilyNames = 0

    /// Creates an empty report.
    public init() {}

    /// A few lines for the terminal.
    public var summary: String {
        var lines: [String] = []
        lines.append("rows \(rows) (\(entities.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))), \(bytes >> 20) MiB, \(formatSeconds(seconds)) s")
        lines.append("households \(households), duplicate people \(duplicates)")
        lines.append("phone texts \(phoneTexts.checked), read back by libphonenumber; replaced by the international format: \(phoneTexts.replaced)")
        lines.append("vocabulary: \(distinctGivenNames) distinct given names, \(distinctFamilyNames) distinct family names, \(distinctNameTokens) distinct name tokens (case-folded)")
        lines.append("name lists shipped: \(listGivenNames) given names, \(listFamilyNames) family names")
        lines.append("most common family names: " + topFamilyNames.map { "\($0.0) \($0.1)" }.joined(separator: ", "))
        return lines.joined(separator: "\n")
    }
}

/// Seconds with two decimals.
func formatSeconds(_ value: Double) -> String {
    let hundredths = Int((value * 100).rounded())
    let fraction = hundredths % 100
    return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
}
