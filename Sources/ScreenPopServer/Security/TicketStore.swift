import Foundation
import Synchronization

/// Short-lived, single-use tickets for the page's WebSocket.
///
/// A browser cannot set an `Authorization` header on a WebSocket, and the bearer token must never
/// reach a page. So the host backend, which holds the token, asks for a ticket (`POST
/// /v1/tickets`) and hands it to the agent's page, which opens `/v1/ws?ticket=…`. A ticket is
/// 256 random bits, lives `lifetime` (30 s by default), and works once.
final class TicketStore: Sendable {
    /// What a ticket grants.
    struct Grant: Sendable, Hashable {
        /// The agent the page belongs to, when the backend named one (commands target it).
        var agent: String?
        /// When the ticket stops working.
        var expires: Duration
    }

    /// The outcome of presenting a ticket.
    enum Verdict: Sendable, Hashable {
        case valid(Grant)
        case unknown
        case expired
    }

    private let tickets = Mutex<[String: Grant]>([:])
    private let lifetime: Duration
    private let capacity: Int
    private let clock: ServerClock

    init(lifetime: Duration, capacity: Int, clock: ServerClock) {
        self.lifetime = lifetime
        self.capacity = capacity
        self.clock = clock
    }

    /// Mints a ticket.
    /// - Returns: the ticket's text (URL-safe) and its grant.
    /// - Throws: `APIError.tooManyTickets` when `capacity` unexpired tickets are outstanding.
    /// - Complexity: O(n) when it sweeps expired tickets, which it does only when full.
    func mint(agent: String?) throws(APIError) -> (ticket: String, grant: Grant) {
        let now = clock.now()
        let grant = Grant(agent: agent, expires: now + lifetime)
        let ticket = Self.randomTicket()
        try tickets.withLock { (tickets: inout [String: Grant]) throws(APIError) in
            if tickets.count >= capacity {
                tickets = tickets.filter { $0.value.expires > now }
            }
            guard tickets.count < capacity else { throw APIError.tooManyTickets(capacity) }
            tickets[ticket] = grant
        }
        return (ticket, grant)
    }

    /// Redeems a ticket: valid once, then gone.
    func redeem(_ ticket: String) -> Verdict {
        let now = clock.now()
        let grant = tickets.withLock { $0.removeValue(forKey: ticket) }
        return Self.verdict(grant, now: now)
    }

    /// What `redeem` would say, without using the ticket up.
    func check(_ ticket: String) -> Verdict {
        let now = clock.now()
        return Self.verdict(tickets.withLock { $0[ticket] }, now: now)
    }

    /// The number of tickets held (expired ones included until swept).
    var count: Int { tickets.withLock { $0.count } }

    private static func verdict(_ grant: Grant?, now: Duration) -> Verdict {
        guard let grant else { return .unknown }
        return grant.expires > now ? .valid(grant) : .expired
    }

    /// 32 bytes from the system's secure generator, base64url without padding (43 characters).
    static func randomTicket() -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        for _ in 0..<4 {
            withUnsafeBytes(of: generator.next() as UInt64) { bytes.append(contentsOf: $0) }
        }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
