#!/usr/bin/env python3
"""The example host backend: serves the CRM page, mints WebSocket tickets and sends click-to-dial
commands through screenpop-server. Standard library only.

It stands for your own backend, in whatever language: it is the only place that holds the
sidecar's token (SCREENPOP_TOKEN). It also serves examples/mock-softphone/ on a second port, a
second origin, the way the real softphone comes from zoom.us.

usage: SCREENPOP_TOKEN=... host_backend.py --sidecar http://127.0.0.1:8080 [--port 8090]
           [--softphone-port 8091] [--agent agent-1] [--screen-pop-event RINGING]

The page is http://localhost:PORT/ (start screenpop-server with --allow-origin http://localhost:PORT);
the softphone is http://127.0.0.1:SOFTPHONE_PORT/.
"""
import argparse
import functools
import http.server
import json
import os
import sys
import threading
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
STATIC = {
    "/": (os.path.join(HERE, "index.html"), "text/html; charset=utf-8"),
    "/index.html": (os.path.join(HERE, "index.html"), "text/html; charset=utf-8"),
    "/app.js": (os.path.join(HERE, "app.js"), "text/javascript; charset=utf-8"),
    "/style.css": (os.path.join(HERE, "style.css"), "text/css; charset=utf-8"),
    "/bridge/screenpop-bridge.js": (os.path.join(ROOT, "bridge", "screenpop-bridge.js"), "text/javascript; charset=utf-8"),
}


def sidecar_call(options, method, path, body=None):
    """Calls the sidecar with the token; returns (status, parsed JSON)."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(options.sidecar.rstrip("/") + path, data=data, method=method)
    request.add_header("Authorization", "Bearer " + options.token)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


class HostHandler(http.server.BaseHTTPRequestHandler):
    options = None

    def log_message(self, fmt, *args):
        if self.options.verbose:
            sys.stderr.write("host: " + (fmt % args) + "\n")

    def send_json(self, status, value):
        body = json.dumps(value).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def own_origin(self):
        return "http://localhost:%d" % self.server.server_address[1]

    def do_GET(self):
        path = self.path.split("?", 1)[0]
        if path == "/api/config":
            sidecar = self.options.sidecar.rstrip("/")
            self.send_json(200, {
                "softphoneUrl": "http://127.0.0.1:%d/" % self.options.softphone_port,
                "softphoneOrigin": "http://127.0.0.1:%d" % self.options.softphone_port,
                "sidecarWebSocketUrl": sidecar.replace("http://", "ws://", 1).replace("https://", "wss://", 1) + "/v1/ws",
                "screenPopEvent": self.options.screen_pop_event,
                "agent": self.options.agent,
            })
            return
        if path not in STATIC:
            self.send_json(404, {"error": "not found"})
            return
        file, content_type = STATIC[path]
        with open(file, "rb") as handle:
            body = handle.read()
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Cache-Control", "no-store")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        # A real backend checks the agent's session here. This example at least refuses other
        # origins, so that another site cannot mint tickets or dial through an agent's browser.
        if self.headers.get("Origin") != self.own_origin():
            self.send_json(403, {"error": "cross-origin request refused"})
            return
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length) or b"{}") if length else {}
        if self.path == "/api/ticket":
            status, answer = sidecar_call(self.options, "POST", "/v1/tickets", {"agent": self.options.agent})
            self.send_json(status, {"ticket": answer.get("ticket")} if status == 201 else answer)
        elif self.path == "/api/dial":
            command = {"type": "onclicktoact", "data": {k: body.get(k) for k in ("id", "name", "phone", "email", "userEntity") if body.get(k)}}
            status, answer = sidecar_call(self.options, "POST", "/v1/agents/%s/commands" % self.options.agent, command)
            self.send_json(status, answer)
        else:
            self.send_json(404, {"error": "not found"})


class SoftphoneHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, fmt, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sidecar", default="http://127.0.0.1:8080", help="the sidecar's base URL")
    parser.add_argument("--port", type=int, default=8090, help="the host page's port (0: any free port)")
    parser.add_argument("--softphone-port", type=int, default=8091, help="the mock softphone's port (0: any free port)")
    parser.add_argument("--agent", default="agent-1", help="the agent this page belongs to")
    parser.add_argument("--screen-pop-event", default="RINGING", choices=["RINGING", "CONNECTED"])
    parser.add_argument("--verbose", action="store_true")
    options = parser.parse_args()
    options.token = os.environ.get("SCREENPOP_TOKEN", "")
    if not options.token:
        parser.error("set SCREENPOP_TOKEN to the sidecar's token")

    softphone = http.server.ThreadingHTTPServer(
        ("127.0.0.1", options.softphone_port),
        functools.partial(SoftphoneHandler, directory=os.path.join(ROOT, "examples", "mock-softphone")))
    options.softphone_port = softphone.server_address[1]
    threading.Thread(target=softphone.serve_forever, daemon=True).start()

    HostHandler.options = options
    host = http.server.ThreadingHTTPServer(("127.0.0.1", options.port), HostHandler)
    print("host page http://localhost:%d/  softphone http://127.0.0.1:%d/" % (host.server_address[1], options.softphone_port), flush=True)
    try:
        host.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
