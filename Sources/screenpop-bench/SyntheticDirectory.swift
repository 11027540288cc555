import ContactIndex
import Dispatch
import Foundation

/// A generated directory: US numbers that libphonenumber calls valid (real area codes, exchanges
/// 200-999 but the N11 service codes), one record in 50 sharing its number with the previous
/// record, names from short lists.
enum SyntheticDirectory {
    /// The directory of `count` records, every record's number as a hit, and numbers past the
    /// directory's (valid, stored nowhere) as misses.
    static func workload(count: Int, seed: UInt64) -> Workload {
        let directory = makeDirectory(count: count, seed: seed)
        checkValidity(sample: 1_000, contactCount: count)
        var stored: [Workload.Stored] = []
        stored.reserveCapacity(count)
        var numbers = Set<String>()
        for index in 0..<count {
            let number = NANPNumbers.number(numberIndex(ofRecord: index))
            stored.append(.init(e164: number, id: contactID(index)))
            numbers.insert(number)
        }
        let unknown = (0..<min(count, 20_000)).map { NANPNumbers.number(count + $0 * max(1, count / 20_000)) }
        return Workload(directory: directory, stored: stored, storedNumbers: numbers, unknown: unknown)
    }

    /// One record in 50 holds the previous record's number.
    static func numberIndex(ofRecord index: Int) -> Int { index % 50 == 49 ? index - 1 : index }

    static func contactID(_ index: Int) -> String { "003" + String(index, radix: 36) }

    /// Prints how many of the numbers libphonenumber calls valid, on a sample of stored and
    /// missing ones (all of them, by construction).
    static func checkValidity(sample: Int, contactCount: Int) {
        let normalizer = PhoneNormalizer(defaultRegion: "US")
        var generator = SplitMix(seed: 7)
        var valid = 0
        for _ in 0..<sample {
            let number = NANPNumbers.number(Int(generator.next() % UInt64(contactCount * 2)))
            if case .success(let parsed) = normalizer.normalize(number, withDetails: true), parsed.details?.isValid == true { valid += 1 }
        }
        print("numbers libphonenumber calls valid: \(valid) of \(sample) sampled")
    }

    static func makeDirectory(count: Int, seed: UInt64) -> ContactDirectory {
        let configuration = DirectoryConfiguration(defaultRegion: "US", phoneDetails: false)
        let preparer = ContactPreparer(configuration: configuration)
        let firstNames = ["John", "Mary", "Ana", "Hans", "Priya", "Wei", "Olga", "Kofi", "Lucía", "Jack", "Élodie", "Giulia"]
        let lastNames = ["Smith", "Müller", "García", "Sharma", "Wang", "Ivanova", "Mensah", "Fernández", "O'Brien", "Lefèvre", "Rossi"]
        let chunk = 10_000
        let chunks = (count + chunk - 1) / chunk
        let results = Chunks(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { part in
            var generator = SplitMix(seed: seed &+ UInt64(part))
            var prepared: [PreparedContact] = []
            prepared.reserveCapacity(chunk)
            for index in (part * chunk)..<min(count, (part + 1) * chunk) {
                let first = firstNames[Int(generator.next() % UInt64(firstNames.count))]
                let last = lastNames[Int(generator.next() % UInt64(lastNames.count))]
                let contact = Contact(
                    id: contactID(index), firstName: first, lastName: last, phones: [ContactPhone(NANPNumbers.number(numberIndex(ofRecord: index)))],
                    emails: [ContactEmail("\(first.lowercased()).\(index)@example.com")], entity: index % 7 == 0 ? .lead : .contact)
                prepared.append(preparer.prepare(contact))
            }
            results.set(part, prepared)
        }
        return ContactDirectory(prepared: results.all.flatMap { $0 }, configuration: configuration)
    }
}

/// Distinct North American numbers that libphonenumber calls valid: the i-th number is
/// +1 AAA EEE LLLL with the area code, the exchange (200-999 but the N11 service codes) and the
/// line taken from i, so different indexes give different numbers.
enum NANPNumbers {
    static let areaCodes = [
        "201", "202", "212", "213", "305", "312", "404", "415", "503", "512", "617", "646", "650", "702", "713", "718", "801", "818", "917", "949",
    ]
    static let exchanges = (200...999).filter { $0 % 100 != 11 }
    /// How many distinct numbers there are.
    static let capacity = areaCodes.count * exchanges.count * 10_000

    static func number(_ index: Int) -> String {
        let area = areaCodes[index % areaCodes.count]
        let rest = index / areaCodes.count
        let exchange = exchanges[rest % exchanges.count]
        let line = (rest / exchanges.count) % 10_000
        let digits = String(line)
        return "+1" + area + String(exchange) + String(repeating: "0", count: 4 - digits.count) + digits
    }
}

/// A small seeded generator (SplitMix64).
struct SplitMix {
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

/// The prepared chunks, filled from several threads.
final class Chunks: @unchecked Sendable {  // every access holds `lock`
    private let lock = NSLock()
    private var chunks: [[PreparedContact]]

    init(count: Int) { chunks = Array(repeating: [], count: count) }

    func set(_ index: Int, _ value: [PreparedContact]) {
        lock.lock()
        chunks[index] = value
        lock.unlock()
    }

    var all: [[PreparedContact]] {
        lock.lock()
        defer { lock.unlock() }
        return chunks
    }
}
