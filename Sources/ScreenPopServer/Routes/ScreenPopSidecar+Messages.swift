import Hummingbird
import ScreenPop

extension ScreenPopSidecar {
    /// `POST /v1/messages`: one softphone message (JSON) in, `{"reply":…,"actions":[…]}` out, by
    /// the same `handle(json:)` as `screenpop replay`. A refused message gets its status (400
    /// malformed, 413 too large, 422 invalid) and `{"error":{code, message, field}}`.
    ///
    /// `?agent=…` names the agent whose softphone sent the message (a backend relaying for
    /// several agents): it is read against that agent's engagements, as on the agent's WebSocket.
    /// Without it, against the engagements of the messages that name no agent.
    func addMessageRoutes(to router: Router<ServerRequestContext>) {
        router.post("/v1/messages") { [self] request, _ in
            let agent = try request.uri.queryParameters.get("agent").map { try AgentName.validate(String($0)) }
            let bytes: [UInt8]
            do {
                bytes = try await request.collectBody(limit: configuration.maximumMessageBytes, what: "message")
            } catch let error as APIError {
                metrics.rejectedMessage(reason: error.code, transport: "http")
                throw error
            }
            let outcome = handle(bytes, transport: "http", agent: agent)
            if let error = outcome.error { throw APIError.engine(error) }
            return JSONBody.response(JSONBody.messageOutcome(outcome))
        }
    }

    /// Hands one message to the engine of the agent whose softphone sent it, and records it.
    /// - Parameter agent: the agent, or nil for a message that names none.
    func handle(_ bytes: [UInt8], transport: String, agent: String?) -> JSONOutcome {
        let start = ContinuousClock.now
        let outcome = engines.engine(for: agent).handle(json: bytes)
        metrics.message(type: outcome.messageType, transport: transport, duration: ContinuousClock.now - start)
        if let error = outcome.error {
            metrics.rejectedMessage(reason: error.code.rawValue, transport: transport)
        }
        return outcome
    }
}
