extension String {
    /// A string from UTF-8 bytes (an invalid sequence becomes U+FFFD), without the generic
    /// machinery of `String(decoding:as:)`, which costs a metadata look-up per call on hot paths.
    /// - Complexity: O(n).
    init(utf8Bytes bytes: UnsafeBufferPointer<UInt8>) {
        self.init(unsafeUninitializedCapacity: bytes.count) { out in
            if let source = bytes.baseAddress, let target = out.baseAddress { target.update(from: source, count: bytes.count) }
            return bytes.count
        }
    }

    /// A string from UTF-8 bytes held in an array (see `init(utf8Bytes:)` for buffers).
    init(utf8Bytes bytes: [UInt8]) {
        self = bytes.withUnsafeBufferPointer { String(utf8Bytes: $0) }
    }
}
