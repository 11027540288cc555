/// One territory of libphonenumber's metadata with its patterns compiled into `DigitAutomaton`s,
/// all kept in one transition table: a pattern is its start state in the table.
///
/// One table per territory (rather than one array per pattern) means that classifying a number
/// against a dozen patterns touches no reference counts: the hot loop reads one buffer.
///
/// A territory whose patterns do not all compile is marked `isUsable == false`, and numbers that
/// need it go to libphonenumber.
final class CompiledTerritory: Sendable {
    /// A compiled number description.
    struct Description: Sendable {
        /// The pattern's start state, or -1 when the description has no pattern.
        var start: Int32
        /// Bit n set: length n is possible. Zero: the description lists no lengths (no check).
        var possibleLengths: UInt64
        var localOnlyLengths: UInt64
        /// The first and last lengths in metadata order (ascending in libphonenumber's data).
        var minimumLength: Int
        var maximumLength: Int
        /// Whether the metadata has this description at all.
        var exists: Bool
    }

    /// No pattern.
    static let none: Int32 = -1

    let id: String
    let countryCode: Int
    let sameMobileAndFixedLinePattern: Bool
    let internationalPrefix: Int32
    let nationalPrefixForParsing: Int32
    /// The territory has a transform rule for its national prefix.
    let hasTransformRule: Bool
    /// The national prefix matched as libphonenumber's engine does, with its groups and
    /// transform rule: for a transform rule, or a prefix that can end at two places (nil when
    /// the territory has no national prefix for parsing, or the rule holds what the fast path
    /// does not read).
    let nationalPrefixRule: NationalPrefixRule?
    let leadingDigits: Int32
    /// General, fixed line, mobile, toll free, premium rate, shared cost, personal number, VoIP,
    /// pager, UAN, voicemail (the `CPN_DESC_*` order).
    let descriptions: [Description]
    /// Every pattern compiled.
    let isUsable: Bool
    /// Rows of 11 transitions (digits 0–9 and the end of input) of every pattern; -1 is dead.
    private let transitions: [Int32]
    private let accepting: [Bool]

    init(_ metadata: PhoneTerritoryMetadata) {
        var usable = true
        var transitions: [Int32] = []
        var accepting: [Bool] = []
        func compile(_ pattern: String) -> Int32 {
            guard !pattern.isEmpty else { return Self.none }
            var captures = false
            do {
                let automaton = try DigitAutomaton(pattern: pattern, hasCaptures: &captures)
                let start = Int32(accepting.count)
                transitions.append(contentsOf: automaton.transitions.map { $0 < 0 ? $0 : $0 + start })
                accepting.append(contentsOf: automaton.accepting)
                return start
            } catch {
                usable = false
                return Self.none
            }
        }
        id = metadata.id
        countryCode = metadata.countryCode
        sameMobileAndFixedLinePattern = metadata.sameMobileAndFixedLinePattern
        internationalPrefix = compile(metadata.internationalPrefix)
        nationalPrefixForParsing = compile(metadata.nationalPrefixForParsing)
        hasTransformRule = !metadata.nationalPrefixTransformRule.isEmpty
        nationalPrefixRule = metadata.nationalPrefixForParsing.isEmpty
            ? nil : NationalPrefixRule(pattern: metadata.nationalPrefixForParsing, transform: metadata.nationalPrefixTransformRule)
        leadingDigits = compile(metadata.leadingDigits)
        descriptions = metadata.descriptions.map { description in
            guard let description else {
                return Description(start: Self.none, possibleLengths: 0, localOnlyLengths: 0, minimumLength: 0, maximumLength: 0, exists: false)
            }
            var mask: UInt64 = 0
            for length in description.possibleLengths where length >= 0 && length < 64 { mask |= 1 << UInt64(length) }
            var local: UInt64 = 0
            for length in description.localOnlyLengths where length >= 0 && length < 64 { local |= 1 << UInt64(length) }
            // A description whose only length is -1 has no numbers: it lists lengths, none fits.
            if mask == 0, !description.possibleLengths.isEmpty { mask = 1 << 63 }
            return Description(
                start: compile(description.pattern), possibleLengths: mask, localOnlyLengths: local,
                minimumLength: description.possibleLengths.first ?? 0, maximumLength: description.possibleLengths.last ?? 0, exists: true)
        }
        if !(metadata.descriptions.first??.possibleLengths.isEmpty == false) { usable = false }
        isUsable = usable
        self.transitions = transitions
        self.accepting = accepting
    }

