/// Counters of a running engine.
public struct EngineStatistics: Sendable, Hashable, Codable {
    /// Engagements tracked now.
    public var engagements: Int
    /// Engagements evicted because the tracker was full.
    public var engagementsEvictedForCapacity: Int
    /// Engagements evicted because they were too old.
    public var engagementsEvictedForAge: Int
    /// Choices remembered now.
    public var rememberedChoices: Int
}
