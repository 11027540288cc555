@testable import ContactIndex
import Testing

/// The bitmaps of contacts by their tokens' initials (`TokenInitials`): which characters are
/// kept, and that a kept character's bitmap holds exactly the contacts with a token starting
/// with it, after a bulk load and through renames, new contacts and removals.
@Suite struct TokenInitialsTests {
    static let givenNames = ["Anna", "Aaron", "Adam", "Alice", "Brian", "Beth", "Carl", "Chloe", "Dana", "Zoe", "Émile", "Иван"]
    static let familyNames = ["Adams", "Baker", "Brown", "Clark", "Davis", "Young", "Zhang", "Øster", "Петров"]

    /// The slots with a token whose first byte is `byte`, from their token lists.
    static func slots(withInitial byte: UInt8, in index: NameTokenIndex) -> [UInt32] {
        (0..<UInt32(index.entityRanks.count)).filter { slot in
            index.tokens(of: slot).contains { index.vocabulary.bytes(of: $0 & NameTokenIndex.idMask).first == byte }
        }
    }

    /// The slots whose bits are set in the bitmap of `byte`, or nil when it is not kept.
    static func bitmapSlots(_ byte: UInt8, in index: NameTokenIndex) -> [UInt32]? {
        guard let bitmap = index.initials.bitmap(of: byte) else { return nil }
        return bitmap.indices.flatMap { word in (0..<64).filter { bitmap[word] & 1 << UInt64($0) != 0 }.map { UInt32(word * 64 + $0) } }
    }

    /// A directory where no initial starts 64 tokens keeps none, and says so.
    @Test func aSmallDirectoryKeepsNoInitial() {
        let directory = ContactDirectory((0..<40).map { Contact(id: "s\($0)", firstName: "Anna", lastName: "Adams") })
        #expect(directory.nameTokenIndex.initials.isEmpty)
        #expect(directory.nameTokenIndex.initials.bitmap(of: UInt8(ascii: "a")) == nil)
    }

    @Test func keptInitialsHoldTheirContactsThroughUpdates() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        func contact(_ id: String) -> Contact {
            Contact(id: id, firstName: Self.givenNames[next() % Self.givenNames.count], lastName: Self.familyNames[next() % Self.familyNames.count])
        }
        var directory = ContactDirectory((0..<600).map { contact("c\($0)") })
        let letters = Array("abcdyz".utf8)
        let index = directory.nameTokenIndex
        #expect(!index.initials.isEmpty)
        // Common initials are kept, each bitmap exact; non-ASCII initials ("é", "и") never are.
        for byte in letters {
            let bitmap = Self.bitmapSlots(byte, in: index)
            #expect(bitmap != nil, "\(byte)")
            #expect(bitmap == Self.slots(withInitial: byte, in: index), "\(byte)")
            #expect(index.initials.count(of: byte) == bitmap?.count, "\(byte)")
        }
        #expect(index.initials.bitmap(of: Array("é".utf8)[0]) == nil)
        #expect(index.initials.bitmap(of: Array("и".utf8)[0]) == nil)
        // "x" is in no name: not kept.
        #expect(index.initials.bitmap(of: UInt8(ascii: "x")) == nil)

        for round in 0..<2_000 {
            let id = "c\(next() % 700)"
            if next() % 4 == 0 { directory.remove(id: id) } else { directory.upsert(contact(id)) }
            guard round % 400 == 399 else { continue }
            let updated = directory.nameTokenIndex
            for byte in letters {
                let bitmap = Self.bitmapSlots(byte, in: updated)
                #expect(bitmap == Self.slots(withInitial: byte, in: updated), "\(byte) after \(round + 1) updates")
                #expect(updated.initials.count(of: byte) == bitmap?.count, "\(byte)")
            }
        }
    }

    @Test func charactersAreTheASCIIFirstBytes() {
        var set = TokenInitials.Characters()
        for byte in [UInt8(ascii: "a"), UInt8(ascii: "Z"), UInt8(ascii: "0"), 0x7F, 0xC3, 0xD0, UInt8(ascii: "a")] { set.insert(byte) }
        #expect(set.bytes == [UInt8(ascii: "0"), UInt8(ascii: "Z"), UInt8(ascii: "a"), 0x7F])
        var other = TokenInitials.Characters()
        other.insert(UInt8(ascii: "Z"))
        #expect(set.subtracting(other).bytes == [UInt8(ascii: "0"), UInt8(ascii: "a"), 0x7F])
    }
}
