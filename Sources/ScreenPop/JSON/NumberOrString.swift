/// The JSON kinds a loose scalar (`Timestamp`, `NumberOrText`) accepts: a number or a string.
/// Only its name is used, as the type of a `DecodingError.typeMismatch`, so that the error
/// says "must be a number or a string" rather than only one of the two.
enum NumberOrString {
    /// The mismatch for a value of another kind (a Boolean, an object, an array, or a number
    /// beyond `Double`) at `container`'s path.
    static func mismatch(in container: any SingleValueDecodingContainer) -> DecodingError {
        DecodingError.typeMismatch(
            NumberOrString.self, DecodingError.Context(codingPath: container.codingPath, debugDescription: "expected a number or a string"))
    }
}
