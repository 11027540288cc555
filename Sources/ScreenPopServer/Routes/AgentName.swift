/// An agent's name as the host backend gives it: 1 to 128 characters of letters, digits and
/// `. _ - @ : +`. Commands are addressed to it.
enum AgentName {
    /// Checks a name.
    /// - Throws: `APIError` 400 `invalid-agent`.
    static func validate(_ name: String) throws(APIError) -> String {
        let allowed: (UInt8) -> Bool = { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || "._-@:+".utf8.contains(byte)
        }
        guard (1...128).contains(name.utf8.count), name.utf8.allSatisfy(allowed) else {
            throw APIError(.badRequest, code: "invalid-agent", message: "an agent is 1 to 128 letters, digits or . _ - @ : +", field: "agent")
        }
        return name
    }
}
