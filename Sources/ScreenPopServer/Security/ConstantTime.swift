/// Comparison of secrets in time that does not depend on where they differ.
enum ConstantTime {
    /// Whether `candidate` equals `secret`. The loop always runs over the whole secret and reads
    /// every byte, so the time depends only on the secret's length, never on how much of it the
    /// candidate gets right.
    /// - Complexity: O(secret.count).
    static func equal(_ candidate: some Collection<UInt8>, _ secret: [UInt8]) -> Bool {
        let given = Array(candidate)
        var difference = UInt64(truncatingIfNeeded: given.count ^ secret.count)
        for index in secret.indices {
            let byte: UInt8 = index < given.count ? given[index] : 0
            difference |= UInt64(byte ^ secret[index])
        }
        return difference == 0
    }
}
