import NIOCore
import Synchronization

/// One token bucket per HTTP connection, dropped when the connection closes.
///
/// A connection is known by its channel's identity; the bucket is created on the connection's
/// first request and removed by a close callback, so the table holds only open connections.
final class ConnectionRateLimiter: Sendable {
    private let buckets = Mutex<[ObjectIdentifier: TokenBucket]>([:])
    private let rate: Double
    private let burst: Double
    private let clock: ServerClock

    init(rate: Double, burst: Double, clock: ServerClock) {
        self.rate = rate
        self.burst = burst
        self.clock = clock
    }

    /// Takes one token for the connection of `channel`.
    /// - Returns: nil when allowed, else how long until the connection may send again.
    /// - Complexity: O(1) expected.
    func take(channel: any Channel) -> Duration? {
        let id = ObjectIdentifier(channel)
        let now = clock.now()
        let (verdict, isNew) = buckets.withLock { buckets -> (Duration?, Bool) in
            var isNew = false
            var bucket = buckets[id] ?? {
                isNew = true
                return TokenBucket(rate: rate, burst: burst, now: now)
            }()
            let verdict = bucket.take(now: now)
            buckets[id] = bucket
            return (verdict, isNew)
        }
        if isNew {
            channel.closeFuture.whenComplete { [weak self] _ in
                self?.forget(id)
            }
        }
        return verdict
    }

    private func forget(_ id: ObjectIdentifier) {
        _ = buckets.withLock { $0.removeValue(forKey: id) }
    }

    /// The number of connections tracked.
    var connectionCount: Int { buckets.withLock { $0.count } }
}
