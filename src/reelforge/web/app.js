/* reelforge web page: plain JavaScript against the /v1 API, no build step.
 *
 * Auth: an anonymous token from POST /v1/auth/anonymous-token with a client id kept in
 * localStorage (the token and the current session id are kept there too).
 * Chat: POST /v1/sessions/{sid}/chat answers with Server-Sent Events; since it is a POST the
 * stream is read with fetch + ReadableStream (EventSource only does GET without headers).
 * Export progress: GET /v1/exports/{id}/events, read the same way (it needs the token header).
 */
(() => {
  "use strict";

  const $ = (sel) => document.querySelector(sel);
  const store = {
    get: (k) => { try { return localStorage.getItem("reelforge." + k); } catch { return null; } },
    set: (k, v) => { try { v == null ? localStorage.removeItem("reelforge." + k) : localStorage.setItem("reelforge." + k, v); } catch { /* private mode */ } },
  };

  const FRAME = { // aspect -> resolution -> [w, h]; same numbers as reelforge.timeline.presets
    "16:9": { "1080p": [1920, 1080], "720p": [1280, 720] },
    "9:16": { "1080p": [1080, 1920], "720p": [720, 1280] },
    "1:1": { "1080p": [1080, 1080], "720p": [720, 720] },
    "4:5": { "1080p": [1080, 1350], "720p": [720, 900] },
  };

  const SUPPORTED = "mp4, mov, avi, webm, mkv · jpg, png, gif, webp · mp3, wav, m4a, aac";
  const CHAT_KEEP = 200;   // messages of a project's conversation kept in this browser

  /** Percent of a linear gain, rounded like the server's summary (Python's round: half to
   *  even), so the chat and the tracks never show 24 % and 25 % for the same volume. */
  function pct(v) {
    const x = v * 100, f = Math.floor(x);
    const r = x - f === 0.5 ? (f % 2 === 0 ? f : f + 1) : Math.round(x);
    return r;
  }

  const state = {
    token: store.get("token"),
    sessionId: store.get("session"),
    busy: false,
    timeline: null,
    draft: null,
    thumbs: {},          // asset id -> data URL (small), also cached in localStorage
    exporting: false,
    mayRedo: false,
  };

  // -- messages ------------------------------------------------------------------------

  class ApiError extends Error {
    constructor(code, message, status) { super(message); this.code = code; this.status = status; }
  }

  function explain(err) {
    if (!(err instanceof ApiError)) return err && err.message ? err.message : String(err);
    switch (err.code) {
      case 2001: return "You are out of credits, so this export cannot start (nothing was charged). Quick previews stay free. (" + err.message + ")";
      case 402: return "Exporting is not allowed on this plan. (" + err.message + ")";
      case 429: return "Too many requests: please wait a moment and try again. (" + err.message + ")";
      case 1001: return "Your access token expired; getting a new one. (" + err.message + ")";
      case 1002: return "That project was not found; starting a new one. (" + err.message + ")";
      default: return err.message;
    }
  }

  function notify(text, kind = "error") {
    const box = $("#notice");
    $("#notice-text").textContent = text;
    box.classList.toggle("info", kind === "info");
    box.hidden = false;
  }
  function clearNotice() { $("#notice").hidden = true; }

  // -- HTTP ----------------------------------------------------------------------------

  function clientId() {
    let id = store.get("clientId");
    if (!id) {
      id = (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2));
      store.set("clientId", id);
    }
    return id;
  }

  async function errorFrom(resp) {
    let body = null;
    try { body = await resp.json(); } catch { /* not JSON */ }
    if (body && typeof body === "object" && "message" in body) return new ApiError(Number(body.code ?? resp.status), String(body.message), resp.status);
    return new ApiError(resp.status, (body && body.detail) || resp.statusText || "request failed", resp.status);
  }

  async function getToken(renew = false) {
    if (state.token && !renew) return state.token;
    const resp = await fetch("/v1/auth/anonymous-token", { method: "POST", headers: { "X-Client-Id": clientId() } });
    if (!resp.ok) {
      const err = await errorFrom(resp);
      if (err.status === 429 || err.code === 429) {
        throw new ApiError(429, "This browser already received its free starter token this week and it is no longer stored here. (" + err.message + ")", 429);
      }
      throw err;
    }
    const data = await resp.json();
    state.token = data.token || data.access_token;
    store.set("token", state.token);
    return state.token;
  }

  /** fetch with the bearer token; renews it once on 401 (code 1001). Returns the Response. */
  async function authed(path, init = {}, retry = true) {
    const headers = Object.assign({}, init.headers || {}, { Authorization: "Bearer " + await getToken() });
    const resp = await fetch(path, Object.assign({}, init, { headers }));
    if (resp.status === 401 && retry) {
      state.token = null; store.set("token", null);
      await getToken(true);
      return authed(path, init, false);
    }
    return resp;
  }

  async function api(path, { method = "GET", body } = {}) {
    const init = { method, headers: {} };
    if (body !== undefined) { init.headers["Content-Type"] = "application/json"; init.body = JSON.stringify(body); }
    const resp = await authed(path, init);
    if (!resp.ok) throw await errorFrom(resp);
    return resp.status === 204 ? {} : resp.json();
  }

  /** Read a text/event-stream Response, calling onEvent(event, data, raw) per event and
   *  onComment(text) per comment line (heartbeats). */
  async function readSSE(resp, onEvent, onComment) {
    const reader = resp.body.getReader();
    const decoder = new TextDecoder();
    let buf = "", event = "message", data = [];
    const dispatch = () => {
      if (data.length) {
        const raw = data.join("\n");
        let parsed = raw;
        try { parsed = JSON.parse(raw); } catch { /* plain text */ }
        onEvent(event, parsed, raw);
      }
      event = "message"; data = [];
    };
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buf += decoder.decode(value, { stream: true });
      let nl;
      while ((nl = buf.search(/\r\n|\r|\n/)) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + (buf.slice(nl, nl + 2) === "\r\n" ? 2 : 1));
        if (line === "") { dispatch(); continue; }
        if (line.startsWith(":")) { onComment && onComment(line.slice(1).trim()); continue; }
        const i = line.indexOf(":");
        const field = i < 0 ? line : line.slice(0, i);
        let val = i < 0 ? "" : line.slice(i + 1);
        if (val.startsWith(" ")) val = val.slice(1);
        if (field === "event") event = val;
        else if (field === "data") data.push(val);
      }
    }
    dispatch();
  }

  // -- session -------------------------------------------------------------------------

  async function ensureSession() {
    if (state.sessionId) return state.sessionId;
    const data = await api("/v1/sessions", { method: "POST", body: { name: "web project", language: "en" } });
    state.sessionId = data.id || data.session_id;
    store.set("session", state.sessionId);
    return state.sessionId;
  }

  async function newSession() {
    state.sessionId = null; store.set("session", null);
    $("#chat-log").querySelectorAll(".msg:not(.system)").forEach((n) => n.remove());
    showStarters(true);
    $("#uploads").textContent = "";
    $("#preview-video").removeAttribute("src");
    $("#download").hidden = true;
    hideCaptions();
    $("#export-progress").hidden = true;
    $("#export-status").textContent = "";
    $("#preview-status").textContent = "";
    $("#preview-file").hidden = true;
    await ensureSession();
    await refreshState();
  }

  async function refreshState() {
    if (!state.sessionId) return;
    let data;
    try {
      data = await api(`/v1/sessions/${state.sessionId}/state`);
    } catch (err) {
      if (err instanceof ApiError && (err.code === 1002 || err.status === 404)) {
        state.sessionId = null; store.set("session", null);
        await ensureSession();
        return refreshState();
      }
      throw err;
    }
    applyState(data);
  }

  function applyState(data) {
    state.timeline = data.timeline || null;
    if ("draft" in data) state.draft = data.draft || null;
    $("#summary").textContent = data.summary || "No timeline yet.";
    // can_undo/can_redo when the API knows them; otherwise any change so far may be undone and
    // an undo may be redone (the API answers "Nothing to undo." harmlessly)
    $("#undo").disabled = !(data.can_undo || Number(data.version) > 0);
    $("#redo").disabled = !(data.can_redo || state.mayRedo);
    const hasTimeline = Boolean(state.timeline || state.draft);
    $("#preview-btn").disabled = !hasTimeline;
    $("#export-btn").disabled = !hasTimeline || state.exporting;
    $("#look").disabled = !hasTimeline;
    if (state.timeline && state.timeline.style) $("#look").value = state.timeline.style;
    if (data.media) renderMedia(data.media);
    renderTimeline(state.timeline);
    fitPreview();
  }

  /** The preview keeps the shape of what will be exported: the format picked in the export
   *  form once the user touched it, else the timeline's own frame. */
  function fitPreview() {
    const tl = state.timeline;
    if (tl && tl.width && tl.height && !$("#aspect").dataset.touched) {
      // the export form starts on the timeline's own shape ("make it vertical" -> 9:16)
      const match = Object.keys(FRAME).find((a) => FRAME[a]["1080p"][0] * tl.height === FRAME[a]["1080p"][1] * tl.width);
      if (match) $("#aspect").value = match;
    }
    let w = tl && tl.width, h = tl && tl.height;
    const picked = $("#aspect").dataset.touched ? $("#aspect").value : null;
    if (picked) [w, h] = FRAME[picked]["1080p"];
    if (!w || !h) [w, h] = [16, 9];
    const video = $("#preview-video");
    video.style.setProperty("--frame", `${w} / ${h}`);
    video.style.setProperty("--frame-ratio", String(w / h));
    video.dataset.frame = `${w}x${h}`;
  }

  async function refreshCredits() {
    try {
      const c = await api("/v1/credits");
      const el = $("#credits");
      el.textContent = `Credits: ${c.available}` + (c.frozen ? ` (+${c.frozen} reserved)` : "");
      el.title = `available ${c.available}, reserved ${c.frozen}, total ${c.total}`;
      el.dataset.available = c.available;
    } catch (err) {
      $("#credits").textContent = "Credits: ?";
      if (err instanceof ApiError && err.code === 429) notify(explain(err));
    }
  }

  // -- media ---------------------------------------------------------------------------

  const fmtSec = (ms) => {
    const s = ms / 1000;
    return (Math.round(s * 10) / 10).toString().replace(/\.0$/, "") + "s";
  };
  const fmtSize = (n) => n > 1048576 ? (n / 1048576).toFixed(1) + " MB" : Math.max(1, Math.round(n / 1024)) + " KB";

  function thumbFor(id) {
    if (state.thumbs[id]) return state.thumbs[id];
    const saved = store.get("thumb." + id);
    if (saved) state.thumbs[id] = saved;
    return saved;
  }

  function renderMedia(media) {
    const list = $("#media");
    list.textContent = "";
    if (!media.length) {
      const li = document.createElement("li"); li.className = "empty"; li.textContent = "Nothing yet.";
      list.append(li); return;
    }
    for (const m of media) {
      const li = document.createElement("li");
      li.className = "thumb " + m.kind;
      li.dataset.assetId = m.id;
      const pic = document.createElement("div");
      pic.className = "pic";
      const src = thumbFor(m.id);
      if (src) {
        const img = document.createElement("img");
        img.src = src; img.alt = ""; pic.append(img);
      } else {
        pic.textContent = m.kind === "audio" ? "♪" : m.kind === "video" ? "▶" : "▣";
      }
      const label = document.createElement("span");
      label.className = "label";
      const detail = m.kind === "image" ? `${m.width}×${m.height}` : fmtSec(m.duration_ms || 0);
      label.textContent = m.name;
      const det = document.createElement("span"); det.className = "detail"; det.textContent = detail;
      label.append(det);
      li.title = `${m.name} (${m.kind}, ${detail})`;
      li.setAttribute("aria-label", li.title);
      li.append(pic, label);
      list.append(li);
    }
  }

  /** A small data-URL thumbnail of an image or video file (null for audio / failures). */
  function makeThumb(file) {
    return new Promise((resolve) => {
      const url = URL.createObjectURL(file);
      const done = (v) => { URL.revokeObjectURL(url); resolve(v); };
      const draw = (el, w, h) => {
        try {
          const scale = 160 / Math.max(w, h, 1);
          const c = document.createElement("canvas");
          c.width = Math.max(1, Math.round(w * scale)); c.height = Math.max(1, Math.round(h * scale));
          c.getContext("2d").drawImage(el, 0, 0, c.width, c.height);
          done(c.toDataURL("image/jpeg", 0.7));
        } catch { done(null); }
      };
      if (file.type.startsWith("image/") || /\.(jpe?g|png|gif|webp)$/i.test(file.name)) {
        const img = new Image();
        img.onload = () => draw(img, img.naturalWidth, img.naturalHeight);
        img.onerror = () => done(null);
        img.src = url;
      } else if (file.type.startsWith("video/") || /\.(mp4|mov|webm|mkv|avi)$/i.test(file.name)) {
        const v = document.createElement("video");
        v.muted = true; v.preload = "auto";
        v.onloadeddata = () => { v.currentTime = Math.min(0.1, (v.duration || 1) / 2); };
        v.onseeked = () => draw(v, v.videoWidth, v.videoHeight);
        v.onerror = () => done(null);
        setTimeout(() => done(null), 4000);
        v.src = url;
      } else {
        done(null);
      }
    });
  }

  function uploadRow(file) {
    const li = document.createElement("li");
    li.className = "upload";
    li.dataset.name = file.name;
    const name = document.createElement("span"); name.className = "name"; name.textContent = file.name;
    const st = document.createElement("span"); st.className = "state"; st.textContent = "waiting";
    const bar = document.createElement("progress"); bar.max = 100; bar.value = 0;
    bar.setAttribute("aria-label", "Upload progress of " + file.name);
    li.append(name, st, bar);
    $("#uploads").append(li);
    return { li, st, bar };
  }

  function uploadOne(file, row) {
    return new Promise((resolve) => {
      const send = (token, retried) => {
        const xhr = new XMLHttpRequest();
        xhr.open("POST", `/v1/sessions/${state.sessionId}/assets`);
        xhr.setRequestHeader("Authorization", "Bearer " + token);
        xhr.responseType = "json";
        xhr.upload.onprogress = (e) => {
          if (e.lengthComputable) {
            const pct = Math.round((e.loaded / e.total) * 100);
            row.bar.value = pct;
            row.st.textContent = pct < 100 ? `${pct}%` : "checking…";
          }
        };
        xhr.onload = async () => {
          const body = xhr.response;
          if (xhr.status === 401 && !retried) {
            state.token = null; store.set("token", null);
            try { send(await getToken(true), true); } catch (err) { fail(explain(err)); }
            return;
          }
          if (xhr.status >= 200 && xhr.status < 300) {
            row.li.classList.add("done");
            row.bar.value = 100;
            row.st.textContent = "added";
            resolve(body);
          } else {
            const msg = body && body.message ? body.message : `upload failed (HTTP ${xhr.status})`;
            const code = body && body.code != null ? body.code : xhr.status;
            fail(uploadProblem(code, msg, xhr.status));
          }
        };
        xhr.onerror = () => fail("network error while uploading");
        const form = new FormData();
        form.append("file", file, file.name);
        row.st.textContent = "0%";
        xhr.send(form);
      };
      const fail = (message) => {
        row.li.classList.add("failed");
        row.st.textContent = "✕ failed";
        row.bar.removeAttribute("value");
        const reason = document.createElement("span");
        reason.className = "reason";
        reason.textContent = message;
        row.li.append(reason);
        resolve(null);
      };
      getToken().then((t) => send(t, false), (err) => fail(explain(err)));
    });
  }

  /** One plain sentence for a refused upload: the row already names the file, and the
   *  decoder's own words ("Invalid data found when processing input") help nobody. */
  function uploadProblem(code, message, status) {
    if (code === 4001 || status === 415) return `This file can't be used: it isn't a picture, video or sound file we can read. Supported: ${SUPPORTED}.`;
    if (code === 4002 || status === 413) return tooLarge(message);
    if (code === 2001 || code === 402 || code === 429) return explain(new ApiError(code, message, status));
    return message;
  }

  /** A size refused in the server's own words, less the file name the row shows: the limit is the
   *  server's setting, and 4002 also says the account's storage is full (it said "larger than
   *  500 MB" to a 2 MB photo). */
  function tooLarge(message) {
    const said = String(message || "").replace(/^[^:]*\.[A-Za-z0-9]{1,5}:\s*/, "").replace(/^file is/, "this file is");
    if (!said) return "This file is too large.";
    return said.charAt(0).toUpperCase() + said.slice(1) + (/[.!]$/.test(said) ? "" : ".");
  }

  async function uploadFiles(files) {
    files = Array.from(files);
    if (!files.length) return;
    clearNotice();
    try { await ensureSession(); } catch (err) { notify(explain(err)); return; }
    const rows = files.map((f) => [f, uploadRow(f)]);
    const queue = rows.slice();
    const worker = async () => {
      for (;;) {
        const item = queue.shift();
        if (!item) return;
        const [file, row] = item;
        const [result, thumb] = await Promise.all([uploadOne(file, row), makeThumb(file)]);
        if (result) {
          for (const a of result.assets || []) {
            if (thumb) { state.thumbs[a.id] = thumb; store.set("thumb." + a.id, thumb); }
          }
          if (result.media) renderMedia(result.media);
        }
      }
    };
    await worker();   // one at a time: the library keeps the order the files were picked in
    try { await refreshState(); } catch (err) { notify(explain(err)); }
  }

  // -- timeline ------------------------------------------------------------------------

  function assetName(tl, id) {
    const a = (tl.assets || []).find((x) => x.id === id);
    return a ? a.name : id;
  }

  function renderTimeline(tl) {
    const box = $("#timeline");
    box.textContent = "";
    if (!tl || !tl.tracks || !tl.tracks.length) {
      const p = document.createElement("p"); p.className = "empty";
      p.textContent = "The tracks appear here after your first instruction.";
      box.append(p); return;
    }
    const total = tl.duration || 1;
    const ruler = document.createElement("div");
    ruler.className = "ruler"; ruler.setAttribute("aria-hidden", "true");
    const step = total <= 12000 ? 2000 : total <= 35000 ? 5000 : total <= 120000 ? 15000 : 60000;
    for (let t = 0; t <= total; t += step) {
      const s = document.createElement("span");
      s.style.left = (t / total * 100) + "%";
      s.textContent = fmtSec(t);
      ruler.append(s);
    }
    box.append(ruler);
    const titles = { video: "Video", audio: "Audio", text: "Text" };
    tl.tracks.forEach((track, i) => {
      const row = document.createElement("div");
      row.className = "track " + track.kind;
      row.dataset.kind = track.kind;
      row.dataset.role = track.role;
      row.setAttribute("role", "group");
      const label = document.createElement("div");
      label.className = "track-label";
      label.innerHTML = "";
      label.append(document.createTextNode(`${i + 1}. ${titles[track.kind] || track.kind}`));
      const small = document.createElement("small"); small.textContent = track.role;
      label.append(small);
      row.setAttribute("aria-label", `Track ${i + 1}: ${track.kind} (${track.role})`);
      const lane = document.createElement("div");
      lane.className = "lane";
      for (const seg of track.segments || []) {
        const el = document.createElement("div");
        el.className = "seg";
        el.tabIndex = 0;
        const name = seg.kind === "text" ? `“${seg.text}”` : (seg.name || assetName(tl, seg.src));
        const range = `${fmtSec(seg.start)}–${fmtSec(seg.start + seg.duration)}`;
        let extra = "";
        if (seg.kind === "audio" || (seg.kind === "video" && seg.volume !== undefined && seg.volume !== 1)) {
          extra = ` · vol ${pct(seg.volume ?? 1)}%`;
        }
        el.style.left = (seg.start / total * 100) + "%";
        el.style.width = (seg.duration / total * 100) + "%";
        const n = document.createElement("span"); n.className = "n"; n.textContent = name;
        const t = document.createElement("span"); t.className = "t"; t.textContent = range + extra;
        el.append(n, t);
        el.title = `${name} · ${range}${extra}`;
        el.setAttribute("aria-label", el.title);
        lane.append(el);
      }
      row.append(label, lane);
      box.append(row);
    });
  }

  // -- chat ----------------------------------------------------------------------------

  function addMessage(kind, text) {
    const p = document.createElement("p");
    p.className = "msg " + kind;
    p.textContent = text;
    $("#chat-log").append(p);
    $("#chat-log").scrollTop = $("#chat-log").scrollHeight;
    if (kind === "user") showStarters(false);
    return p;
  }

  /** The starter chips are for the first message only: once the conversation has begun they
   *  go (on a phone they would push the chat box far down). */
  function showStarters(on) { $(".examples").hidden = !on; }

  // The conversation is kept in this browser per project (like the token and the session), so
  // a reload shows it again.
  function chatKey() { return "chat." + state.sessionId; }
  function loadChat() {
    try { return JSON.parse(store.get(chatKey()) || "[]"); } catch { return []; }
  }
  function saveMessage(entry) {
    if (!state.sessionId) return;
    const all = loadChat();
    all.push(entry);
    store.set(chatKey(), JSON.stringify(all.slice(-CHAT_KEEP)));
  }
  function showSaved(entry) {
    const p = addMessage(entry.kind, "");
    const body = document.createElement("span"); body.textContent = entry.text || "";
    p.append(body);
    for (const c of entry.classes || []) p.classList.add(c);
    if (entry.summary) {
      const s = document.createElement("span"); s.className = "summary-line"; s.textContent = entry.summary;
      p.append(s);
    }
    return p;
  }
  function restoreChat() {
    const entries = loadChat();
    for (const e of entries) showSaved(e);
    showStarters(!entries.some((e) => e.kind === "user"));
  }

  function setWorking(on, text = "Working…") {
    $("#working").hidden = !on;
    $("#working-text").textContent = text;
  }

  function setBusy(on) {
    state.busy = on;
    $("#send").disabled = on;
    document.querySelectorAll(".example").forEach((b) => { b.disabled = on; });
  }

  async function sendInstruction(text) {
    text = text.trim();
    if (!text || state.busy) return;
    clearNotice();
    setBusy(true);
    addMessage("user", text);
    const bubble = addMessage("assistant", "");
    bubble.dataset.streaming = "1";
    const body = document.createElement("span");
    bubble.append(body);
    let beats = 0;
    setWorking(true, "Working…");
    try {
      await ensureSession();
      const resp = await authed(`/v1/sessions/${state.sessionId}/chat`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
        body: JSON.stringify({ text }),
      });
      if (!resp.ok) throw await errorFrom(resp);
      let finished = false;
      await readSSE(resp, (event, data) => {
        if (event === "message") {
          body.textContent += (data && data.text) || (typeof data === "string" ? data : "");
          $("#chat-log").scrollTop = $("#chat-log").scrollHeight;
        } else if (event === "tool") {
          // (the "ops" event names internal operations such as set_volume: the reply that
          // follows says the same in plain words, so it is not shown)
          if (data && data.type === "export" && data.export) {
            followExport(data.export);
          }
        } else if (event === "error") {
          finished = true;
          bubble.classList.add("error");
          body.textContent = explain(new ApiError(data.code, data.message));
        } else if (event === "done") {
          finished = true;
          if (!body.textContent) body.textContent = data.message || "";
          if (data.changed === false && data.intent === "edit") bubble.classList.add("unchanged");
          if (data.changed && data.intent === "edit") state.mayRedo = false;
          if (data.summary) {
            const s = document.createElement("span"); s.className = "summary-line"; s.textContent = data.summary;
            bubble.append(s);
          }
          if (data.credits) refreshCredits();
        }
      }, () => {
        beats += 1;
        if (beats > 1) setWorking(true, `Still working… (${beats - 1} heartbeat${beats > 2 ? "s" : ""})`);
      });
      if (!finished) {
        bubble.classList.add("error");
        body.textContent = body.textContent || "The connection closed before the reply finished; the edit may still have been saved.";
      }
    } catch (err) {
      bubble.classList.add("error");
      body.textContent = explain(err);
      if (err instanceof ApiError && err.code === 1002) { state.sessionId = null; store.set("session", null); }
    } finally {
      const summary = bubble.querySelector(".summary-line");
      saveMessage({ kind: "user", text });
      saveMessage({ kind: "assistant", text: body.textContent, summary: summary ? summary.textContent : "",
                    classes: ["error", "unchanged"].filter((c) => bubble.classList.contains(c)) });
      // the reply counts as finished only once the timeline shows what it says
      try { await refreshState(); } catch (err) { notify(explain(err)); }
      delete bubble.dataset.streaming;
      setWorking(false);
      setBusy(false);
    }
  }

  async function history(op) {
    if (!state.sessionId) return;
    clearNotice();
    try {
      const data = await api(`/v1/sessions/${state.sessionId}/${op}`, { method: "POST" });
      if (op === "undo") state.mayRedo = data.changed !== false;
      if (op === "redo" && data.changed === false) state.mayRedo = false;
      applyState(data);
      const said = data.message || (op === "undo" ? "Undone." : "Redone.");
      addMessage("assistant", said);
      saveMessage({ kind: "assistant", text: said });
      await refreshState();
    } catch (err) { notify(explain(err)); }
  }

  // -- preview and export ----------------------------------------------------------------

  /** Follow a render's progress stream until it completes or fails; returns the final view. */
  async function follow(render, onProgress) {
    let last = render;
    const resp = await authed(`/v1/exports/${render.id}/events`, { headers: { Accept: "text/event-stream" } });
    if (!resp.ok) throw await errorFrom(resp);
    await readSSE(resp, (event, data) => {
      if (data && typeof data === "object") { last = data; onProgress(data); }
    });
    if (last.status !== "completed" && last.status !== "failed") {
      last = await api(`/v1/exports/${render.id}`);   // stream closed early: ask once
    }
    return last;
  }

  /** Quick preview: it starts playing (muted) from its live stream as soon as its first
   *  seconds are rendered, while the rest renders; once finished, the finished file takes the
   *  stream's place at the same moment (seekable, with its length) and is offered as a link. */
  async function preview() {
    clearNotice();
    const btn = $("#preview-btn"), status = $("#preview-status"), link = $("#preview-file");
    const video = $("#preview-video");
    btn.disabled = true;
    link.hidden = true;
    status.textContent = "Rendering a quick preview…";
    try {
      const job = await api(`/v1/sessions/${state.sessionId}/preview`, { method: "POST", body: {} });
      video.dataset.renderId = job.id;
      if (job.live_url) {
        video.muted = true;   // browsers let a muted video start by itself
        video.autoplay = true;
        video.src = job.live_url;
        video.dataset.live = "1";
        video.play().catch(() => { /* it starts when its first seconds arrive (autoplay) */ });
      }
      const done = await follow(job, (v) => {
        const pct = Math.round(v.progress || 0);
        status.textContent = v.live_url && v.rendered_ms
          ? `Playing · ${fmtSec(v.rendered_ms)} of ${fmtSec(v.duration_ms || 0)} rendered`
          : `Rendering preview… ${pct}%`;
      });
      if (video.dataset.renderId !== job.id) return;   // a newer preview took its place
      if (done.status !== "completed") {
        delete video.dataset.live;
        video.removeAttribute("src");
        video.load();
        status.textContent = "The preview failed: " + (errorText(done.error) || "unknown error");
        throw new ApiError((done.error && done.error.code) || 5001, errorText(done.error) || "the preview failed");
      }
      await showFinishedPreview(video, done);
      link.href = done.download_url;
      link.hidden = false;
      status.textContent = `Preview ready (${fmtSec(done.duration_ms || 0)}, low resolution).`;
    } catch (err) {
      if (!status.textContent.startsWith("The preview failed")) status.textContent = "";
      notify(explain(err));
    } finally {
      btn.disabled = false;
      refreshCredits();
    }
  }

  /** Swap the live stream for the finished file, at the same moment and play state. */
  async function showFinishedPreview(video, done) {
    const at = video.dataset.live && !video.ended ? video.currentTime : 0;
    const playing = video.dataset.live && !video.paused && !video.ended;
    delete video.dataset.live;
    video.autoplay = false;
    video.src = done.download_url;
    if (!at && !playing) return;
    await new Promise((resolve) => {
      video.addEventListener("loadedmetadata", resolve, { once: true });
      video.addEventListener("error", resolve, { once: true });
    });
    if (at) video.currentTime = Math.min(at, video.duration || at);
    if (playing) video.play().catch(() => {});
  }

  function errorText(error) {
    if (!error) return "";
    if (typeof error === "string") return error;
    return error.message || JSON.stringify(error);
  }

  /** The export request body for the chosen format: a preset name when one says it, else the
   *  current draft with the frame size changed (the API renders a given draft as is). */
  function exportBody(aspect, resolution, quality) {
    if (resolution === "1080p") return { preset: aspect, quality };
    const [w, h] = FRAME[aspect][resolution];
    const tl = state.timeline;
    if (tl && tl.width * h === tl.height * w) return { preset: resolution, quality };
    if (state.draft) {
      const draft = JSON.parse(JSON.stringify(state.draft));
      draft.m = Object.assign({}, draft.m, { w, h });
      return { draft, quality };
    }
    return { preset: aspect, quality };
  }

  async function startExport(ev) {
    ev.preventDefault();
    if (state.exporting) return;
    clearNotice();
    const body = exportBody($("#aspect").value, $("#resolution").value, $("#quality").value);
    $("#export-btn").disabled = true;
    try {
      const job = await api(`/v1/sessions/${state.sessionId}/exports`, { method: "POST", body });
      await followExport(job);
    } catch (err) {
      notify(explain(err));
      $("#export-status").textContent = "";
      $("#export-btn").disabled = false;
      refreshCredits();
    }
  }

  function showExported(done) {
    const bar = $("#export-progress"), status = $("#export-status"), link = $("#download");
    bar.hidden = false;
    bar.value = 100;
    status.textContent = `Done: ${done.width}×${done.height}, ${fmtSec(done.duration_ms || 0)}` +
      (done.quality === "draft" ? " (draft quality: rendered at a reduced size)." : ".");
    link.href = done.download_url;
    link.setAttribute("download", `reelforge-${done.id.slice(0, 8)}.mp4`);
    link.hidden = false;
    // the export's on-screen captions as subtitle files (only when it has captions)
    for (const fmt of ["srt", "vtt"]) {
      const a = $(`#captions-${fmt}`), url = done.captions && done.captions[fmt];
      a.hidden = !url;
      if (url) { a.href = url; a.setAttribute("download", `reelforge-${done.id.slice(0, 8)}.${fmt}`); }
    }
    showTranscript(done);
  }

  function hideCaptions() {
    state.transcriptFor = null;   // stops the polling of an earlier export's transcript
    for (const fmt of ["srt", "vtt"]) {
      $(`#captions-${fmt}`).hidden = true;
      $(`#transcript-${fmt}`).hidden = true;
    }
    $("#transcript-note").hidden = true;
  }

  /** The voiceover's transcript files: made by a worker after the render, so the links come a
   *  little after the MP4 (polled while pending); without a file the note says why, unless the
   *  export simply has no voiceover. */
  function showTranscript(done) {
    const t = done.transcript || { status: "none" }, note = $("#transcript-note");
    for (const fmt of ["srt", "vtt"]) {
      const a = $(`#transcript-${fmt}`), url = t.status === "ready" && t[fmt];
      a.hidden = !url;
      if (url) { a.href = url; a.setAttribute("download", `reelforge-${done.id.slice(0, 8)}.transcript.${fmt}`); }
    }
    const quiet = t.status === "ready" || (t.status === "none" && t.reason === "the export has no voiceover");
    note.hidden = quiet;
    note.textContent = quiet ? "" : (t.status === "pending" ? "Transcript of the voiceover: being made…"
                                                          : `No transcript file: ${t.reason || t.status}.`);
    if (t.status === "pending") {
      const id = done.id;
      state.transcriptFor = id;
      setTimeout(async () => {
        if (state.transcriptFor !== id) return;   // another export took its place
        try { showTranscript(await api(`/v1/exports/${id}`)); } catch { /* next export or reload retries */ }
      }, 1500);
    }
  }

  /** After a reload: the project's latest export comes back (its download link, or its
   *  progress while it is still rendering), and so does the latest quick preview. */
  async function restoreRenders() {
    if (!state.sessionId) return;
    let list;
    try { list = (await api(`/v1/sessions/${state.sessionId}/exports`)).exports || []; } catch { return; }
    const newest = (kind) => list.filter((r) => (r.kind === "preview") === (kind === "preview"))
      .sort((a, b) => Number(b.created) - Number(a.created))[0];
    const exp = newest("export"), prev = newest("preview");
    if (prev && prev.status === "completed" && prev.download_url) {
      $("#preview-video").src = prev.download_url;
      $("#preview-file").href = prev.download_url;
      $("#preview-file").hidden = false;
      $("#preview-status").textContent = `Preview ready (${fmtSec(prev.duration_ms || 0)}, low resolution).`;
    }
    if (!exp) return;
    if (exp.status === "completed" && exp.download_url) showExported(exp);
    else if (exp.status === "queued" || exp.status === "running") followExport(exp);
    else if (exp.status === "failed") $("#export-status").textContent = "The last export failed: " + (errorText(exp.error) || "unknown error");
  }

  async function followExport(job) {
    state.exporting = true;
    const bar = $("#export-progress"), status = $("#export-status"), link = $("#download");
    $("#export-btn").disabled = true;
    link.hidden = true;
    hideCaptions();
    bar.hidden = false; bar.value = 0;
    status.textContent = "Queued…";
    refreshCredits();   // the cost is reserved now
    try {
      const done = await follow(job, (v) => {
        bar.value = v.progress || 0;
        status.textContent = v.status === "queued" ? "Queued…" : `${v.stage || v.status} · ${Math.round(v.progress || 0)}%`;
      });
      if (done.status !== "completed") {
        throw new ApiError((done.error && done.error.code) || 5001, "The export failed: " + (errorText(done.error) || "unknown error"));
      }
      showExported(done);
      link.focus();
    } catch (err) {
      notify(explain(err));
      status.textContent = "";
    } finally {
      state.exporting = false;
      $("#export-btn").disabled = !(state.timeline || state.draft);
      refreshCredits();
    }
  }

  // -- wiring --------------------------------------------------------------------------

  function wire() {
    const drop = $("#dropzone");
    ["dragenter", "dragover"].forEach((t) => drop.addEventListener(t, (e) => { e.preventDefault(); drop.classList.add("over"); }));
    ["dragleave", "drop"].forEach((t) => drop.addEventListener(t, (e) => { e.preventDefault(); drop.classList.remove("over"); }));
    drop.addEventListener("drop", (e) => uploadFiles(e.dataTransfer.files));
    // a drop anywhere else would navigate away from the page
    window.addEventListener("dragover", (e) => e.preventDefault());
    window.addEventListener("drop", (e) => { e.preventDefault(); if (!drop.contains(e.target)) uploadFiles(e.dataTransfer.files); });
    $("#file-input").addEventListener("change", (e) => { uploadFiles(e.target.files); e.target.value = ""; });

    $("#chat-form").addEventListener("submit", (e) => {
      e.preventDefault();
      const input = $("#chat-input");
      const text = input.value;
      if (!text.trim()) return;
      input.value = "";
      sendInstruction(text);
    });
    $("#chat-input").addEventListener("keydown", (e) => {
      if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        $("#chat-form").requestSubmit();
      }
    });
    document.querySelectorAll(".example").forEach((b) => b.addEventListener("click", () => sendInstruction(b.textContent)));
    // a look is an ordinary edit ("bold style"), so it shows in the chat and can be undone
    $("#look").addEventListener("change", (e) => sendInstruction(`${e.target.value} style`));
    $("#undo").addEventListener("click", () => history("undo"));
    $("#redo").addEventListener("click", () => history("redo"));
    $("#preview-btn").addEventListener("click", preview);
    $("#export-form").addEventListener("submit", startExport);
    $("#new-session").addEventListener("click", () => newSession().catch((err) => notify(explain(err))));
    $("#notice-close").addEventListener("click", clearNotice);
    $("#aspect").addEventListener("change", () => { $("#aspect").dataset.touched = "1"; fitPreview(); });
  }

  async function start() {
    wire();
    try {
      await getToken();
      await ensureSession();
      restoreChat();
      await refreshState();
      await restoreRenders();
    } catch (err) {
      notify(explain(err));
    }
    await refreshCredits();   // ready means everything shown, the balance too (it never throws)
    document.body.dataset.ready = "1";
  }

  document.addEventListener("DOMContentLoaded", start);
})();
