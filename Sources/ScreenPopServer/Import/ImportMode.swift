/// How a CSV upload changes the directory.
public enum ImportMode: String, Sendable, Hashable, CaseIterable {
    /// The upload becomes the whole directory (a fresh export): contacts not in it are gone.
    /// Look-ups in progress finish on the old directory; the switch is atomic.
    case replace
    /// Each uploaded record is added, or replaces the record with its id; others stay.
    case merge
}
