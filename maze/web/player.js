// A player's page: pick your name, then a pad that sends one step per tap. It never receives
// the board's squares: the room watches the projector, as the team watches the carpet.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  // Every word comes from the server, in the program's language (maze/room/words.py).
  const WORDS = JSON.parse($("words").textContent);
  const t = (key, name) => WORDS[key].split("{name}").join(name);
  const params = new URLSearchParams(location.search);
  let code = (params.get("room") || localStorage.getItem("maze-room-code") || "").toUpperCase();
  let saved = {};
  try { saved = JSON.parse(localStorage.getItem("maze-player") || "{}") || {}; } catch (e) { saved = {}; }
  let me = null, ws = null, view = null, retry = 500, sayTimer = 0;

  function show(box) {
    for (const id of ["code-box", "names-box", "play-box"]) $(id).hidden = id !== box;
  }
  function say(text) {
    $("say").textContent = text;
    clearTimeout(sayTimer);
    sayTimer = setTimeout(() => { $("say").textContent = ""; }, 2500);
  }
  function send(message) {
    if (ws && ws.readyState === 1) ws.send(JSON.stringify(message));
  }
  function join(name) {
    const token = saved.code === code && saved.name === name ? saved.token : null;
    send({ type: "join", room: code, name: name, token: token });
  }
  function names(roster) {
    const box = $("names");
    box.textContent = "";
    for (const name of roster) {
      const b = document.createElement("button");
      b.textContent = name;            // text, never markup
      b.addEventListener("click", () => join(name));
      box.appendChild(b);
    }
    show("names-box");
  }
  function render() {
    if (!view || !me) return;
    $("who").textContent = t("you_are", me);
    const status = $("status");
    const mine = view.at_board === me;
    const turns = view.turns ? view.turns[me] : null;
    let text;
    if (view.phase === "ended") text = WORDS.over;
    else if (view.paused) text = WORDS.paused;
    else if (view.phase === "planning") text = mine ? WORDS.planning_first : t("planning_other", view.at_board);
    else if (mine && view.walking_back && !view.manual_retreat) text = WORDS.walking_back;
    else if (mine && view.walking_back) text = WORDS.walk_back;
    else if (mine) text = WORDS.your_turn;
    else if (turns === null || turns === undefined) text = t("across", view.at_board);
    else if (turns === 1) text = t("next", view.at_board);
    else text = (WORDS.turns[turns] || WORDS.turns[WORDS.turns.length - 1].replace(/\d+/, turns)).split("{name}").join(view.at_board);
    status.textContent = text;
    status.className = mine && view.can_move ? "turn" : "";
    const active = mine && view.can_move;
    for (const b of document.querySelectorAll("#pad button")) b.disabled = !active;
    $("pad").classList.toggle("no-diagonals", !view.diagonals);
    $("centre").textContent = active ? (view.at_start ? WORDS.step_on : WORDS.one_tap) : "";
    const cols = $("columns");
    cols.hidden = !(active && view.at_start);
    if (!cols.hidden) {
      cols.textContent = "";
      for (let c = 0; c < view.cols; c++) {
        const b = document.createElement("button");
        b.textContent = String.fromCharCode(65 + c);
        if (c === view.cursor) b.className = "lit";
        b.addEventListener("click", () => send({ type: "column", col: c }));
        cols.appendChild(b);
      }
    }
    show("play-box");
  }
  function beep() {
    if (navigator.vibrate) navigator.vibrate([200, 80, 200]);
    const pad = $("pad");
    pad.classList.add("beep");
    setTimeout(() => pad.classList.remove("beep"), 600);
  }
  function connect() {
    const scheme = location.protocol === "https:" ? "wss://" : "ws://";
    ws = new WebSocket(scheme + location.host + "/ws");
    ws.onopen = () => { retry = 500; };
    ws.onmessage = (e) => {
      let m;
      try { m = JSON.parse(e.data); } catch (err) { return; }
      if (m.type === "hello") {
        if (saved.code === code && saved.name && m.roster.indexOf(saved.name) >= 0) join(saved.name);
        else names(m.roster);
        window.mazeRoster = m.roster;
      } else if (m.type === "joined") {
        me = m.name;
        saved = { code: code, name: m.name, token: m.token };
        localStorage.setItem("maze-player", JSON.stringify(saved));
        render();
      } else if (m.type === "state") {
        view = m; render();
      } else if (m.type === "beep") {
        beep();
      } else if (m.type === "reply" || m.type === "error") {
        say(m.text);
        if (!me && m.type === "error" && window.mazeRoster) names(window.mazeRoster);
        if (m.text === WORDS.wrong_room) { localStorage.removeItem("maze-room-code"); show("code-box"); }
      } else if (m.type === "freed") {
        me = null; saved = {}; localStorage.removeItem("maze-player");
        say(m.text);
        if (window.mazeRoster) names(window.mazeRoster);
      }
    };
    ws.onclose = () => {
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 5000);
    };
  }
  for (const b of document.querySelectorAll("#pad button")) {
    b.addEventListener("click", () => send({ type: "move", dir: b.dataset.dir }));
  }
  $("code-form").addEventListener("submit", (e) => {
    e.preventDefault();
    code = $("code").value.trim().toUpperCase();
    localStorage.setItem("maze-room-code", code);
    if (!ws) connect(); else if (window.mazeRoster) names(window.mazeRoster);
  });
  if (code.length === 4) { localStorage.setItem("maze-room-code", code); connect(); }
  else show("code-box");
})();
