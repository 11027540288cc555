import Dispatch
import Foundation
import Histogram

/// Foundation's JSONDecoder + JSONEncoder alone on the same requests and a one-item reply: the
/// floor the issue quotes.
enum CodableFloor {
    static func measure(_ lines: [[UInt8]]) throws {
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
        ScreenPopBench.report("JSONDecoder + JSONEncoder only", histogram)
        print("bytes: \(bytes)")
    }
}
