#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization

/// Where the engine reads the time: the system clock, or a clock a test sets by hand.
public struct EngineClock: Sendable {
    private let read: @Sendable () -> Date

    /// A clock that reads `read`.
    public init(_ read: @escaping @Sendable () -> Date) { self.read = read }

    /// The current time.
    public var now: Date { read() }

    /// The system's clock.
    public static let system = EngineClock { Date() }

    /// A clock that stands still until `advance(by:)` is called, for tests.
    public static func manual(start: Date = Date(timeIntervalSince1970: 1_750_000_000)) -> (clock: EngineClock, control: ManualClockControl) {
        let control = ManualClockControl(start: start)
        return (EngineClock { control.now }, control)
    }
}

/// The hand of a manual clock.
public final class ManualClockControl: Sendable {
    private let time: Mutex<Date>

    init(start: Date) { time = Mutex(start) }

    /// The clock's current time.
    public var now: Date { time.withLock { $0 } }

    /// Moves the clock forward.
    public func advance(by seconds: Double) { time.withLock { $0 = $0.addingTimeInterval(seconds) } }
}
