// The debrief wall: one exercise's latest answers, with no names, for the room to discuss.
"use strict";
const $ = (id) => document.getElementById(id);
let board = null;
const setCountdown = ticker($("countdown"), (left) => {
  const cd = board && board.countdown;
  if (!cd) return "";
  return left ? T("countdown", { time: clock(left) }) : T("countdown.over");
});

connect("/board/ws", (message) => {
  if (message.type !== "board") return;
  board = message;
  setCountdown(message.countdown ? message.countdown.left : null);
  const d = message.debrief;
  $("waiting").hidden = !!d;
  $("debrief").hidden = !d;
  if (!d) return;
  $("title").textContent = d.title;
  $("instructions").textContent = d.instructions;
  $("draft").textContent = d.draft;
  if (d.choice) {
    const total = d.tally.reduce((sum, c) => sum + c.count, 0);
    $("count").textContent = T("wall.answers", { n: total });
    $("answers").replaceChildren(...d.tally.map((c) => el("li", { class: c.correct ? "passed" : "" },
      el("strong", { text: c.count + " · " }), el("span", { text: c.text + (c.correct ? " — " + T("wall.right") : "") }))));
  } else {
    $("count").textContent = d.answers.length ? T("wall.answers", { n: d.answers.length }) : T("wall.none");
    $("answers").replaceChildren(...d.answers.map((a) => el("li", { class: a.passed ? "passed" : "" },
      el("p", { text: a.text }), a.passed ? el("p", { class: "muted", text: T("wall.passed") }) : null)));
  }
}, () => {});
