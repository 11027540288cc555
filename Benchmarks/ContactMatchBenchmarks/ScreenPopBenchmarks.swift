import Benchmark
import ContactIndex
import ScreenPop

/// One whole `ScreenPopEngine.handle(json:)` for a `zcc-incomingPhone-request`: decode, look
/// up, decide, encode the reply.
func registerScreenPopBenchmarks() {
    Benchmark("screen-pop-handle-json-incoming-phone-request") { (benchmark: Benchmark, state: IncomingRequests) in
        let (engine, requests) = (state.engine, state.requests)
        var index = 0
        for _ in benchmark.scaledIterations {
            blackHole(engine.handle(json: requests[index]))
            index = index + 1 == requests.count ? 0 : index + 1
        }
    } setup: {
        let engine = ScreenPopEngine(directory: Fixtures.directory)
        let requests = Fixtures.texts(.phoneE164).enumerated().map { index, number in
            Array("{\"type\": \"zcc-incomingPhone-request\", \"data\": {\"incomingPhoneNumber\": \"\(number)\", \"engagementId\": \"E\(index)\", \"channel\": \"voice\"}}".utf8)
        }
        return IncomingRequests(engine: engine, requests: requests)
    }
}

/// An engine over the fixture directory and incoming-call requests for it.
struct IncomingRequests {
    let engine: ScreenPopEngine
    let requests: [[UInt8]]
}
