import ContactIndex

/// What a sampled look-up asks by.
enum QueryKind: String, CaseIterable, Sendable {
    case phone = "phone E.164"
    case email
    case name

    /// The name in `--kinds`.
    var option: String { self == .phone ? "phone" : rawValue }
}

/// One look-up drawn from a loaded row, and the id it must find.
struct SampledQuery: Sendable {
    var kind: QueryKind
    var text: String
    var expectedID: String
}

/// Look-up queries and writer targets drawn from a directory, evenly over its slots.
///
/// Queries take, in turn, the E.164 of a contact's first normalized phone, its first valid email
/// address and its whole name (`Contact.name`); a contact without the field gives the next kind.
/// Writer targets are other contacts, never the ones queried, so that the writer's changes do not
/// change what the look-ups find.
struct QuerySample: Sendable {
    private(set) var queries: [SampledQuery] = []
    private(set) var writerTargets: [Contact] = []

    /// - Complexity: O(n): every contact is decoded once.
    init(directory: ContactDirectory, queries wanted: Int, kinds: [QueryKind], writerTargets targetsWanted: Int, seed: UInt64) {
        let total = wanted + targetsWanted
        let step = max(1, directory.count / max(total, 1))
        var random = SplitMix64(seed: seed)
        var picked = 0
        var kind = 0
        for (position, contact) in directory.contacts.enumerated() where position % step == 0 {
            picked += 1
            if queries.count * total < picked * wanted, queries.count < wanted {
                for attempt in 0..<kinds.count {
                    let chosen = kinds[(kind + attempt) % kinds.count]
                    if let text = Self.text(of: contact, for: chosen) {
                        queries.append(SampledQuery(kind: chosen, text: text, expectedID: contact.id))
                        break
                    }
                }
                kind += 1
            } else if writerTargets.count < targetsWanted {
                writerTargets.append(contact)
            }
            if queries.count >= wanted, writerTargets.count >= targetsWanted { break }
        }
        queries.shuffle(using: &random)
    }

    private static func text(of contact: Contact, for kind: QueryKind) -> String? {
        switch kind {
        case .phone: contact.phones.lazy.compactMap(\.normalized).first?.e164
        case .email: contact.emails.first(where: { $0.normalized != nil })?.raw
        case .name: contact.firstName != nil || contact.lastName != nil || contact.displayName != nil ? contact.name : nil
        }
    }
}

/// A small seeded generator (SplitMix64), so that runs repeat.
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
