/// A territory's national prefix for parsing, matched the way libphonenumber's regular expression
/// engine matches it, with its capturing groups and its transform rule: what
/// `MaybeStripNationalPrefixAndCarrierCode` leaves of a national number.
///
/// The automaton of `CompiledTerritory` knows every place where the prefix can end, which is
/// enough when there is one. libphonenumber takes the match its engine prefers (RE2 and
/// `java.util.regex` agree here: anchored at the start, alternatives left first, repetitions
/// greedy, backtracking), and with a transform rule it rewrites the prefix from the groups
/// captured: Argentina's `0?(?:(11|2…|3…)?15)?` with `9$1` reads "011 15 2345-6789" as
/// "9 11 2345 6789", Brazil's `(?:0|90)(?:(1[245]|…)(\d{10,11}))?` with `$2` drops a carrier
/// code, and the NANP islands' `([2-9]\d{6})$|1` with `473$1` prepend their area code to a
/// seven-digit number. Those numbers used to go to libphonenumber (1.75% of a Salesforce-style
/// export with Latin-American contacts, about 40 µs each); `PhoneFastPathDifferentialTests`
/// holds the result equal to libphonenumber's.
///
/// Matching backtracks over the pattern's tree: a national prefix pattern is short, and a number
/// at most 17 digits, so the cost is a few hundred steps at worst.
struct NationalPrefixRule: Sendable {
    /// One piece of the transform rule: a literal digit or a group's capture.
    enum Piece: Sendable, Hashable {
        case digit(UInt8)
        case group(Int)
    }

    /// The prefix pattern, capturing groups kept.
    let pattern: DigitPattern
    /// How many capturing groups it has.
    let groupCount: Int
    /// The transform rule's pieces; empty when the territory has none.
    let transform: [Piece]

    /// The rule of a territory, or nil when its pattern or transform rule holds something the
    /// fast path does not read (then libphonenumber decides).
    init?(pattern text: String, transform rule: String) {
        var captures = false
        guard let pattern = try? DigitPattern.parse(text, hasCaptures: &captures, keepingGroups: true) else { return nil }
        self.pattern = pattern
        groupCount = pattern.groupCount
        var pieces: [Piece] = []
        var bytes = Array(rule.utf8)[...]
        while let byte = bytes.popFirst() {
            switch byte {
            case 48...57:
                pieces.append(.digit(byte - 48))
            case UInt8(ascii: "$"), UInt8(ascii: "\\"):
                guard let number = bytes.popFirst(), number >= 49, number <= 57, Int(number - 48) <= groupCount else { return nil }
                pieces.append(.group(Int(number - 48)))
            default:
                return nil
            }
        }
        transform = pieces
    }

    /// Where the preferred match of the pattern at the start of `digits` ends, and each group's
    /// capture (`groups[2 * (n - 1)]` and `groups[2 * (n - 1) + 1]`, -1 when group n took no
    /// part), or nil when the pattern does not match there.
    func match(_ digits: UnsafeBufferPointer<UInt8>) -> (end: Int, groups: [Int])? {
        var groups = [Int](repeating: -1, count: 2 * groupCount)
        var end = -1
        let found = Self.match(pattern, digits, 0, &groups) { position, _ in
            end = position
            return true
        }
        return found ? (end, groups) : nil
    }

