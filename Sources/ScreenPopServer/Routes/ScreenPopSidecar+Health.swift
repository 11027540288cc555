import Hummingbird

extension ScreenPopSidecar {
    /// `GET /healthz` (no token: it says only that the server answers) and `GET /metrics`.
    func addHealthRoutes(to router: Router<ServerRequestContext>) {
        router.get("/healthz") { _, _ in
            JSONBody.response(Array(#"{"status":"ok"}"#.utf8))
        }
        router.get("/metrics") { [self] _, _ in
            metrics.refresh(directoryCount: directory.count, statistics: engines.statistics, webSocketConnections: hub.count)
            return Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(bytes: metrics.exposition())))
        }
    }
}
