#if canImport(Glibc)
import Glibc
#endif

/// The machine's load averages (1, 5 and 15 minutes), as `uptime` shows them: this machine is
/// shared, so each figure is printed with the load it was measured under.
enum MachineLoad {
    /// "0.59 1.62 2.61", or "unknown".
    static var text: String {
        var loads = [Double](repeating: 0, count: 3)
        guard getloadavg(&loads, 3) == 3 else { return "unknown" }
        return loads.map { String(format2: $0) }.joined(separator: " ")
    }
}
