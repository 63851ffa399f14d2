// The trainer's group dashboard: who is on which exercise and how it goes, the rules that fire
// most, what one trainee wrote (click their name; removing them from the room is there too),
// and the room's controls (countdown, packs assigned, answers projected on the wall).
"use strict";
const $ = (id) => document.getElementById(id);
let board = null, ticked = [];
let watched = null;  // the trainee whose answers are open: asked again with each new board

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
  if (message.type === "answers") { showAnswers(message); return; }
  if (message.type !== "board") return;
  board = message;
  $("message").textContent = "";
  $("group").textContent = message.group ? "· " + message.group : "";
  $("url").textContent = message.join_url;
  $("code").textContent = message.code;
  setCountdown(message.countdown ? message.countdown.left : null);
  $("nobody").hidden = message.trainees.length > 0;
  $("trainees").replaceChildren(...message.trainees.map((row) => el("tr", { class: row.online ? "online" : "offline", "data-name": row.name, "data-selected": row.name === watched ? "yes" : false },
    el("td", {}, nameButton(row)),
    el("td", { text: row.number ? row.number + "/" + message.total + " " + row.exercise : "" }),
    ...["done", "after_reveal", "attempts", "hints", "revealed"].map((name) => el("td", { class: "num", text: String(row[name]) })),
    el("td", { class: "num", text: row.mean_overall === null ? "—" : String(row.mean_overall) }))));
  $("mistakes").replaceChildren(...(message.mistakes.length ? message.mistakes.map((m) =>
    el("li", {}, el("strong", { text: m.title }), el("span", { class: "muted", text: " — " + T("board.mistake", m) })))
    : [el("li", { class: "muted", text: T("board.no_mistake") })]));
  options($("countdown-for"), [["", T("board.whole")], ...message.exercises.map((e) => [e.key, e.label])],
          message.countdown ? null : undefined);
  options($("project"), [["", T("board.project_none")], ...message.exercises.map((e) => [e.key, e.label])], message.projected);
  if (watched !== null) {
    if (message.trainees.some((row) => row.name === watched)) socket.send({ type: "answers", name: watched });
    else closeAnswers();  // removed from the room
  }
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

function nameButton(row) {
  const button = el("button", { type: "button", class: "name", "aria-controls": "trainee",
                                text: row.name + (row.online ? "" : " (" + T("offline").replace("…", "") + ")") });
  button.addEventListener("click", () => {
    watched = row.name;
    $("notice").textContent = "";
    socket.send({ type: "answers", name: row.name });
  });
  return button;
}

// What one trainee wrote: each exercise (the latest worked first), every attempt latest first.
// Their texts go in with textContent only (el's "text"): an answer is never markup.
function showAnswers(message) {
  if (message.name !== watched) return;
  const opening = $("trainee").hidden;
  $("trainee").hidden = false;
  $("trainee-title").textContent = T("board.answers", { name: message.name });
  $("trainee-answers").replaceChildren(...(message.exercises.length ? message.exercises.map((ex) =>
    el("article", { "data-key": ex.key },
      el("h3", { text: ex.label }),
      el("p", { class: "muted", text: T("status." + ex.status) + " · " + T("board.hints_used", { n: ex.hints }) }),
      ex.attempts.length
        ? el("ul", { class: "tr-attempts" }, ...ex.attempts.map((a, i) =>
            el("li", { class: a.passed ? "passed" : "failed" },
              el("p", { class: "muted", text: [T("board.attempt", { n: ex.attempts.length - i, time: when(a.time) }),
                                                verdict(a), a.after_reveal ? T("board.after_reveal") : ""].filter(Boolean).join(" · ") }),
              el("p", { class: "answer", text: a.text }))))
        : el("p", { class: "muted", text: T("board.no_answer") })))
    : [el("p", { class: "muted", text: T("board.no_answer") })]));
  for (const row of $("trainees").children) row.toggleAttribute("data-selected", row.dataset.name === watched);
  if (opening) $("trainee-title").focus();
}

function verdict(attempt) {
  if (attempt.choice) return T(attempt.passed ? "board.choice_right" : "board.choice_wrong");
  return attempt.passed ? T("board.attempt_pass") : T("board.attempt_fail", attempt);
}

function when(iso) {
  const date = new Date(iso);
  if (isNaN(date)) return iso;
  return date.toLocaleTimeString(document.documentElement.lang, { hour: "2-digit", minute: "2-digit" });
}

function closeAnswers() {
  watched = null;
  $("trainee").hidden = true;
  for (const row of $("trainees").children) row.removeAttribute("data-selected");
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
$("trainee-close").addEventListener("click", closeAnswers);
$("trainee-remove").addEventListener("click", () => {
  const name = watched;
  if (name === null || !confirm(T("board.remove_confirm", { name }))) return;
  socket.send({ type: "remove", name });
  $("notice").textContent = T("board.removed", { name });
  closeAnswers();
});
