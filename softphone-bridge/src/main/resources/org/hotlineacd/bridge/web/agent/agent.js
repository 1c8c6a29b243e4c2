// The agent desktop: one WebSocket to /ws/agent speaking protocol v1 (docs/agent-protocol.md).
// It keeps the session token (not the secret) in sessionStorage to resume after a dropped
// connection; the server keeps the call going meanwhile and sends the full state on resume.
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const TOKEN = "hotline-acd.agent.token";
  let ws = null, nextId = 1, me = null, view = null, offer = null, status = null;
  let clockOffset = 0, offerSeenAt = 0, retryMs = 1000, reconnect = true, lastPong = Date.now();
  const pending = new Map();

  function send(type, fields = {}) {
    if (!ws || ws.readyState !== WebSocket.OPEN) { say("not connected: waiting for the server", true); return; }
    const requestId = nextId++;
    pending.set(requestId, type);
    ws.send(JSON.stringify({ v: 1, type, requestId, ...fields }));
  }

  function say(text, error = false) {
    const m = $("message");
    m.textContent = text;
    m.className = error ? "error" : "";
  }

  function connect() {
    ws = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/ws/agent");
    ws.onopen = () => {
      retryMs = 1000;
      $("link").textContent = "online"; $("link").className = "link up";
      const token = sessionStorage.getItem(TOKEN);
      if (token) send("resume", { token });
    };
    ws.onmessage = (e) => onMessage(JSON.parse(e.data));
    ws.onclose = (e) => {
      $("link").textContent = "offline"; $("link").className = "link down";
      if (e.code === 4001) { reconnect = false; sessionStorage.removeItem(TOKEN); }
      if (reconnect) { setTimeout(connect, retryMs); retryMs = Math.min(retryMs * 2, 10000); }
    };
  }

  function onMessage(m) {
    const asked = m.requestId != null ? pending.get(m.requestId) : undefined;
    if (m.requestId != null) pending.delete(m.requestId);
    switch (m.type) {
      case "hello": break;
      case "pong": lastPong = Date.now(); break;
      case "loggedIn":
        me = m; sessionStorage.setItem(TOKEN, m.token);
        $("who").textContent = m.name + " (" + m.agent + ")";
        $("loginPanel").hidden = true; $("desk").hidden = false; $("logout").hidden = false;
        say(m.resumed ? "session resumed" : "logged in");
        break;
      case "snapshot":
        clockOffset = Date.now() - m.serverTime;
        fillChoices(m.choices);
        view = m.state; offer = m.offer; status = m.callStatus; offerSeenAt = Date.now();
        render();
        break;
      case "state":
        view = m;
        if (!m.call || (offer && offer.call !== m.call)) { offer = null; status = null; }
        if (m.state === "logged-out") loggedOut();
        render();
        break;
      case "offered": offer = m; offerSeenAt = Date.now(); render(); break;
      case "history": if (offer && offer.call === m.call) { offer.history = m.calls; render(); } break;
      case "callStatus": status = m; render(); break;
      case "ok": if (asked === "wrapUp") $("wrapForm").reset(); say(asked ? asked + ": done" : "done"); break;
      case "error":
        if (m.code === "invalid-token") { sessionStorage.removeItem(TOKEN); showLogin(); }
        say((asked ? asked + ": " : "") + m.message + " [" + m.code + "]", true);
        break;
      case "sessionEnded": say(m.message, true); sessionStorage.removeItem(TOKEN); showLogin(); break;
    }
  }

  function loggedOut() { sessionStorage.removeItem(TOKEN); me = null; showLogin(); }
  function showLogin() { $("loginPanel").hidden = false; $("desk").hidden = true; $("logout").hidden = true; $("who").textContent = ""; }

  function fillChoices(c) {
    const fill = (sel, items, blank) => {
      sel.replaceChildren(...(blank ? [new Option(blank, "")] : []), ...items.map((i) => new Option(i.label, i.id)));
    };
    fill($("notReadyReason"), c.notReadyReasons);
    fill($("disposition"), c.dispositions, "—");
    fill($("category"), c.categories, "—");
    fill($("consultTarget"), c.transferTargets);
    const to = $("transferTo");
    to.replaceChildren(
      ...c.queues.map((q) => new Option("queue: " + q.label, "queue:" + q.id)),
      ...c.transferTargets.map((t) => new Option("external: " + t.label, "external:" + t.id)),
      new Option("agent…", "agent:"));
  }

  function fmt(ms) {
    const s = Math.max(0, Math.floor(ms / 1000));
    const h = Math.floor(s / 3600), mm = String(Math.floor(s / 60) % 60).padStart(2, "0"), ss = String(s % 60).padStart(2, "0");
    return (h ? h + ":" : "") + mm + ":" + ss;
  }

  function serverNow() { return Date.now() - clockOffset; }

  function render() {
    if (!view) return;
    const st = view.state;
    $("stateBox").className = "state " + st;
    $("state").textContent = st.replace("-", " ");
    $("stateReason").textContent = view.reason || "";
    const onCall = st === "ringing" || st === "on-call" || st === "wrap-up";
    $("callPanel").hidden = !(onCall && offer) || st === "wrap-up";
    $("wrapPanel").hidden = st !== "wrap-up";
    $("ready").disabled = !(st === "not-ready" || st === "wrap-up");
    $("notReady").disabled = st === "logged-out" || st === "ringing";
    $("answer").disabled = st !== "ringing";
    for (const id of ["hangUp", "hold", "record", "transfer", "consult"]) $(id).disabled = st !== "on-call";
    $("logout").disabled = !(st === "ready" || st === "not-ready");
    if (offer) {
      $("callId").textContent = offer.call;
      $("callerNumber").textContent = offer.callerNumber || "unknown";
      $("line").textContent = offer.line; $("queue").textContent = offer.queue;
      $("callerData").replaceChildren(...Object.entries(offer.callerData || {}).map(([k, v]) => {
        const s = document.createElement("span"); s.textContent = k + ": " + v; return s; }));
      const h = offer.history;
      $("historyCount").textContent = h == null ? "loading…" : String(h.length);
      $("history").replaceChildren(...(h || []).map((c) => {
        const li = document.createElement("li");
        li.textContent = c.startedAt.replace("T", " ").slice(0, 16) + " · " + c.queue + " · " + (c.agent || "not answered")
          + (c.disposition ? " · " + c.disposition : "") + (c.summary ? " · " + c.summary : "");
        return li; }));
    }
    const held = status && status.held, consulting = status && status.consultTarget;
    $("hold").textContent = held ? "Unhold" : "Hold";
    $("record").textContent = status && status.recording ? "Stop recording" : "Record";
    $("callFlags").textContent = [held ? "on hold" : "", consulting ? "consulting " + consulting : "",
      status && status.recording ? "recording" : ""].filter(Boolean).join(" · ");
    $("completeTransfer").hidden = $("cancelConsult").hidden = !consulting;
    tick();
  }

  function tick() {
    if (!view) return;
    $("timer").textContent = fmt(serverNow() - view.since);
    if (offer) $("waited").textContent = fmt(offer.waitedMs + (view.state === "ringing" ? Date.now() - offerSeenAt : 0));
    $("talk").textContent = view.state === "on-call" ? fmt(serverNow() - view.since) : "–";
    $("wrapLeft").textContent = view.wrapUpDeadline ? "(ends by itself in " + fmt(view.wrapUpDeadline - serverNow()) + ")" : "";
  }

  function transfer() {
    const [kind, id] = $("transferTo").value.split(/:(.*)/s);
    const target = kind === "agent" ? $("transferAgent").value.trim() : id;
    if (!target) { say("name the agent to transfer to", true); return; }
    send("transfer", { to: { kind, id: target } });
  }

  function wrapUp(e) {
    if (e) e.preventDefault();
    const v = (id) => $(id).value || null;
    send("wrapUp", { disposition: v("disposition"), category: v("category"), summary: v("summary") });
  }

  const actions = {
    r: () => send("ready"),
    n: () => send("notReady", { reason: $("notReadyReason").value }),
    a: () => send("answer"),
    h: () => send("hangUp"),
    o: () => send(status && status.held ? "unhold" : "hold"),
    t: transfer,
    w: () => wrapUp(),
  };

  document.addEventListener("DOMContentLoaded", () => {
    $("loginForm").addEventListener("submit", (e) => {
      e.preventDefault();
      send("login", { agent: $("agent").value.trim(), secret: $("secret").value });
      $("secret").value = "";
    });
    $("ready").onclick = actions.r; $("notReady").onclick = actions.n; $("answer").onclick = actions.a;
    $("hangUp").onclick = actions.h; $("hold").onclick = actions.o; $("transfer").onclick = actions.t;
    $("record").onclick = () => send("record", { start: !(status && status.recording) });
    $("consult").onclick = () => send("consult", { target: $("consultTarget").value });
    $("completeTransfer").onclick = () => send("completeTransfer");
    $("cancelConsult").onclick = () => send("cancelConsult");
    $("wrapForm").addEventListener("submit", wrapUp);
    $("logout").onclick = () => send("logout");
    document.addEventListener("keydown", (e) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || !me) return;
      const act = actions[e.key.toLowerCase()];
      if (act) { e.preventDefault(); act(); }
    });
    setInterval(tick, 500);
    setInterval(() => {
      if (ws && ws.readyState === WebSocket.OPEN) {
        if (Date.now() - lastPong > 45000) { ws.close(); return; } // the server is gone: reconnect
        send("ping");
      }
    }, 15000);
    connect();
  });
})();
