import Synchronization

/// The pages connected over WebSocket, by connection and by agent, with an outbox each.
///
/// Everything a page receives goes through its outbox, an `AsyncStream` that one task drains into
/// the socket: the engine's answers in order, and commands pushed by the host backend from any
/// other task. The outbox holds at most `capacity` frames; a page that stops reading loses new
/// frames rather than growing the server's memory.
final class AgentHub: Sendable {
    /// One connected page.
    struct Connection: Sendable {
        let id: UInt64
        let agent: String?
        let origin: String?
        let outbox: AsyncStream<[UInt8]>.Continuation
    }

    private struct State: Sendable {
        var nextID: UInt64 = 1
        var connections: [UInt64: Connection] = [:]
        var byAgent: [String: Set<UInt64>] = [:]
    }

    private let state = Mutex(State())
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Registers a page.
    /// - Returns: its connection and the stream of frames to write to its socket.
    func open(agent: String?, origin: String?) -> (Connection, AsyncStream<[UInt8]>) {
        let (stream, continuation) = AsyncStream.makeStream(of: [UInt8].self, bufferingPolicy: .bufferingOldest(capacity))
        let connection = state.withLock { state in
            let connection = Connection(id: state.nextID, agent: agent, origin: origin, outbox: continuation)
            state.nextID += 1
            state.connections[connection.id] = connection
            if let agent { state.byAgent[agent, default: []].insert(connection.id) }
            return connection
        }
        return (connection, stream)
    }

    /// Removes a page and ends its outbox.
    func close(_ connection: Connection) {
        state.withLock { state in
            state.connections[connection.id] = nil
            if let agent = connection.agent {
                state.byAgent[agent]?.remove(connection.id)
                if state.byAgent[agent]?.isEmpty == true { state.byAgent[agent] = nil }
            }
        }
        connection.outbox.finish()
    }

    /// What became of a frame sent to an agent.
    struct Delivery: Sendable, Hashable {
        /// Pages that queued the frame.
        var delivered: Int
        /// Pages whose outbox was full.
        var dropped: Int
    }

    /// Queues a frame on every page of an agent.
    /// - Complexity: O(pages of the agent).
    func send(_ frame: [UInt8], toAgent agent: String) -> Delivery {
        let targets = state.withLock { state in
            (state.byAgent[agent] ?? []).compactMap { state.connections[$0] }
        }
        var delivery = Delivery(delivered: 0, dropped: 0)
        for connection in targets {
            if case .enqueued = connection.outbox.yield(frame) {
                delivery.delivered += 1
            } else {
                delivery.dropped += 1
            }
        }
        return delivery
    }

    /// The number of connected pages.
    var count: Int { state.withLock { $0.connections.count } }

    /// The agents with at least one page connected, sorted.
    var agents: [String] { state.withLock { $0.byAgent.keys.sorted() } }
}
