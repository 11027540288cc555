/// A message from the host to the softphone: `{type, data}`.
public enum HostMessage: Sendable, Hashable {
    /// `zcc-init-config-response`.
    case initConfigResponse(InitConfigResponse)
    /// `zcc-contact-search-response`.
    case contactSearchResponse(ContactSearchResponse)
    /// `zcc-incomingPhone-response`.
    case incomingPhoneResponse(IncomingLookupResponse)
    /// `zcc-incomingEmail-response`.
    case incomingEmailResponse(IncomingLookupResponse)
    /// `onclicktoact`: dial (click to call).
    case clickToAct(ClickToAct)
    /// A type we do not know, with the whole message exactly as received (`RawJSON`).
    case unknown(type: String, raw: RawJSON)

    /// The message's `type` text.
    public var type: String {
        switch self {
        case .initConfigResponse: "zcc-init-config-response"
        case .contactSearchResponse: "zcc-contact-search-response"
        case .incomingPhoneResponse: "zcc-incomingPhone-response"
        case .incomingEmailResponse: "zcc-incomingEmail-response"
        case .clickToAct: "onclicktoact"
        case .unknown(let type, _): type
        }
    }
}

extension HostMessage: Codable {
    private enum CodingKeys: String, CodingKey { case type, data }

    /// Decodes `{type, data}`; unknown types become `.unknown`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        func data<T: Decodable>(_: T.Type) throws -> T { try container.decode(T.self, forKey: .data) }
        switch type {
        case "zcc-init-config-response": self = .initConfigResponse(try container.decodeIfPresent(InitConfigResponse.self, forKey: .data) ?? .init(phone: nil))
        case "zcc-contact-search-response": self = .contactSearchResponse(try data(ContactSearchResponse.self))
        case "zcc-incomingPhone-response": self = .incomingPhoneResponse(try data(IncomingLookupResponse.self))
        case "zcc-incomingEmail-response": self = .incomingEmailResponse(try data(IncomingLookupResponse.self))
        case "onclicktoact": self = .clickToAct(try data(ClickToAct.self))
        default: self = .unknown(type: type, raw: try RawJSON.reading(decoder))
        }
    }

    /// Encodes `{type, data}`; `.unknown` encodes its raw JSON.
    public func encode(to encoder: any Encoder) throws {
        if case .unknown(_, let raw) = self {
            try raw.encode(to: encoder)  // its value: an Encoder cannot take raw text
            return
        }
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        switch self {
        case .initConfigResponse(let m): try container.encode(m, forKey: .data)
        case .contactSearchResponse(let m): try container.encode(m, forKey: .data)
        case .incomingPhoneResponse(let m), .incomingEmailResponse(let m): try container.encode(m, forKey: .data)
        case .clickToAct(let m): try container.encode(m, forKey: .data)
        case .unknown: break
        }
    }
}
