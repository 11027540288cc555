import ContactIndex

/// The workload of a contacts CSV, loaded as `screenpop replay` loads it.
enum CSVWorkload {
    struct LoadFailure: Error, CustomStringConvertible {
        var path: String
        var reason: CSVLoadError
        var description: String { "cannot load \(path): \(reason)" }
    }

    /// Loads `path` with `ContactCSVLoader` (default region `region`), takes every record's
    /// E.164 numbers (without extension, at most 15 digits) as hits, and makes misses from stored numbers with
    /// other last four digits that libphonenumber calls valid and the directory does not have.
    static func load(path: String, region: String, unknownCount: Int = 20_000, seed: UInt64 = 7) throws -> Workload {
        let loader = ContactCSVLoader(.init(configuration: DirectoryConfiguration(defaultRegion: region)))
        let directory: ContactDirectory
        do {
            (directory, _) = try loader.load(path: path)
        } catch {
            throw LoadFailure(path: path, reason: error)
        }
        var stored: [Workload.Stored] = []
        var numbers = Set<String>()
        var notCallerIDs = 0
        for contact in directory.contacts {
            for phone in contact.phones {
                guard let normalized = phone.normalized else { continue }
                // A caller ID in E.164 has at most 15 digits: a longer stored number is no
                // softphone's request.
                guard normalized.e164.utf8.count <= 16 else {
                    notCallerIDs += 1
                    continue
                }
                stored.append(.init(e164: normalized.e164, id: contact.id))
                numbers.insert(normalized.e164)
            }
        }
        print("stored numbers left out of the requests (longer than E.164 allows): \(notCallerIDs)")
        let normalizer = PhoneNormalizer(defaultRegion: region)
        var generator = SplitMix(seed: seed)
        var unknown = Set<String>()
        var attempts = 0
        while unknown.count < unknownCount, attempts < unknownCount * 20, !stored.isEmpty {
            attempts += 1
            let base = stored[Int(generator.next() % UInt64(stored.count))].e164
            guard base.utf8.count > 8 else { continue }
            let line = String(generator.next() % 10_000)
            let candidate = String(base.dropLast(4)) + String(repeating: "0", count: 4 - line.count) + line
            guard !numbers.contains(candidate), !unknown.contains(candidate),
                  case .success(let parsed) = normalizer.normalize(candidate, withDetails: true), parsed.details?.isValid == true,
                  parsed.e164 == candidate, directory.lookup(phone: candidate).isEmpty else { continue }
            unknown.insert(candidate)
        }
        return Workload(directory: directory, stored: stored, storedNumbers: numbers, unknown: unknown.sorted())
    }
}
