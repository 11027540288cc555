/// Items drawn with probability proportional to their weights (cumulative weights and a binary
/// search), used for name popularity (Zipf-like lists) and every other weighted choice.
public struct WeightedTable<Item: Sendable>: Sendable {
    /// The items, in the order given.
    public let items: [Item]
    private let cumulative: [Double]

    /// Creates a table; items with a weight of zero or less are never drawn.
    public init(_ pairs: [(Item, Double)]) {
        var running = 0.0
        var cumulative: [Double] = []
        cumulative.reserveCapacity(pairs.count)
        for (_, weight) in pairs {
            running += max(weight, 0)
            cumulative.append(running)
        }
        self.items = pairs.map(\.0)
        self.cumulative = cumulative
    }

    /// Whether there is nothing to draw.
    public var isEmpty: Bool { items.isEmpty || (cumulative.last ?? 0) <= 0 }

    /// One item, by weight.
    /// - Complexity: O(log n).
    public func draw(_ random: inout SeededRandom) -> Item {
        let target = Double.random(in: 0..<cumulative[cumulative.count - 1], using: &random)
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target { high = middle } else { low = middle + 1 }
        }
        return items[low]
    }

    /// One item, all items equally likely (the long tail of a composition).
    public func drawUniform(_ random: inout SeededRandom) -> Item { random.pick(items) }
}
