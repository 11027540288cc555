// A stand-in for the Smart Embed softphone: it speaks the postMessage protocol to the page that
// embeds it and plays a real session, step by step, waiting for the host's answers.
//
// Like the real iframe it is told the embedding page's origin (?origin=…); it posts only to that
// origin and accepts messages only from its parent window at that origin.
(function () {
  "use strict";
  const params = new URLSearchParams(window.location.search);
  const hostOrigin = params.get("origin");
  const chooseId = params.get("choose") || "0035g00000AbCdF";
  const state = { phase: "loading", screenPopEvent: null, received: [], sent: [], chosen: null, dialed: [] };
  window.mockSoftphone = state;
  const byId = (id) => document.getElementById(id);

  function setPhase(phase) {
    state.phase = phase;
    byId("state").textContent = phase;
  }

  function log(direction, message) {
    const item = document.createElement("li");
    item.className = direction;
    item.textContent = (direction === "in" ? "← " : "→ ") + message.type + (message.data && message.data.engagementId ? " " + message.data.engagementId : "");
    byId("log").prepend(item);
  }

  function send(message) {
    state.sent.push(message);
    log("out", message);
    window.parent.postMessage(message, hostOrigin);
  }

  const waiters = [];
  function waitFor(predicate, what, timeoutMs = 10000) {
    const found = state.received.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter = { predicate, resolve };
      waiters.push(waiter);
      setTimeout(() => {
        const index = waiters.indexOf(waiter);
        if (index !== -1) {
          waiters.splice(index, 1);
          reject(new Error("no " + what + " within " + timeoutMs + " ms"));
        }
      }, timeoutMs);
    });
  }

  window.addEventListener("message", (event) => {
    if (event.origin !== hostOrigin || event.source !== window.parent) return;
    const message = event.data;
    if (!message || typeof message.type !== "string") return;
    state.received.push(message);
    log("in", message);
    if (message.type === "onclicktoact") {
      state.dialed.push(message.data);
      byId("dialing").textContent = "Dialing " + (message.data.phone || message.data.email) + (message.data.name ? " (" + message.data.name + ")" : "");
    }
    if (message.type === "zcc-contact-search-response") {
      const items = Array.isArray(message.data) ? message.data : [message.data];
      byId("prompt").textContent = "Search: " + items.map((item) => item.name).join(", ");
    }
    for (const waiter of waiters.slice()) {
      if (waiter.predicate(message)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(message);
      }
    }
  });

  const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const now = () => Date.now();

  async function lookUpPhone(engagementId, number, channel) {
    send({ type: "zcc-incomingPhone-request", data: { incomingPhoneNumber: number, engagementId, channel } });
    const response = await waitFor((m) => m.type === "zcc-incomingPhone-response" && !state.answered.has(m), "incomingPhone-response");
    state.answered.add(response);
    return response.data;
  }
  state.answered = new Set();

  function showCandidates(items, onChoose) {
    const box = byId("candidates");
    box.replaceChildren(...items.map((item) => {
      const button = document.createElement("button");
      button.type = "button";
      button.dataset.id = item.id;
      button.textContent = item.name + " · " + item.entity + " · " + item.id;
      button.addEventListener("click", () => onChoose(item, button));
      return button;
    }));
  }

  async function playCall() {
    setPhase("call-ringing");
    const engagementId = "ENG-1001";
    const caller = "+16505551234";
    const start = now();
    send({ type: "zcc-call-ringing", data: { channel: start, createTs: start, engagementId, from: caller, queueName: "Support", to: "+18005550100", isConference: false, isTransfer: false } });
    const items = await lookUpPhone(engagementId, caller, "voice");
    state.callCandidates = items;
    byId("prompt").textContent = items.length + " records match " + caller + ": choose one";
    setPhase("choosing");
    const chosen = await new Promise((resolve) => {
      showCandidates(items, (item, button) => {
        button.classList.add("chosen");
        resolve(item);
      });
      // The agent picks after a moment (a click on a candidate picks sooner).
      const preferred = items.find((item) => item.id === chooseId) || items[0];
      setTimeout(() => {
        const button = byId("candidates").querySelector('[data-id="' + CSS.escape(preferred.id) + '"]');
        if (button) button.click();
      }, 400);
    });
    state.chosen = chosen;
    send({ type: "zcc-screen-pop", data: { id: chosen.id } });
    await pause(200);
    const accepted = now();
    send({ type: "zcc-call-connected", data: { acceptTs: accepted, direction: "inbound", engagementId, from: caller, queueId: "Q-7", queueName: "Support", to: "+18005550100" } });
    setPhase("call-connected");
    await pause(300);
    const ended = now();
    send({ type: "zcc-call-ended", data: { completeTs: ended, engagementId } });
    send({
      type: "zcc-phone-call-log",
      data: {
        objectRecord: {
          callType: "inbound", from: caller, to: "+18005550100", callDuration: Math.round((ended - accepted) / 1000),
          callStartTime: accepted, callEndTime: ended, callQueue: "Support", agentExtension: "1042", agentName: "Alex Agent",
          wrapUpTimeDuration: 5, notes: ["<p>Asked about the <b>November invoice</b>.</p>"], dispositionCode: "Resolved", dispositionId: "DISP-3", type: "phone",
        },
        engagementId, relateTo: {}, smartNotes: [], channelUpgradeInfo: null,
        user: chosen,
      },
    });
    byId("candidates").replaceChildren();
    byId("prompt").textContent = "Call with " + chosen.name + " ended.";
    setPhase("call-done");
  }

  async function playMessaging() {
    setPhase("sms");
    const sms = "ENG-2001";
    const texter = "+16505550142";
    send({ type: "zcc-sms-ringing", data: { queueId: "Q-9", queueName: "SMS", engagementId: sms, customerName: "", customerEmail: "", incomingPhoneNumber: texter } });
    state.smsCandidates = await lookUpPhone(sms, texter, "sms");
    send({ type: "zcc-sms-started", data: { engagementId: sms, createTs: now() } });
    await pause(200);
    send({ type: "zcc-sms-ended", data: { engagementId: sms, completeTs: now() } });

    setPhase("chat");
    const chat = "ENG-3001";
    const email = "hans@müller.de";
    send({ type: "zcc-chat-ringing", data: { queueId: "Q-3", queueName: "Web chat", engagementId: chat, customerName: "Hans", customerEmail: email } });
    send({ type: "zcc-incomingEmail-request", data: { email, engagementId: chat, channel: "chat" } });
    const response = await waitFor((m) => m.type === "zcc-incomingEmail-response", "incomingEmail-response");
    state.chatCandidates = response.data;
    send({ type: "zcc-chat-started", data: { engagementId: chat, createTs: new Date().toISOString() } });
    send({ type: "zcc-add-note", data: { comment: "<p>Wants the <i>German</i> manual</p>" } });
    await pause(200);
    send({ type: "zcc-chat-ended", data: { engagementId: chat, completeTs: new Date().toISOString() } });
    byId("prompt").textContent = "SMS and chat done.";
    setPhase("done");
  }

  function run(play, button) {
    button.disabled = true;
    play().catch((error) => {
      state.error = String(error);
      setPhase("failed: " + error.message);
    }).finally(() => { button.disabled = false; });
  }

  byId("play-call").addEventListener("click", (event) => run(playCall, event.currentTarget));
  byId("play-messaging").addEventListener("click", (event) => run(playMessaging, event.currentTarget));
  byId("search-go").addEventListener("click", () => {
    send({ type: "zcc-contact-search-event", data: { query: byId("search").value } });
  });

  if (!hostOrigin) {
    setPhase("no ?origin= given");
    return;
  }
  // Smart Embed asks for its configuration as soon as it loads.
  send({ type: "zcc-init-config-request" });
  waitFor((m) => m.type === "zcc-init-config-response", "init-config-response", 15000)
    .then((message) => {
      state.screenPopEvent = message.data.phone.screenPopEvent;
      setPhase("ready (pops on " + state.screenPopEvent + ")");
      state.ready = true;
    })
    .catch((error) => setPhase("failed: " + error.message));
})();
