import NIOCore
import NIOHTTP1

/// Holds a new connection to a deadline for its first request head, and answers a first request
/// that the HTTP parser rejects.
///
/// Hummingbird's idle timeout (`HTTPConnectionStateHandler`) joins the pipeline only once the
/// first request head is parsed, when the WebSocket upgrade handler hands the connection to
/// HTTP, and so does its answer to a malformed request (a bare 400). Before that, a connection
/// that sends nothing, half a head or bytes the parser rejects would be held forever.
/// This handler sits right after the HTTP decoder from the moment the connection is accepted:
///
/// - If no complete head arrives within `timeout`, it answers `408` (`Connection: close`,
///   the API's JSON error), stops writing, and closes the connection once the client has gone
///   or after `linger`.
/// - If the parser rejects the bytes (a head over 80 KiB, a conflicting `Content-Length`, an
///   unknown method, HTTP/0.9, TLS), it answers 431, 501 or 400 the same way
///   (`APIError.malformedHTTP`).
/// - Once the first head is parsed it leaves the pipeline: the idle timeout then governs an
///   HTTP connection, and the auto-ping a WebSocket.
///
/// Once it has answered, it owns the connection's end: it tells the upgrade handler after it,
/// which Hummingbird waits on for the first head, that the input is over, so that Hummingbird
/// lets the connection go quietly (a connection closed under a waiting upgrade handler is logged
/// as an error), and it holds back that handler's close until its own.
///
/// One per connection; it runs on the connection's event loop only.
final class RequestHeadGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    /// How long a rejected connection is kept reading (and dropping) what the client still
    /// sends, so that the answer reaches it before the connection closes.
    static let linger = TimeAmount.seconds(2)

    private let timeout: TimeAmount
    private var deadline: Scheduled<Void>?
    private var answered = false

    /// Creates the guard of one connection.
    /// - Parameter timeout: how long the connection has to send its first complete head.
    init(timeout: TimeAmount) {
        self.timeout = timeout
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { arm(context) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        disarm()
    }

    func channelActive(context: ChannelHandlerContext) {
        arm(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        disarm()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !answered else { return }
        context.fireChannelRead(data)
        if case .head = Self.unwrapInboundIn(data) {
            disarm()
            context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let error = error as? HTTPParserError {
            answer(.malformedHTTP(error), context: context)
        } else if !answered {
            context.fireErrorCaught(error)
        }
        // Once answered, the decoder's complaints about the bytes that keep coming are dropped.
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if answered, case ChannelEvent.inputClosed = event {
            // The client has nothing more to send: no need to linger.
            disarm()
            context.close(promise: nil)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func close(context: ChannelHandlerContext, mode: CloseMode, promise: EventLoopPromise<Void>?) {
        if answered, mode == .all {
            // The connection closes after the linger, or when the client closes (above).
            promise?.succeed()
            return
        }
        context.close(mode: mode, promise: promise)
    }

    private func arm(_ context: ChannelHandlerContext) {
        guard deadline == nil, !answered else { return }
        let timeout = self.timeout
        deadline = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) {
            self.deadline = nil
            self.answer(.requestHeadTimeout(timeout), context: context)
        }
    }

    private func disarm() {
        deadline?.cancel()
        deadline = nil
    }

    /// Writes `error` with `Connection: close`, then closes the output, and the connection once
    /// the client closes its side or after `linger`. Nothing read afterwards goes further.
    private func answer(_ error: APIError, context: ChannelHandlerContext) {
        guard !answered else { return }
        answered = true
        disarm()
        let body = error.body
        var headers = HTTPHeaders(error.headers.map { ($0.name.rawName, $0.value) })
        headers.replaceOrAdd(name: "Content-Type", value: "application/json; charset=utf-8")
        headers.replaceOrAdd(name: "Cache-Control", value: "no-store")
        headers.replaceOrAdd(name: "Content-Length", value: String(body.count))
        headers.replaceOrAdd(name: "Connection", value: "close")
        let head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: Int(error.status.code)), headers: headers)
        context.write(Self.wrapOutboundOut(.head(head)), promise: nil)
        context.write(Self.wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: body)))), promise: nil)
        let channel = context.channel
        context.writeAndFlush(Self.wrapOutboundOut(.end(nil))).whenComplete { _ in
            channel.close(mode: .output, promise: nil)
        }
        context.fireUserInboundEventTriggered(ChannelEvent.inputClosed)
        deadline = context.eventLoop.assumeIsolated().scheduleTask(in: Self.linger) {
            self.deadline = nil
            context.close(promise: nil)
        }
    }
}

extension APIError {
    /// 408: a connection that did not send a complete request head in time.
    static func requestHeadTimeout(_ timeout: TimeAmount) -> APIError {
        let milliseconds = timeout.nanoseconds / 1_000_000
        return APIError(
            .requestTimeout, code: "request-timeout",
            message: "no complete request head arrived within \(milliseconds) ms; the connection is closed")
    }
}
