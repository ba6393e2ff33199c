// The facilitator's remote: its address (with the secret) is shown only on the laptop.
"use strict";
(function () {
  const base = location.pathname.replace(/\/$/, "");
  const $ = (id) => document.getElementById(id);
  // Every word comes from the server, in the program's language (maze/room/words.py).
  const WORDS = JSON.parse($("words").textContent);
  const t = (key, values) => Object.keys(values).reduce((s, k) => s.split("{" + k + "}").join(values[k]), WORDS[key]);
  async function act(action, extra) {
    if (action === "end" && !confirm(WORDS.confirm_end)) return;
    const r = await fetch(base + "/act", { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify(Object.assign({ action: action }, extra || {})) });
    const m = await r.json().catch(() => ({ text: WORDS.no_answer }));
    $("say").textContent = m.text || "";
    refresh();
  }
  async function refresh() {
    const r = await fetch(base + "/state").catch(() => null);
    if (!r || !r.ok) return;
    const m = await r.json();
    const v = m.view;
    const phase = v ? (WORDS["phase_" + v.phase] || v.phase) : "";
    $("status").textContent = v ? t(v.paused ? "status_paused" : "status", { phase: phase, name: v.at_board || "" }) : "";
    const box = $("claimed");
    box.textContent = "";
    for (const name of m.claimed) {
      const b = document.createElement("button");
      b.textContent = t(m.online.indexOf(name) >= 0 ? "free_online" : "free", { name: name });
      b.addEventListener("click", () => act("free", { name: name }));
      box.appendChild(b);
    }
  }
  for (const b of document.querySelectorAll("#actions button")) b.addEventListener("click", () => act(b.dataset.act));
  refresh();
  setInterval(refresh, 3000);
})();
