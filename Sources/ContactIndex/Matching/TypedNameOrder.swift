/// The order in which a name query is likely typed: given name first ("John Smith"), or family
/// name first when a comma follows the first words ("Smith, John", the "Last, First" form of
/// directories and CRM exports).
///
/// Both orders find the same contacts ("Smith John" finds John Smith), and a match with the
/// query tokens in either order outranks one with its tokens mixed up. Between two matches of
/// the same kind and nearly the same quality, the one in the order typed comes first: "and gar"
/// is Andre Garcia before Gary Andrade, "Chri Jon" Christopher Jones before Jonathan Chriss (see
/// `ContactDirectory.otherOrderShare`).
enum TypedNameOrder: Sendable, Equatable {
    case givenFirst
    case familyFirst

    /// The order of `text`: family first when a comma stands between letters, with one to three
    /// words before it ("Smith, John", "García López, Ana"); else given first.
    static func of(_ text: String) -> TypedNameOrder {
        let scalars = Array(text.unicodeScalars)
        guard let comma = scalars.firstIndex(where: { $0 == "," || $0 == "\u{FF0C}" || $0 == "\u{060C}" }) else { return .givenFirst }
        let before = scalars[..<comma]
        let after = scalars[(comma + 1)...]
        guard before.contains(where: \.properties.isAlphabetic), after.contains(where: \.properties.isAlphabetic) else { return .givenFirst }
        let wordsBefore = String(String.UnicodeScalarView(before)).split(whereSeparator: { $0 == " " || $0 == "\t" }).count
        return (1...3).contains(wordsBefore) ? .familyFirst : .givenFirst
    }

    /// The step from one of a contact's name roles to the next that this order reads as
    /// forward: +1 from given to family, -1 from family to given (see `ContactDirectory.score`).
    var forwardStep: Int { self == .givenFirst ? 1 : -1 }
}
