// The facilitator's remote: its address (with the secret) is shown only on the laptop.
"use strict";
(function () {
  const base = location.pathname.replace(/\/$/, "");
  const $ = (id) => document.getElementById(id);
  async function act(action, extra) {
    if (action === "end" && !confirm("End the session now?")) return;
    const r = await fetch(base + "/act", { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify(Object.assign({ action: action }, extra || {})) });
    const m = await r.json().catch(() => ({ text: "No answer" }));
    $("say").textContent = m.text || "";
    refresh();
  }
  async function refresh() {
    const r = await fetch(base + "/state").catch(() => null);
    if (!r || !r.ok) return;
    const m = await r.json();
    const v = m.view;
    $("status").textContent = v ? (v.phase + (v.paused ? " (paused)" : "") + ": " + (v.at_board || "") + " at the board") : "";
    const box = $("claimed");
    box.textContent = "";
    for (const name of m.claimed) {
      const b = document.createElement("button");
      b.textContent = "Free " + name + (m.online.indexOf(name) >= 0 ? " (online)" : "");
      b.addEventListener("click", () => act("free", { name: name }));
      box.appendChild(b);
    }
  }
  for (const b of document.querySelectorAll("#actions button")) b.addEventListener("click", () => act(b.dataset.act));
  refresh();
  setInterval(refresh, 3000);
})();
