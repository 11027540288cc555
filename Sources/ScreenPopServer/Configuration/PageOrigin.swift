import Foundation

/// A web origin (`scheme://host[:port]`) that may embed the bridge: the pages allowed to open the
/// WebSocket and to call the API from a browser (CORS).
///
/// Origins are written the way browsers send them in the `Origin` header: the scheme and host in
/// lower case, the default port (80 for http, 443 for https) left out, no path. A wildcard, `null`
/// and anything with a path, query or credentials are refused: the allow-list names pages one by
/// one.
public struct PageOrigin: Sendable, Hashable, CustomStringConvertible {
    /// Why a text is not an origin.
    public enum ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        /// `*` or `null`: never allowed.
        case wildcard(String)
        /// The scheme is not http or https.
        case unsupportedScheme(String)
        /// There is no host.
        case missingHost(String)
        /// A path, query, fragment or credentials follow the host.
        case notAnOrigin(String)
        /// The port is not a number from 1 to 65535.
        case invalidPort(String)

        /// A sentence for a person.
        public var description: String {
            switch self {
            case .wildcard(let text): "\(text.debugDescription) is a wildcard; list each page origin instead"
            case .unsupportedScheme(let text): "\(text.debugDescription): the scheme must be http or https"
            case .missingHost(let text): "\(text.debugDescription) has no host"
            case .notAnOrigin(let text): "\(text.debugDescription) is not an origin (scheme://host[:port], no path, query or credentials)"
            case .invalidPort(let text): "\(text.debugDescription) has an invalid port"
            }
        }
    }

    /// The serialized origin, as browsers send it ("https://crm.example.com", "http://localhost:8090").
    public let text: String

    /// Parses and normalizes an origin.
    /// - Parameter text: `scheme://host[:port]`, optionally with one trailing slash.
    /// - Throws: `ParseError` naming the input.
    public init(_ text: String) throws(ParseError) {
        let trimmed = text.trimmingSpaces
        guard trimmed != "*", trimmed.lowercased() != "null", !trimmed.contains("*") else { throw .wildcard(text) }
        guard let separator = trimmed.range(of: "://") else { throw .notAnOrigin(text) }
        let scheme = trimmed[..<separator.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { throw .unsupportedScheme(text) }
        var rest = Substring(trimmed[separator.upperBound...])
        if rest.hasSuffix("/") { rest = rest.dropLast() }
        guard !rest.isEmpty else { throw .missingHost(text) }
        guard !rest.contains(where: { "/?#@\\ ".contains($0) }) else { throw .notAnOrigin(text) }
        var host = rest
        var port: Int?
        if rest.hasPrefix("[") {
            // IPv6 literal: [::1] or [::1]:8080
            guard let close = rest.firstIndex(of: "]") else { throw .notAnOrigin(text) }
            host = rest[...close]
            let after = rest[rest.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":"), let value = Int(after.dropFirst()) else { throw .invalidPort(text) }
                port = value
            }
        } else if let colon = rest.lastIndex(of: ":") {
            host = rest[..<colon]
            guard let value = Int(rest[rest.index(after: colon)...]) else { throw .invalidPort(text) }
            port = value
        }
        guard !host.isEmpty else { throw .missingHost(text) }
        if let port, !(1...65535).contains(port) { throw .invalidPort(text) }
        let defaultPort = scheme == "https" ? 443 : 80
        var serialized = scheme + "://" + host.lowercased()
        if let port, port != defaultPort { serialized += ":\(port)" }
        self.text = serialized
    }

    /// An origin taken exactly as given, unchecked: for tests, whose WebSocket client sends
    /// `Origin: ws://localhost`, which no browser sends.
    init(verbatim text: String) {
        self.text = text
    }

    /// The serialized origin.
    public var description: String { text }
}

extension String {
    /// The text without leading and trailing spaces, tabs and line breaks.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
