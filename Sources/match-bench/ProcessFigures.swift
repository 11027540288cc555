#if canImport(Glibc)
import Glibc
#endif

/// Peak resident memory (VmHWM in /proc/self/status), in bytes; 0 when unknown.
func peakResidentBytes() -> Int { procStatusField("VmHWM:") }

/// Current resident memory (VmRSS), in bytes; 0 when unknown.
func residentBytes() -> Int { procStatusField("VmRSS:") }

private func procStatusField(_ name: String) -> Int {
    guard let file = fopen("/proc/self/status", "r") else { return 0 }
    defer { fclose(file) }
    var line = [CChar](repeating: 0, count: 256)
    while fgets(&line, 256, file) != nil {
        let text = line.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        if text.hasPrefix(name) { return (Int(text.dropFirst(name.count).filter(\.isNumber)) ?? 0) * 1024 }
    }
    return 0
}

/// Monotonic time in nanoseconds.
func monotonicNanoseconds() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
}

/// The size of a file in bytes; 0 when it cannot be read.
func fileSize(_ path: String) -> Int {
    var info = stat()
    return stat(path, &info) == 0 ? Int(info.st_size) : 0
}
