import ContactIndex
import Histogram
#if canImport(Glibc)
import Glibc
#endif

/// The writer of `load-bench updates`: a paced stream of writes to a live directory.
///
/// Of every 100 writes, about 35 change a contact's first phone (new last four digits), 30 change
/// its last name, 20 add a contact under a new id (a copy of a target with another phone, and a
/// last name no contact has for `unseenNamePercent` of them) and 15 remove one (an added one when there is one, else a target; a removed target comes back on its
/// next change). Writes start on a fixed schedule of `rate` a second; a write that starts late
/// (the previous one overran) starts at once, and the writes still due when the phase ends are
/// counted as skipped.
struct UpdateWorkload: Sendable {
    /// What the writer did and how long each kind of write took (nanoseconds).
    struct Figures: Sendable {
        var upsert = LookupLoop.histogram()
        var prepare = LookupLoop.histogram()
        var apply = LookupLoop.histogram()
        var remove = LookupLoop.histogram()
        /// The writer thread's CPU time of each upsert (prepare + apply), without the waits for a core.
        var upsertCPU = LookupLoop.histogram()
        /// Each upsert (prepare + apply) by what it changed: a number, the last name, or a new contact.
        var upsertByKind: [WriteKind: Histogram<UInt64>] = [:]
        /// Writes not started because the phase ended first (the writer fell behind its rate).
        var skipped = 0
        var upserts = 0
        var removes = 0
        var seconds = 0.0
    }

    /// What an upsert of the workload changes.
    enum WriteKind: String, CaseIterable, Sendable {
        case newNumber = "new number"
        case rename = "new last name"
        case newContact = "new contact"
        case unseenName = "new contact, unseen name"
    }

    private var targets: [Contact]
    private let preparer: ContactPreparer
    private var random: SplitMix64
    private var added: [String] = []
    private var nextID = 0
    /// Whether the writer waits for its next write busy (spinning on the clock) rather than
    /// asleep: its core then never idles between writes.
    var spinning = false
    /// Of the new contacts, the percentage whose last name no contact has yet: a token new to
    /// the vocabulary, with its deletion strings (`--unseen-names`).
    var unseenNamePercent = 0
    /// Whether each upsert is logged in `log` (`--write-log`).
    var logsWrites = false
    /// One line an upsert while `logsWrites`: its place in the sequence, kind, id, then prepare,
    /// apply and thread CPU time in nanoseconds.
    private(set) var log: [String] = []

    init(targets: [Contact], preparer: ContactPreparer, seed: UInt64) {
        self.targets = targets
        self.preparer = preparer
        random = SplitMix64(seed: seed)
    }

    /// Writes at `rate` a second for `nanoseconds`.
    mutating func run(on live: LiveDirectory, rate: Int, nanoseconds: UInt64) -> Figures {
        var figures = Figures()
        guard !targets.isEmpty else { return figures }
        let start = monotonicNanoseconds()
        let interval = 1_000_000_000 / UInt64(rate)
        let end = start + nanoseconds
        var due = start
        while due < end {
            if spinning {
                while monotonicNanoseconds() < due {}
            } else {
                Self.sleep(until: due)
            }
            if monotonicNanoseconds() >= end {
                figures.skipped = Int((end - due + interval - 1) / interval)
                break
            }
            write(on: live, into: &figures)
            due += interval
        }
        figures.seconds = Double(monotonicNanoseconds() - start) / 1e9
        return figures
    }

    /// Makes exactly `count` writes, back to back: the same sequence on every run, whatever the
    /// machine's speed (for instruction counts under callgrind).
    mutating func run(on live: LiveDirectory, count: Int) -> Figures {
        var figures = Figures()
        guard !targets.isEmpty else { return figures }
        let start = monotonicNanoseconds()
        for _ in 0..<count { write(on: live, into: &figures) }
        figures.seconds = Double(monotonicNanoseconds() - start) / 1e9
        return figures
    }

    private mutating func write(on live: LiveDirectory, into figures: inout Figures) {
        let draw = random.next() % 100
        if draw >= 85 {
            let id: String
            if let last = added.popLast() {
                id = last
            } else {
                id = targets[Int(random.next() % UInt64(targets.count))].id
            }
            let start = monotonicNanoseconds()
            _ = live.remove(id: id)
            _ = figures.remove.record(max(monotonicNanoseconds() - start, 1))
            figures.removes += 1
            return
        }
        let index = Int(random.next() % UInt64(targets.count))
        var contact = targets[index]
        let kind: WriteKind
        switch draw {
        case ..<35:
            kind = .newNumber
            contact.phones = [ContactPhone(newDigits(in: contact.phones.first?.raw ?? "+1 201 555 0000"), label: contact.phones.first?.label)]
                + contact.phones.dropFirst().map { ContactPhone($0.raw, label: $0.label) }
            targets[index] = contact
        case ..<65:
            kind = .rename
            contact.lastName = targets[Int(random.next() % UInt64(targets.count))].lastName
            targets[index] = contact
        default:
            // No draw without unseen names: the sequence of writes stays that of earlier builds.
            kind = unseenNamePercent > 0 && random.next() % 100 < UInt64(unseenNamePercent) ? .unseenName : .newContact
            nextID += 1
            contact.id = "LB\(nextID)"
            if kind == .unseenName { contact.lastName = Self.unseenName(nextID) }
            contact.phones = [ContactPhone(newDigits(in: contact.phones.first?.raw ?? "+1 201 555 0000"))]
            added.append(contact.id)
        }
        let cpuStart = threadCPUNanoseconds()
        let start = monotonicNanoseconds()
        let prepared = preparer.prepare(contact)
        let middle = monotonicNanoseconds()
        live.upsert(prepared)
        let end = monotonicNanoseconds()
        let cpu = threadCPUNanoseconds() - cpuStart
        _ = figures.upsertCPU.record(max(cpu, 1))
        if logsWrites {
            log.append("\(figures.upserts + figures.removes)\t\(kind.rawValue)\t\(contact.id)\t\(middle - start)\t\(end - middle)\t\(cpu)")
        }
        _ = figures.prepare.record(max(middle - start, 1))
        _ = figures.apply.record(max(end - middle, 1))
        _ = figures.upsert.record(max(end - start, 1))
        _ = figures.upsertByKind[kind, default: LookupLoop.histogram()].record(max(end - start, 1))
        figures.upserts += 1
    }

    /// A last name no generated directory has: "Zy" and the number in base 26 ("Zyqbd").
    static func unseenName(_ number: Int) -> String {
        var letters: [Character] = []
        var rest = number
        repeat {
            letters.append(Character(Unicode.Scalar(UInt8(97 + rest % 26))))
            rest /= 26
        } while rest > 0
        return "Zy" + String(letters)
    }

    /// The number with its last four digits replaced by random ones, punctuation kept.
    private mutating func newDigits(in raw: String) -> String {
        var characters = Array(raw)
        var replaced = 0
        for position in characters.indices.reversed() where characters[position].isASCII && characters[position].isNumber {
            characters[position] = Character(String(random.next() % 10))
            replaced += 1
            if replaced == 4 { break }
        }
        return String(characters)
    }

    private static func sleep(until nanoseconds: UInt64) {
        guard nanoseconds > monotonicNanoseconds() else { return }
        var spec = timespec(tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000))
        while clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &spec, nil) == EINTR {}
    }
}
