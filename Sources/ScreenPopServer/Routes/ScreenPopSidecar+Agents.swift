import Hummingbird

extension ScreenPopSidecar {
    /// `POST /v1/agents/{agent}/commands`: pushes a command to every page the agent has open
    /// (`{"delivered": n, "dropped": m}`, or 404 `agent-not-connected`); `GET /v1/agents`: who is
    /// connected.
    func addAgentRoutes(to router: Router<ServerRequestContext>) {
        router.post("/v1/agents/{agent}/commands") { [self] request, context in
            let agent = try AgentName.validate(PathSegment.decode(context.parameters.get("agent") ?? "", field: "agent"))
            let body = try await request.collectBody(limit: configuration.maximumMessageBytes, what: "command")
            let command = try HostCommand.validate(body)
            let delivery = hub.send(BridgeFrame.command(command), toAgent: agent)
            struct DeliveryResponse: Encodable {
                var agent: String
                var delivered: Int
                var dropped: Int
            }
            guard delivery.delivered + delivery.dropped > 0 else {
                metrics.command(outcome: "not-connected")
                throw APIError(.notFound, code: "agent-not-connected", message: "no page of agent \(agent.debugDescription) is connected")
            }
            if delivery.delivered > 0 { metrics.command(outcome: "delivered") }
            if delivery.dropped > 0 { metrics.command(outcome: "dropped") }
            return JSONBody.response(
                DeliveryResponse(agent: agent, delivered: delivery.delivered, dropped: delivery.dropped),
                status: delivery.delivered > 0 ? .accepted : .serviceUnavailable)
        }
        router.get("/v1/agents") { [self] _, _ in
            struct AgentsResponse: Encodable {
                var agents: [String]
                var connections: Int
            }
            return JSONBody.response(AgentsResponse(agents: hub.agents, connections: hub.count))
        }
    }
}
