import ContactIndex

/// A directory and the numbers to call it with: every stored (record, number) pair as a hit,
/// and numbers that are valid but stored nowhere as misses.
struct Workload {
    /// A stored number, as E.164, and the id of a record that holds it.
    struct Stored {
        var e164: String
        var id: String
    }

    var directory: ContactDirectory
    /// One entry per record and E.164 number it holds, so drawing an entry at random draws a
    /// number as often as records hold it.
    var stored: [Stored]
    /// The distinct stored numbers.
    var storedNumbers: Set<String>
    /// Valid numbers that no record has (checked with a look-up).
    var unknown: [String]

    /// `count` requests, each a new engagement `prefix<i>`, a miss with probability `missRate`.
    func requests(count: Int, missRate: Double, engagementPrefix: String, generator: inout SplitMix) -> [Request] {
        (0..<count).map { index in
            let miss = unknown.isEmpty ? false : Double(generator.next() % 1_000_000) / 1_000_000 < missRate
            let number: String
            var expectedID: String?
            if miss {
                number = unknown[Int(generator.next() % UInt64(unknown.count))]
            } else {
                let pick = stored[Int(generator.next() % UInt64(stored.count))]
                number = pick.e164
                expectedID = pick.id
            }
            let line = Array(#"{"type":"zcc-incomingPhone-request","data":{"incomingPhoneNumber":"\#(number)","engagementId":"\#(engagementPrefix)\#(index)","channel":"voice"}}"#.utf8)
            return Request(line: line, number: number, expectedID: expectedID)
        }
    }
}

/// One measured request: its line, the E.164 number it asks about, and the id of a record that
/// holds the number (nil for a miss).
struct Request {
    var line: [UInt8]
    var number: String
    var expectedID: String?
}

/// What a reply must say about its request.
enum ReplyCheck {
    /// The engine's default reply limit.
    static let limit = 10

    /// The number of items in `reply`, or nil when the reply does not answer `request`: a miss
    /// must be `"data":[]`; a hit must list items, the first with the number, and (when fewer
    /// than the limit are listed) the drawn record among them.
    static func items(in reply: [UInt8], answering request: Request) -> Int? {
        let text = String(decoding: reply, as: UTF8.self)
        guard let expectedID = request.expectedID else {
            return text == #"{"type":"zcc-incomingPhone-response","data":[]}"# ? 0 : nil
        }
        let head = #"{"type":"zcc-incomingPhone-response","data":[{"id":"#
        guard text.hasPrefix(head) else { return nil }
        let items = text.split(separator: #"{"id":"#, omittingEmptySubsequences: false).count - 1
        guard let firstEnd = text.firstRange(of: "},") ?? text.firstRange(of: "}]"),
              text[..<firstEnd.lowerBound].contains(#""phone":"\#(request.number)"#) else { return nil }
        if items < limit, !expectedID.contains("\""), !expectedID.contains("\\"), !text.contains(#""id":"\#(expectedID)""#) { return nil }
        return items
    }
}
