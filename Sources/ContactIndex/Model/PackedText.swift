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

        /// Whether every text has been read.
        public var isAtEnd: Bool { offset >= bytes.count }

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
