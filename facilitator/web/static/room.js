// The participant's page: one WebSocket to the room server, the state it pushes drawn on the
// page, the participant's actions sent back. Every text from the server is put on the page with
// textContent (never as markup); the page's own texts come from the server's catalogue.
"use strict";

const byId = (id) => document.getElementById(id);
const ACTIVITIES = ["brainstorm", "wording", "vote", "review", "grading", "retro"];
const SCORES = ["clarity", "ambition", "measurability", "overall"];

let texts = {};
let state = null;
let socket = null;
let retry = 0;
let ref = 0;
let seq = 0;
let closedForGood = false;
const drawn = {};

function tr(key, values) {
  let text = texts[key] || key;
  for (const [name, value] of Object.entries(values || {})) {
    text = text.split(`{${name}}`).join(String(value));
  }
  return text;
}

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

function button(label, onClick, className) {
  const node = el("button", label, className);
  node.type = "button";
  node.addEventListener("click", onClick);
  return node;
}

function say(text) {
  byId("message").textContent = text || "";
}

// -- the connection -----------------------------------------------------------------------------

function connect() {
  const scheme = window.location.protocol === "https:" ? "wss" : "ws";
  socket = new WebSocket(`${scheme}://${window.location.host}/ws`);
  socket.addEventListener("open", () => {
    retry = 0;
  });
  socket.addEventListener("message", (event) => receive(JSON.parse(event.data)));
  socket.addEventListener("close", () => {
    byId("status").dataset.connected = "no";
    if (closedForGood) return;
    byId("status").textContent = tr("status.reconnecting");
    retry = Math.min(retry + 1, 5);
    window.setTimeout(connect, 400 * retry);
  });
}

function sendMessage(message) {
  if (!socket || socket.readyState !== WebSocket.OPEN) {
    say(tr("error.network"));
    return false;
  }
  socket.send(JSON.stringify(message));
  return true;
}

function act(message) {
  ref += 1;
  message.ref = ref;
  return sendMessage(message);
}

function receive(message) {
  if (message.type === "hello") {
    texts = message.texts;
    byId("status").textContent = tr("status.connected");
    byId("status").dataset.connected = "yes";
  } else if (message.type === "state") {
    state = message;
    draw();
  } else if (message.type === "coach") {
    if (message.seq === seq) drawCoach(message);
  } else if (message.type === "ok") {
    say("");
  } else if (message.type === "error") {
    if (message.reason === "closed") {
      closedForGood = true;
      showOnly(["closed"]);
    }
    say(tr(`error.${message.reason}`));
  }
}

// -- drawing the state --------------------------------------------------------------------------

function showOnly(names) {
  for (const id of [...ACTIVITIES, "waiting", "closed"]) byId(id).hidden = !names.includes(id);
}

function draw() {
  byId("title").textContent = state.title;
  byId("me").textContent = state.me.name;
  document.title = state.title;
  if (state.closed) {
    showOnly(["closed"]);
    return;
  }
  const open = state.activities.map((entry) => entry.activity);
  showOnly(open.length ? open : ["waiting"]);
  placeInOrder(open);
  for (const { activity, step } of state.activities) {
    const section = byId(activity);
    section.querySelector(".step-title").textContent = step.title;
    section.querySelector(".step-instruction").textContent = step.instruction;
    // Redrawn only when its own part changed: another activity's news (a card, a vote) must
    // not wipe what the participant is typing in this one (a check-in, a card being edited).
    const data = JSON.stringify(state[activity]);
    if (drawn[activity] !== data) {
      drawn[activity] = data;
      DRAW[activity](state[activity]);
    }
  }
}

// The open sections in the server's order (the facilitator's current step first). Moved only
// when that order changes: moving a section takes the keyboard from the field being typed in.
function placeInOrder(names) {
  const order = names.join(" ");
  if (drawn.order === order) return;
  drawn.order = order;
  const end = document.querySelector("main > .languages");
  for (const name of names) end.before(byId(name));
}

function drawBrainstorm(view) {
  byId("card-mode").textContent = tr(view.anonymous ? "brainstorm.anonymous" : "brainstorm.attributed");
  const list = byId("cards");
  list.replaceChildren();
  for (const card of view.cards) {
    const item = el("li", null, "card");
    const words = el("span", card.text);
    item.append(words);
    if (card.editable) {
      item.append(button(tr("card.edit"), () => editCard(item, card), "small"));
    }
    list.append(item);
  }
}

function editCard(item, card) {
  const box = el("textarea");
  box.value = card.text;
  box.maxLength = 2000;
  box.rows = 2;
  item.replaceChildren(
    box,
    button(tr("card.save"), () => act({ type: "edit_card", id: card.id, text: box.value }), "small"),
  );
  box.focus();
}

