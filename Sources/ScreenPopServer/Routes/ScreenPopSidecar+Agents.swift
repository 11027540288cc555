import Hummingbird
import ScreenPop

extension ScreenPopSidecar {
    /// `POST /v1/agents/{agent}/commands[?wait=seconds]`: pushes a command to every page the
    /// agent has open (`{"delivered": n, "dropped": m}`, or 404 `agent-not-connected`);
    /// `GET /v1/agents`: who is connected.
    ///
    /// A command the softphone answers (engagement status, disposition codes, send chat
    /// message, get variables, agent-status get) is registered with the agent's engine before
    /// it is sent, so that its answer is matched when it comes back through the page (it was an
    /// `unmatchedAnswer`), and a second command with a `requestId` still waiting is refused
    /// (422 naming `data.requestId`). With `wait` (1 to 60 seconds), the call waits for the
    /// answer and returns it (200, `answer`); no answer in time is 504 `timeout`, a `zcc-error`
    /// from the softphone 502 with its code. Without `wait`, 202 as for any command: the
    /// answer is matched and dropped.
    func addAgentRoutes(to router: Router<ServerRequestContext>) {
        router.post("/v1/agents/{agent}/commands") { [self] request, context in
            let agent = try AgentName.validate(PathSegment.decode(context.parameters.get("agent") ?? "", field: "agent"))
            let wait = try Self.answerWait(request.uri.queryParameters.get("wait"))
            let body = try await request.collectBody(limit: configuration.maximumMessageBytes, what: "command")
            let (message, command) = try HostCommand.read(body)
            let requests = engines.engine(for: agent).requests
            var ticket: PendingTicket<SoftphoneMessage>? = nil
            if PendingRequests.isAnswered(message) {
                do throws(ScreenPopError) {
                    ticket = try requests.register(message, timeout: wait.map(Double.init))
                } catch {
                    throw APIError.engine(error)
                }
            } else if wait != nil {
                throw APIError(
                    .badRequest, code: "invalid-parameter", message: "the softphone does not answer \(message.type): there is nothing to wait for",
                    field: "wait")
            }
            let delivery = hub.send(BridgeFrame.command(command), toAgent: agent)
            guard delivery.delivered + delivery.dropped > 0 else {
                ticket.map(requests.withdraw)
                metrics.command(outcome: "not-connected")
                throw APIError(.notFound, code: "agent-not-connected", message: "no page of agent \(agent.debugDescription) is connected")
            }
            if delivery.delivered > 0 { metrics.command(outcome: "delivered") }
            if delivery.dropped > 0 { metrics.command(outcome: "dropped") }
            var response = DeliveryResponse(agent: agent, delivered: delivery.delivered, dropped: delivery.dropped)
            guard delivery.delivered > 0 else {
                ticket.map(requests.withdraw)
                return JSONBody.response(response, status: .serviceUnavailable)
            }
            guard let wait, let ticket else { return JSONBody.response(response, status: .accepted) }
            // Nothing else expires the agent's requests: the wait ends the request at its
            // deadline itself.
            let expiry = Task {
                try? await Task.sleep(for: .milliseconds(wait * 1000 + 20))
                requests.expire()
            }
            defer { expiry.cancel() }
            do throws(ScreenPopError) {
                response.answer = CommandAnswer(try await requests.answer(ticket))
            } catch {
                let status: HTTPResponse.Status = error.code == .timeout ? .gatewayTimeout : .badGateway
                throw APIError(status, code: error.code.rawValue, message: error.message, field: error.field)
            }
            return JSONBody.response(response)
        }
        router.get("/v1/agents") { [self] _, _ in
            struct AgentsResponse: Encodable {
                var agents: [String]
                var connections: Int
            }
            return JSONBody.response(AgentsResponse(agents: hub.agents, connections: hub.count))
        }
    }

    /// What a command route answers: where the command went, and the softphone's answer when
    /// the call waited for it.
    private struct DeliveryResponse: Encodable {
        var agent: String
        var delivered: Int
        var dropped: Int
        var answer: CommandAnswer? = nil
    }

    /// The most seconds a command route waits for the softphone's answer.
    static let maximumAnswerWait = 60

    /// The `wait` parameter: nil when absent, else whole seconds in 1...`maximumAnswerWait`.
    static func answerWait(_ text: String?) throws(APIError) -> Int? {
        guard let text else { return nil }
        guard let seconds = Int(text), (1...maximumAnswerWait).contains(seconds) else {
            throw APIError(
                .badRequest, code: "invalid-parameter", message: "wait is whole seconds from 1 to \(maximumAnswerWait), not \(text.debugDescription)",
                field: "wait")
        }
        return seconds
    }
}
