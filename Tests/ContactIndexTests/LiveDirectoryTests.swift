import Foundation
import Synchronization
import Testing

@testable import ContactIndex

/// The live directory: updates are seen once they return, old forms are never returned, and
/// readers run while a writer upserts and removes (also run under ThreadSanitizer by
/// `make test-tsan`).
@Suite struct LiveDirectoryTests {
    /// Contacts 0..<stable are only ever upserted (their version grows); the others are removed
    /// and added again.
    static let stable = 300
    static let total = 400

    static func contact(_ index: Int, version: Int) -> Contact {
        Contact(
            id: "C\(index)", firstName: "Alpha\(index)", lastName: "Version\(version)",
            phones: [ContactPhone("+1 650 555 \(String(1000 + index))")],
            emails: [ContactEmail("person\(index)@example.com")],
            attributes: ["version": String(version)])
    }

    static func version(of contact: Contact) -> Int? { contact.attributes["version"].flatMap { Int($0) } }

    @Test func anUpdateIsSeenWhenItReturns() {
        let live = LiveDirectory(ContactDirectory((0..<10).map { Self.contact($0, version: 0) }, configuration: .init(defaultRegion: "US")))
        for version in 1...50 {
            live.upsert(Self.contact(3, version: version))
            let found = live.withDirectory { $0.lookup(phone: "+16505551003") }
            #expect(found.count == 1)
            #expect(found.first.flatMap { Self.version(of: $0.contact) } == version)
            let exactOld = live.withDirectory { $0.lookup(name: "Alpha3 Version\(version - 1)") }
            #expect(!exactOld.contains { $0.contact.id == "C3" }, "the old name still finds the record exactly")
            let exactNew = live.withDirectory { $0.lookup(name: "Alpha3 Version\(version)") }
            #expect(exactNew.map(\.contact.id) == ["C3"])
            let fuzzy = live.withDirectory { $0.search("Alpha3 Version\(version - 1)") }
            for match in fuzzy where match.contact.id == "C3" {
                #expect(match.contact.lastName == "Version\(version)", "an old form was returned")
            }
        }
        #expect(live.remove(id: "C3")?.id == "C3")
        #expect(live.withDirectory { $0.lookup(phone: "+16505551003") }.isEmpty)
        #expect(live.withDirectory { $0.lookup(email: "person3@example.com") }.isEmpty)
        #expect(live.remove(id: "C3") == nil)
        #expect(live.count == 9)
    }

    @Test func bothCopiesReceiveEveryWrite() {
        let live = LiveDirectory(ContactDirectory([], configuration: .init(defaultRegion: "US")))
        for index in 0..<20 { live.upsert(Self.contact(index, version: 1)) }
        live.remove(id: "C5")
        // Each write flips the active copy: reading after an odd and an even number of further
        // writes looks at both copies.
        for _ in 0..<2 {
            #expect(live.count == 19)
            #expect(live.withDirectory { $0.contact(id: "C5") } == nil)
            #expect(live.withDirectory { $0.contact(id: "C19")?.lastName } == "Version1")
            live.upsert(Self.contact(100, version: 1))
            live.remove(id: "C100")
        }
    }

    @Test func theReplayAfterAWriteLevelsTheOtherCopy() {
        let live = LiveDirectory(ContactDirectory((0..<30).map { Self.contact($0, version: 0) }, configuration: .init(defaultRegion: "US")))
        var random = SplitMix(seed: 7)
        for step in 1...60 {
            let index = Int(random.next() % 40)
            if random.next() % 4 == 0 { live.remove(id: "C\(index)") } else { live.upsert(Self.contact(index, version: step)) }
            guard live.waitForReplay(seconds: 5) else {
                Issue.record("the write of step \(step) was not replayed in 5 s")
                return
            }
            live.withBothCopies { active, standby, isLevel in
                #expect(isLevel, "the write of step \(step) was not replayed")
                #expect(active.count == standby.count)
                for index in 0..<40 {
                    let number = "+1650555\(1000 + index)"
                    #expect(active.contact(id: "C\(index)") == standby.contact(id: "C\(index)"), "C\(index) at step \(step)")
                    #expect(active.lookup(phone: number).map(\.contact.id) == standby.lookup(phone: number).map(\.contact.id))
                    #expect(active.search("Version\(step)").map(\.contact.id) == standby.search("Version\(step)").map(\.contact.id))
                }
            }
        }
    }

