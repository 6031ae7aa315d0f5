// Get Involved web chat: talks to /api/v1/ and keeps the chat in this browser tab, so it
// survives a reload. No inline script: this file is served under a strict CSP.
(function () {
  "use strict";
  var API = "/api/v1/sessions";
  var SESSION = "getinvolved.session";
  var TRANSCRIPT = "getinvolved.transcript";
  var log = document.getElementById("log");
  var choices = document.getElementById("choices");
  var form = document.getElementById("composer");
  var input = document.getElementById("message");
  var status = document.getElementById("status");
  var busy = false;

  function load(key, fallback) {
    try { return JSON.parse(sessionStorage.getItem(key)) || fallback; } catch (e) { return fallback; }
  }
  function save(key, value) {
    try { sessionStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* private mode */ }
  }
  var transcript = load(TRANSCRIPT, []);

  function show(who, text, remember) {
    var item = document.createElement("div");
    item.className = "msg msg--" + who;
    var label = document.createElement("span");
    label.className = "visually-hidden";
    label.textContent = who === "bot" ? "Bot said: " : "You said: ";
    item.appendChild(label);
    String(text).split("\n").forEach(function (line) {
      var p = document.createElement("p");
      p.textContent = line;
      item.appendChild(p);
    });
    log.appendChild(item);
    log.scrollTop = log.scrollHeight;
    if (remember) {
      transcript.push({ who: who, text: text });
      save(TRANSCRIPT, transcript);
    }
  }

  function offer(buttons) {
    choices.textContent = "";
    (buttons || []).forEach(function (button) {
      var element = document.createElement("button");
      element.type = "button";
      element.className = "choice";
      element.textContent = button.title;
      element.addEventListener("click", function () {
        send({ payload: button.payload }, button.title);
      });
      choices.appendChild(element);
    });
    save("getinvolved.buttons", buttons || []);
  }

  function showTurn(turn) {
    var lastButtons = null;
    turn.replies.forEach(function (reply) {
      if (reply.text) { show("bot", reply.text, true); }
      if (reply.buttons && reply.buttons.length) { lastButtons = reply.buttons; }
    });
    if (lastButtons || turn.replies.length) { offer(lastButtons || []); }
  }

  function request(method, url, body) {
    return fetch(url, {
      method: method,
      headers: body ? { "Content-Type": "application/json" } : {},
      body: body ? JSON.stringify(body) : undefined,
      credentials: "same-origin"
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (!response.ok) {
          var error = new Error(data.error || "Sorry, something went wrong. Please try again.");
          error.status = response.status;
          throw error;
        }
        return data;
      });
    });
  }

  function problem(error) {
    status.textContent = error.message || "Sorry, something went wrong. Please try again.";
  }

  function start() {
    return request("POST", API).then(function (turn) {
      sessionStorage.setItem(SESSION, turn.session);
      showTurn(turn);
    });
  }

  function session() { return sessionStorage.getItem(SESSION); }

  function messageId() {
    var id = window.crypto && window.crypto.randomUUID ? window.crypto.randomUUID()
      : String(Date.now()) + Math.random().toString(36).slice(2);
    return id.replace(/[^A-Za-z0-9_-]/g, "");
  }

  // Each message carries an id: if the answer is lost on the way, sending it again with the
  // same id gets the same answer, and the server does nothing twice.
  function post(body) {
    var url = function () { return API + "/" + session() + "/messages"; };
    return request("POST", url(), body).catch(function (error) {
      if (error.status === 404) {  // this chat has ended on the server: start a new one
        sessionStorage.removeItem(SESSION);
        return start().then(function () {
          var ended = new Error("Your chat had ended, so a new one has started. Please send your message again.");
          throw ended;
        });
      }
      if (error.status) { throw error; }
      return new Promise(function (resolve) { setTimeout(resolve, 1000); }).then(function () {
        return request("POST", url(), body);  // the network failed: once more, same id
      });
    });
  }

  function send(body, shownAs) {
    if (busy) { return; }
    busy = true;
    status.textContent = "";
    log.setAttribute("aria-busy", "true");
    show("person", shownAs, true);
    body.message_id = messageId();
    var ready = session() ? Promise.resolve() : start();
    ready.then(function () {
      return post(body);
    }).then(showTurn).catch(problem).then(function () {
      busy = false;
      log.removeAttribute("aria-busy");
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text) { status.textContent = "Please type a message first."; return; }
    input.value = "";
    send({ text: text }, text);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  document.getElementById("restart").addEventListener("click", function () {
    send({ payload: "/restart" }, "Start again");
  });
  document.getElementById("forget").addEventListener("click", function () {
    if (!session()) { status.textContent = "There is nothing to delete."; return; }
    request("DELETE", API + "/" + session()).then(function (turn) {
      sessionStorage.removeItem(SESSION);
      transcript = [];
      save(TRANSCRIPT, transcript);
      log.textContent = "";
      choices.textContent = "";
      showTurn(turn);
      transcript = [];
      save(TRANSCRIPT, transcript);
    }).catch(problem);
  });

  // Carry on after a reload: show what was said, then anything waiting (staff answers).
  if (session()) {
    transcript.forEach(function (line) { show(line.who, line.text, false); });
    offer(load("getinvolved.buttons", []));
    request("GET", API + "/" + session()).then(function (turn) {
      if (turn.replies.length) { showTurn(turn); }
    }).catch(function (error) {
      if (error.status === 404) { sessionStorage.removeItem(SESSION); start().catch(problem); }
    });
  } else {
    start().catch(problem);
  }
})();
