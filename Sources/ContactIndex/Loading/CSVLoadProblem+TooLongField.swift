extension CSVLoadProblem {
    /// The field a cell was too long for (`Kind.cellTooLong`), with the longest value it takes
    /// and what the loader did with the cell. Lengths are in characters (Unicode scalars).
    ///
    /// A phone or email value longer than its limit is no number or address: it is left out
    /// (before, a 1 MB "phone" was kept raw and sent in every reply that showed the contact), and
    /// the row's other fields load. A name longer than its limit is cut there.
    public enum TooLongField: Sendable, Hashable {
        /// One phone value of a cell (a cell holds several with " ::: "). An E.164 number has at
        /// most 15 digits; with spaces, a country prefix, an extension and a label written in the
        /// cell ("+1 (650) 555-0100 ext. 1234 (mobile)"), real cells stay far below the limit.
        case phone
        /// One email value of a cell. An address has at most 254 characters (RFC 5321); the
        /// limit leaves room for a display name and a `mailto:` around it ("Name <addr>").
        case email
        /// A first, last, display or company name: cut at the limit, the rest dropped. Far above
        /// any real name, so that a long one still shows whole (`screenpop search --json`), and
        /// a 50 MB cell is neither kept nor tokenized.
        case name

        /// The longest value the field takes, in characters (Unicode scalars).
        public var limit: Int {
            switch self {
            case .phone: 256
            case .email: 512
            case .name: 10_000
            }
        }

        /// What the loader did, for a sentence of a load report.
        public var explanation: String {
            switch self {
            case .phone: "phone left out: longer than any phone number (the limit is \(limit) characters); the row's other fields load"
            case .email: "email left out: longer than any address (the limit is \(limit) characters); the row's other fields load"
            case .name: "name cut at \(limit) characters, the rest dropped"
            }
        }
    }
}
