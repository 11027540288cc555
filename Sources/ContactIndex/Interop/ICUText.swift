import CICU

/// Errors from the ICU shim, with the input that caused them.
public enum ICUError: Error, Sendable, Equatable {
    /// The handle could not be opened (unknown locale or transliterator id).
    case openFailed(String)
    /// The input was not valid UTF-8.
    case invalidUTF8
    /// UTS #46 rejected a domain; `errors` is ICU's UIDNA_ERROR_* bit set.
    case idna(input: String, errors: UInt32)
    /// ICU reported an internal failure (status code of the shim).
    case internalFailure(Int32)
}

/// Calls a CICU function that writes UTF-8 or bytes into a caller buffer, growing it when needed.
@inline(__always)
func withGrowingBuffer(
    initialCapacity: Int,
    _ call: (UnsafeMutablePointer<UInt8>, Int32, inout Int32) -> CICU_Status
) -> (status: CICU_Status, bytes: [UInt8]) {
    var capacity = max(initialCapacity, 16)
    for _ in 0..<3 {
        var length: Int32 = 0
        var status: CICU_Status = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            status = call(buffer.baseAddress!, Int32(capacity), &length)
            count = status == Int32(CICU_OK) ? Int(length) : 0
        }
        if status == Int32(CICU_BUFFER_TOO_SMALL) {
            capacity = Int(length) + 16
            continue
        }
        return (status, bytes)
    }
    return (Int32(CICU_INTERNAL_ERROR), [])
}

func icuError(status: CICU_Status, input: String) -> ICUError {
    switch status {
    case Int32(CICU_INVALID_UTF8): return .invalidUTF8
    case Int32(CICU_OPEN_FAILED): return .openFailed(input)
    default: return .internalFailure(status)
    }
}

extension String {
    /// Calls `body` with the string's UTF-8 bytes without copying when the string is native.
    @inline(__always)
    func withUTF8Bytes<R>(_ body: (UnsafePointer<UInt8>?, Int32) -> R) -> R {
        var copy = self
        return copy.withUTF8 { body($0.baseAddress, Int32($0.count)) }
    }
}

extension String {
    /// The text of a NUL-terminated C buffer (up to the first NUL).
    init(cBuffer buffer: [CChar]) {
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        self = String(utf8Bytes: bytes)
    }
}
