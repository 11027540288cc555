import CoreMetrics
import Metrics
import Prometheus
import ScreenPop
import Synchronization

/// The sidecar's metrics, recorded through swift-metrics into a Prometheus registry that
/// `GET /metrics` renders in the text exposition format.
///
/// | Metric | Kind | Labels |
/// |---|---|---|
/// | `screenpop_http_requests_total` | counter | route, method, status |
/// | `screenpop_http_request_duration_seconds` | histogram | route, method |
/// | `screenpop_messages_total` | counter | type, transport |
/// | `screenpop_message_duration_seconds` | histogram | transport (the engine's own time) |
/// | `screenpop_rejected_messages_total` | counter | reason, transport |
/// | `screenpop_rejected_requests_total` | counter | reason |
/// | `screenpop_directory_contacts` | gauge | |
/// | `screenpop_engagements` | gauge | |
/// | `screenpop_engagement_evictions_total` | counter | cause (capacity, age) |
/// | `screenpop_websocket_connections` | gauge | |
/// | `screenpop_commands_total` | counter | outcome (delivered, not-connected, dropped) |
/// | `screenpop_contact_writes_total` | counter | operation (upsert, delete, import) |
///
/// The registry is the server's own, not a process-wide one, so several servers (tests) never
/// share counts.
public final class ServerMetrics: Sendable {
    /// The Prometheus registry behind the metrics.
    public let registry: PrometheusCollectorRegistry
    let factory: PrometheusMetricsFactory
    private let directorySize: CoreMetrics.Gauge
    private let engagements: CoreMetrics.Gauge
    private let connections: CoreMetrics.Gauge
    private let lastEvictions = Mutex<(capacity: Int, age: Int)>((0, 0))

    /// Latency buckets from 10 µs to 10 s: the engine answers in microseconds, uploads take seconds.
    static let latencyBuckets: [Duration] = [
        .microseconds(10), .microseconds(25), .microseconds(50), .microseconds(100), .microseconds(250), .microseconds(500),
        .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
        .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(10),
    ]

    /// Creates the metrics in a new registry.
    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = Self.latencyBuckets
        self.factory = factory
        directorySize = CoreMetrics.Gauge(label: "screenpop_directory_contacts", factory: factory)
        engagements = CoreMetrics.Gauge(label: "screenpop_engagements", factory: factory)
        connections = CoreMetrics.Gauge(label: "screenpop_websocket_connections", factory: factory)
        // Register the label sets once so that every series appears from the first scrape.
        for cause in ["capacity", "age"] {
            CoreMetrics.Counter(label: "screenpop_engagement_evictions_total", dimensions: [("cause", cause)], factory: factory).increment(by: 0)
        }
    }

    /// Records one HTTP request.
    func request(route: String, method: String, status: Int, duration: Duration) {
        CoreMetrics.Counter(label: "screenpop_http_requests_total", dimensions: [("route", route), ("method", method), ("status", String(status))], factory: factory)
            .increment()
        CoreMetrics.Timer(label: "screenpop_http_request_duration_seconds", dimensions: [("route", route), ("method", method)], factory: factory)
            .recordNanoseconds(Self.nanoseconds(duration))
    }

    /// Records one softphone message handled by the engine.
    func message(type: String?, transport: String, duration: Duration) {
        CoreMetrics.Counter(label: "screenpop_messages_total", dimensions: [("type", Self.typeLabel(type)), ("transport", transport)], factory: factory)
            .increment()
        CoreMetrics.Timer(label: "screenpop_message_duration_seconds", dimensions: [("transport", transport)], factory: factory)
            .recordNanoseconds(Self.nanoseconds(duration))
    }

    /// Records a message refused (too large, malformed, invalid, rate-limited…).
    func rejectedMessage(reason: String, transport: String) {
        CoreMetrics.Counter(label: "screenpop_rejected_messages_total", dimensions: [("reason", reason), ("transport", transport)], factory: factory)
            .increment()
    }

    /// Records a request refused before it reached a route (token, origin, ticket, rate).
    func rejectedRequest(reason: String) {
        CoreMetrics.Counter(label: "screenpop_rejected_requests_total", dimensions: [("reason", reason)], factory: factory).increment()
    }

    /// Records a pushed command's fate.
    func command(outcome: String) {
        CoreMetrics.Counter(label: "screenpop_commands_total", dimensions: [("outcome", outcome)], factory: factory).increment()
    }

    /// Records a write to the directory.
    func contactWrite(_ operation: String) {
        CoreMetrics.Counter(label: "screenpop_contact_writes_total", dimensions: [("operation", operation)], factory: factory).increment()
    }

    /// Brings the gauges and eviction counters up to date (before a scrape).
    func refresh(directoryCount: Int, statistics: EngineStatistics, webSocketConnections: Int) {
        directorySize.record(directoryCount)
        engagements.record(statistics.engagements)
        connections.record(webSocketConnections)
        let (capacityDelta, ageDelta) = lastEvictions.withLock { last -> (Int, Int) in
            let deltas = (statistics.engagementsEvictedForCapacity - last.capacity, statistics.engagementsEvictedForAge - last.age)
            last = (statistics.engagementsEvictedForCapacity, statistics.engagementsEvictedForAge)
            return deltas
        }
        if capacityDelta > 0 {
            CoreMetrics.Counter(label: "screenpop_engagement_evictions_total", dimensions: [("cause", "capacity")], factory: factory).increment(by: capacityDelta)
        }
        if ageDelta > 0 {
            CoreMetrics.Counter(label: "screenpop_engagement_evictions_total", dimensions: [("cause", "age")], factory: factory).increment(by: ageDelta)
        }
    }

    /// The metrics in Prometheus' text format.
    public func exposition() -> [UInt8] {
        registry.emitToBuffer()
    }

    /// Known message types keep their name; anything else is "other", so a client cannot grow the
    /// label set without bound.
    static func typeLabel(_ type: String?) -> String {
        guard let type else { return "unreadable" }
        return knownTypes.contains(type) ? type : "other"
    }

    private static let knownTypes: Set<String> = [
        "zcc-init-config-request", "zcc-resize", "zcc-contact-search-event", "zcc-call-ringing", "zcc-incomingPhone-request",
        "zcc-screen-pop", "zcc-call-connected", "zcc-call-ended", "zcc-end-post-engagement", "zcc-phone-call-log",
        "zcc-call-recording", "zcc-incomingEmail-request", "zcc-chat-ringing", "zcc-chat-started", "zcc-chat-ended",
        "zcc-video-ringing", "zcc-video-started", "zcc-video-ended", "zcc-add-note", "zcc-sms-ringing", "zcc-sms-started",
        "zcc-sms-ended", "zcc-outbound-call-started", "zcc-inbound-not-connected", "zcc-outbound-not-connected",
        "zcc-engagement-log-url", "zcc-agent-status-notification", "zcc-error", "zcc-engagement-status-response",
        "zcc-get-disposition-codes-response", "zcc-send-chat-message-response", "zcc-get-variables-response",
    ]

    private static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
