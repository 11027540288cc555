// screenpop-bench: the speed of ScreenPopEngine.handle(json:) for a zcc-incomingPhone-request
// with an E.164 number, from the raw JSON line to the encoded reply, on a synthetic directory.
//
//   swift build -c release --product screenpop-bench
//   .build/release/screenpop-bench [--contacts 1000000] [--requests 200000] [--miss-rate 0.1]
//                                  [--seed 42] [--codable]
//
// The directory is generated from the seed and built outside the measured loop: US numbers that
// libphonenumber calls valid (real area codes, exchanges 200-999 but the N11 service codes), one
// record in 50 sharing its number with the previous record. Requests are hits (a stored number,
// answered with one or two records) or misses (a valid number no record has, answered with
// `"data":[]` and a new-record offer), mixed by `--miss-rate`; each kind has its own histogram and
// every reply is checked against the number it answers. Each request is a new engagement, so the
// tracker churns at its bound as in production. Latencies go into HdrHistogram.
import ContactIndex
import Dispatch
import Foundation
import Histogram
import ScreenPop

@main
enum ScreenPopBench {
    static func main() throws {
        var contactCount = 1_000_000
        var requestCount = 200_000
        var missRate = 0.1
        var seed: UInt64 = 42
        var codableOnly = false
        var arguments = CommandLine.arguments.dropFirst().makeIterator()
        while let argument = arguments.next() {
            switch argument {
            case "--contacts": contactCount = Int(arguments.next() ?? "") ?? contactCount
            case "--requests": requestCount = Int(arguments.next() ?? "") ?? requestCount
            case "--miss-rate": missRate = Double(arguments.next() ?? "") ?? missRate
            case "--seed": seed = UInt64(arguments.next() ?? "") ?? seed
            case "--codable": codableOnly = true
            default:
                print("usage: screenpop-bench [--contacts N] [--requests N] [--miss-rate R] [--seed S] [--codable]")
                return
            }
        }
        guard contactCount > 0, requestCount > 0, (0...1).contains(missRate), contactCount * 2 <= NANPNumbers.capacity else {
            print("screenpop-bench: --contacts must be in 1...\(NANPNumbers.capacity / 2), --requests positive, --miss-rate in 0...1")
            return
        }
        let buildStart = ContinuousClock.now
        let directory = makeDirectory(count: contactCount, seed: seed)
        print("directory: \(directory.count) contacts built in \(ContinuousClock.now - buildStart)")
        checkValidity(sample: 1_000, contactCount: contactCount)
        let engine = ScreenPopEngine(directory: directory)

        var generator = SplitMix(seed: seed ^ 0x5EED)
        let requests: [Request] = (0..<requestCount).map { index in
            let miss = Double(generator.next() % 1_000_000) / 1_000_000 < missRate
            // A miss takes a number past the directory's: valid, and stored nowhere.
            var numberIndex = miss ? contactCount + Int(generator.next() % UInt64(contactCount)) : Int(generator.next() % UInt64(contactCount))
            if !miss, numberIndex % 50 == 49 { numberIndex -= 1 }  // that record holds the previous number
            let number = NANPNumbers.number(numberIndex)
            let line = Array(#"{"type":"zcc-incomingPhone-request","data":{"incomingPhoneNumber":"\#(number)","engagementId":"ENG-\#(index)","channel":"voice"}}"#.utf8)
            return Request(line: line, expectedID: miss ? nil : contactID(ownerOf: numberIndex))
        }
        if codableOnly {
            try measureCodableFloor(requests.map(\.line))
            return
        }
        // Warm up on the first tenth, then measure every request.
        var checksum = 0
        for request in requests.prefix(requestCount / 10) { checksum &+= engine.handle(json: request.line).line.count }
        var all = Histogram<UInt64>(highestTrackableValue: 60_000_000_000, numberOfSignificantValueDigits: .three)
        var hits = all, misses = all
        var replies: [[UInt8]] = []
        replies.reserveCapacity(requests.count)
        for request in requests {
            let start = DispatchTime.now().uptimeNanoseconds
            let reply = engine.handle(json: request.line).line
            let elapsed = DispatchTime.now().uptimeNanoseconds - start
            replies.append(reply)
            _ = all.record(elapsed)
            if request.expectedID == nil { _ = misses.record(elapsed) } else { _ = hits.record(elapsed) }
        }
        // Every reply answers its number: a hit lists its record first, a miss is empty.
        var wrong = 0
        for (request, reply) in zip(requests, replies) {
            let text = String(decoding: reply, as: UTF8.self)
            if let id = request.expectedID {
                if !text.hasPrefix(#"{"type":"zcc-incomingPhone-response","data":[{"#) || !text.contains(#""id":"\#(id)""#) { wrong += 1 }
            } else if text != #"{"type":"zcc-incomingPhone-response","data":[]}"# {
                wrong += 1
            }
        }
        report("all     handle(json:) raw line → encoded reply", all)
        report("hits    (1-2 records)                         ", hits)
        report("misses  (data: [])                            ", misses)
        print("replies checked: \(replies.count), wrong: \(wrong) (checksum \(checksum))")
        print("engine: \(engine.statistics)")
        if wrong > 0 { fatalError("\(wrong) replies do not answer their number") }
    }

    /// One measured request and the record its reply must list (nil for a miss).
    struct Request {
        var line: [UInt8]
        var expectedID: String?
    }

    /// The id of the record whose own number is number `index` (a shared number also lists the
    /// next record).
    static func contactID(ownerOf index: Int) -> String {
        "003" + String(index, radix: 36)
    }

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

    static func report(_ title: String, _ histogram: Histogram<UInt64>) {
        func us(_ value: UInt64) -> String { String(format: "%.2f µs", Double(value) / 1000) }
        print(
            "\(title): n=\(histogram.totalCount) p50=\(us(histogram.valueAtPercentile(50))) p90=\(us(histogram.valueAtPercentile(90))) "
                + "p99=\(us(histogram.valueAtPercentile(99))) p99.9=\(us(histogram.valueAtPercentile(99.9))) max=\(us(histogram.max))")
    }

    /// Foundation's JSONDecoder + JSONEncoder alone on the same request and a one-item reply.
    static func measureCodableFloor(_ lines: [[UInt8]]) throws {
        struct Request: Codable {
            struct Payload: Codable {
                var incomingPhoneNumber: String
                var engagementId: String
                var channel: String
            }
            var type: String
            var data: Payload
        }
        struct Reply: Codable {
            struct Item: Codable { var id, name, phone, email, entity: String }
            var type: String
            var data: [Item]
        }
        var histogram = Histogram<UInt64>(highestTrackableValue: 60_000_000_000, numberOfSignificantValueDigits: .three)
        let decoder = JSONDecoder()
        let encoder = JSONEncoder()
        var bytes = 0
        for line in lines {
            let start = DispatchTime.now().uptimeNanoseconds
            let request = try decoder.decode(Request.self, from: Data(line))
            let reply = Reply(type: "zcc-incomingPhone-response", data: [
                .init(id: request.data.engagementId, name: "John Smith", phone: request.data.incomingPhoneNumber, email: "john@example.com", entity: "contact"),
            ])
            let data = try encoder.encode(reply)
            let elapsed = DispatchTime.now().uptimeNanoseconds - start
            bytes &+= data.count
            _ = histogram.record(elapsed)
        }
        report("JSONDecoder + JSONEncoder only", histogram)
        print("bytes: \(bytes)")
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
                // One record in 50 shares its number with the previous record.
                let numberIndex = index % 50 == 49 ? index - 1 : index
                let first = firstNames[Int(generator.next() % UInt64(firstNames.count))]
                let last = lastNames[Int(generator.next() % UInt64(lastNames.count))]
                let contact = Contact(
                    id: "003" + String(index, radix: 36), firstName: first, lastName: last, phones: [ContactPhone(NANPNumbers.number(numberIndex))],
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
