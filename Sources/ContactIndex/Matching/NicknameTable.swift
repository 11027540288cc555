import Foundation  // Bundle.module: resources need Foundation's Bundle

/// Given names and their nicknames, both ways ("robert" ↔ "bob", "rob", "bobby"), read from the
/// package resource `nicknames.csv` (the `nicknames` dataset, Apache-2.0; see `NOTICE.md`).
///
/// Names are lower-case ASCII, as `NameNormalizer` folds them. A name maps to its nicknames and a
/// nickname to its formal names, one hop: "bob" finds "robert", not "roberta"'s other nicknames.
/// The shared table adds `CommonDiminutives` (Katie, Hans, Paco, Dima, Giannis…) to the dataset.
package struct NicknameTable: Sendable {
    private let related: [String: [String]]

    /// The table shipped with the package: the dataset's pairs and `CommonDiminutives`.
    package static let shared: NicknameTable = {
        guard let url = Bundle.module.url(forResource: "nicknames", withExtension: "csv"),
              let text = try? String(contentsOf: url, encoding: .utf8)
        else { return NicknameTable(pairs: CommonDiminutives.pairs) }
        return NicknameTable(csv: text, adding: CommonDiminutives.pairs)
    }()

    /// Builds the table from `name1,relationship,name2` lines (a header line is skipped) and
    /// the (name, nickname) pairs `adding`.
    package init(csv: String, adding extra: [(String, String)] = []) {
        var pairs = extra
        for line in csv.split(whereSeparator: \.isNewline) {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == 3, fields[1] == "has_nickname" else { continue }
            pairs.append((Self.token(fields[0]), Self.token(fields[2])))
        }
        self.init(pairs: pairs)
    }

    /// A name of the dataset as a folded name token: lower-case, letters alone. Its initialisms
    /// are written with points ("k.c." for Casey, "l.r." for Leroy), which no folded token holds:
    /// "KC Coffey" did not find Casey Coffey.
    static func token(_ field: Substring) -> String {
        String(field.lowercased().unicodeScalars.filter(ICUCharacterProperties.isAlphabetic))
    }

    /// Builds the table from (name, nickname) pairs.
    package init(pairs: [(String, String)]) {
        var related: [String: [String]] = [:]
        for (name, nickname) in pairs where name != nickname {
            related[name, default: []].append(nickname)
            related[nickname, default: []].append(name)
        }
        for key in related.keys { related[key] = Array(Set(related[key]!)).sorted() }
        self.related = related
    }

    /// Calls `body` with each name of the table and the names related to it (`related(to:)`).
    package func forEachName(_ body: (_ name: String, _ related: [String]) -> Void) {
        for (name, names) in related { body(name, names) }
    }

    /// The names related to `name` (its nicknames and the names it is a nickname of), sorted.
    /// - Complexity: O(1) expected.
    package func related(to name: String) -> [String] {
        related[name] ?? []
    }
}
