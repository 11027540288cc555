extension CSVTextEncoding {
    /// The encoding a person or a command-line flag names, blind to case, "-" and "_":
    /// "utf-8"/"utf8", "windows-1252"/"cp1252"/"win1252", "iso-8859-1"/"latin1"/"latin-1".
    /// (The raw values are the canonical names.)
    /// - Parameter name: the name.
    /// - Returns: nil for a name it does not know.
    public init?(name: String) {
        let key = String(name.lowercased().unicodeScalars.filter { $0 != "-" && $0 != "_" && $0 != " " })
        switch key {
        case "utf8": self = .utf8
        case "windows1252", "cp1252", "win1252": self = .windows1252
        case "iso88591", "latin1", "l1": self = .latin1
        default: return nil
        }
    }
}
