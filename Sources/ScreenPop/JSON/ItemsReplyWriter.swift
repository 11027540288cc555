/// Writes the hot replies (`{"type":…,"data":[items]}`) in one exactly sized allocation, with
/// `memcpy`s of whole strings: the lookup responses are written once per call, and a list of
/// ten records is about sixty strings.
///
/// It handles the common case only: every string is contiguous UTF-8 that needs no escaping. It
/// gives up (returns nil) on anything else, and the caller then writes with `JSONWriter`,
/// which escapes. Both write the same bytes (a test checks it).
enum ItemsReplyWriter {
    /// `prefix`, the items as a JSON array, then `suffix`; nil when a string needs escaping.
    static func write(prefix: StaticString, _ items: [ContactItem], suffix: StaticString) -> [UInt8]? {
        // The exact size, when nothing needs escaping.
        var size = prefix.utf8CodeUnitCount + suffix.utf8CodeUnitCount + 2 + max(0, items.count - 1)
        func written(_ text: String?) -> Int { text.map { $0.utf8.count + 2 } ?? 4 }
        for item in items {
            size += 43 + item.id.utf8.count + 2 + written(item.name) + written(item.phone) + written(item.email) + written(item.entity)
        }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var out = Output(buffer: buffer)
            out.raw(prefix)
            out.raw("[")
            for (index, item) in items.enumerated() {
                if index > 0 { out.raw(",") }
                out.raw("{\"id\":")
                out.string(item.id)
                out.raw(",\"name\":")
                out.optionalString(item.name)
                out.raw(",\"phone\":")
                out.optionalString(item.phone)
                out.raw(",\"email\":")
                out.optionalString(item.email)
                out.raw(",\"entity\":")
                out.optionalString(item.entity)
                out.raw("}")
            }
            out.raw("]")
            out.raw(suffix)
            failed = out.failed || out.count != size
            initialized = failed ? 0 : out.count
        }
        return failed ? nil : bytes
    }

    /// A cursor over the allocation; it never writes past the end (it fails instead).
    private struct Output {
        let buffer: UnsafeMutableBufferPointer<UInt8>
        var count = 0
        var failed = false

        mutating func copy(_ source: UnsafeBufferPointer<UInt8>) {
            guard !failed, source.count <= buffer.count - count else {
                failed = true
                return
            }
            if let base = source.baseAddress, let target = buffer.baseAddress {
                (target + count).update(from: base, count: source.count)
            }
            count += source.count
        }

        mutating func raw(_ text: StaticString) {
            text.withUTF8Buffer { copy($0) }
        }

        mutating func put(_ value: UInt8) {
            guard !failed, count < buffer.count else {
                failed = true
                return
            }
            buffer[count] = value
            count += 1
        }

        /// A string in quotes, when it needs no escaping and its UTF-8 is contiguous.
        mutating func string(_ text: String) {
            let done = text.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
                for byte in utf8 where byte < 0x20 || byte == 0x22 || byte == 0x5C { return false }
                put(0x22)
                copy(utf8)
                put(0x22)
                return true
            }
            if done != true { failed = true }
        }

        mutating func optionalString(_ text: String?) {
            if let text { string(text) } else { raw("null") }
        }
    }
}
