// The host application's own code: it starts the bridge and opens records its own way when the
// bridge raises screenpop:* events. Nothing here talks to the sidecar with the token: tickets come
// from this page's backend (host_backend.py), which holds the token.
(async function () {
  "use strict";
  const config = await (await fetch("/api/config")).json();
  const frame = document.getElementById("softphone");
  // Like Smart Embed's own iframe, the softphone is told which origin embeds it.
  frame.src = config.softphoneUrl + "?origin=" + encodeURIComponent(window.location.origin);

  const bridge = ScreenPopBridge.start({
    softphoneFrame: frame,
    softphoneOrigin: config.softphoneOrigin,
    sidecarUrl: config.sidecarWebSocketUrl,
    screenPopEvent: config.screenPopEvent,
    getTicket: async () => {
      const response = await fetch("/api/ticket", { method: "POST" });
      if (!response.ok) throw new Error("ticket: HTTP " + response.status);
      return (await response.json()).ticket;
    },
  });
  window.screenpopBridge = bridge; // for the browser test and for debugging

  const byId = (id) => document.getElementById(id);
  const history = [];
  window.screenpopHistory = history;

  function addActivity(text) {
    const item = document.createElement("li");
    item.textContent = new Date().toLocaleTimeString() + "  " + text;
    byId("activity").prepend(item);
  }

  document.addEventListener("screenpop:status", (event) => {
    const status = byId("bridge-status");
    status.textContent = event.detail.connected ? "sidecar: connected as " + (event.detail.agent || "page") : "sidecar: reconnecting…";
    status.className = "status " + (event.detail.connected ? "on" : "off");
    status.dataset.connected = String(event.detail.connected);
  });

  document.addEventListener("screenpop:pop", (event) => {
    const pop = event.detail;
    const contact = pop.contact;
    history.push({ kind: "pop", id: contact.id, engagementId: pop.engagementId, reason: pop.reason });
    byId("record").dataset.recordId = contact.id;
    byId("record-empty").hidden = true;
    byId("record-fields").hidden = false;
    byId("dial").hidden = !contact.phone;
    byId("record-name").textContent = contact.name || contact.id;
    byId("record-id").textContent = contact.id;
    byId("record-entity").textContent = contact.entity || "";
    byId("record-phone").textContent = contact.phone || "";
    byId("record-email").textContent = contact.email || "";
    byId("record-engagement").textContent = pop.engagementId || "";
    byId("record-reason").textContent = pop.reason;
    byId("choice").hidden = true;
    byId("new-record").hidden = true;
    addActivity("Opened " + (contact.name || contact.id) + " (" + pop.reason + ")");
  });

  document.addEventListener("screenpop:choose", (event) => {
    const choice = event.detail;
    history.push({ kind: "choose", engagementId: choice.engagementId, ids: choice.candidates.map((c) => c.id) });
    const list = byId("choice-list");
    list.replaceChildren(...choice.candidates.map((candidate) => {
      const item = document.createElement("li");
      item.textContent = (candidate.name || candidate.id) + " · " + (candidate.entity || "") + " · " + candidate.id;
      return item;
    }));
    byId("choice").hidden = false;
    addActivity(choice.candidates.length + " records match " + choice.engagementId + "; the agent chooses in the softphone");
  });

  document.addEventListener("screenpop:new-record", (event) => {
    const offer = event.detail;
    history.push({ kind: "new-record", engagementId: offer.engagementId });
    byId("new-record-text").textContent = "Caller " + (offer.phone || offer.email || "unknown") + " on " + offer.channel;
    byId("new-record").hidden = false;
    addActivity("No record for " + (offer.phone || offer.email));
  });

  document.addEventListener("screenpop:log", (event) => {
    const log = event.detail;
    history.push({ kind: "log", engagementId: log.engagementId, id: log.record && log.record.id });
    const who = log.record ? log.record.name || log.record.id : "no record";
    addActivity("Logged " + (log.channel || "engagement") + " " + log.engagementId + " against " + who +
      (log.durationSeconds != null ? ", " + log.durationSeconds + " s" : "") +
      (log.notesPlainText && log.notesPlainText.length ? ": " + log.notesPlainText.join(" ") : ""));
  });

  document.addEventListener("screenpop:note", (event) => addActivity("Note: " + event.detail.plainText));
  document.addEventListener("screenpop:command", (event) => addActivity("Sent to the softphone: " + event.detail.type));
  document.addEventListener("screenpop:error", (event) => addActivity("Refused by the sidecar: " + event.detail.code));

  byId("dial").addEventListener("click", async () => {
    const response = await fetch("/api/dial", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        id: byId("record-id").textContent,
        name: byId("record-name").textContent,
        phone: byId("record-phone").textContent,
        userEntity: byId("record-entity").textContent,
      }),
    });
    addActivity(response.ok ? "Dial request sent" : "Dial failed: HTTP " + response.status);
  });
})();
