import ContactIndex

/// `onclicktoact`: the host asks the softphone to dial (click to call).
///
/// Build it from a record with `init(contact:phone:channel:)`, which picks the number to dial
/// and refuses a call to a record that has none, or for a number with `init(dialing:…)`.
///
/// The message names no channel. The document calls `phone` "required field for outbound voice
/// channel calls" and `email` optional: decoding (and so `SmartEmbedMessage` and
/// `screenpop validate`) refuses an `onclicktoact` with neither, naming `data.phone`, and a
/// `phone` that holds no digit, which cannot be dialled. One with an email and no phone is not a
/// voice call and is accepted.
public struct ClickToAct: SoftphoneCommand {
    /// `"onclicktoact"`.
    public static let type = "onclicktoact"
    /// The fields it takes.
    public static let fields = ["id", "name", "phone", "email", "userEntity"]

    /// The record's id.
    public var id: String?
    /// The record's name.
    public var name: String?
    /// The number to dial (required for an outbound voice call).
    public var phone: String?
    /// The email address.
    public var email: String?
    /// The kind of record.
    public var userEntity: String?

    /// Creates the command from its fields, as given.
    public init(id: String? = nil, name: String? = nil, phone: String? = nil, email: String? = nil, userEntity: String? = nil) {
        self.id = id
        self.name = name
        self.phone = phone
        self.email = email
        self.userEntity = userEntity
    }

    /// Creates the command for an outbound voice call to `phone`.
    /// - Throws: `invalid-input` naming `data.phone` when it holds no digit (it cannot be dialled).
    public init(dialing phone: String, id: String? = nil, name: String? = nil, email: String? = nil, userEntity: String? = nil) throws(ScreenPopError) {
        try Self.checkDialable(phone)
        self.init(id: id, name: name, phone: phone, email: email, userEntity: userEntity)
    }

    /// The command as a message.
    public var message: HostMessage { .clickToAct(self) }

    private enum CodingKeys: String, CodingKey { case id, name, phone, email, userEntity }

    /// Decodes and checks the command: a `phone` that can be dialled, or, for a click that is
    /// not a voice call, an `email`.
    public init(from decoder: any Decoder) throws {
        let data = try CommandFields(decoder, messageType: Self.type)
        let phone = try data.string("phone")
        let email = try data.string("email")
        if let phone {
            try Self.checkDialable(phone)
        } else if email.map(CommandRules.isBlank) ?? true {
            throw data.error("phone", "onclicktoact needs data.phone for an outbound voice call (or data.email for another channel)")
        }
        self.init(
            id: try data.looseString("id"), name: try data.string("name"), phone: phone, email: email, userEntity: try data.string("userEntity"))
    }

    /// Refuses a number without a digit.
    static func checkDialable(_ phone: String) throws(ScreenPopError) {
        guard phone.unicodeScalars.contains(where: { $0.properties.numericType == .decimal }) else {
            throw CommandRules.invalid(type, "data.phone", "data.phone \(phone.debugDescription) holds no digit and cannot be dialled")
        }
    }

    /// Creates the command for a record: its id, name, entity and first email address, and the
    /// number to dial.
    ///
    /// The number is `phone` when given, else the record's first number that can be dialed: a
    /// number the directory normalized is dialed in E.164 (an extension cannot be dialed and is
    /// left out); a number the directory could not parse cannot be dialed; a number never
    /// normalized (a record built by hand) is dialed as written when it holds a digit.
    /// - Parameters:
    ///   - contact: the record, best as the directory holds it (`ContactDirectory.contact(id:)`).
    ///   - phone: which of its numbers to dial; nil picks the first that can be dialed.
    ///   - channel: what the agent starts; a voice call or an SMS needs a number.
    /// - Throws: `ScreenPopError` `.cannotDial` naming `data.phone` when the channel needs a
    ///   number and the record (or `phone`) has none that can be dialed.
    public init(contact: Contact, phone: ContactPhone? = nil, channel: EngagementChannel = .voice) throws(ScreenPopError) {
        let number = phone.map(Self.dialable) ?? contact.phones.lazy.compactMap(Self.dialable).first
        if number == nil, channel == .voice || channel == .sms {
            let why: String
            if let phone {
                why = "the number \(phone.raw.debugDescription) cannot be dialed"
            } else if contact.phones.isEmpty {
                why = "it has no phone number"
            } else {
                why = "none of its numbers can be dialed (\(contact.phones.map(\.raw.debugDescription).joined(separator: ", ")))"
            }
            throw ScreenPopError(
                code: .cannotDial, field: "data.phone", messageType: "onclicktoact",
                message: "cannot start a \(channel.rawValue) engagement with \(contact.id.debugDescription) (\(contact.name)): \(why)")
        }
        self.init(id: contact.id, name: contact.name, phone: number, email: contact.emails.first?.displayText, userEntity: contact.entity.rawValue)
    }

    /// The text to dial for a stored number, or nil when it cannot be dialed.
    static func dialable(_ phone: ContactPhone) -> String? {
        if let normalized = phone.normalized { return normalized.e164 }
        guard phone.problem == nil else { return nil }
        let text = phone.raw.trimmingSpaces
        return text.unicodeScalars.contains(where: { $0.properties.numericType == .decimal }) ? text : nil
    }
}