    /// Whether the pattern starting at `start` matches the whole digit string (digits as values
    /// 0–9); false for no pattern.
    /// - Complexity: O(n).
    @inline(__always)
    func matchesWhole(_ start: Int32, _ digits: UnsafeBufferPointer<UInt8>) -> Bool {
        guard start >= 0 else { return false }
        return transitions.withUnsafeBufferPointer { table in
            accepting.withUnsafeBufferPointer { accepting in
                var state = start
                for digit in digits {
                    state = table[Int(state) * 11 + Int(digit)]
                    if state < 0 { return false }
                }
                if accepting[Int(state)] { return true }
                let end = table[Int(state) * 11 + DigitPattern.endSymbol]
                return end >= 0 && accepting[Int(end)]
            }
        }
    }

    /// The lengths of the prefixes of `digits` that the pattern matches (a match anchored at the
    /// start, as libphonenumber's `Consume`/`lookingAt`), at most two of them and how many there
    /// are, in increasing order.
    /// - Complexity: O(n).
    @inline(__always)
    func matchEnds(_ start: Int32, _ digits: UnsafeBufferPointer<UInt8>, into ends: inout (Int, Int, count: Int)) {
        ends.count = 0
        guard start >= 0 else { return }
        transitions.withUnsafeBufferPointer { table in
            accepting.withUnsafeBufferPointer { accepting in
                func note(_ end: Int) {
                    if ends.count == 0 { ends.0 = end } else if ends.count == 1 { ends.1 = end }
                    ends.count += 1
                }
                var state = start
                if accepting[Int(start)] { note(0) }
                var position = 0
                for digit in digits {
                    state = table[Int(state) * 11 + Int(digit)]
                    if state < 0 { return }
                    position += 1
                    if accepting[Int(state)] { note(position) }
                }
                let end = table[Int(state) * 11 + DigitPattern.endSymbol]
                if end >= 0, accepting[Int(end)], !accepting[Int(state)] { note(position) }
            }
        }
    }

    /// Whether some prefix of `digits` matches the pattern at `start`.
    @inline(__always)
    func matchesPrefix(_ start: Int32, _ digits: UnsafeBufferPointer<UInt8>) -> Bool {
        var ends = (0, 0, count: 0)
        matchEnds(start, digits, into: &ends)
        return ends.count > 0
    }

    /// libphonenumber's `IsNumberMatchingDesc`: the length is possible and the pattern matches
    /// the whole number.
    @inline(__always)
    func matches(description index: Int, _ digits: UnsafeBufferPointer<UInt8>) -> Bool {
        let description = descriptions[index]
        guard description.start >= 0 else { return false }
        let lengths = description.possibleLengths
        if lengths != 0, digits.count >= 64 || lengths & (1 << UInt64(digits.count)) == 0 { return false }
        return matchesWhole(description.start, digits)
    }

    /// libphonenumber's `GetNumberTypeHelper`.
    func numberType(_ digits: UnsafeBufferPointer<UInt8>) -> PhoneNumberType {
        func matches(_ index: Int) -> Bool { self.matches(description: index, digits) }
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
        let general = descriptions[0]
        guard general.exists, general.possibleLengths != 0 else { return .invalidLength }
        if length < 64, general.localOnlyLengths & (1 << UInt64(length)) != 0 { return .possibleLocalOnly }
        if general.minimumLength == length { return .possible }
        if general.minimumLength > length { return .tooShort }
        if general.maximumLength < length { return .tooLong }
        return length < 64 && general.possibleLengths & (1 << UInt64(length)) != 0 ? .possible : .invalidLength
    }

    /// libphonenumber's `MatchNationalNumber` against the general pattern (no length check).
    @inline(__always)
    func matchesGeneralPattern(_ digits: UnsafeBufferPointer<UInt8>) -> Bool {
        matchesWhole(descriptions[0].start, digits)
    }
}
