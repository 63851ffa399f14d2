// The trainer's group dashboard: who is on which exercise and how it goes, the rules that fire
// most, and the room's controls (countdown, packs assigned, answers projected on the wall).
"use strict";
const $ = (id) => document.getElementById(id);
let board = null, ticked = [];

const setCountdown = ticker($("countdown"), (left) => {
  const cd = board && board.countdown;
  if (!cd) return "";
  if (!left) return T("countdown.over");
  return cd.exercise ? T("countdown.exercise", { exercise: cd.exercise, time: clock(left) })
                     : T("countdown", { time: clock(left) });
});

const socket = connect("/board/ws", receive, (up) => {
  $("status").dataset.connected = up ? "yes" : "no";
  $("status").textContent = T(up ? "online" : "offline");
});

function receive(message) {
  if (message.type === "error") { $("message").textContent = refusal(message.reason); return; }
  if (message.type !== "board") return;
  board = message;
  $("message").textContent = "";
  $("group").textContent = message.group ? "· " + message.group : "";
  $("url").textContent = message.join_url;
  $("code").textContent = message.code;
  setCountdown(message.countdown ? message.countdown.left : null);
  $("nobody").hidden = message.trainees.length > 0;
  $("trainees").replaceChildren(...message.trainees.map((row) => el("tr", { class: row.online ? "online" : "offline", "data-name": row.name },
    el("td", { text: row.name + (row.online ? "" : " (" + T("offline").replace("…", "") + ")") }),
    el("td", { text: row.number ? row.number + "/" + message.total + " " + row.exercise : "" }),
    ...["done", "after_reveal", "attempts", "hints", "revealed"].map((name) => el("td", { class: "num", text: String(row[name]) })),
    el("td", { class: "num", text: row.mean_overall === null ? "—" : String(row.mean_overall) }))));
  $("mistakes").replaceChildren(...(message.mistakes.length ? message.mistakes.map((m) =>
    el("li", {}, el("strong", { text: m.title }), el("span", { class: "muted", text: " — " + T("board.mistake", m) })))
    : [el("li", { class: "muted", text: T("board.no_mistake") })]));
  options($("countdown-for"), [["", T("board.whole")], ...message.exercises.map((e) => [e.key, e.label])],
          message.countdown ? null : undefined);
  options($("project"), [["", T("board.project_none")], ...message.exercises.map((e) => [e.key, e.label])], message.projected);
  if (!ticked.length || document.activeElement.closest("#packs-form") === null) {
    ticked = message.packs.slice();
    $("packs").replaceChildren(...message.available.map((p) => {
      const box = el("input", { type: "checkbox", value: p.id, id: "pack-" + p.id, checked: ticked.includes(p.id) });
      box.addEventListener("change", () => {
        ticked = ticked.filter((id) => id !== p.id);
        if (box.checked) ticked.push(p.id);
      });
      return el("label", { class: "choice", for: "pack-" + p.id }, box,
                el("span", { text: p.title + " (" + p.lang + ", " + p.count + ")" }));
    }));
  }
}

function options(select, pairs, chosen) {
  const keep = chosen === undefined || chosen === null ? select.value : chosen;
  select.replaceChildren(...pairs.map(([value, label]) => el("option", { value, text: label })));
  select.value = pairs.some(([value]) => value === keep) ? keep : "";
}

$("countdown-form").addEventListener("submit", (event) => {
  event.preventDefault();
  socket.send({ type: "countdown", minutes: Number($("minutes").value), exercise: $("countdown-for").value });
});
$("countdown-stop").addEventListener("click", () => socket.send({ type: "countdown", minutes: 0 }));
$("packs-form").addEventListener("submit", (event) => {
  event.preventDefault();
  socket.send({ type: "packs", ids: ticked });
});
$("project").addEventListener("change", () => socket.send({ type: "project", key: $("project").value }));
