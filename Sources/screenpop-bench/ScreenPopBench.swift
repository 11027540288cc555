// screenpop-bench: the speed of ScreenPopEngine.handle(json:) for a zcc-incomingPhone-request
// with an E.164 number, from the raw JSON line to the encoded reply, on a synthetic directory.
//
//   swift run -c release screenpop-bench [--contacts 1000000] [--requests 200000] [--seed 42]
//                                       [--codable]
//
// The directory is generated from the seed (US numbers, one in 50 shared by two records) and
// built outside the measured loop. Each request is a new engagement, so the tracker churns at
// its bound as in production. Latencies go into an HdrHistogram.
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
        var seed: UInt64 = 42
        var codableOnly = false
        var arguments = CommandLine.arguments.dropFirst().makeIterator()
        while let argument = arguments.next() {
            switch argument {
            case "--contacts": contactCount = Int(arguments.next() ?? "") ?? contactCount
            case "--requests": requestCount = Int(arguments.next() ?? "") ?? requestCount
            case "--seed": seed = UInt64(arguments.next() ?? "") ?? seed
            case "--codable": codableOnly = true
            default:
                print("usage: screenpop-bench [--contacts N] [--requests N] [--seed S] [--codable]")
                return
            }
        }
        let buildStart = ContinuousClock.now
        let directory = makeDirectory(count: contactCount, seed: seed)
        print("directory: \(directory.count) contacts built in \(ContinuousClock.now - buildStart)")
        let engine = ScreenPopEngine(directory: directory)

        var generator = SplitMix(seed: seed ^ 0x5EED)
        let lines: [[UInt8]] = (0..<requestCount).map { index in
            let number = phone(Int(generator.next() % UInt64(contactCount)))
            return Array(#"{"type":"zcc-incomingPhone-request","data":{"incomingPhoneNumber":"\#(number)","engagementId":"ENG-\#(index)","channel":"voice"}}"#.utf8)
        }
        if codableOnly {
            try measureCodableFloor(lines)
            return
        }
        // Warm up on the first tenth, then measure every request.
        var matched = 0
        for line in lines.prefix(requestCount / 10) { matched &+= engine.handle(json: line).line.count }
        var histogram = Histogram<UInt64>(highestTrackableValue: 60_000_000_000, numberOfSignificantValueDigits: .three)
        var replyBytes = 0
        for line in lines {
            let start = DispatchTime.now().uptimeNanoseconds
            let reply = engine.handle(json: line).line
            let elapsed = DispatchTime.now().uptimeNanoseconds - start
            replyBytes &+= reply.count
            _ = histogram.record(elapsed)
        }
        report("handle(json:) raw line → encoded reply", histogram)
        print("reply bytes: \(replyBytes) (checksum \(matched))")
        print("engine: \(engine.statistics)")
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

    /// The i-th synthetic number: +1 650 2xx xxxx style, distinct per i.
    static func phone(_ index: Int) -> String {
        "+1" + String(2_000_000_000 + index * 7 % 7_000_000_000 + index / 1_000_000_000)
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
                    id: "003" + String(index, radix: 36), firstName: first, lastName: last, phones: [ContactPhone(phone(numberIndex))],
                    emails: [ContactEmail("\(first.lowercased()).\(index)@example.com")], entity: index % 7 == 0 ? .lead : .contact)
                prepared.append(preparer.prepare(contact))
            }
            results.set(part, prepared)
        }
        return ContactDirectory(prepared: results.all.flatMap { $0 }, configuration: configuration)
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
