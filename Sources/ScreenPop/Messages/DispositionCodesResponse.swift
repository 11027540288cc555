/// `zcc-get-disposition-codes-response`: the softphone's answer to `zcc-get-disposition-codes`,
/// a tree of disposition codes.
///
/// The document calls `codes` "a list - possibly nested - of disposition objects": a code may
/// hold its sub-codes in `subDispositionList`, and a list nested directly inside the list is
/// read as its codes in order (flattened).
public struct DispositionCodesResponse: Sendable, Hashable, Codable {
    /// The identifier of the request answered (kept as written).
    public var requestId: String?
    /// The codes, in order.
    public var codes: [DispositionCode]

    /// Creates the response.
    public init(requestId: String?, codes: [DispositionCode]) {
        self.requestId = requestId
        self.codes = codes
    }

    private enum CodingKeys: String, CodingKey { case requestId, codes }

    /// Decodes the response; an absent or null `codes` is empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        requestId = try container.decodeLooseIfPresent(String.self, forKey: .requestId)
        if container.contains(.codes), !(try container.decodeNil(forKey: .codes)) {
            codes = try DispositionCode.list(try container.nestedUnkeyedContainer(forKey: .codes))
        } else {
            codes = []
        }
    }

    /// Every code of the tree, parents before their sub-codes (depth first).
    public var allCodes: [DispositionCode] {
        var result: [DispositionCode] = []
        func walk(_ codes: [DispositionCode]) {
            for code in codes {
                result.append(code)
                walk(code.subDispositionList)
            }
        }
        walk(codes)
        return result
    }
}

/// A disposition (wrap-up) code: `id`, `name`, `description`, `dispositionType`, and its
/// sub-codes.
public struct DispositionCode: Sendable, Hashable, Codable {
    /// The code's id (`dispositionId` of `zcc-set-engagement-disposition`); a number is read as
    /// its decimal text.
    public var id: String?
    /// The name shown to the agent.
    public var name: String?
    /// The description.
    public var description: String?
    /// The kind of code, as written.
    public var dispositionType: String?
    /// The sub-codes.
    public var subDispositionList: [DispositionCode]

    /// Creates a code.
    public init(id: String?, name: String? = nil, description: String? = nil, dispositionType: String? = nil, subDispositionList: [DispositionCode] = []) {
        self.id = id
        self.name = name
        self.description = description
        self.dispositionType = dispositionType
        self.subDispositionList = subDispositionList
    }

    private enum CodingKeys: String, CodingKey { case id, name, description, dispositionType, subDispositionList }

    /// Decodes a code; ids and types may be numbers, sub-codes may be absent.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeLooseIfPresent(String.self, forKey: .id)
        name = try container.decodeLooseIfPresent(String.self, forKey: .name)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        dispositionType = try container.decodeLooseIfPresent(String.self, forKey: .dispositionType)
        if container.contains(.subDispositionList), !(try container.decodeNil(forKey: .subDispositionList)) {
            subDispositionList = try Self.list(try container.nestedUnkeyedContainer(forKey: .subDispositionList))
        } else {
            subDispositionList = []
        }
    }

    /// Encodes the code; an empty sub-code list is left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(id, forKey: .id)
        try container.encodeIfPresent(name, forKey: .name)
        try container.encodeIfPresent(description, forKey: .description)
        try container.encodeIfPresent(dispositionType, forKey: .dispositionType)
        if !subDispositionList.isEmpty { try container.encode(subDispositionList, forKey: .subDispositionList) }
    }

    /// The codes of a list whose items are codes or lists of codes (read in order).
    static func list(_ list: UnkeyedDecodingContainer) throws -> [DispositionCode] {
        var list = list
        var codes: [DispositionCode] = []
        while !list.isAtEnd { try list.decode(ListItem.self).flatten(into: &codes) }
        return codes
    }

    /// An item of a code list: a code, or a list nested in the list.
    private enum ListItem: Decodable {
        case code(DispositionCode)
        case list([ListItem])

        init(from decoder: any Decoder) throws {
            if var nested = try? decoder.unkeyedContainer() {
                var items: [ListItem] = []
                while !nested.isAtEnd { items.append(try nested.decode(ListItem.self)) }
                self = .list(items)
            } else {
                self = .code(try DispositionCode(from: decoder))
            }
        }

        func flatten(into codes: inout [DispositionCode]) {
            switch self {
            case .code(let code): codes.append(code)
            case .list(let items): for item in items { item.flatten(into: &codes) }
            }
        }
    }
}
