// The join page: the code first, then one's name. Texts come from the page (escaped by the
// server); data from the server is put on the page with textContent only.
"use strict";

const byId = (id) => document.getElementById(id);
const codeForm = byId("code-form");
const whoForm = byId("who-form");
const message = byId("message");

function text(reason) {
  const item = document.querySelector(`#errors [data-reason="${CSS.escape(reason)}"]`);
  return item ? item.textContent : reason;
}

function show(reason) {
  message.textContent = reason ? text(reason) : "";
}

async function post(url, body) {
  body.csrf = byId("csrf").value;
  let response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch (error) {
    return { error: "network" };
  }
  try {
    return await response.json();
  } catch (error) {
    return { error: "invalid" };
  }
}

function code() {
  return byId("code").value.trim().toUpperCase();
}

function listPeople(people, allowNew) {
  const box = byId("people");
  box.replaceChildren();
  for (const person of people) {
    const label = document.createElement("label");
    label.className = "choice";
    const radio = document.createElement("input");
    radio.type = "radio";
    radio.name = "participant";
    radio.value = person.id;
    radio.disabled = person.taken;
    label.append(radio, " ", person.name);
    if (person.taken) {
      const mark = document.createElement("span");
      mark.className = "muted";
      mark.textContent = " " + text("taken_mark");
      label.append(mark);
    }
    box.append(label);
  }
  if (allowNew) {
    const label = document.createElement("label");
    label.className = "choice";
    const radio = document.createElement("input");
    radio.type = "radio";
    radio.name = "participant";
    radio.value = "";
    label.append(radio, " ", text("newcomer"));
    box.append(label);
    box.addEventListener("change", () => {
      byId("newcomer").hidden = !(radio.checked);
    });
  }
}

codeForm.addEventListener("submit", async (event) => {
  event.preventDefault();
  show("");
  const answer = await post("/api/join/check", { code: code() });
  if (answer.error) {
    show(answer.error);
    return;
  }
  listPeople(answer.participants, answer.allow_new);
  codeForm.hidden = true;
  whoForm.hidden = false;
});

whoForm.addEventListener("submit", async (event) => {
  event.preventDefault();
  show("");
  const chosen = whoForm.querySelector('input[name="participant"]:checked');
  if (!chosen) {
    show("invalid");
    return;
  }
  const body = { code: code(), lang: byId("lang").value };
  if (chosen.value) {
    body.participant = chosen.value;
  } else {
    body.name = byId("name").value;
  }
  const answer = await post("/api/join", body);
  if (answer.error) {
    show(answer.error);
    return;
  }
  window.location.assign("/room");
});

for (const link of document.querySelectorAll(".languages a")) {
  if (link.hreflang === document.documentElement.lang) link.setAttribute("aria-current", "true");
}

const fromLink = new URLSearchParams(window.location.search).get("code");
if (fromLink) {
  byId("code").value = fromLink;
  for (const link of document.querySelectorAll(".languages a")) {
    link.search = new URLSearchParams({ lang: link.hreflang, code: fromLink }).toString();
  }
}
