/// A regular expression over digits, as libphonenumber's metadata writes them: digits, `\d`,
/// classes (`[2-79]`), groups (`(?:…)`, and capturing `(…)` read as plain groups), alternation,
/// `?`, `*`, `+`, `{n}`, `{n,}`, `{n,m}`, and `$` (end of input). Anything else is refused, so a
/// pattern either compiles with exactly its meaning or not at all.
indirect enum DigitPattern: Sendable, Hashable {
    /// One symbol out of a set: bits 0–9 are the digits, bit 10 is the end of input (`$`).
    case symbols(UInt16)
    /// Nothing: matches the empty string.
    case empty
    /// One after another.
    case sequence([DigitPattern])
    /// Any one of them.
    case choice([DigitPattern])
    /// `min` to `max` times (`max` nil: no limit).
    case repeated(DigitPattern, min: Int, max: Int?)
    /// A capturing group and its number (1 for the first opening parenthesis); only when parsed
    /// with `keepingGroups` (`NationalPrefixRule`). It matches what its pattern matches.
    case group(Int, DigitPattern)

    /// The end-of-input symbol.
    static let endSymbol = 10

    /// Why a pattern was refused.
    struct Unsupported: Error, Hashable {
        var pattern: String
        var position: Int
    }

    /// Parses a pattern; whether it has capturing groups is reported in `hasCaptures`.
    /// - Parameter keepingGroups: make each capturing group a `.group` (else it is read as a
    ///   plain group).
    static func parse(_ text: String, hasCaptures: inout Bool, keepingGroups: Bool = false) throws(Unsupported) -> DigitPattern {
        var parser = Parser(bytes: Array(text.utf8), text: text)
        parser.keepsGroups = keepingGroups
        let pattern = try parser.alternation()
        guard parser.index == parser.bytes.count else { throw Unsupported(pattern: text, position: parser.index) }
        hasCaptures = parser.sawCapture
        return pattern
    }

    /// The number of capturing groups (`.group`) in the pattern.
    var groupCount: Int {
        switch self {
        case .symbols, .empty: 0
        case .sequence(let items), .choice(let items): items.reduce(0) { $0 + $1.groupCount }
        case .repeated(let inner, _, _): inner.groupCount
        case .group(_, let inner): 1 + inner.groupCount
        }
    }

    private struct Parser {
        let bytes: [UInt8]
        let text: String
        var index = 0
        var sawCapture = false
        var keepsGroups = false
        var groups = 0

        init(bytes: [UInt8], text: String) {
            self.bytes = bytes
            self.text = text
        }

        func fail() -> Unsupported { Unsupported(pattern: text, position: index) }

        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func alternation() throws(Unsupported) -> DigitPattern {
            var options = [try sequence()]
            while current == UInt8(ascii: "|") {
                index += 1
                options.append(try sequence())
            }
            return options.count == 1 ? options[0] : .choice(options)
        }

        mutating func sequence() throws(Unsupported) -> DigitPattern {
            var items: [DigitPattern] = []
            while let byte = current, byte != UInt8(ascii: "|"), byte != UInt8(ascii: ")") {
                var atom = try self.atom()
                atom = try quantified(atom)
                items.append(atom)
            }
            if items.isEmpty { return .empty }
            return items.count == 1 ? items[0] : .sequence(items)
        }

        mutating func quantified(_ atom: DigitPattern) throws(Unsupported) -> DigitPattern {
            var atom = atom
            while let byte = current {
                switch byte {
                case UInt8(ascii: "?"): index += 1; atom = .repeated(atom, min: 0, max: 1)
                case UInt8(ascii: "*"): index += 1; atom = .repeated(atom, min: 0, max: nil)
                case UInt8(ascii: "+"): index += 1; atom = .repeated(atom, min: 1, max: nil)
                case UInt8(ascii: "{"):
                    index += 1
                    let low = try number()
                    var high: Int? = low
                    if current == UInt8(ascii: ",") {
                        index += 1
                        high = current == UInt8(ascii: "}") ? nil : try number()
                    }
                    guard current == UInt8(ascii: "}"), high.map({ $0 >= low }) ?? true, low <= 64, (high ?? 0) <= 64 else { throw fail() }
                    index += 1
                    atom = .repeated(atom, min: low, max: high)
                default: return atom
                }
                // A lazy or possessive suffix would change the meaning: refuse it.
                if current == UInt8(ascii: "?") || current == UInt8(ascii: "+") { throw fail() }
            }
            return atom
        }

        mutating func number() throws(Unsupported) -> Int {
            var value = 0
            var digits = 0
            while let byte = current, byte >= 48, byte <= 57 {
                value = value * 10 + Int(byte - 48)
                digits += 1
                index += 1
            }
            guard digits > 0 else { throw fail() }
            return value
        }

        mutating func atom() throws(Unsupported) -> DigitPattern {
            guard let byte = current else { throw fail() }
            switch byte {
            case 48...57:
                index += 1
                return .symbols(1 << UInt16(byte - 48))
            case UInt8(ascii: "\\"):
                index += 1
                guard current == UInt8(ascii: "d") else { throw fail() }
                index += 1
                return .symbols(0x3FF)
            case UInt8(ascii: "$"):
                index += 1
                return .symbols(1 << UInt16(DigitPattern.endSymbol))
            case UInt8(ascii: "["):
                index += 1
                return try characterClass()
            case UInt8(ascii: "("):
                index += 1
                var number: Int? = nil
                if current == UInt8(ascii: "?") {
                    index += 1
                    guard current == UInt8(ascii: ":") else { throw fail() }
                    index += 1
                } else {
                    sawCapture = true
                    groups += 1
                    number = groups
                }
                let inner = try alternation()
                guard current == UInt8(ascii: ")") else { throw fail() }
                index += 1
                if keepsGroups, let number { return .group(number, inner) }
                return inner
            default:
                throw fail()
            }
        }

        mutating func characterClass() throws(Unsupported) -> DigitPattern {
            var mask: UInt16 = 0
            guard current != UInt8(ascii: "^") else { throw fail() }
            while let byte = current, byte != UInt8(ascii: "]") {
                if byte == UInt8(ascii: "\\") {
                    index += 1
                    guard current == UInt8(ascii: "d") else { throw fail() }
                    index += 1
                    mask |= 0x3FF
                    continue
                }
                guard byte >= 48, byte <= 57 else { throw fail() }
                index += 1
                if current == UInt8(ascii: "-"), index + 1 < bytes.count, bytes[index + 1] != UInt8(ascii: "]") {
                    let high = bytes[index + 1]
                    guard high >= byte, high <= 57 else { throw fail() }
                    for digit in byte...high { mask |= 1 << UInt16(digit - 48) }
                    index += 2
                } else {
                    mask |= 1 << UInt16(byte - 48)
                }
            }
            guard current == UInt8(ascii: "]"), mask != 0 else { throw fail() }
            index += 1
            return .symbols(mask)
        }
    }
}
