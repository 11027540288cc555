/// Counters of a running engine.
public struct EngineStatistics: Sendable, Hashable, Codable {
    /// Engagements tracked now.
    public var engagements: Int
    /// Engagements evicted because the tracker was full.
    public var engagementsEvictedForCapacity: Int
    /// Engagements evicted because they were too old.
    public var engagementsEvictedForAge: Int
    /// Records listed in the kept engagements' last offers (what a selection is linked
    /// through); it shrinks when an engagement is evicted.
    public var offeredRecords: Int
    /// Choices remembered now.
    public var rememberedChoices: Int
    /// Unsolicited selections remembered now (so that a repeat pops once).
    public var unsolicitedSelections: Int
    /// Unsolicited selections forgotten because there were too many or they were too old.
    public var unsolicitedSelectionsEvicted: Int
}
