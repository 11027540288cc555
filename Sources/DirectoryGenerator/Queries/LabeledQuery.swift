import Foundation  // JSONEncoder / JSONDecoder

/// A query with every correct answer: one line of the queries file,
/// `{"class": "...", "kind": "phone"|"email"|"search", "query": "...", "expected": ["id", ...]}`.
public struct LabeledQuery: Sendable, Hashable, Codable {
    /// The class.
    public var queryClass: QueryClass
    /// The call that answers it.
    public var kind: QueryKind
    /// The text given to the call.
    public var query: String
    /// Every correct id (empty for the unknown classes).
    public var expected: [String]

    enum CodingKeys: String, CodingKey {
        case queryClass = "class", kind, query, expected
    }

    /// Creates a query.
    public init(_ queryClass: QueryClass, query: String, expected: [String]) {
        self.queryClass = queryClass
        self.kind = queryClass.kind
        self.query = query
        self.expected = expected
    }
}

/// Labeled queries, read from or written to JSON Lines.
public struct LabeledQuerySet: Sendable {
    /// The queries, grouped by class.
    public var queries: [LabeledQuery]

    /// Creates a set.
    public init(_ queries: [LabeledQuery]) { self.queries = queries }

    /// Errors reading a queries file.
    public enum ReadError: Error, CustomStringConvertible {
        /// The file could not be read.
        case unreadable(path: String)
        /// A line is not a query.
        case badLine(path: String, line: Int, reason: String)
        /// Why, for people.
        public var description: String {
            switch self {
            case .unreadable(let path): "cannot read \(path)"
            case .badLine(let path, let line, let reason): "\(path):\(line): not a labeled query: \(reason)"
            }
        }
    }

    /// Reads a JSON Lines file (blank lines skipped).
    public static func read(path: String) throws(ReadError) -> LabeledQuerySet {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(path: path)
        }
        let decoder = JSONDecoder()
        var queries: [LabeledQuery] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.allSatisfy(\.isWhitespace) {
            do {
                queries.append(try decoder.decode(LabeledQuery.self, from: Data(line.utf8)))
            } catch {
                throw .badLine(path: path, line: number + 1, reason: String(describing: error))
            }
        }
        return LabeledQuerySet(queries)
    }

    /// The JSON Lines text.
    public func jsonLines() -> String {
        var out = ""
        for query in queries {
            out += "{\"class\": " + Self.quoted(query.queryClass.rawValue) + ", \"kind\": " + Self.quoted(query.kind.rawValue)
            out += ", \"query\": " + Self.quoted(query.query) + ", \"expected\": [" + query.expected.map(Self.quoted).joined(separator: ", ") + "]}\n"
        }
        return out
    }

    /// A JSON string literal (UTF-8 kept, control characters escaped), so that the keys keep
    /// the documented order: class, kind, query, expected.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Writes the JSON Lines file.
    public func write(to path: String) throws {
        try Data(jsonLines().utf8).write(to: URL(fileURLWithPath: path))
    }

    /// "phone_e164 1000, …" for reports.
    public var countsByClass: String {
        var counts: [QueryClass: Int] = [:]
        for query in queries { counts[query.queryClass, default: 0] += 1 }
        return counts.sorted { $0.key < $1.key }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ")
    }
}
