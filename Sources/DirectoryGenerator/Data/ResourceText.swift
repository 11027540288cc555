import Foundation  // Bundle.module: resources need Foundation's Bundle

/// The data files shipped in `Resources/`, read as lines of tab-separated fields.
enum ResourceText {
    /// The text of `Resources/<path>`; a missing resource is a packaging defect and stops the program.
    static func text(_ path: String) -> String {
        let base = Bundle.module.bundleURL
        let url = base.appendingPathComponent("Resources").appendingPathComponent(path)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            fatalError("DirectoryGenerator: the resource \(path) is missing from the bundle")
        }
        return text
    }

    /// Whether `Resources/<path>` exists.
    static func exists(_ path: String) -> Bool {
        let base = Bundle.module.bundleURL
        return FileManager.default.fileExists(atPath: base.appendingPathComponent("Resources").appendingPathComponent(path).path)
    }

    /// The non-comment, non-blank lines of a resource, split at tabs (empty fields kept).
    static func rows(_ path: String) -> [[String]] {
        text(path).split(whereSeparator: \.isNewline).compactMap { line -> [String]? in
            guard !line.hasPrefix("#"), !line.allSatisfy(\.isWhitespace) else { return nil }
            return line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        }
    }

    /// "a:1,b:2" as weighted pairs.
    static func weightedList(_ text: String) -> [(String, Double)] {
        text.split(separator: ",").compactMap { part in
            guard let colon = part.lastIndex(of: ":") else { return nil }
            return (String(part[..<colon]), Double(part[part.index(after: colon)...]) ?? 0)
        }
    }
}
