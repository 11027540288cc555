import Benchmark
import ContactIndex

/// Phone, email and name normalization, one text per iteration.
func registerNormalizationBenchmarks() {
    let phones = PhoneNormalizer(defaultRegion: "US")
    let emails = EmailNormalizer()

    Benchmark("phone-e164-query-fast-path") { benchmark, texts in
        var cycle = Cycle(texts)
        for _ in benchmark.scaledIterations { blackHole(phones.normalizeQuery(cycle.next())) }
    } setup: {
        Fixtures.texts(.phoneE164)
    }

    Benchmark("phone-national-query-us") { benchmark, texts in
        var cycle = Cycle(texts)
        for _ in benchmark.scaledIterations { blackHole(phones.normalizeQuery(cycle.next(), region: "US")) }
    } setup: {
        Fixtures.texts(.phoneNational)
    }

    Benchmark("phone-stored-number-with-details-fast-path") { benchmark, texts in
        var cycle = Cycle(texts)
        for _ in benchmark.scaledIterations { blackHole(phones.normalize(cycle.next(), region: "US", withDetails: true)) }
    } setup: {
        Fixtures.texts(.phoneNational)
    }

    Benchmark("phone-libphonenumber-fallback-extension-idd") { benchmark, texts in
        var cycle = Cycle(texts)
        for _ in benchmark.scaledIterations { blackHole(phones.normalize(cycle.next(), region: "US", withDetails: false)) }
    } setup: {
        // Texts the fast path declines: extensions and a trunk prefix in brackets.
        Fixtures.texts(.phoneE164).prefix(100).flatMap { e164 in
            [(PhoneNormalizer.format(e164: e164) ?? e164) + " ext. 12", "011 " + e164.dropFirst() + " x7"]
        }
    }

    Benchmark("email-normalize") { benchmark, texts in
        var cycle = Cycle(texts)
        for _ in benchmark.scaledIterations { blackHole(emails.normalize(cycle.next())) }
    } setup: {
        Fixtures.texts(.emailMixedCase)
    }

    Benchmark("name-fold") { benchmark, texts in
        var cycle = Cycle(texts)
        for _ in benchmark.scaledIterations { blackHole(NameNormalizer.shared.fold(cycle.next())) }
    } setup: {
        Fixtures.texts(.nameExact)
    }

    Benchmark("name-tokens") { benchmark, texts in
        var cycle = Cycle(texts)
        for _ in benchmark.scaledIterations { blackHole(NameNormalizer.shared.tokens(cycle.next())) }
    } setup: {
        Fixtures.texts(.nameExact)
    }

    Benchmark("name-collation-key") { benchmark, texts in
        var cycle = Cycle(texts)
        for _ in benchmark.scaledIterations { blackHole(NameNormalizer.shared.collationKey(cycle.next())) }
    } setup: {
        Fixtures.texts(.nameExact)
    }
}
