// The training room's pages share these: their texts (the body's data-texts, in the page's
// language), elements built with textContent only (a trainee's text never becomes markup), and
// a WebSocket that reconnects by itself.
"use strict";
const TEXTS = JSON.parse(document.body.dataset.texts || "{}");

function T(key, values) {
  let text = TEXTS[key] || key;
  for (const [name, value] of Object.entries(values || {})) {
    text = text.split("{" + name + "}").join(String(value));
  }
  return text;
}

// The text of a refusal's reason code; an unknown one reads as a refused request.
function refusal(reason) {
  return T(TEXTS["error." + reason] ? "error." + reason : "error.invalid");
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === false || value === null || value === undefined) continue;
    if (name === "text") node.textContent = value;
    else node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

function clock(seconds) {
  const m = Math.floor(seconds / 60), s = seconds % 60;
  return m + ":" + String(s).padStart(2, "0");
}

function connect(path, onMessage, onStatus) {
  let socket = null, delay = 500;
  const open = () => {
    socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + path);
    socket.onopen = () => { delay = 500; onStatus(true); };
    socket.onmessage = (event) => onMessage(JSON.parse(event.data));
    socket.onclose = (event) => {
      onStatus(false);
      if (event.code === 1008 || event.code === 4001) return;
      setTimeout(open, delay);
      delay = Math.min(delay * 2, 8000);
    };
  };
  open();
  return { send: (message) => socket && socket.readyState === 1 && socket.send(JSON.stringify(message)) };
}

// A countdown ticking locally between the server's states: `left` seconds at `received`.
function ticker(node, render) {
  let left = null, received = 0;
  setInterval(() => show(), 1000);
  function show() {
    if (left === null) { node.textContent = ""; return; }
    const now = Math.max(0, left - Math.floor((Date.now() - received) / 1000));
    node.textContent = render(now);
  }
  return (seconds) => { left = seconds; received = Date.now(); show(); };
}
