/// One territory of libphonenumber's metadata with its patterns compiled into `DigitAutomaton`s.
///
/// A territory whose patterns do not all compile is marked `isUsable == false`, and numbers that
/// need it go to libphonenumber.
struct CompiledTerritory: Sendable {
    /// A compiled number description.
    struct Description: Sendable {
        var automaton: DigitAutomaton?
        /// Bit n set: length n is possible. Zero: the description lists no lengths (no check).
        var possibleLengths: UInt64
        var localOnlyLengths: UInt64
        /// The lengths in metadata order (the first is the minimum for length tests).
        var orderedLengths: [Int]

        /// libphonenumber's `IsNumberMatchingDesc`: the length is possible and the pattern
        /// matches the whole number.
        @inline(__always)
        func matches(_ digits: UnsafeBufferPointer<UInt8>) -> Bool {
            guard let automaton else { return false }
            if possibleLengths != 0, digits.count >= 64 || possibleLengths & (1 << UInt64(digits.count)) == 0 { return false }
            return automaton.matchesWhole(digits)
        }
    }

    let id: String
    let countryCode: Int
    let sameMobileAndFixedLinePattern: Bool
    let internationalPrefix: DigitAutomaton?
    let nationalPrefixForParsing: DigitAutomaton?
    /// The territory has a transform rule for its national prefix: a match needs libphonenumber.
    let hasTransformRule: Bool
    let leadingDigits: DigitAutomaton?
    /// General, fixed line, mobile, toll free, premium rate, shared cost, personal number, VoIP,
    /// pager, UAN, voicemail (the `CPN_DESC_*` order); nil where absent.
    let descriptions: [Description?]
    /// Every pattern compiled.
    let isUsable: Bool

    init(_ metadata: PhoneTerritoryMetadata) {
        var usable = true
        func compile(_ pattern: String) -> DigitAutomaton? {
            guard !pattern.isEmpty else { return nil }
            var captures = false
            do { return try DigitAutomaton(pattern: pattern, hasCaptures: &captures) } catch {
                usable = false
                return nil
            }
        }
        id = metadata.id
        countryCode = metadata.countryCode
        sameMobileAndFixedLinePattern = metadata.sameMobileAndFixedLinePattern
        internationalPrefix = compile(metadata.internationalPrefix)
        nationalPrefixForParsing = compile(metadata.nationalPrefixForParsing)
        hasTransformRule = !metadata.nationalPrefixTransformRule.isEmpty
        leadingDigits = compile(metadata.leadingDigits)
        descriptions = metadata.descriptions.map { description in
            guard let description else { return nil }
            var mask: UInt64 = 0
            for length in description.possibleLengths where length >= 0 && length < 64 { mask |= 1 << UInt64(length) }
            var local: UInt64 = 0
            for length in description.localOnlyLengths where length >= 0 && length < 64 { local |= 1 << UInt64(length) }
            // A description whose only length is -1 has no numbers: it lists lengths, none fits.
            if mask == 0, !description.possibleLengths.isEmpty { mask = 1 << 63 }
            return Description(automaton: compile(description.pattern), possibleLengths: mask, localOnlyLengths: local, orderedLengths: description.possibleLengths)
        }
        if descriptions.first??.orderedLengths.isEmpty ?? true { usable = false }
        isUsable = usable
    }

    @inline(__always)
    func description(_ index: Int) -> Description? { descriptions[index] }

    /// libphonenumber's `GetNumberTypeHelper`.
    func numberType(_ digits: UnsafeBufferPointer<UInt8>) -> PhoneNumberType {
        func matches(_ index: Int) -> Bool { descriptions[index]?.matches(digits) ?? false }
        guard matches(0) else { return .unknown }
        if matches(4) { return .premiumRate }
        if matches(3) { return .tollFree }
        if matches(5) { return .sharedCost }
        if matches(7) { return .voip }
        if matches(6) { return .personalNumber }
        if matches(8) { return .pager }
        if matches(9) { return .uan }
        if matches(10) { return .voicemail }
        if matches(1) {
            if sameMobileAndFixedLinePattern { return .fixedLineOrMobile }
            return matches(2) ? .fixedLineOrMobile : .fixedLine
        }
        if !sameMobileAndFixedLinePattern, matches(2) { return .mobile }
        return .unknown
    }

    /// libphonenumber's `TestNumberLength` against the general description.
    enum LengthCheck { case possible, possibleLocalOnly, tooShort, tooLong, invalidLength }

    func testLength(_ length: Int) -> LengthCheck {
        guard let general = descriptions[0], let minimum = general.orderedLengths.first, let maximum = general.orderedLengths.last else { return .invalidLength }
        if length < 64, general.localOnlyLengths & (1 << UInt64(length)) != 0 { return .possibleLocalOnly }
        if minimum == length { return .possible }
        if minimum > length { return .tooShort }
        if maximum < length { return .tooLong }
        return general.orderedLengths.dropFirst().contains(length) ? .possible : .invalidLength
    }

    /// libphonenumber's `MatchNationalNumber` against the general pattern (no length check).
    @inline(__always)
    func matchesGeneralPattern(_ digits: UnsafeBufferPointer<UInt8>) -> Bool {
        descriptions[0]?.automaton?.matchesWhole(digits) ?? false
    }
}
