import Dispatch
import Synchronization

/// Hands the bytes of a streaming upload from an async producer (the request body) to a blocking
/// consumer (the CSV loader's `read` callback, on its own thread), holding at most `capacity`
/// chunks in between so that a slow load slows the upload instead of filling memory.
final class ByteChunkChannel: Sendable {
    /// How the input ended, once it has.
    enum Ending: Sendable, Hashable {
        /// The producer finished: the consumer saw all of it.
        case complete
        /// The producer failed (the client went away, or sent too much).
        case failed
    }

    private struct State: ~Copyable {
        var chunks: [[UInt8]] = []
        var head = 0
        var ending: Ending?
        var consumerGone = false
        var waitingProducer: CheckedContinuation<Void, Never>?

        var queued: Int { chunks.count - head }

        mutating func pop() -> [UInt8]? {
            guard head < chunks.count else { return nil }
            let chunk = chunks[head]
            chunks[head] = []
            head += 1
            if head > 64, head * 2 > chunks.count {
                chunks.removeFirst(head)
                head = 0
            }
            return chunk
        }
    }

    private let state = Mutex(State())
    private let available = DispatchSemaphore(value: 0)
    private let capacity: Int
    /// The consumer's current chunk and read position; touched only by the consumer thread.
    private let cursor = Mutex<(chunk: [UInt8], offset: Int)>(([], 0))

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    // MARK: Producer (async)

    /// Queues a chunk, waiting while `capacity` chunks are queued. Returns at once, dropping the
    /// chunk, when the consumer has gone.
    func send(_ chunk: [UInt8]) async {
        while true {
            let queued = state.withLock { state -> Bool in
                if state.consumerGone { return true }
                guard state.queued < capacity else { return false }
                state.chunks.append(chunk)
                return true
            }
            if queued {
                available.signal()
                return
            }
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    if state.consumerGone || state.queued < capacity { return true }
                    state.waitingProducer = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        }
    }

    /// Ends the input: `.complete` after the last chunk, `.failed` when the upload broke.
    func finish(_ ending: Ending) {
        state.withLock { state in
            if state.ending == nil { state.ending = ending }
        }
        available.signal()
    }

    // MARK: Consumer (blocking thread)

    /// Fills `buffer` with the next bytes: the count written, 0 at a complete end, -1 when the
    /// input failed. Blocks while no chunk is queued.
    func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        cursor.withLock { cursor in
            while cursor.offset >= cursor.chunk.count {
                guard let next = nextChunk() else {
                    return state.withLock { $0.ending } == .complete ? 0 : -1
                }
                cursor = (next, 0)
            }
            let count = min(buffer.count, cursor.chunk.count - cursor.offset)
            cursor.chunk.withUnsafeBytes { source in
                buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[cursor.offset..<(cursor.offset + count)]))
            }
            cursor.offset += count
            return count
        }
    }

    /// The next queued chunk, waiting for one; nil when the input has ended.
    private func nextChunk() -> [UInt8]? {
        while true {
            let (chunk, ended, producer) = state.withLock { state -> ([UInt8]?, Bool, CheckedContinuation<Void, Never>?) in
                let chunk = state.pop()
                let producer = chunk != nil ? state.waitingProducer.take() : nil
                return (chunk, chunk == nil && state.ending != nil, producer)
            }
            producer?.resume()
            if let chunk { return chunk }
            if ended { return nil }
            available.wait()
        }
    }

    /// Tells the producer that nothing more will be read; queued and future chunks are dropped.
    func abandon() {
        let producer = state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.consumerGone = true
            state.chunks = []
            state.head = 0
            return state.waitingProducer.take()
        }
        producer?.resume()
    }

    /// How the input ended, if it has.
    var ending: Ending? { state.withLock { $0.ending } }
}
