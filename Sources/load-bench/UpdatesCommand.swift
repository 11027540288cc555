import ArgumentParser
import ContactIndex
import Dispatch
import Histogram
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// `load-bench updates`: upsert and look-up latency on a `LiveDirectory`.
///
/// 1. Loads a CSV export (`--contacts FILE`, or `--count` generated canonical rows) and wraps it in
///    a `LiveDirectory`.
/// 2. Draws look-up queries from the loaded rows: the E.164 of a phone, an email address and the
///    whole name of sampled contacts, in turn.
/// 3. Writer-alone phase: the writer of step 5 for `--seconds` with no reader, which gives the
///    cost of a write itself (a live write never waits for a reader here).
/// 4. Idle phase: `--readers` threads look up for `--seconds` with no writer.
/// 5. Update phase: the same readers again, while one writer runs `--rate` writes a second for
///    `--seconds` (changed phones, changed names, new ids, removes: `UpdateWorkload`).
/// 6. Prints p50/p90/p99/max of each (HdrHistogram, 3 significant digits) and
///    p99(under updates) / p99(idle).
///
/// With `--writes N`, only N writes back to back after step 2, and their table: a fixed sequence
/// for callgrind.
///
/// The writer changes only contacts that are not in the query sample, so both phases run the same
/// look-ups with the same answers; what differs is the writer's traffic beside them.
struct UpdatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "updates", abstract: "Upsert and look-up percentiles on a live directory, idle and under sustained updates.")

    @Option(help: "A CSV export to load; without it, --count canonical rows are generated.")
    var contacts: String?

    @Option(help: "Rows to generate when no --contacts file is given.")
    var count = 200_000

    @Option(help: "Writes per second in the update phase.")
    var rate = 1_000

    @Option(help: "Seconds of each phase (idle, then under updates).")
    var seconds = 30

    @Option(help: "Reader threads doing look-ups.")
    var readers = 1

    @Option(help: "Contacts sampled for look-up queries.")
    var queries = 10_000

    @Option(help: "Look-up kinds, comma-separated: phone, email, name.")
    var kinds = "phone,email,name"

    @Option(help: "Default region for national numbers.")
    var region = "US"

    @Option(help: "Random seed of the sample and the writes.")
    var seed: UInt64 = 1

    @Option(help: "Of the new contacts the writer adds, the percentage with a last name no contact has (a token new to the name index).")
    var unseenNames = 0

    @Flag(help: "The paced writer waits for each write spinning on the clock instead of asleep, so that its core never idles (separates a write's own cost from what an idle core costs it).")
    var spin = false

    @Option(help: "Make exactly this many writes back to back, with no reader and no other phase: the same sequence on every run, for instruction counts (valgrind --tool=callgrind --toggle-collect='*LiveDirectory*apply*' --toggle-collect='*replayWhenQuiet*', so that a replay counts wherever it runs; the line above the table says how many ran in the background).")
    var writes: Int?

    @Option(help: "With --writes: write one line an upsert to this file (its place in the sequence, kind, id, then prepare, apply and thread CPU time in nanoseconds, tab-separated). The sequence is the same on every run, so a write slow in every run is slow by its own work, and one slow in a single run by the machine's.")
    var writeLog: String?

    func validate() throws {
        guard !queryKinds.isEmpty else { throw ValidationError("--kinds names none of phone, email, name") }
        guard rate > 0, seconds > 0, readers > 0, queries > 0, count > 0, (writes ?? 1) > 0 else {
            throw ValidationError("--rate, --seconds, --readers, --queries, --count and --writes must be positive")
        }
        if writeLog != nil, writes == nil { throw ValidationError("--write-log logs the writes of --writes; give both") }
    }

    func run() throws {
        let configuration = DirectoryConfiguration(defaultRegion: region)
        let loader = ContactCSVLoader(.init(configuration: configuration))
        var start = monotonicNanoseconds()
        let (directory, report): (ContactDirectory, CSVLoadReport)
        if let contacts {
            (directory, report) = try loader.load(path: contacts)
        } else {
            (directory, report) = try loader.load(bytes: SyntheticExport.canonicalCSV(rows: count, seed: seed))
        }
        print("loaded \(directory.count) contacts in \(String(format2: seconds(since: start))) s (\(report.rowsRead) rows, \(report.problems.count) problems)")

        start = monotonicNanoseconds()
        let sample = QuerySample(directory: directory, queries: queries, kinds: queryKinds, writerTargets: 50_000, seed: seed)
        print("sampled \(sample.queries.count) queries and \(sample.writerTargets.count) writer targets in \(String(format2: seconds(since: start))) s")

        start = monotonicNanoseconds()
        let live = LiveDirectory(consume directory)
        print("live directory (second copy of the indexes) in \(String(format2: seconds(since: start))) s; resident \(ProcessMemory.residentBytes >> 20) MiB")

        let phase = UInt64(seconds) * 1_000_000_000
        var workload = UpdateWorkload(targets: sample.writerTargets, preparer: ContactPreparer(configuration: configuration), seed: seed &+ 7)
        workload.unseenNamePercent = max(0, min(unseenNames, 100))
        workload.spinning = spin
        if let writes {
            let replayedBefore = live.backgroundReplayCount
            workload.logsWrites = writeLog != nil
            let figures = workload.run(on: live, count: writes)
            if let writeLog {
                guard let file = fopen(writeLog, "w") else { throw ValidationError("cannot write \(writeLog)") }
                for line in workload.log { fputs(line + "\n", file) }
                fclose(file)
            }
            print("\(figures.upserts) upserts, \(figures.removes) removes back to back in \(String(format2: figures.seconds)) s; \(live.backgroundReplayCount - replayedBefore) replayed on the second copy in the background")
            var table = LatencyTable()
            table.addWrites(figures, upsert: "upsert", remove: "remove")
            table.add("upsert, thread CPU time", figures.upsertCPU)
            print(table.text)
            return
        }
        print("load average \(MachineLoad.text)")
        print("writer-alone phase: \(rate)/s, \(seconds) s …")
        let replayedBefore = live.backgroundReplayCount
        let alone = workload.run(on: live, rate: rate, nanoseconds: phase)
        let replayedAlone = live.backgroundReplayCount - replayedBefore

        _ = LookupLoop.run(live: live, queries: sample.queries, readers: readers, nanoseconds: 2_000_000_000)  // warm-up
        print("idle phase: \(readers) reader(s), \(seconds) s …")
        let idle = LookupLoop.run(live: live, queries: sample.queries, readers: readers, nanoseconds: phase)

        print("update phase: \(readers) reader(s) and a writer at \(rate)/s, \(seconds) s …")
        let writes = Mutex<UpdateWorkload.Figures?>(nil)
        let group = DispatchGroup()
        let writer = workload
        DispatchQueue.global().async(group: group) {
            var workload = writer
            let figures = workload.run(on: live, rate: rate, nanoseconds: phase)
            writes.withLock { $0 = figures }
        }
        let busy = LookupLoop.run(live: live, queries: sample.queries, readers: readers, nanoseconds: phase)
        group.wait()
        guard let written = writes.withLock({ $0 }) else { throw ExitCode(2) }
        let replayedBeside = live.backgroundReplayCount - replayedBefore - replayedAlone
        print("load average \(MachineLoad.text)")

        print("")
        for (name, figures, replayed) in [("writer alone", alone, replayedAlone), ("writer beside readers", written, replayedBeside)] {
            print("\(name): \(figures.upserts) upserts, \(figures.removes) removes in \(String(format2: figures.seconds)) s (\(Int(Double(figures.upserts + figures.removes) / figures.seconds))/s), \(figures.skipped) writes skipped (behind the rate), \(replayed) replayed on the second copy in the background")
        }
        print("contacts now \(live.count); look-ups: idle \(idle.overall.totalCount), under updates \(busy.overall.totalCount)")
        var table = LatencyTable()
        table.addWrites(alone, upsert: "upsert, writer alone", remove: "remove, writer alone")
        table.addWrites(written, upsert: "upsert beside readers", remove: "remove beside readers")
        table.add("look-up idle", idle.overall)
        table.add("look-up under updates", busy.overall)
        for kind in QueryKind.allCases {
            if let quiet = idle.byKind[kind], let loaded = busy.byKind[kind] {
                table.add("  \(kind.rawValue) idle", quiet)
                table.add("  \(kind.rawValue) under updates", loaded)
            }
        }
        print(table.text)
        print("")
        print("thread CPU time (the same calls, without the time spent waiting for a core on a loaded machine):")
        var cpu = LatencyTable()
        cpu.add("upsert, writer alone", alone.upsertCPU)
        cpu.add("upsert beside readers", written.upsertCPU)
        cpu.add("look-up idle", idle.overallCPU)
        cpu.add("look-up under updates", busy.overallCPU)
        print(cpu.text)
        print("p99 CPU time of a look-up under updates / idle: \(String(format2: Double(busy.overallCPU.valueAtPercentile(99)) / max(Double(idle.overallCPU.valueAtPercentile(99)), 1)))")
        let idleP99 = Double(idle.overall.valueAtPercentile(99))
        let busyP99 = Double(busy.overall.valueAtPercentile(99))
        print("p99 look-up under updates / idle: \(String(format2: busyP99 / max(idleP99, 1)))")
        for kind in QueryKind.allCases {
            if let quiet = idle.byKind[kind], let loaded = busy.byKind[kind] {
                print("  \(kind.rawValue): \(String(format2: Double(loaded.valueAtPercentile(99)) / max(Double(quiet.valueAtPercentile(99)), 1)))")
            }
        }
        for kind in QueryKind.allCases {
            if let quiet = idle.byKind[kind], quiet.totalCount > 0 {
                print("  \(kind.rawValue): the sampled contact was not among the matches in \(idle.misses[kind, default: 0]) idle and \(busy.misses[kind, default: 0]) busy look-ups (a number, address or name shared by more contacts than the result limit)")
            }
        }
        print("peak RSS \(ProcessMemory.peakResidentBytes >> 20) MiB")
    }

    /// The kinds `--kinds` names.
    var queryKinds: [QueryKind] {
        let names = kinds.split(separator: ",").map { String($0.filter { $0 != " " }) }
        return QueryKind.allCases.filter { names.contains($0.option) }
    }

    private func seconds(since start: UInt64) -> Double {
        Double(monotonicNanoseconds() - start) / 1e9
    }
}
