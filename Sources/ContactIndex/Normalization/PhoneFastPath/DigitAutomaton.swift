/// A deterministic automaton over digits compiled from a `DigitPattern` (Thompson construction,
/// then subset construction). `CompiledTerritory` gathers a territory's automata into one table
/// and answers libphonenumber's two questions in one pass with no backtracking: does the whole
/// number match (`matchesWhole`), and where can a match that starts at the first digit end
/// (`matchEnds`).
///
/// States are rows of 11 transitions (digits 0–9 and the end of input); -1 is the dead state.
struct DigitAutomaton: Sendable {
    private(set) var transitions: [Int32]
    private(set) var accepting: [Bool]

    /// The most DFA states a pattern may need; a pattern beyond it is left to libphonenumber.
    static let stateLimit = 60_000

    /// Why a pattern could not be compiled.
    enum CompileFailure: Error {
        case unsupported(DigitPattern.Unsupported)
        case tooManyStates
    }

    /// Compiles a pattern string.
    /// - Complexity: exponential in the worst case, bounded by `stateLimit`; libphonenumber's
    ///   patterns need from a few to a few thousand states.
    init(pattern text: String, hasCaptures: inout Bool) throws(CompileFailure) {
        let pattern: DigitPattern
        do { pattern = try DigitPattern.parse(text, hasCaptures: &hasCaptures) } catch { throw .unsupported(error) }
        var nfa = NFA()
        let start = nfa.newState()
        let accept = nfa.newState()
        nfa.build(pattern, from: start, to: accept)
        try self.init(nfa: nfa, start: start, accept: accept)
    }

    private init(nfa: NFA, start: Int, accept: Int) throws(CompileFailure) {
        var transitions: [Int32] = []
        var accepting: [Bool] = []
        var index: [[Int32]: Int32] = [:]
        var queue: [[Int32]] = []
        let first = nfa.closure([Int32(start)])
        index[first] = 0
        queue.append(first)
        transitions.append(contentsOf: repeatElement(-1, count: 11))
        accepting.append(first.contains(Int32(accept)))
        var head = 0
        var targets: [Int32] = []
        while head < queue.count {
            let set = queue[head]
            let row = head
            head += 1
            for symbol in 0..<11 {
                targets.removeAll(keepingCapacity: true)
                let bit = UInt16(1) << UInt16(symbol)
                for state in set {
                    for edge in nfa.edges[Int(state)] where edge.symbols & bit != 0 { targets.append(edge.target) }
                }
                guard !targets.isEmpty else { continue }
                let next = nfa.closure(targets)
                let id: Int32
                if let known = index[next] {
                    id = known
                } else {
                    guard queue.count < Self.stateLimit else { throw .tooManyStates }
                    id = Int32(queue.count)
                    index[next] = id
                    queue.append(next)
                    transitions.append(contentsOf: repeatElement(-1, count: 11))
                    accepting.append(next.contains(Int32(accept)))
                }
                transitions[row * 11 + symbol] = id
            }
        }
        self.transitions = transitions
        self.accepting = accepting
    }

    /// The number of states.
    var stateCount: Int { accepting.count }
}

/// A Thompson NFA under construction: states with edges on symbol sets or on nothing (epsilon).
private struct NFA {
    struct Edge {
        var symbols: UInt16  // 0: epsilon
        var target: Int32
    }
    var edges: [[Edge]] = []

    mutating func newState() -> Int {
        edges.append([])
        return edges.count - 1
    }

    mutating func link(_ from: Int, _ to: Int, _ symbols: UInt16 = 0) {
        edges[from].append(Edge(symbols: symbols, target: Int32(to)))
    }

    /// Adds states so that `pattern` leads from `from` to `to`.
    mutating func build(_ pattern: DigitPattern, from: Int, to: Int) {
        switch pattern {
        case .empty:
            link(from, to)
        case .symbols(let mask):
            link(from, to, mask)
        case .sequence(let items):
            var current = from
            for (position, item) in items.enumerated() {
                let next = position == items.count - 1 ? to : newState()
                build(item, from: current, to: next)
                current = next
            }
        case .choice(let options):
            for option in options { build(option, from: from, to: to) }
        case .group(_, let inner):
            build(inner, from: from, to: to)
        case .repeated(let inner, let low, let high):
            var current = from
            for _ in 0..<low {
                let next = newState()
                build(inner, from: current, to: next)
                current = next
            }
            if let high {
                for _ in low..<high {
                    let next = newState()
                    link(current, to)
                    build(inner, from: current, to: next)
                    current = next
                }
                link(current, to)
            } else {
                let loop = newState()
                link(current, loop)
                build(inner, from: loop, to: loop)
                link(loop, to)
            }
        }
    }

    /// The states reachable from `states` by epsilon edges, sorted.
    func closure(_ states: [Int32]) -> [Int32] {
        var seen = Set<Int32>(states)
        var stack = states
        while let state = stack.popLast() {
            for edge in edges[Int(state)] where edge.symbols == 0 && !seen.contains(edge.target) {
                seen.insert(edge.target)
                stack.append(edge.target)
            }
        }
        return seen.sorted()
    }
}
