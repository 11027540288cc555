@testable import ContactIndex
import Testing

/// `Array.sortAndDropRepeats` gives the sorted distinct elements, on both sides of its
/// insertion-sort limit (32 elements) and with many repeats.
@Suite struct SortAndDropRepeatsTests {
    @Test func givesTheSortedDistinctElements() {
        var random = CollationKeyIndexTests.Random(state: 3)
        for count in [0, 1, 2, 31, 32, 33, 80] {
            for range in [3, 1_000] {
                var values = (0..<count).map { _ in UInt16(random.next(below: range)) }
                let expected = Array(Set(values)).sorted()
                values.sortAndDropRepeats()
                #expect(values == expected, "\(count) values below \(range)")
            }
        }
    }
}
