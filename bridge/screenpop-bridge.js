/*
 * screenpop-bridge.js: wires a Smart Embed softphone iframe to the screenpop-server sidecar.
 *
 *   <script src="/static/screenpop-bridge.js"></script>
 *   <script>
 *     const bridge = ScreenPopBridge.start({
 *       softphoneFrame: "#zoom-embeddable-phone-iframe",   // the iframe, or a selector
 *       softphoneOrigin: "https://zoom.us",                 // exact origin; never "*"
 *       sidecarUrl: "wss://crm.example.com/screenpop/v1/ws",
 *       getTicket: () => fetch("/screenpop/ticket", { method: "POST" }).then((r) => r.json()).then((j) => j.ticket),
 *       screenPopEvent: "RINGING",
 *     });
 *     document.addEventListener("screenpop:pop", (e) => openRecord(e.detail.contact.id));
 *   </script>
 *
 * What it does:
 * - It accepts a `message` event only when event.origin is softphoneOrigin AND event.source is the
 *   softphone iframe's window. Everything else is counted in bridge.stats.ignored and dropped.
 * - It answers zcc-init-config-request itself with the configured screenPopEvent.
 * - It forwards every other softphone message to the sidecar over a WebSocket, opened with a
 *   single-use ticket from getTicket() (your backend mints it with the sidecar's token, which never
 *   reaches the page); it reconnects with exponential backoff and jitter, and holds up to
 *   maxQueuedMessages while disconnected.
 * - It posts the sidecar's replies and pushed commands (e.g. onclicktoact) to the softphone with
 *   postMessage(message, softphoneOrigin), never "*".
 * - It raises the host actions as DOM events on eventTarget (default: document), detail = the action:
 *   screenpop:pop, screenpop:choose, screenpop:new-record, screenpop:log, screenpop:link,
 *   screenpop:note, screenpop:softphone-error; and screenpop:status ({connected}),
 *   screenpop:command (a command passed to the softphone), screenpop:error (a message refused).
 * No dependencies; no eval, no innerHTML.
 */