function itemKey(item) {
  return `${item.objective_id}/${item.kr_id || ""}`;
}

function drawWording(view) {
  const select = byId("item");
  const chosen = select.value;
  const keys = view.items.map(itemKey).join("|");
  if (select.dataset.keys !== keys) {
    select.replaceChildren(el("option", tr("wording.choose")));
    select.firstChild.value = "";
    for (const item of view.items) {
      const option = el("option", (item.kr_id ? "— " : "") + item.text);
      option.value = itemKey(item);
      select.append(option);
    }
    select.dataset.keys = keys;
    select.value = chosen;
  }
  const list = byId("sent");
  list.replaceChildren();
  for (const sent of view.sent) {
    const item = el("li", null, `sent ${sent.status}`);
    item.append(el("span", sent.text), el("span", " · " + tr(`status.${sent.status}`), "muted"));
    list.append(item);
  }
}

function chosenItem() {
  const [objective_id, kr_id] = byId("item").value.split("/");
  return objective_id ? { objective_id, kr_id: kr_id || null } : null;
}

function drawCoach(result) {
  byId("coach-tier").textContent = tr(result.tier === "lexical" ? "coach.quick" : "coach.full");
  byId("coach").dataset.tier = result.tier;
  const scores = byId("scores");
  scores.replaceChildren();
  for (const name of SCORES) {
    const box = el("div", null, "score");
    const value = Math.round(result.scores[name]);
    const meter = el("meter");
    meter.min = 0;
    meter.max = 100;
    meter.value = value;
    box.append(el("span", tr(`score.${name}`)), meter, el("strong", value));
    box.dataset.score = name;
    scores.append(box);
  }
  const findings = byId("findings");
  findings.replaceChildren();
  for (const finding of result.findings) {
    const item = el("li", null, `finding ${finding.level}`);
    item.append(el("strong", finding.text), el("span", " " + finding.message));
    if (finding.suggestions.length) {
      // An empty suggestion means "delete these words": say so, rather than show nothing.
      const shown = finding.suggestions.map((words) => (words.trim() ? words : tr("coach.remove")));
      item.append(el("span", " → " + shown.join(" · "), "muted"));
    }
    findings.append(item);
  }
  byId("rewrite-box").hidden = !result.rewrite;
  byId("rewrite").textContent = result.rewrite || "";
}

function typed() {
  const item = chosenItem();
  const text = byId("draft").value;
  if (!item || !text.trim()) return;
  seq += 1;
  sendMessage({ type: "draft", seq, objective_id: item.objective_id, kr_id: item.kr_id, text });
}

function drawVote(view) {
  byId("vote-state").textContent = tr(view.revealed ? "vote.revealed" : "vote.hidden");
  byId("dots-left").textContent = tr("vote.dots_left", { n: view.dots_left, total: view.dots_per_participant });
  const list = byId("ballots");
  list.replaceChildren();
  for (const ballot of view.ballots) {
    const item = el("li", null, "ballot");
    item.dataset.objective = ballot.id;
    item.append(el("p", ballot.text));
    const answers = el("div", null, "answers");
    for (const answer of ["yes", "unsure", "no"]) {
      const choice = button(tr(`vote.${answer}`), () =>
        act({ type: "priority", objective_id: ballot.id, answer }),
      );
      choice.setAttribute("aria-pressed", String(ballot.answer === answer));
      choice.dataset.answer = answer;
      choice.disabled = view.revealed;
      answers.append(choice);
    }
    item.append(answers);
    const dots = el("div", null, "dots");
    const less = button("−", () => act({ type: "dots", objective_id: ballot.id, delta: -1 }), "small");
    const more = button("+", () => act({ type: "dots", objective_id: ballot.id, delta: 1 }), "small");
    less.disabled = view.revealed || ballot.dots === 0;
    more.disabled = view.revealed || view.dots_left === 0;
    less.setAttribute("aria-label", tr("vote.less"));
    more.setAttribute("aria-label", tr("vote.more"));
    dots.append(less, el("span", tr("vote.dots", { n: ballot.dots }), "dot-count"), more);
    item.append(dots);
    list.append(item);
  }
  byId("results-box").hidden = !view.revealed;
  const results = byId("results");
  results.replaceChildren();
  for (const result of view.results || []) {
    const item = el("li", null, result.priority ? "result priority" : "result");
    item.dataset.objective = result.id;
    item.append(
      el("p", result.text),
      el(
        "p",
        tr("vote.tally", {
          yes: result.tally.yes,
          unsure: result.tally.unsure,
          no: result.tally.no,
          dots: result.dots,
        }),
        "muted",
      ),
    );
    results.append(item);
  }
}

// A control with its label shown above it (a placeholder alone vanishes once a value is in).
function labelled(text, control, name) {
  const label = el("label", text);
  control.dataset.field = name;
  label.append(control);
  return label;
}