    /// A burst of writes back to back replays them on the writer's thread, while the replay's
    /// timer looks less and less often (`LiveDirectory.retryReplay`); once the burst ends, its
    /// last write is still replayed in the background, and the next burst starts afresh.
    @Test func theLastWriteOfABurstIsReplayedOnceTheWriterIsQuiet() {
        let live = LiveDirectory(ContactDirectory((0..<30).map { Self.contact($0, version: 0) }, configuration: .init(defaultRegion: "US")))
        for burst in 1...3 {
            let before = live.backgroundReplayCount
            for step in 0..<400 { live.upsert(Self.contact(step % 40, version: burst * 1000 + step)) }
            #expect(live.waitForReplay(seconds: 5), "burst \(burst) was left unreplayed")
            #expect(live.backgroundReplayCount > before, "burst \(burst): nothing replayed in the background")
            live.withBothCopies { active, standby, isLevel in
                #expect(isLevel)
                for index in 0..<40 { #expect(active.contact(id: "C\(index)") == standby.contact(id: "C\(index)")) }
            }
        }
    }

    @Test func replacementSwapsTheWholeDirectory() {
        let live = LiveDirectory(ContactDirectory((0..<10).map { Self.contact($0, version: 0) }, configuration: .init(defaultRegion: "US")))
        live.replace(with: ContactDirectory((5..<8).map { Self.contact($0, version: 9) }, configuration: .init(defaultRegion: "US")))
        #expect(live.count == 3)
        #expect(live.withDirectory { $0.contact(id: "C1") } == nil)
        live.upsert(Self.contact(1, version: 10))
        live.upsert(Self.contact(2, version: 10))
        #expect(live.count == 5)
        #expect(live.withDirectory { $0.lookup(phone: "+16505551006") }.first.flatMap { Self.version(of: $0.contact) } == 9)
    }

    /// The versions the writer has finished writing, published after each write returns.
    final class Published: Sendable {
        let versions: PthreadLocked<[Int]>
        let present: PthreadLocked<[Bool]>
        let done = Atomic<Bool>(false)
        init() {
            versions = PthreadLocked(Array(repeating: 0, count: LiveDirectoryTests.total))
            present = PthreadLocked(Array(repeating: true, count: LiveDirectoryTests.total))
        }
    }

    /// A value behind Foundation's `NSLock` (a pthread mutex). Not `Synchronization.Mutex`:
    /// ThreadSanitizer does not see that lock's acquire and release (the standard library is not
    /// instrumented), so under `make tsan` every access it guards is reported as a race; a
    /// pthread mutex is intercepted and understood.
    final class PthreadLocked<Value>: @unchecked Sendable {
        private let lock = NSLock()
        private var value: Value
        init(_ value: Value) { self.value = value }
        func withLock<R>(_ body: (inout Value) -> R) -> R {
            lock.lock()
            defer { lock.unlock() }
            return body(&value)
        }
    }

    /// Writes back to back (each replays the last on the writer's thread), and writes with
    /// pauses longer than `LiveDirectory.quietPeriod` (the background replay runs between them,
    /// beside the readers).
    @Test(arguments: [0, 300])
    func readersCheckInvariantsWhileAWriterUpdates(pauseMicroseconds: Int) async {
        let live = LiveDirectory(
            ContactDirectory((0..<Self.total).map { Self.contact($0, version: 0) }, configuration: .init(defaultRegion: "US")))
        let published = Published()
        let writes = 3_000
        let violations = await withTaskGroup(of: [String].self) { group in
            group.addTask {
                var generator = SplitMix(seed: 7)
                for round in 1...writes {
                    let index = Int(generator.next() % UInt64(Self.total))
                    if index >= Self.stable, round % 3 == 0 {
                        let wasPresent = live.remove(id: "C\(index)") != nil
                        _ = wasPresent
                        published.present.withLock { $0[index] = false }
                    } else {
                        live.upsert(Self.contact(index, version: round))
                        published.versions.withLock { $0[index] = round }
                        published.present.withLock { $0[index] = true }
                    }
                    if pauseMicroseconds > 0, round % 2 == 0 { usleep(UInt32(pauseMicroseconds)) }
                }
                published.done.store(true, ordering: .sequentiallyConsistent)
                return []
            }
            for reader in 0..<3 {
                group.addTask {
                    var problems: [String] = []
                    var generator = SplitMix(seed: UInt64(100 + reader))
                    var reads = 0
                    while !published.done.load(ordering: .sequentiallyConsistent) || reads < 500 {
                        reads += 1
                        let index = Int(generator.next() % UInt64(Self.stable))
                        let floor = published.versions.withLock { $0[index] }
                        let phone = "+1650555\(1000 + index)"
                        let (byPhone, byEmail, byName) = live.withDirectory { directory in
                            (directory.lookup(phone: phone), directory.lookup(email: "PERSON\(index)@example.com"), directory.search("Alpha\(index)"))
                        }
                        for (kind, matches) in [("phone", byPhone), ("email", byEmail), ("name", byName)] {
                            guard let match = matches.first(where: { $0.contact.id == "C\(index)" }) else {
                                problems.append("\(kind): C\(index) missing")
                                continue
                            }
                            let version = Self.version(of: match.contact) ?? -1
                            if version < floor { problems.append("\(kind): C\(index) at version \(version) after \(floor) was written") }
                            if match.contact.lastName != "Version\(version)" { problems.append("\(kind): C\(index) torn: \(match.contact)") }
                        }
                        // A removed or re-added contact is either absent or whole and current.
                        let other = Self.stable + Int(generator.next() % UInt64(Self.total - Self.stable))
                        let otherFloor = published.versions.withLock { $0[other] }
                        let otherPresent = published.present.withLock { $0[other] }
                        let found = live.withDirectory { $0.lookup(phone: "+1650555\(1000 + other)") }
                        for match in found {
                            if match.contact.id != "C\(other)" { problems.append("phone of C\(other) found \(match.contact.id)") }
                            if otherPresent, let version = Self.version(of: match.contact), version < otherFloor {
                                problems.append("C\(other) at version \(version) after \(otherFloor) was written")
                            }
                        }
                    }
                    return problems
                }
            }
            var all: [String] = []
            for await problems in group { all.append(contentsOf: problems) }
            return all
        }
        #expect(violations.isEmpty, "\(violations.prefix(10))")
        #expect(live.changeCount == UInt64(writes))
        if pauseMicroseconds > 0 { #expect(live.backgroundReplayCount > 0, "no write was replayed in the background") }
        // After the writer is done, both copies agree with what was published.
        for _ in 0..<2 {
            let versions = published.versions.withLock { $0 }
            let present = published.present.withLock { $0 }
            live.withDirectory { directory in
                for index in 0..<Self.total {
                    let stored = directory.contact(id: "C\(index)")
                    #expect((stored != nil) == present[index], "C\(index)")
                    if let stored { #expect(Self.version(of: stored) == versions[index], "C\(index)") }
                }
            }
            live.upsert(Self.contact(0, version: versions[0]))  // flip to the other copy
        }
    }
}

/// A small seeded generator for the tests' random choices.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
