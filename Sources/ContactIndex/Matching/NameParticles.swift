/// Name particles: short words in front of a surname ("van der Berg", "de la Cruz",
/// "al-Husseini", "von", "bin") that people type or leave out, and write apart or joined.
enum NameParticles {
    static let all: Set<String> = [
        "al", "el", "van", "von", "der", "den", "de", "del", "della", "la", "le", "da", "di", "du", "dos", "das",
        "bin", "ibn", "ben", "ter", "ten", "zu", "op", "mac", "st", "saint",
    ]

    /// Whether a folded token is a particle.
    static func isParticle(_ token: String) -> Bool { all.contains(token) }

    /// The tokens with every run of particles joined to the token after it
    /// (["jan", "van", "der", "berg"] → ["jan", "vanderberg"]), with per token whether the agent
    /// typed it whole (`NameNormalizer.tokensMarkingHyphens`): a joined token is typed whole when
    /// its last part is ("al-gh" joins to "algh", a prefix).
    static func joiningParticles(_ tokens: [String], typedWhole: [Bool]) -> (tokens: [String], typedWhole: [Bool]) {
        let joined = JoinedQueryTokens.joiningRuns(tokens, typedWhole: typedWhole) { isParticle(tokens[$0]) }
        return (joined.tokens, joined.typedWhole)
    }
}
