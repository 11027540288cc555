/// Optional texts packed one after another in a byte buffer: each is a little-endian `UInt32`
/// byte count (`absent` for nil) followed by its UTF-8 bytes.
///
/// Why: a reply that lists ten records holds about fifty short texts. Packed, they are one
/// allocation that is written with `memcpy`s from the records, copied into the reply the same
/// way, and freed without reading it; as `String`s they were fifty allocations, each made,
/// read, retained and released several times on the way. `PackedSummaries` is built on it, and
/// so is how ScreenPop keeps the items an engagement offered.
public enum PackedText {
    /// The byte count that marks an absent (nil) text.
    public static let absent = UInt32.max

    /// Appends `text`'s bytes (nil: the absent mark).
    /// - Complexity: O(b) in its bytes.
    public static func append(_ text: UnsafeRawBufferPointer?, to buffer: inout [UInt8]) {
        guard let text else {
            appendLength(absent, to: &buffer)
            return
        }
        appendLength(UInt32(truncatingIfNeeded: text.count), to: &buffer)
        buffer.append(contentsOf: text)
    }

    /// Appends a `String` (nil: the absent mark).
    /// - Complexity: O(b) in its UTF-8 bytes.
    public static func append(_ text: String?, to buffer: inout [UInt8]) {
        guard var text else {
            appendLength(absent, to: &buffer)
            return
        }
        text.withUTF8 { append(UnsafeRawBufferPointer($0), to: &buffer) }
    }

    /// Appends a byte count (the caller then appends that many bytes).
    public static func appendLength(_ length: UInt32, to buffer: inout [UInt8]) {
        withUnsafeBytes(of: length.littleEndian) { buffer.append(contentsOf: $0) }
    }

    /// Writes packed texts into memory sized beforehand (`bytes(capacity:_:)`): each write
    /// checks the room it needs, and a write past the end traps rather than corrupting memory.
    struct Writer {
        private let buffer: UnsafeMutableRawBufferPointer
        /// The bytes written.
        private(set) var count = 0

        init(_ buffer: UnsafeMutableRawBufferPointer) { self.buffer = buffer }

        /// The bytes `body` writes, at most `capacity` of them, in an array of their exact
        /// size: written in temporary memory (on the stack when small), then copied once, so an
        /// array that is kept long (an engagement's offer) holds no slack.
        static func bytes(capacity: Int, _ body: (inout Writer) -> Void) -> [UInt8] {
            withUnsafeTemporaryAllocation(byteCount: max(capacity, 1), alignment: 8) { scratch in
                var writer = Writer(scratch)
                body(&writer)
                // Copied by the array initializer specialized for raw bytes: `init(unsafeUninitializedCapacity:)`
                // allocates through the standard library's unspecialized path, which looks up the
                // storage type's metadata on every call (about twice the instructions).
                return [UInt8](UnsafeRawBufferPointer(rebasing: scratch[0..<writer.count]))
            }
        }

        /// Appends a text (nil: the absent mark).
        @inline(__always)
        mutating func append(_ text: UnsafeRawBufferPointer?) {
            guard let text else { return appendLength(PackedText.absent) }
            appendLength(UInt32(truncatingIfNeeded: text.count))
            appendBytes(text)
        }

        /// Appends a byte count (the caller then appends that many bytes).
        @inline(__always)
        mutating func appendLength(_ length: UInt32) {
            precondition(count + 4 <= buffer.count, "packed text past its buffer")
            buffer.storeBytes(of: length.littleEndian, toByteOffset: count, as: UInt32.self)
            count += 4
        }

        /// Appends bytes (part of a text whose count was written, or will be: `beginText`).
        @inline(__always)
        mutating func appendBytes(_ bytes: UnsafeRawBufferPointer) {
            precondition(count + bytes.count <= buffer.count, "packed text past its buffer")
            if let source = bytes.baseAddress, let target = buffer.baseAddress {
                PackedText.copy(from: source, to: target + count, count: bytes.count)
            }
            count += bytes.count
        }

        /// Appends one byte.
        @inline(__always)
        mutating func appendByte(_ byte: UInt8) {
            precondition(count < buffer.count, "packed text past its buffer")
            buffer[count] = byte
            count += 1
        }

        /// Starts a text whose length is not known yet; `endText(_:)` with the result writes it.
        mutating func beginText() -> Int {
            let start = count
            appendLength(0)
            return start
        }

        /// Ends a text started at `start`, writing its byte count.
        mutating func endText(_ start: Int) {
            buffer.storeBytes(of: UInt32(truncatingIfNeeded: count - start - 4).littleEndian, toByteOffset: start, as: UInt32.self)
        }
    }

    /// Copies `count` bytes. The short texts these buffers hold (ids, names, numbers) are
    /// copied with at most two overlapping word loads and stores, inline; longer ones with
    /// `memcpy`, whose call costs more than such a copy.
    @inline(__always)
    public static func copy(from source: UnsafeRawPointer, to target: UnsafeMutableRawPointer, count: Int) {
        switch count {
        case 8...16:
            let head = source.loadUnaligned(as: UInt64.self)
            let tail = source.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            target.storeBytes(of: head, as: UInt64.self)
            target.storeBytes(of: tail, toByteOffset: count - 8, as: UInt64.self)
        case 4..<8:
            let head = source.loadUnaligned(as: UInt32.self)
            let tail = source.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
            target.storeBytes(of: head, as: UInt32.self)
            target.storeBytes(of: tail, toByteOffset: count - 4, as: UInt32.self)
        case 1..<4:
            for offset in 0..<count { target.storeBytes(of: source.load(fromByteOffset: offset, as: UInt8.self), toByteOffset: offset, as: UInt8.self) }
        case 0:
            break
        default:
            target.copyMemory(from: source, byteCount: count)
        }
    }

    /// Reads packed texts in order. The bytes must stay valid while the reader and the slices
    /// it returns are used.
    public struct Reader {
        private let bytes: UnsafeRawBufferPointer
        /// Where the next text's byte count is.
        public private(set) var offset: Int

        /// A reader at `offset` of `bytes`.
        public init(_ bytes: UnsafeRawBufferPointer, offset: Int = 0) {
            self.bytes = bytes
            self.offset = offset
        }

        /// The next text's bytes; nil when it is absent.
        /// - Precondition: not at the end, and the buffer holds packed texts.
        public mutating func next() -> UnsafeRawBufferPointer? {
            let length = bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self).littleEndian
            offset += 4
            guard length != PackedText.absent else { return nil }
            let start = offset
            offset += Int(length)
            return UnsafeRawBufferPointer(rebasing: bytes[start..<offset])
        }

        /// The next text as a `String`; nil when it is absent.
        public mutating func nextString() -> String? {
            next().map { String(decoding: $0, as: UTF8.self) }
        }

        /// Passes over the next text.
        public mutating func skip() {
            let length = bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self).littleEndian
            offset += 4
            if length != PackedText.absent { offset += Int(length) }
        }
    }
}
