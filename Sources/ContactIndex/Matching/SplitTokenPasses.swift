extension ContactDirectory {
    /// The passes of a name query that always run (`ContactDirectory.leadingTokenPasses`): the
    /// tokens as typed, and with their particles joined; with what the passes that join other
    /// parts are made from (`joiningPasses(after:)`).
    struct LeadingTokenPasses {
        /// The passes, in order.
        let passes: [TokenPass]
        /// The folded tokens searched (at most 8, without a legal form at the end).
        let folded: [String]
        /// Per token, whether a hyphen followed it.
        let typedWhole: [Bool]
        /// Per token, whether it was typed whole, particles between two words included.
        let particlesWhole: [Bool]
    }

    /// The passes of `tokenPasses(_:untitled:typed:)` for a query typed without titles, in
    /// two parts: those that run whatever the results hold (`leading`), then those that run
    /// only while the results hold no answer (`later()`, each `TokenPass.onlyWithoutFullMatch`),
    /// made only when asked. A search that finds an answer in the leading passes never makes
    /// the later ones (the joined strings and lists of readings of every pair of neighbours).
    struct SplitTokenPasses {
        /// The passes that always run: the tokens as typed, the letters typed with points read
        /// as one word ("J.R. Smith"), the particles joined.
        let leading: [TokenPass]
        private let parts: LeadingTokenPasses?
        private let text: String

        /// The passes of `marked`, the query's folded tokens with their hyphen marks, typed as
        /// `text`.
        init(_ marked: [(token: String, beforeHyphen: Bool)], typed text: String) {
            parts = ContactDirectory.leadingTokenPasses(marked)
            self.text = text
            var passes = parts?.passes ?? []
            if let first = passes.first, let joined = TypedInitialisms.dottedPass(after: first, typed: text) { passes.insert(joined, at: 1) }
            leading = passes
        }

        /// The passes after `leading`, in order: the parts typed with hyphens joined, each pair
        /// of neighbours joined, the legal form typed in front left out, the two or three
        /// capitals typed as initials ("JL Picard").
        func later() -> [TokenPass] {
            guard let parts, let first = parts.passes.first else { return [] }
            var passes = ContactDirectory.joiningPasses(after: parts)
            if let spelled = TypedInitialisms.spelledPass(of: first, typed: text) { passes.append(spelled) }
            return passes
        }
    }
}
