import Foundation  // JSONEncoder / JSONDecoder

/// A query with every correct answer: one line of the queries file,
/// `{"class": "...", "kind": "phone"|"email"|"search", "query": "...", "expected": ["id", ...]}`.
///
/// `match-bench generate` writes every key. A file of a host's own queries may leave out all but
/// `query`:
/// - `class`: any name, reported as a class of its own (default: the kind's name);
/// - `kind`: the call that answers it (default: a generator class's call, else `search`, which
///   recognizes numbers and addresses in the text too);
/// - `expected`: the ids that answer it, a list or one id, strings or whole numbers. An empty
///   list means that no record answers it (reported as the unknown classes are: the share with
///   any result and with a confident one); without the key (or with `null`), the query is timed
///   but not scored.
public struct LabeledQuery: Sendable, Hashable, Codable {
    /// The class's name: a `QueryClass` for generated queries, any name in a host's own file.
    public var className: String
    /// The call that answers it.
    public var kind: QueryKind
    /// The text given to the call.
    public var query: String
    /// Every correct id: empty when no record answers the query; nil when it is not labeled.
    public var expected: [String]?

    enum CodingKeys: String, CodingKey {
        case className = "class", kind, query, expected
    }

    /// The generator's class, when the class's name is one.
    public var queryClass: QueryClass? { QueryClass(rawValue: className) }

    /// Creates a generated query.
    public init(_ queryClass: QueryClass, query: String, expected: [String]) {
        self.className = queryClass.rawValue
        self.kind = queryClass.kind
        self.query = query
        self.expected = expected
    }

    /// Creates a query of any class.
    public init(className: String, kind: QueryKind, query: String, expected: [String]?) {
        self.className = className
        self.kind = kind
        self.query = query
        self.expected = expected
    }

    /// Reads a line of a queries file (see the type's description for the keys it may lack).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        query = try container.decode(String.self, forKey: .query)
        let name = try container.decodeIfPresent(String.self, forKey: .className)
        if let kindName = try container.decodeIfPresent(String.self, forKey: .kind) {
            guard let kind = QueryKind(rawValue: kindName) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .kind, in: container, debugDescription: "kind \"\(kindName)\" is none of phone, email, search")
            }
            self.kind = kind
        } else {
            kind = name.flatMap(QueryClass.init(rawValue:))?.kind ?? .search
        }
        className = name ?? kind.rawValue
        if let one = try? container.decodeIfPresent(ExpectedID.self, forKey: .expected) {
            expected = [one.text]
        } else {
            expected = try container.decodeIfPresent([ExpectedID].self, forKey: .expected)?.map(\.text)
        }
    }

    /// An id in `expected`: a string, or a whole number (CRM ids often are: "expected": [1042]).
    private struct ExpectedID: Decodable {
        let text: String

        init(from decoder: any Decoder) throws {
            let value = try decoder.singleValueContainer()
            if let number = try? value.decode(Int64.self) {
                text = String(number)
            } else {
                text = try value.decode(String.self)
            }
        }
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
        // A byte order mark (a file saved by a Windows editor) is not JSON; lines end in LF or
        // CRLF (one `Character`).
        let lines = (text.first == "\u{FEFF}" ? text.dropFirst() : Substring(text))
            .split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        for (number, line) in lines.enumerated() where !line.allSatisfy(\.isWhitespace) {
            do {
                queries.append(try decoder.decode(LabeledQuery.self, from: Data(line.utf8)))
            } catch {
                throw .badLine(path: path, line: number + 1, reason: Self.reason(error))
            }
        }
        return LabeledQuerySet(queries)
    }

    /// Why a line did not decode, in the file's terms.
    static func reason(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _):
            "no \"\(key.stringValue)\" key"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            switch context.codingPath.first?.stringValue {
            case "expected": "\"expected\" is not a list of ids"
            case let key?: "\"\(key)\" is not a string"
            case nil: "not a JSON object"
            }
        case DecodingError.dataCorrupted(let context):
            context.codingPath.isEmpty ? "not JSON (\(context.underlyingError.map { String(describing: $0) } ?? context.debugDescription))" : context.debugDescription
        default:
            String(describing: error)
        }
    }

    /// The JSON Lines text.
    public func jsonLines() -> String {
        var out = ""
        for query in queries {
            out += "{\"class\": " + Self.quoted(query.className) + ", \"kind\": " + Self.quoted(query.kind.rawValue)
            out += ", \"query\": " + Self.quoted(query.query)
            if let expected = query.expected { out += ", \"expected\": [" + expected.map(Self.quoted).joined(separator: ", ") + "]" }
            out += "}\n"
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

    /// The class names of `queries`: the generator's classes in their order, then the others
    /// in the order they first appear.
    public static func classOrder(of queries: [LabeledQuery]) -> [String] {
        var others: [String] = []
        var seen = Set<String>()
        var generated = Set<QueryClass>()
        for query in queries where seen.insert(query.className).inserted {
            if let queryClass = query.queryClass { generated.insert(queryClass) } else { others.append(query.className) }
        }
        return QueryClass.allCases.filter(generated.contains).map(\.rawValue) + others
    }

    /// "phone_e164 1000, …" for reports.
    public var countsByClass: String {
        var counts: [String: Int] = [:]
        for query in queries { counts[query.className, default: 0] += 1 }
        return Self.classOrder(of: queries).map { "\($0) \(counts[$0] ?? 0)" }.joined(separator: ", ")
    }
}
