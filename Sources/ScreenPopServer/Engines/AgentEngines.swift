import ContactIndex
import ScreenPop
import Synchronization

/// One `ScreenPopEngine` per agent, over the sidecar's one directory.
///
/// A softphone message that names no engagement (`zcc-screen-pop`, `zcc-add-note`) is read
/// against the engagements of the softphone that sent it: the agent's selection links the most
/// recent engagement *of that agent* that offered the record, a note goes to that agent's
/// connected engagement. And an engagement transferred or conferenced to a second agent keeps
/// its `engagementId`: for the second agent it is a new engagement, offered, popped and logged
/// again. So every agent has its own engagement tracker, remembered choices and unsolicited
/// selections, and the pages of one agent (several tabs, a reload) share them.
///
/// Messages with no agent (`POST /v1/messages` without `agent`, a page opened with a ticket
/// minted without one) go to `shared`.
///
/// Memory is bounded: at most `capacity` agents' engines are kept; a new agent past that evicts
/// the engine used least recently (its engagements are forgotten, as the tracker forgets old
/// engagements).
final class AgentEngines: Sendable {
    private struct Entry: Sendable {
        let engine: ScreenPopEngine
        var lastUse: UInt64
    }

    private struct State: Sendable {
        var engines: [String: Entry] = [:]
        var uses: UInt64 = 0
        var evicted = 0
    }

    /// The engine of messages that name no agent.
    let shared: ScreenPopEngine
    /// The most agents' engines kept.
    let capacity: Int
    private let directory: LiveDirectory
    private let configuration: ScreenPopConfiguration
    private let state = Mutex(State())

    /// Creates the table.
    /// - Parameters:
    ///   - directory: the directory every engine reads.
    ///   - configuration: every engine's configuration.
    ///   - capacity: the most agents' engines kept.
    init(directory: LiveDirectory, configuration: ScreenPopConfiguration, capacity: Int) {
        self.directory = directory
        self.configuration = configuration
        self.capacity = max(1, capacity)
        self.shared = ScreenPopEngine(directory: directory, configuration: configuration)
    }

    /// The engine of `agent` (made on first use), or `shared` for nil.
    /// - Complexity: O(1) expected; O(n) in the agents kept when a new agent evicts one.
    func engine(for agent: String?) -> ScreenPopEngine {
        guard let agent else { return shared }
        return state.withLock { state in
            state.uses &+= 1
            if let entry = state.engines[agent] {
                state.engines[agent]?.lastUse = state.uses
                return entry.engine
            }
            if state.engines.count >= capacity, let oldest = state.engines.min(by: { $0.value.lastUse < $1.value.lastUse })?.key {
                state.engines[oldest] = nil
                state.evicted += 1
            }
            let engine = ScreenPopEngine(directory: directory, configuration: configuration)
            state.engines[agent] = Entry(engine: engine, lastUse: state.uses)
            return engine
        }
    }

    /// The number of agents' engines kept.
    var count: Int { state.withLock { $0.engines.count } }

    /// Agents' engines evicted because `capacity` were kept.
    var evicted: Int { state.withLock { $0.evicted } }

    /// The counters of every engine, summed.
    /// - Complexity: O(n) in the agents kept.
    var statistics: EngineStatistics {
        let engines = state.withLock { $0.engines.values.map(\.engine) }
        var total = shared.statistics
        for engine in engines {
            let one = engine.statistics
            total.engagements += one.engagements
            total.engagementsEvictedForCapacity += one.engagementsEvictedForCapacity
            total.engagementsEvictedForAge += one.engagementsEvictedForAge
            total.offeredRecords += one.offeredRecords
            total.rememberedChoices += one.rememberedChoices
            total.unsolicitedSelections += one.unsolicitedSelections
            total.unsolicitedSelectionsEvicted += one.unsolicitedSelectionsEvicted
        }
        return total
    }
}
