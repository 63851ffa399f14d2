// A trainee's page: the exercises of the packs assigned, the live coach while typing (lexical
// at once, the full pass after a pause, from the server), attempts, hints and the model answer.
"use strict";
const $ = (id) => document.getElementById(id);
const SCORES = ["clarity", "ambition", "measurability", "overall"];
let state = null, shown = "", seq = 0;

const setCountdown = ticker($("countdown"), (left) => {
  const cd = state && state.countdown;
  if (!cd) return "";
  if (!left) return T("countdown.over");
  return cd.exercise ? T("countdown.exercise", { exercise: cd.exercise, time: clock(left) })
                     : T("countdown", { time: clock(left) });
});

const socket = connect("/ws", receive, (up) => {
  $("status").dataset.connected = up ? "yes" : "no";
  $("status").textContent = T(up ? "online" : "offline");
});

function receive(message) {
  if (message.type === "state") show(message);
  else if (message.type === "coach") coach(message);
  else if (message.type === "error") {
    // Let out of the room (the trainer removed this device): the join page says so, in this
    // page's language.
    if (message.reason === "closed") location.href = "/?left=1&lang=" + encodeURIComponent(document.documentElement.lang);
    $("message").textContent = refusal(message.reason);
  }
}

function show(next) {
  state = next;
  $("me").textContent = next.name;
  setCountdown(next.countdown ? next.countdown.left : null);
  $("list").replaceChildren(...next.exercises.map((item) => {
    const button = el("button", { type: "button", "aria-current": item.key === next.current ? "true" : "false",
                                  title: item.label + " — " + T("status." + item.status), text: String(item.number) });
    button.addEventListener("click", () => socket.send({ type: "open", key: item.key }));
    return el("li", { class: item.status }, button);
  }));
  const ex = next.exercise;
  $("nothing").hidden = !!ex;
  $("exercise").hidden = !ex;
  if (!ex) return;
  const opened = ex.key !== shown;
  if (opened) {
    shown = ex.key;
    $("message").textContent = "";
    $("answer").value = ex.last && ex.last.choice === null ? ex.last.text : "";
    $("scores").replaceChildren();
    $("findings").replaceChildren();
  }
  $("title").textContent = ex.title;
  $("meta").textContent = T("kind." + ex.kind) + " · " + T("status." + ex.status) + " · " + T("attempts", { n: ex.attempts });
  $("context-box").hidden = !ex.context;
  $("context").textContent = ex.context;
  $("instructions").textContent = ex.instructions;
  $("draft").textContent = ex.draft;
  $("rewrite").hidden = ex.answer === "choice";
  $("items-note").textContent = ex.items > 1 ? T("answer.items", { n: ex.items }) : "";
  $("choices-box").hidden = ex.answer !== "choice";
  $("choices").replaceChildren(...ex.choices.map((choice) => {
    const button = el("button", { type: "button", "data-index": String(choice.index),
                                  "aria-pressed": ex.last && ex.last.choice === choice.index ? "true" : "false",
                                  text: choice.letter + ". " + choice.text });
    button.addEventListener("click", () => socket.send({ type: "choose", index: choice.index }));
    return el("p", {}, button);
  }));
  result(ex);
  $("criteria-box").hidden = ex.answer === "choice";
  $("criteria-hidden").hidden = !ex.coach_hidden;
  criteria(ex.met);
  $("coach-box").hidden = ex.coach_hidden || ex.answer === "choice";
  $("hints").replaceChildren(...ex.hints.map((hint) => el("li", { text: hint })));
  $("hint").disabled = ex.hints_left <= 0;
  $("reveal").hidden = !!ex.model_answer;
  $("reveal").disabled = ex.reveal_left > 0;
  $("reveal-note").textContent = ex.reveal_left > 0 ? T("reveal.later", { left: ex.reveal_left }) : "";
  $("model-box").hidden = !ex.model_answer;
  $("model").textContent = ex.model_answer || "";
  $("explanation").textContent = ex.explanation || "";
  if (opened && ex.answer !== "choice" && $("answer").value) typed();
}

function result(ex) {
  const last = ex.last, node = $("result");
  node.className = "result";
  if (!last) { node.textContent = ""; return; }
  if (last.choice !== null) {
    node.textContent = T(last.passed ? "result.right" : "result.wrong") + (last.feedback ? " " + last.feedback : "");
  } else {
    node.textContent = last.passed ? T("result.pass") : T("result.fail", { met: last.met, total: ex.criteria.length });
  }
  node.classList.add(last.passed ? "pass" : "fail");
}

function criteria(met) {
  const ex = state.exercise;
  const rows = ex.criteria.map((label, i) => el("li", { class: met[i] ? "met" : "", text: label }));
  if (ex.items > 1) rows.unshift(el("li", { class: met.count_ok ? "met" : "", text: T("criteria.items", { n: ex.items }) }));
  $("criteria").replaceChildren(...rows);
}

function coach(message) {
  if (message.seq !== seq || !state || !state.exercise) return;
  const met = message.met.slice();
  met.count_ok = message.count_ok;
  criteria(met);
  $("scores").replaceChildren(...SCORES.map((name) => {
    const value = Math.round(message.scores[name] || 0);
    return el("div", { class: "score" }, el("span", { text: T("score." + name) }), el("span", { text: String(value) }),
              el("meter", { min: "0", max: "100", value: String(value) }));
  }));
  const findings = message.findings.map((f) => el("li", { class: f.level, text: f.message }));
  if (!findings.length) {
    const all = message.met.every(Boolean) && message.count_ok;
    findings.push(el("li", { text: message.tier === "lexical" ? T("coach.waiting") : T(all ? "coach.fine" : "coach.unmet") }));
  }
  $("findings").replaceChildren(...findings);
}

let pause = null;
function typed() {
  if (!state || !state.exercise || state.exercise.coach_hidden) return;
  seq += 1;
  socket.send({ type: "draft", seq, text: $("answer").value });
}
$("answer").addEventListener("input", () => { clearTimeout(pause); pause = setTimeout(typed, 60); });
$("submit").addEventListener("click", () => {
  $("message").textContent = "";
  socket.send({ type: "submit", text: $("answer").value });
});
$("hint").addEventListener("click", () => socket.send({ type: "hint" }));
$("reveal").addEventListener("click", () => socket.send({ type: "reveal" }));
$("next").addEventListener("click", () => {
  const keys = state.exercises.map((e) => e.key);
  const next = keys[(keys.indexOf(state.current) + 1) % keys.length];
  socket.send({ type: "open", key: next });
});
