import Foundation
import Testing

@testable import ScreenPopServer

@Suite("Security parts")
struct SecurityPartsTests {
    @Test(
        "origins are normalized the way browsers send them",
        arguments: [
            ("https://CRM.Example.com", "https://crm.example.com"),
            ("https://crm.example.com:443/", "https://crm.example.com"),
            ("http://localhost:8090", "http://localhost:8090"),
            ("http://127.0.0.1:80", "http://127.0.0.1"),
            ("http://[::1]:8090", "http://[::1]:8090"),
        ])
    func originsNormalize(input: String, expected: String) throws {
        #expect(try PageOrigin(input).text == expected)
    }

    @Test("wildcards, paths, credentials and other schemes are not origins", arguments: ["*", "null", "https://*.example.com", "https://crm.example.com/app", "https://a@b.com", "ftp://x.com", "crm.example.com", "http://x:99999", "http://"])
    func notOrigins(input: String) {
        #expect(throws: PageOrigin.ParseError.self) { try PageOrigin(input) }
    }

    @Test("the token comparison accepts only the exact token")
    func constantTime() {
        let secret = Array("s3cret-token-0123456789".utf8)
        #expect(ConstantTime.equal(secret, secret))
        #expect(!ConstantTime.equal(Array("s3cret-token-012345678".utf8), secret))
        #expect(!ConstantTime.equal(Array("s3cret-token-0123456789x".utf8), secret))
        #expect(!ConstantTime.equal(Array("S3cret-token-0123456789".utf8), secret))
        #expect(!ConstantTime.equal([UInt8](), secret))
        #expect(BearerTokenMiddleware.authorized("Bearer s3cret-token-0123456789", secret: secret))
        #expect(BearerTokenMiddleware.authorized("bearer s3cret-token-0123456789", secret: secret))
        #expect(!BearerTokenMiddleware.authorized("Bearer  s3cret-token-0123456789", secret: secret))
        #expect(!BearerTokenMiddleware.authorized("Token s3cret-token-0123456789", secret: secret))
        #expect(!BearerTokenMiddleware.authorized(nil, secret: secret))
    }

    @Test("a token bucket allows the burst, then the rate")
    func tokenBucket() {
        var bucket = TokenBucket(rate: 10, burst: 3, now: .zero)
        #expect(bucket.take(now: .zero) == nil)
        #expect(bucket.take(now: .zero) == nil)
        #expect(bucket.take(now: .zero) == nil)
        #expect(bucket.take(now: .zero) == .milliseconds(100))
        #expect(bucket.take(now: .milliseconds(100)) == nil)
        #expect(bucket.take(now: .milliseconds(100)) != nil)
        #expect(bucket.take(now: .seconds(10)) == nil)  // refilled, but to the burst only
        #expect(bucket.take(now: .seconds(10)) == nil)
        #expect(bucket.take(now: .seconds(10)) == nil)
        #expect(bucket.take(now: .seconds(10)) != nil)
    }

    @Test("tickets are random, single-use, short-lived and bounded in number")
    func tickets() throws {
        let clock = ManualServerClock()
        let store = TicketStore(lifetime: .seconds(30), capacity: 3, clock: clock.clock)
        let (first, grant) = try store.mint(agent: "agent-1")
        #expect(first.count == 43)
        #expect(first.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        #expect(grant.agent == "agent-1")
        #expect(store.check(first) == .valid(grant))
        #expect(store.redeem(first) == .valid(grant))
        #expect(store.redeem(first) == .unknown)

        let second = try store.mint(agent: nil).ticket
        #expect(second != first)
        _ = try store.mint(agent: nil)
        _ = try store.mint(agent: nil)
        #expect(throws: APIError.self) { try store.mint(agent: nil) }
        clock.advance(by: .seconds(31))
        #expect(store.redeem(second) == .expired)
        _ = try store.mint(agent: nil)  // 3 held, 2 of them expired
        #expect(store.count == 3)
        _ = try store.mint(agent: nil)  // full: the expired ones are swept first
        #expect(store.count == 2)
    }

    @Test("agent names are short and plain")
    func agentNames() throws {
        #expect(try AgentName.validate("agent-1") == "agent-1")
        #expect(try AgentName.validate("alex.agent@example.com") == "alex.agent@example.com")
        #expect(throws: APIError.self) { try AgentName.validate("") }
        #expect(throws: APIError.self) { try AgentName.validate("a b") }
        #expect(throws: APIError.self) { try AgentName.validate(String(repeating: "a", count: 129)) }
        #expect(throws: APIError.self) { try AgentName.validate("<script>") }
    }
}
