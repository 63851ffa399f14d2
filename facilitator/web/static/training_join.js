// The training room's join page: the code and one's name, then the trainee's page.
"use strict";
const form = document.getElementById("join-form");
const message = document.getElementById("message");
const params = new URLSearchParams(location.search);
if (params.get("code")) document.getElementById("code").value = params.get("code");
if (params.get("left")) message.textContent = T("error.closed");

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  message.textContent = "";
  let answer;
  try {
    const response = await fetch("/api/join", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        csrf: document.getElementById("csrf").value,
        code: document.getElementById("code").value,
        name: document.getElementById("name").value,
      }),
    });
    answer = await response.json();
  } catch (error) {
    message.textContent = T("error.network");
    return;
  }
  // The trainee's page speaks the language chosen here (a reload keeps the address).
  if (answer.ok) location.href = answer.next + "?lang=" + encodeURIComponent(document.getElementById("lang").value);
  else message.textContent = refusal(answer.error);
});
