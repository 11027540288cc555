import Synchronization

/// The time source of tickets and rate limits: a duration since an arbitrary start. Injectable
/// so that tests can move time by hand.
public struct ServerClock: Sendable {
    /// The time now.
    public let now: @Sendable () -> Duration

    /// Creates a clock from a function.
    public init(now: @escaping @Sendable () -> Duration) {
        self.now = now
    }

    /// The monotonic system clock.
    public static var system: ServerClock {
        let start = ContinuousClock.now
        return ServerClock { ContinuousClock.now - start }
    }
}

/// A clock that moves only when told (for tests).
public final class ManualServerClock: Sendable {
    private let time = Mutex<Duration>(.zero)

    /// Creates a clock at zero.
    public init() {}

    /// Moves the clock forward.
    public func advance(by duration: Duration) {
        time.withLock { $0 += duration }
    }

    /// The clock to give a server.
    public var clock: ServerClock {
        ServerClock { [self] in time.withLock { $0 } }
    }
}
