#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds NUL characters in CSV fields, which the loader drops and reports
/// (`CSVLoadProblem.Kind.nulCharacter`).
enum CSVNULCharacters {
    /// The offset of the first NUL byte of `field`, or nil when it has none.
    /// - Complexity: O(n), with `memchr`.
    static func firstOffset(in field: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = field.baseAddress, let found = memchr(base, 0, field.count) else { return nil }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
    }
}
