#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How a `ScreenPopEngine` answers and decides.
public struct ScreenPopConfiguration: Sendable {
    /// How contact-search responses are written.
    public enum SearchResponseForm: String, Sendable, Hashable, Codable {
        /// `data` is a ranked array (our design).
        case array
        /// `data` is the best record only, as the document shows.
        case singleObject = "single-object"
    }

    /// When to pop: on ringing (default) or on connect; also sent in the init-config response.
    public var screenPopEvent: ScreenPopEvent
    /// The region for numbers written without a country code; nil uses the directory's.
    public var region: String?
    /// The most records in a reply.
    public var resultLimit: Int
    /// A match scoring at least this counts as confident (see `MatchReason`'s scale).
    public var confidentScore: Double
    /// How the engine resolves several confident matches.
    public var choicePolicy: ChoicePolicy
    /// How contact-search responses are written.
    public var searchResponseForm: SearchResponseForm
    /// The most choices remembered.
    public var rememberedChoiceCapacity: Int
    /// How long a choice is remembered, in seconds.
    public var rememberedChoiceMaximumAge: TimeInterval
    /// The most engagements tracked.
    public var engagementCapacity: Int
    /// How long an engagement is tracked after its last message, in seconds.
    public var engagementTimeToLive: TimeInterval
    /// The largest message accepted, in bytes.
    public var maximumMessageBytes: Int
    /// The default `maximumMessageBytes`: 64 KiB, also what `MessageValidation` applies.
    public static let defaultMaximumMessageBytes = 64 * 1024
    /// The engine's clock.
    public var clock: EngineClock
    /// Seconds a request to the softphone waits for its answer (`ScreenPopEngine.requests`).
    public var requestTimeout: TimeInterval
    /// The most requests to the softphone waiting for answers at once.
    public var pendingRequestCapacity: Int

    /// Creates a configuration.
    public init(
        screenPopEvent: ScreenPopEvent = .ringing,
        region: String? = nil,
        resultLimit: Int = 10,
        confidentScore: Double = 0.95,
        choicePolicy: ChoicePolicy = .remember,
        searchResponseForm: SearchResponseForm = .array,
        rememberedChoiceCapacity: Int = 100_000,
        rememberedChoiceMaximumAge: TimeInterval = 90 * 86_400,
        engagementCapacity: Int = 10_000,
        engagementTimeToLive: TimeInterval = 12 * 3600,
        maximumMessageBytes: Int = defaultMaximumMessageBytes,
        clock: EngineClock = .system,
        requestTimeout: TimeInterval = 30,
        pendingRequestCapacity: Int = 1024
    ) {
        self.screenPopEvent = screenPopEvent
        self.region = region
        self.resultLimit = resultLimit
        self.confidentScore = confidentScore
        self.choicePolicy = choicePolicy
        self.searchResponseForm = searchResponseForm
        self.rememberedChoiceCapacity = rememberedChoiceCapacity
        self.rememberedChoiceMaximumAge = rememberedChoiceMaximumAge
        self.engagementCapacity = engagementCapacity
        self.engagementTimeToLive = engagementTimeToLive
        self.maximumMessageBytes = maximumMessageBytes
        self.clock = clock
        self.requestTimeout = requestTimeout
        self.pendingRequestCapacity = pendingRequestCapacity
    }
}
