import ContactIndex

/// Writes the hot replies (`{"type":…,"data":[items]}`) in one exactly sized allocation, with
/// `memcpy`s of the packed texts (`PackedContactItems`): the lookup responses are written once
/// per call, and a list of ten records is about fifty texts.
///
/// It handles the common case only: no text needs escaping. It gives up (returns nil) on
/// anything else, and the caller then writes with `JSONWriter`, which escapes. Both write the
/// same bytes (a test checks it).
enum ItemsReplyWriter {
    /// `prefix`, the packed items as a JSON array, then `suffix`; nil when a text needs
    /// escaping. Each text is checked (eight bytes at a time) as it is copied.
    ///
    /// The allocation is sized without reading the texts: a packed text takes its bytes and a
    /// 4-byte count, and in JSON its bytes and two quotes, or `null` (4 bytes) when absent, so
    /// the packed size bounds the texts' share (the reply is short-lived; the few spare bytes
    /// do not stay).
    static func write(prefix: StaticString, _ items: PackedContactItems, suffix: StaticString) -> [UInt8]? {
        let size = prefix.utf8CodeUnitCount + suffix.utf8CodeUnitCount + 2 + max(0, items.count - 1) + 43 * items.count + items.bytes.count
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var out = Output(buffer: UnsafeMutableRawBufferPointer(buffer))
            out.raw(prefix)
            out.byte(UInt8(ascii: "["))
            items.bytes.withUnsafeBytes { packed in
                var reader = PackedText.Reader(packed)
                for index in 0..<items.count {
                    if index > 0 { out.byte(UInt8(ascii: ",")) }
                    out.raw("{\"id\":")
                    out.text(reader.next())
                    out.raw(",\"name\":")
                    out.text(reader.next())
                    out.raw(",\"phone\":")
                    out.text(reader.next())
                    out.raw(",\"email\":")
                    out.text(reader.next())
                    out.raw(",\"entity\":")
                    out.text(reader.next())
                    out.byte(UInt8(ascii: "}"))
                }
            }
            out.byte(UInt8(ascii: "]"))
            out.raw(suffix)
            failed = out.failed
            initialized = failed ? 0 : out.count
        }
        return failed ? nil : bytes
    }

    /// A cursor over the allocation; it never writes past the end (it fails instead).
    private struct Output {
        let buffer: UnsafeMutableRawBufferPointer
        var count = 0
        var failed = false

        @inline(__always)
        mutating func copy(_ source: UnsafeRawPointer, _ length: Int) {
            guard !failed, length <= buffer.count - count, let target = buffer.baseAddress else {
                failed = true
                return
            }
            PackedText.copy(from: source, to: target + count, count: length)
            count += length
        }

        @inline(__always)
        mutating func raw(_ text: StaticString) {
            copy(text.utf8Start, text.utf8CodeUnitCount)
        }

        @inline(__always)
        mutating func byte(_ value: UInt8) {
            guard !failed, count < buffer.count else {
                failed = true
                return
            }
            buffer[count] = value
            count += 1
        }

        /// A packed text in quotes (nil: `null`), when it needs no escaping: checked as it is
        /// copied, a word at a time.
        @inline(__always)
        mutating func text(_ text: UnsafeRawBufferPointer?) {
            guard let text else { return raw("null") }
            guard !failed, text.count + 2 <= buffer.count - count, let target = buffer.baseAddress else {
                failed = true
                return
            }
            target.storeBytes(of: 0x22, toByteOffset: count, as: UInt8.self)
            guard JSONEscaping.copyIfPlain(text, to: target + count + 1) else {
                failed = true
                return
            }
            target.storeBytes(of: 0x22, toByteOffset: count + 1 + text.count, as: UInt8.self)
            count += text.count + 2
        }
    }
}