    /// Matches `pattern` at `position`, then the rest through `next`; true once `next` accepts.
    /// Alternatives are tried left first and repetitions as many times as possible first, as a
    /// backtracking engine does, so the first match `next` sees is the one it would take.
    private static func match(
        _ pattern: DigitPattern, _ digits: UnsafeBufferPointer<UInt8>, _ position: Int, _ groups: inout [Int],
        _ next: (Int, inout [Int]) -> Bool
    ) -> Bool {
        switch pattern {
        case .empty:
            return next(position, &groups)
        case .symbols(let mask):
            if position < digits.count {
                return mask & (1 << UInt16(digits[position])) != 0 && next(position + 1, &groups)
            }
            return mask & (1 << UInt16(DigitPattern.endSymbol)) != 0 && next(position, &groups)
        case .sequence(let items):
            return sequence(items[...], digits, position, &groups, next)
        case .choice(let options):
            for option in options where match(option, digits, position, &groups, next) { return true }
            return false
        case .repeated(let inner, let low, let high):
            return repeated(inner, low: low, high: high, done: 0, digits, position, &groups, next)
        case .group(let number, let inner):
            let slot = 2 * (number - 1)
            return match(inner, digits, position, &groups) { end, groups in
                let saved = (groups[slot], groups[slot + 1])
                groups[slot] = position
                groups[slot + 1] = end
                if next(end, &groups) { return true }
                (groups[slot], groups[slot + 1]) = saved
                return false
            }
        }
    }

    private static func sequence(
        _ items: ArraySlice<DigitPattern>, _ digits: UnsafeBufferPointer<UInt8>, _ position: Int, _ groups: inout [Int],
        _ next: (Int, inout [Int]) -> Bool
    ) -> Bool {
        guard let first = items.first else { return next(position, &groups) }
        return match(first, digits, position, &groups) { end, groups in
            sequence(items.dropFirst(), digits, end, &groups, next)
        }
    }

    /// Greedy: one more time first (an iteration that matches nothing ends the loop), then the
    /// rest once `low` times are done.
    private static func repeated(
        _ inner: DigitPattern, low: Int, high: Int?, done: Int, _ digits: UnsafeBufferPointer<UInt8>, _ position: Int,
        _ groups: inout [Int], _ next: (Int, inout [Int]) -> Bool
    ) -> Bool {
        if high.map({ done < $0 }) ?? true {
            let more = match(inner, digits, position, &groups) { end, groups in
                if end == position, done >= low { return false }
                return repeated(inner, low: low, high: high, done: done + 1, digits, end, &groups, next)
            }
            if more { return true }
        }
        return done >= low && next(position, &groups)
    }

    /// What libphonenumber's `MaybeStripNationalPrefixAndCarrierCode` leaves of `number`:
    /// written to `output` (digits as values), or nil when the number stays as it is.
    ///
    /// The prefix must match at the start. When the territory has a transform rule and the
    /// pattern's last group took part, the match is replaced by the rule (its `$n` read from the
    /// groups); otherwise the match is removed. Either way the result is kept only if the number
    /// did not fit the general pattern before, or still fits it after (`fitsGeneral`).
    /// - Returns: the result's length in `output`, or nil (no change); -1 when `output` is too
    ///   small (the caller declines).
    func apply(
        to number: UnsafeBufferPointer<UInt8>, output: UnsafeMutableBufferPointer<UInt8>,
        fitsGeneral: (UnsafeBufferPointer<UInt8>) -> Bool
    ) -> Int? {
        guard !number.isEmpty, let (end, groups) = match(number) else { return nil }
        var count = 0
        func append(_ digit: UInt8) -> Bool {
            guard count < output.count else { return false }
            output[count] = digit
            count += 1
            return true
        }
        let lastGroupTookPart = groupCount > 0 && groups[2 * (groupCount - 1)] >= 0
        if !transform.isEmpty, lastGroupTookPart {
            for piece in transform {
                switch piece {
                case .digit(let digit):
                    guard append(digit) else { return -1 }
                case .group(let group):
                    let start = groups[2 * (group - 1)]
                    guard start >= 0 else { continue }
                    for position in start..<groups[2 * (group - 1) + 1] { guard append(number[position]) else { return -1 } }
                }
            }
        }
        for position in end..<number.count { guard append(number[position]) else { return -1 } }
        if fitsGeneral(number), !fitsGeneral(UnsafeBufferPointer(rebasing: output[0..<count])) { return nil }
        return count
    }
}
