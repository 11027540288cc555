// screenpop-bench: the speed of ScreenPopEngine.handle(json:) for a zcc-incomingPhone-request
// with an E.164 number, from the raw JSON line to the encoded reply, at a given directory size.
//
//   swift build -c release --product screenpop-bench
//   .build/release/screenpop-bench --csv /tmp/sf1m.csv [--region US]       # a real CRM export
//   .build/release/screenpop-bench [--contacts 1000000]                    # generated directory
//       [--requests 200000] [--warmup N] [--miss-rate 0.1] [--seed 42] [--codable]
//
// The directory is built outside the measured loop: loaded from a contacts CSV with the
// project's loader (`ContactCSVLoader`, as `screenpop replay` loads it), or generated
// (`SyntheticDirectory`). Requests are hits (the E.164 form of a stored number, drawn from a
// record picked at random, so a number shared by many records is drawn as often as it is
// stored) or misses (a valid number no record has, answered with `"data":[]` and a new-record
// offer), mixed by `--miss-rate`. Each request is a new engagement, so the tracker churns at its
// bound as in production. A warm-up of other engagements (the tracker's capacity at least) runs
// first; then every request is timed, from the raw line to the reply's bytes, into HdrHistogram,
// and every reply is checked against the number it answers.
import ContactIndex
import Dispatch
import Foundation
import Histogram
import ScreenPop

@main
enum ScreenPopBench {
    static func main() throws {
        #if DEBUG
        print("screenpop-bench: this is a debug build; time a release build (swift build -c release)")
        #endif
        guard let options = BenchOptions.parse(Array(CommandLine.arguments.dropFirst())) else {
            print(BenchOptions.usage)
            return
        }
        let workload: Workload
        let buildStart = ContinuousClock.now
        if let path = options.csvPath {
            workload = try CSVWorkload.load(path: path, region: options.region)
        } else {
            guard options.contactCount * 2 <= NANPNumbers.capacity else {
                print("screenpop-bench: --contacts must be in 1...\(NANPNumbers.capacity / 2)")
                return
            }
            workload = SyntheticDirectory.workload(count: options.contactCount, seed: options.seed)
        }
        print("directory: \(workload.directory.count) contacts, \(workload.storedNumbers.count) distinct stored numbers, ready in \(ContinuousClock.now - buildStart)")
        // Flushed now: a profiler run (callgrind --instr-atstart=no) waits for this line to start
        // counting.
        fflush(nil)

        var generator = SplitMix(seed: options.seed ^ 0x5EED)
        let warmup = workload.requests(count: options.warmupCount, missRate: options.missRate, engagementPrefix: "WARM-", generator: &generator)
        let requests = workload.requests(count: options.requestCount, missRate: options.missRate, engagementPrefix: "ENG-", generator: &generator)
        if options.codableOnly {
            try CodableFloor.measure(requests.map(\.line))
            return
        }
        let engine = ScreenPopEngine(directory: workload.directory)
        // Warm-up: other engagements (so none of the measured ones is a repeat), enough of them
        // to fill the tracker, so the measured requests evict as in production.
        var checksum = 0
        for request in warmup { checksum &+= engine.handle(json: request.line).line.count }

        var all = Histogram<UInt64>(highestTrackableValue: 60_000_000_000, numberOfSignificantValueDigits: .three)
        var bySize = [all, all, all, all]  // misses, 1 record, 2-9, 10 or more
        // Replies are checked (outside the timed part) and dropped in batches, as a host sends
        // and frees them. Kept all at once (about 150 MB at 200,000 requests), the growing heap
        // put a first-touch page fault inside about one request in four: a cost of this bench,
        // not of the engine.
        let batchSize = 1_024
        var batch: [[UInt8]] = []
        batch.reserveCapacity(batchSize)
        var elapsedTimes: [UInt64] = []
        elapsedTimes.reserveCapacity(requests.count)
        var checked = 0
        var wrong = 0
        func checkBatch() {
            for reply in batch {
                let request = requests[checked]
                let items = ReplyCheck.items(in: reply, answering: request)
                if items == nil {
                    wrong += 1
                    if wrong <= 3 { print("wrong reply to \(String(decoding: request.line, as: UTF8.self)) (record \(request.expectedID ?? "none")): \(String(decoding: reply, as: UTF8.self))") }
                }
                let size = items ?? 0
                _ = all.record(elapsedTimes[checked])
                _ = bySize[size == 0 ? 0 : size == 1 ? 1 : size < 10 ? 2 : 3].record(elapsedTimes[checked])
                checked += 1
            }
            batch.removeAll(keepingCapacity: true)
        }
        for request in requests {
            let start = DispatchTime.now().uptimeNanoseconds
            let reply = engine.handle(json: request.line).line
            let elapsed = DispatchTime.now().uptimeNanoseconds - start
            batch.append(reply)
            elapsedTimes.append(elapsed)
            if batch.count == batchSize { checkBatch() }
        }
        checkBatch()
        print("requests: \(requests.count) measured after \(warmup.count) warm-up, miss rate \(options.missRate)")
        report("all       handle(json:) raw line → encoded reply", all)
        report("misses    (data: [])                            ", bySize[0])
        report("hits      1 record                              ", bySize[1])
        report("hits      2-9 records                           ", bySize[2])
        report("hits      10+ records (the reply limit)         ", bySize[3])
        print("replies checked: \(checked), wrong: \(wrong) (checksum \(checksum))")
        print("engine: \(engine.statistics)")
        if wrong > 0 {
            print("screenpop-bench: \(wrong) replies do not answer their number")
            exit(1)
        }
    }

    static func report(_ title: String, _ histogram: Histogram<UInt64>) {
        guard histogram.totalCount > 0 else { return }
        func us(_ value: UInt64) -> String { String(format: "%.2f µs", Double(value) / 1000) }
        print(
            "\(title): n=\(histogram.totalCount) p50=\(us(histogram.valueAtPercentile(50))) p90=\(us(histogram.valueAtPercentile(90))) "
                + "p99=\(us(histogram.valueAtPercentile(99))) p99.9=\(us(histogram.valueAtPercentile(99.9))) max=\(us(histogram.max))")
    }
}
