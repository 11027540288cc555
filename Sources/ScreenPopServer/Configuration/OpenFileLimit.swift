#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process's limit on open file descriptors (`RLIMIT_NOFILE`, soft: `ulimit -n`), which
/// bounds how many connections the server can hold.
///
/// Every connection takes a descriptor. At the limit, `accept` fails with `EMFILE`, and so does
/// everything else that opens a file (a CSV import, the log). So the server keeps its
/// connections `reserved` descriptors below the limit (`ServerConfiguration.maximumConnections`).
enum OpenFileLimit {
    /// The descriptors kept for everything but connections: the listening socket, an import,
    /// the standard streams, the runtime's own.
    static let reserved = 256

    /// The soft limit, or nil when it is unlimited or cannot be read.
    static var current: Int? {
        var limits = rlimit()
        #if canImport(Darwin)
            let status = getrlimit(RLIMIT_NOFILE, &limits)
        #else
            let status = getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limits)
        #endif
        // RLIM_INFINITY is the largest value, above Int.max.
        guard status == 0, limits.rlim_cur < rlim_t(Int.max) else { return nil }
        return Int(limits.rlim_cur)
    }

    /// The most connections to hold: `configured`, lowered to leave `reserved` descriptors of
    /// `limit` free, and at least one.
    /// - Parameters:
    ///   - configured: the configured maximum.
    ///   - limit: the open-file limit (`current`); nil for none.
    static func connectionCap(configured: Int, limit: Int?) -> Int {
        guard let limit else { return max(configured, 1) }
        return max(min(configured, limit - reserved), 1)
    }
}
