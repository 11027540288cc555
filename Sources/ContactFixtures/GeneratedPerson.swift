import ContactIndex

/// One generated contact and the names it was made from, so that queries can be labeled.
public struct GeneratedPerson: Sendable {
    /// The contact as a CRM would hold it.
    public var contact: Contact
    /// The locale its names come from.
    public var locale: String
    /// The given name.
    public var given: NameEntry
    /// The family name (a double-barrelled one joins two entries with "-").
    public var family: NameEntry

    /// The identity of the person's name for labeling: typed given and family, lower-cased.
    public var nameKey: String { given.typed.lowercased() + "|" + family.typed.lowercased() }
}