(function (global) {
  "use strict";

  var ACTION_EVENTS = {
    pop: "screenpop:pop",
    chooseAmong: "screenpop:choose",
    offerNewRecord: "screenpop:new-record",
    logEngagement: "screenpop:log",
    attachLink: "screenpop:link",
    addNote: "screenpop:note",
    softphoneError: "screenpop:softphone-error",
  };

  function exactOrigin(text) {
    if (typeof text !== "string" || text.indexOf("*") !== -1) return null;
    try {
      var origin = new URL(text).origin;
      return origin !== "null" && origin === text.replace(/\/$/, "") ? origin : null;
    } catch (e) {
      return null;
    }
  }

  function Bridge(options) {
    if (!options) throw new TypeError("ScreenPopBridge: options are required");
    this.softphoneOrigin = exactOrigin(options.softphoneOrigin);
    if (!this.softphoneOrigin) {
      throw new TypeError("ScreenPopBridge: softphoneOrigin must be one exact origin such as https://zoom.us (never \"*\")");
    }
    if (typeof options.sidecarUrl !== "string" || !/^wss?:\/\//.test(options.sidecarUrl)) {
      throw new TypeError("ScreenPopBridge: sidecarUrl must be a ws:// or wss:// URL");
    }
    if (typeof options.getTicket !== "function") {
      throw new TypeError("ScreenPopBridge: getTicket must be a function returning a Promise of a ticket");
    }
    this.frameOption = options.softphoneFrame;
    this.sidecarUrl = options.sidecarUrl;
    this.getTicket = options.getTicket;
    this.screenPopEvent = options.screenPopEvent === "CONNECTED" ? "CONNECTED" : "RINGING";
    this.eventTarget = options.eventTarget || global.document;
    this.initialDelay = (options.reconnect && options.reconnect.initialDelayMs) || 500;
    this.maximumDelay = (options.reconnect && options.reconnect.maxDelayMs) || 30000;
    this.maxQueuedMessages = options.maxQueuedMessages || 100;
    this.log = options.logger || global.console;
    this.socket = null;
    this.queue = [];
    this.attempt = 0;
    this.timer = null;
    this.stopped = true;
    this.connected = false;
    this.agent = null;
    this.stats = { forwarded: 0, ignored: 0, replies: 0, commands: 0, actions: 0, errors: 0, reconnects: 0, dropped: 0 };
    this.onMessage = this.onMessage.bind(this);
  }

  Bridge.prototype.frame = function () {
    var option = this.frameOption;
    return typeof option === "string" ? global.document.querySelector(option) : option;
  };

  Bridge.prototype.start = function () {
    if (!this.stopped) return this;
    this.stopped = false;
    global.addEventListener("message", this.onMessage);
    this.connect();
    return this;
  };

  Bridge.prototype.stop = function () {
    this.stopped = true;
    global.removeEventListener("message", this.onMessage);
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.socket) this.socket.close(1000, "bridge stopped");
    this.socket = null;
    this.setConnected(false);
  };

  // --- softphone side ---------------------------------------------------------------------

  Bridge.prototype.onMessage = function (event) {
    var frame = this.frame();
    var softphone = frame && frame.contentWindow;
    if (event.origin !== this.softphoneOrigin || !softphone || event.source !== softphone) {
      this.stats.ignored += 1;
      return;
    }
    var message = event.data;
    if (!message || typeof message !== "object" || typeof message.type !== "string") {
      this.stats.ignored += 1;
      return;
    }
    if (message.type === "zcc-init-config-request") {
      this.postToSoftphone({ type: "zcc-init-config-response", data: { phone: { screenPopEvent: this.screenPopEvent } } });
      return;
    }
    var text;
    try {
      text = JSON.stringify(message);
    } catch (e) {
      this.stats.ignored += 1;
      return;
    }
    this.stats.forwarded += 1;
    if (this.connected && this.socket && this.socket.readyState === 1) {
      this.socket.send(text);
    } else {
      if (this.queue.length >= this.maxQueuedMessages) {
        this.queue.shift();
        this.stats.dropped += 1;
      }
      this.queue.push(text);
    }
  };

  Bridge.prototype.postToSoftphone = function (message) {
    var frame = this.frame();
    var softphone = frame && frame.contentWindow;
    if (!softphone) return false;
    softphone.postMessage(message, this.softphoneOrigin);
    return true;
  };

  // --- sidecar side -----------------------------------------------------------------------

  Bridge.prototype.connect = function () {
    var self = this;
    if (self.stopped) return;
    Promise.resolve()
      .then(function () {
        return self.getTicket();
      })
      .then(function (ticket) {
        if (ticket && typeof ticket === "object") ticket = ticket.ticket;
        if (typeof ticket !== "string" || ticket.length === 0) throw new Error("getTicket gave no ticket");
        if (self.stopped) return;
        var url = self.sidecarUrl + (self.sidecarUrl.indexOf("?") === -1 ? "?" : "&") + "ticket=" + encodeURIComponent(ticket);
        var socket = new WebSocket(url);
        self.socket = socket;
        socket.onmessage = function (event) {
          self.onFrame(event.data);
        };
        socket.onclose = function () {
          if (self.socket !== socket) return;
          self.socket = null;
          self.setConnected(false);
          self.scheduleReconnect();
        };
        socket.onerror = function () {
          /* onclose follows */
        };
      })
      .catch(function (error) {
        self.log.warn("screenpop-bridge: no ticket (" + (error && error.message) + "); retrying");
        self.scheduleReconnect();
      });
  };

  Bridge.prototype.scheduleReconnect = function () {
    if (this.stopped || this.timer) return;
    var delay = Math.min(this.maximumDelay, this.initialDelay * Math.pow(2, this.attempt));
    delay = delay * (0.5 + Math.random() / 2);
    this.attempt += 1;
    this.stats.reconnects += 1;
    var self = this;
    this.timer = setTimeout(function () {
      self.timer = null;
      self.connect();
    }, delay);
  };

  Bridge.prototype.setConnected = function (connected) {
    if (this.connected === connected) return;
    this.connected = connected;
    this.emit("screenpop:status", { connected: connected, agent: this.agent });
  };

  Bridge.prototype.onFrame = function (text) {
    var frame;
    try {
      frame = JSON.parse(text);
    } catch (e) {
      this.log.warn("screenpop-bridge: the sidecar sent something that is not JSON");
      return;
    }
    switch (frame && frame.kind) {
      case "hello":
        this.attempt = 0;
        this.agent = frame.agent;
        if (frame.screenPopEvent && frame.screenPopEvent !== this.screenPopEvent) {
          this.log.warn("screenpop-bridge: the page pops on " + this.screenPopEvent + " but the sidecar decides on " + frame.screenPopEvent);
        }
        this.setConnected(true);
        while (this.queue.length > 0 && this.socket && this.socket.readyState === 1) this.socket.send(this.queue.shift());
        break;
      case "outcome":
        if (frame.reply) {
          this.stats.replies += 1;
          this.postToSoftphone(frame.reply);
        }
        (frame.actions || []).forEach(function (action) {
          var name = ACTION_EVENTS[action.action];
          if (!name) return;
          this.stats.actions += 1;
          this.emit(name, action);
        }, this);
        break;
      case "command":
        if (frame.command && typeof frame.command.type === "string") {
          this.stats.commands += 1;
          this.postToSoftphone(frame.command);
          this.emit("screenpop:command", frame.command);
        }
        break;
      case "error":
        this.stats.errors += 1;
        this.log.warn("screenpop-bridge: message refused: " + (frame.error && frame.error.code) + ": " + (frame.error && frame.error.message));
        this.emit("screenpop:error", frame.error);
        break;
      default:
        break;
    }
  };

  Bridge.prototype.emit = function (name, detail) {
    this.eventTarget.dispatchEvent(new CustomEvent(name, { detail: detail }));
  };

  global.ScreenPopBridge = {
    /** Creates a bridge and starts it. Returns the bridge (stop() to end it; stats to watch it). */
    start: function (options) {
      return new Bridge(options).start();
    },
  };
})(window);
