/// Typing mistakes as agents make them: Damerau edits (a wrong key next to the right one, a
/// letter left out, a letter doubled or added, two letters swapped), rarely on the first letter.
struct TypoMaker: Sendable {
    private static let rows = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
    private let neighbours: [Character: [Character]]

    init() {
        var neighbours: [Character: [Character]] = [:]
        let grid = Self.rows.map(Array.init)
        for (row, keys) in grid.enumerated() {
            for (column, key) in keys.enumerated() {
                var near: [Character] = []
                for dr in -1...1 {
                    for dc in -1...1 where !(dr == 0 && dc == 0) {
                        let r = row + dr
                        let c = column + dc
                        if grid.indices.contains(r), grid[r].indices.contains(c) { near.append(grid[r][c]) }
                    }
                }
                neighbours[key] = near
            }
        }
        self.neighbours = neighbours
    }

    /// One Damerau edit of `word` (at least 2 characters).
    func edit(_ word: String, _ random: inout SeededRandom) -> String {
        var characters = Array(word)
        guard characters.count >= 2 else { return word }
        // Position: the first letter only one time in ten.
        let position = random.chance(0.1) ? 0 : Int.random(in: 1..<characters.count, using: &random)
        let original = characters[position]
        let lower = Character(original.lowercased())
        let isUpper = original.isUppercase
        func keyed(_ c: Character) -> Character { isUpper ? Character(c.uppercased()) : c }
        switch Int.random(in: 0..<4, using: &random) {
        case 0:  // wrong key
            let choices = neighbours[lower] ?? Array("aeiou").filter { $0 != lower }
            characters[position] = keyed(random.pick(choices))
        case 1:  // a letter left out
            characters.remove(at: position)
        case 2:  // a letter added: a neighbour, or the same one doubled
            let added = random.chance(0.5) ? lower : random.pick(neighbours[lower] ?? [lower])
            characters.insert(added, at: position + 1 <= characters.count ? position + 1 : position)
        default:  // two letters swapped
            let other = position + 1 < characters.count ? position + 1 : position - 1
            guard characters[other] != characters[position] else {
                characters.remove(at: position)
                break
            }
            characters.swapAt(position, other)
        }
        return String(characters)
    }

    /// The optimal-string-alignment distance (Damerau with adjacent swaps), case-blind.
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.lowercased())
        let y = Array(b.lowercased())
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous2 = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            previous2 = previous
            previous = current
        }
        return previous[y.count]
    }
}