function drawReview(view) {
  const list = byId("checkins");
  list.replaceChildren();
  if (!view.key_results.length) list.append(el("li", tr("review.none"), "muted"));
  for (const kr of view.key_results) {
    const item = el("li", null, "checkin");
    item.dataset.kr = kr.id;
    const current = el("input");
    current.value = kr.current;
    const confidence = el("input");
    confidence.type = "number";
    confidence.min = 0;
    confidence.max = 10;
    confidence.value = kr.confidence === null ? "" : kr.confidence;
    const comment = el("textarea");
    comment.value = kr.comment;
    comment.rows = 2;
    comment.maxLength = 2000;
    const save = button(tr("review.save"), () =>
      act({
        type: "checkin",
        kr_id: kr.id,
        current: current.value,
        confidence: confidence.value === "" ? null : Number.parseInt(confidence.value, 10),
        comment: comment.value,
      }),
    );
    item.append(
      el("p", kr.text),
      el("p", kr.span, "muted"),
      labelled(tr("review.current"), current, "current"),
      labelled(tr("review.confidence"), confidence, "confidence"),
      labelled(tr("review.comment"), comment, "comment"),
      save,
    );
    list.append(item);
  }
}

// A grade as the page's language writes it: "0,7" in French, "0.7" in English.
function decimal(value) {
  if (value === null || value === undefined) return "—";
  const text = Number(value).toFixed(1);
  return document.documentElement.lang === "fr" ? text.replace(".", ",") : text;
}

function drawGrading(view) {
  const list = byId("grades");
  list.replaceChildren();
  if (!view.key_results.length) list.append(el("li", tr("grading.none"), "muted"));
  for (const kr of view.key_results) {
    const item = el("li", null, "grading");
    item.dataset.kr = kr.id;
    const kind = tr(kr.committed ? "grading.committed" : "grading.aspirational", {
      expected: decimal(kr.expected),
    });
    const about = [kr.span, kind];
    if (kr.progress !== null) {
      about.push(tr("grading.progress", { progress: `${Math.round(kr.progress * 100)} %` }));
    }
    // Not graded yet: the box starts from the last progress, where the room starts too.
    const start = kr.grade === null ? kr.suggested : kr.grade;
    const grade = el("input");
    grade.inputMode = "decimal";
    grade.maxLength = 10;
    grade.placeholder = "0 – 1";
    grade.value = start === null ? "" : decimal(start);
    const save = button(tr("grading.save"), () => {
      if (!grade.value.trim()) {
        say(tr("error.invalid"));
        return;
      }
      act({ type: "grade", kr_id: kr.id, grade: grade.value });
    });
    const graded = kr.grade === null ? tr("grading.not_graded") : tr("grading.graded", { grade: decimal(kr.grade) });
    item.append(
      el("p", kr.text),
      el("p", about.join(" · "), "muted"),
      el("p", graded, "graded"),
      labelled(tr("grading.grade"), grade, "grade"),
      save,
    );
    list.append(item);
  }
}

function drawRetro(view) {
  for (const name of ["worked", "to_change"]) {
    const list = byId(name);
    list.replaceChildren(...view[name].map((line) => el("li", line)));
  }
}

const DRAW = {
  brainstorm: drawBrainstorm,
  wording: drawWording,
  vote: drawVote,
  review: drawReview,
  grading: drawGrading,
  retro: drawRetro,
};

// The language switch: the link of the page's own language is marked, not followed.
function markLanguage() {
  for (const link of document.querySelectorAll(".languages a")) {
    if (link.hreflang === document.documentElement.lang) link.setAttribute("aria-current", "true");
  }
}

// -- the participant's actions ------------------------------------------------------------------

byId("card-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const box = byId("card-text");
  if (box.value.trim() && act({ type: "card", text: box.value })) box.value = "";
});

byId("item").addEventListener("change", () => {
  const item = chosenItem();
  const found = item && state.wording.items.find((i) => itemKey(i) === byId("item").value);
  byId("draft").value = found ? found.text : "";
  typed();
});

byId("draft").addEventListener("input", typed);

byId("use-rewrite").addEventListener("click", () => {
  byId("draft").value = byId("rewrite").textContent;
  typed();
});

byId("send").addEventListener("click", () => {
  const item = chosenItem();
  const text = byId("draft").value;
  if (!item || !text.trim()) {
    say(tr("error.invalid"));
    return;
  }
  act({ type: "propose", objective_id: item.objective_id, kr_id: item.kr_id, text });
});

byId("retro-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const box = byId("retro-text");
  if (box.value.trim() && act({ type: "retro", list: byId("retro-list").value, text: box.value })) {
    box.value = "";
  }
});

markLanguage();
connect();
