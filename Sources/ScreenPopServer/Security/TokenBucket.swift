/// A token bucket: `rate` tokens per second refill it up to `burst`; each request or message
/// takes one. A connection that sends faster than `rate` for longer than the burst allows is
/// refused until the bucket refills.
struct TokenBucket: Sendable {
    /// Tokens added per second.
    let rate: Double
    /// The most tokens held.
    let burst: Double
    private var tokens: Double
    private var updated: Duration

    /// A full bucket at `now`.
    init(rate: Double, burst: Double, now: Duration) {
        self.rate = rate
        self.burst = burst
        self.tokens = burst
        self.updated = now
    }

    /// Takes one token if there is one.
    /// - Returns: nil when allowed, else how long until a token is available.
    /// - Complexity: O(1).
    mutating func take(now: Duration) -> Duration? {
        let elapsed = now - updated
        if elapsed > .zero {
            let (seconds, attoseconds) = elapsed.components
            tokens = min(burst, tokens + (Double(seconds) + Double(attoseconds) / 1e18) * rate)
            updated = now
        }
        if tokens >= 1 {
            tokens -= 1
            return nil
        }
        guard rate > 0 else { return .seconds(3600) }
        return .milliseconds(Int64(((1 - tokens) / rate * 1000).rounded(.up)))
    }
}
