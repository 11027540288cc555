/// `zcc-get-variables-response`: the global custom variables of an engagement (those
/// configured to show in the desktop client), the answer to `zcc-get-variables`, matched to it
/// by `engagementId`.
public struct VariablesResponse: Sendable, Hashable, Codable {
    /// One variable.
    public struct Variable: Sendable, Hashable, Codable {
        /// The variable's id.
        public var globalVariableId: String?
        /// Its name.
        public var globalVariableName: String?
        /// The name shown to agents.
        public var globalVariableDisplayName: String?
        /// Its kind ("Global_Variable").
        public var globalVariableType: String?
        /// The type of its value, as written.
        public var dataType: String?
        /// The value, as given (any JSON).
        public var value: JSONValue?
        /// Where it shows ("Engagement").
        public var screen: String?

        /// Creates a variable.
        public init(
            globalVariableId: String? = nil, globalVariableName: String? = nil, globalVariableDisplayName: String? = nil,
            globalVariableType: String? = nil, dataType: String? = nil, value: JSONValue? = nil, screen: String? = nil
        ) {
            self.globalVariableId = globalVariableId
            self.globalVariableName = globalVariableName
            self.globalVariableDisplayName = globalVariableDisplayName
            self.globalVariableType = globalVariableType
            self.dataType = dataType
            self.value = value
            self.screen = screen
        }

        private enum CodingKeys: String, CodingKey {
            case globalVariableId, globalVariableName, globalVariableDisplayName, globalVariableType, dataType, value, screen
        }

        /// Decodes a variable; its id may be a number, its value anything (`null` is no value).
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            globalVariableId = try container.decodeLooseIfPresent(String.self, forKey: .globalVariableId)
            globalVariableName = try container.decodeIfPresent(String.self, forKey: .globalVariableName)
            globalVariableDisplayName = try container.decodeIfPresent(String.self, forKey: .globalVariableDisplayName)
            globalVariableType = try container.decodeIfPresent(String.self, forKey: .globalVariableType)
            dataType = try container.decodeIfPresent(String.self, forKey: .dataType)
            let value = try container.decodeIfPresent(JSONValue.self, forKey: .value)
            self.value = value == .null ? nil : value
            screen = try container.decodeIfPresent(String.self, forKey: .screen)
        }
    }

    /// The engagement.
    public var engagementId: String
    /// Its variables.
    public var variables: [Variable]

    /// Creates the response.
    public init(engagementId: String, variables: [Variable]) {
        self.engagementId = engagementId
        self.variables = variables
    }

    private enum CodingKeys: String, CodingKey { case engagementId, variables }

    /// Decodes the response; an absent or null list is empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        engagementId = try container.decode(String.self, forKey: .engagementId)
        variables = try container.decodeIfPresent([Variable].self, forKey: .variables) ?? []
    }
}
