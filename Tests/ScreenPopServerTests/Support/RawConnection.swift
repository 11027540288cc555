import NIOCore
import NIOPosix
import Synchronization

/// A raw TCP connection to a live server, for what no HTTP client sends: nothing, half a
/// request head, bytes the HTTP parser rejects.
///
/// Everything the server writes is collected in the background; `waitUntilClosed(within:)`
/// says whether the server closed the connection in time, and what it wrote before.
final class RawConnection: Sendable {
    /// What the server wrote, and whether it has closed the connection.
    struct Reply: Sendable {
        var text = ""
        var closed = false
    }

    private let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    private let received = Mutex(Reply())

    private init(outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>) {
        self.outbound = outbound
    }

    /// Connects to `127.0.0.1:port`, runs `body`, then closes the connection.
    static func withConnection<Result: Sendable>(port: Int, _ body: (RawConnection) async throws -> Result) async throws -> Result {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            let connection = RawConnection(outbound: outbound)
            return try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await connection.collect(inbound) }
                let result: Result
                do {
                    result = try await body(connection)
                } catch {
                    channel.channel.close(promise: nil)
                    throw error
                }
                channel.channel.close(promise: nil)
                try await group.waitForAll()
                return result
            }
        }
    }

    /// Sends `text` as it is.
    func send(_ text: String) async throws {
        try await outbound.write(ByteBuffer(string: text))
    }

    /// Sends `bytes` as they are.
    func send(bytes: [UInt8]) async throws {
        try await outbound.write(ByteBuffer(bytes: bytes))
    }

    /// What the server has written so far, and whether it has closed the connection.
    var reply: Reply { received.withLock { $0 } }

    /// Waits until the server closes the connection, or until `limit` has passed.
    /// - Returns: what the server wrote, and whether it closed the connection in time.
    func waitUntilClosed(within limit: Duration) async throws -> Reply {
        let end = ContinuousClock.now + limit
        while !reply.closed, ContinuousClock.now < end {
            try await Task.sleep(for: .milliseconds(20))
        }
        return reply
    }

    /// Waits until the server has written something, or until `limit` has passed.
    func waitForReply(within limit: Duration) async throws -> Reply {
        let end = ContinuousClock.now + limit
        while reply.text.isEmpty, !reply.closed, ContinuousClock.now < end {
            try await Task.sleep(for: .milliseconds(20))
        }
        return reply
    }

    private func collect(_ inbound: NIOAsyncChannelInboundStream<ByteBuffer>) async {
        do {
            for try await buffer in inbound {
                received.withLock { $0.text += String(buffer: buffer) }
            }
        } catch {
            // A reset is a close too.
        }
        received.withLock { $0.closed = true }
    }
}
