// Get Involved web chat. The page works without this file (its forms post to "/"); when this
// file runs it takes the page over and talks to /api/v1/ instead. The chat is kept in this
// tab (sessionStorage), or on this device (localStorage) only if the person ticks "Keep this
// chat on this device". No inline script: this file is served under a strict CSP.
(function () {
  "use strict";
  var API = "/api/v1/sessions";
  var KEEP = "getinvolved.keep";
  var KEYS = {
    session: "getinvolved.session",
    transcript: "getinvolved.transcript",
    buttons: "getinvolved.buttons",
    easy: "getinvolved.easy"
  };
  var LINK = /^(https:|mailto:|tel:)/;
  var SYMBOL = /^[a-z]+(-[a-z]+)*$/;
  var SORRY = "Sorry, something went wrong. Please try again.";

  var log = document.getElementById("log");
  var choices = document.getElementById("choices");
  var form = document.getElementById("composer");
  var input = document.getElementById("message");
  var status = document.getElementById("status");
  var keepBox = document.getElementById("keep-box");
  var keep = document.getElementById("keep");
  var keepStatus = null;
  var busy = false;

  // Where the chat is kept ---------------------------------------------------------------

  function storage(name) {
    try { return window[name]; } catch (e) { return null; }  // blocked storage throws
  }
  function keptOnDevice() {
    var local = storage("localStorage");
    try { return Boolean(local && local.getItem(KEEP) === "1"); } catch (e) { return false; }
  }
  function place() { return keptOnDevice() ? storage("localStorage") : storage("sessionStorage"); }
  function read(key, fallback) {
    try {
      var value = JSON.parse(place().getItem(key));
      return value === null || value === undefined ? fallback : value;
    } catch (e) { return fallback; }
  }
  function write(key, value) {
    try { place().setItem(key, JSON.stringify(value)); } catch (e) { /* private mode or full */ }
  }
  function remove(area) {
    Object.keys(KEYS).forEach(function (name) {
      try { area.removeItem(KEYS[name]); } catch (e) { /* nothing kept */ }
    });
  }

  var chat = {
    session: read(KEYS.session, null),
    transcript: read(KEYS.transcript, []),
    buttons: read(KEYS.buttons, []),
    easy: read(KEYS.easy, false)
  };
  function saveChat() {
    write(KEYS.session, chat.session);
    write(KEYS.transcript, chat.transcript);
    write(KEYS.buttons, chat.buttons);
    write(KEYS.easy, chat.easy);
  }

  // Showing messages -----------------------------------------------------------------------

  function element(tag, className, text) {
    var made = document.createElement(tag);
    if (className) { made.className = className; }
    if (text !== undefined) { made.textContent = text; }
    return made;
  }
  function symbol(name) {
    if (typeof name !== "string" || !SYMBOL.test(name)) { return null; }
    var image = element("img", "gi-symbol");
    image.src = "/chat/symbols/" + name + ".svg";
    image.alt = "";
    image.width = 32;
    image.height = 32;
    return image;
  }
  function paragraphs(parent, text) {  // lines that start with "- " become one list
    var list = null;
    String(text || "").split("\n").forEach(function (line) {
      line = line.trim();
      if (!line) { return; }
      if (line.slice(0, 2) === "- ") {
        if (!list) { list = parent.appendChild(element("ul", "msg__list", "")); }
        list.appendChild(element("li", "", line.slice(2)));
        return;
      }
      list = null;
      parent.appendChild(element("p", "", line));
    });
  }
  function copyable(url) {  // what a Copy button copies: the address or number itself
    if (!/^(mailto:|tel:)/.test(url)) { return null; }
    var value = url.slice(url.indexOf(":") + 1).split("?")[0];
    try { return decodeURIComponent(value); } catch (e) { return value; }
  }
  function linkItem(link) {
    var item = element("li", "card__link");
    var url = String(link.url || "");
    if (!LINK.test(url)) {
      item.textContent = String(link.title || "");
      return item;
    }
    var anchor = element("a", "", String(link.title || url));
    anchor.href = url;
    if (url.indexOf("https:") === 0) {  // a new tab: the chat may be in a frame on another page
      anchor.rel = "noopener";
      anchor.target = "_blank";
      anchor.appendChild(element("span", "visually-hidden", " (opens in a new tab)"));
    }
    item.appendChild(anchor);
    var value = copyable(url);
    if (value) {
      var row = element("span", "card__copyrow");
      row.appendChild(element("span", "card__address", value));
      var copy = element("button", "copy", "Copy");
      copy.type = "button";
      copy.setAttribute("data-copy", value);
      copy.appendChild(element("span", "visually-hidden", " " + value));
      row.appendChild(copy);
      var done = element("span", "copy__status");
      done.setAttribute("role", "status");
      row.appendChild(done);
      item.appendChild(row);
    }
    return item;
  }
  function render(entry) {
    var bot = entry.who === "bot";
    var item = element("div", "msg msg--" + (bot ? "bot" : "person"));
    item.appendChild(element("span", "visually-hidden", bot ? "Bot said: " : "You said: "));
    var reply = bot ? (entry.reply || { text: entry.text }) : { text: entry.text };
    if (bot && reply.title) {
      item.className += " msg--card";
      var heading = element("h2", "card__title");
      var picture = symbol(reply.symbol);
      if (picture) { heading.appendChild(picture); }
      heading.appendChild(document.createTextNode(String(reply.title)));
      item.appendChild(heading);
    }
    paragraphs(item, reply.text);
    if (bot && reply.links && reply.links.length) {
      var list = element("ul", "card__links");
      reply.links.forEach(function (link) { list.appendChild(linkItem(link)); });
      item.appendChild(list);
    }
    log.appendChild(item);
    return item;
  }
  function remember(entry) {
    chat.transcript.push(entry);
    return render(entry);
  }
  function clean(reply) {  // only what is shown again is kept
    return {
      text: reply.text || "",
      title: reply.title || null,
      symbol: reply.symbol || null,
      links: (reply.links || []).map(function (link) { return { title: link.title, url: link.url }; })
    };
  }

  function offer(buttons) {
    chat.buttons = buttons || [];
    choices.textContent = "";
    chat.buttons.forEach(function (button) {
      var made = element("button", "choice");
      made.type = "submit";
      made.name = "payload";
      made.value = button.payload;
      var picture = symbol(button.symbol);
      if (picture) { made.appendChild(picture); }
      made.appendChild(document.createTextNode(button.title));
      choices.appendChild(made);
    });
  }

  // Bring the start of the new answer into view, not its end: long answers are read from
  // the top. When the whole answer and its buttons fit above the docked message box, show
  // them all, still from the start of the answer.
  function reveal(first) {
    if (!first) { return; }
    var scroller = document.getElementById("scroller");
    var inner = scroller && window.getComputedStyle(scroller).overflowY === "auto";
    var area = inner ? scroller.getBoundingClientRect() : { top: 0, bottom: window.innerHeight };
    var top = first.getBoundingClientRect().top - area.top;
    var last = choices.children.length ? choices : log;
    var end = last.getBoundingClientRect().bottom - area.top;
    var height = area.bottom - area.top;
    var room = 12;
    var by = 0;
    if (end - top <= height - 2 * room) {  // all of it fits: show it all
      if (top < room) { by = top - room; } else if (end > height - room) { by = end - (height - room); }
    } else {
      by = top - room;  // the start of the answer at the top
    }
    if (inner) { scroller.scrollBy(0, by); } else { window.scrollBy(0, by); }
  }

  // keepButtons: a staff answer shown on return has no buttons of its own, so the buttons
  // already on offer stay (they still work: the chat carries on where it was).
  // stay: the greeting of a new chat; the page stays at its top, with its notice in view.
  function showTurn(turn, keepButtons, stay) {
    var first = null;
    var lastButtons = null;
    (turn.replies || []).forEach(function (reply) {
      var shown = remember({ who: "bot", reply: clean(reply) });
      first = first || shown;
      if (reply.buttons && reply.buttons.length) { lastButtons = reply.buttons; }
    });
    if (lastButtons || !keepButtons) { offer(lastButtons || []); }
    saveChat();
    // After this task, so that what settings.js adds to each message (its Read aloud
    // button) is already in place when the answer is measured.
    if (!stay) { setTimeout(function () { reveal(first); }, 0); }
  }

  function clearLog() {
    log.textContent = "";
    chat.transcript = [];
    offer([]);
  }

  // Talking to the server --------------------------------------------------------------------

  function request(method, url, body) {
    return fetch(url, {
      method: method,
      headers: body ? { "Content-Type": "application/json" } : {},
      body: body ? JSON.stringify(body) : undefined,
      credentials: "same-origin"
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (!response.ok) {
          var error = new Error(data.error || SORRY);
          error.status = response.status;
          throw error;
        }
        return data;
      });
    });
  }

  function problem(error) {
    status.textContent = (error && error.message) || SORRY;
  }

  function easyRead() { return document.documentElement.classList.contains("gi-easy"); }

  // easy_read goes with a message when it is on, and once more when it has just been turned
  // off, so the server always knows the person's choice.
  function withEasyRead(body) {
    var easy = easyRead();
    if (easy || chat.easy) { body.easy_read = easy; }
    chat.easy = easy;
    return body;
  }

  function start() {
    var easy = easyRead();
    return request("POST", API, easy ? { easy_read: true } : null).then(function (turn) {
      clearLog();
      chat.session = turn.session;
      chat.easy = easy;
      showTurn(turn, false, true);
    });
  }

  function messageId() {
    var id = window.crypto && window.crypto.randomUUID ? window.crypto.randomUUID()
      : String(Date.now()) + Math.random().toString(36).slice(2);
    return id.replace(/[^A-Za-z0-9_-]/g, "");
  }

  // Each message carries an id: if the answer is lost on the way, sending it again with the
  // same id gets the same answer, and the server does nothing twice.
  function post(body) {
    var url = function () { return API + "/" + chat.session + "/messages"; };
    return request("POST", url(), body).catch(function (error) {
      if (error.status === 404) {  // this chat has ended on the server: start a new one
        chat.session = null;
        return start().then(function () {
          throw new Error("Your chat had ended, so a new one has started. Please send your message again.");
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
    var ready = chat.session ? Promise.resolve() : start();
    ready.then(function () {
      remember({ who: "person", text: shownAs });
      saveChat();
      body.message_id = messageId();
      return post(withEasyRead(body));
    }).then(function (turn) { showTurn(turn); }).catch(problem).then(function () {
      busy = false;
      log.removeAttribute("aria-busy");
    });
  }

  function forget() {
    if (!chat.session) { status.textContent = "There is nothing to delete."; return; }
    request("DELETE", API + "/" + chat.session).then(function (turn) {
      clearLog();
      chat.session = null;
      showTurn(turn);
      chat.transcript = [];  // the "deleted" message is not kept either
      saveChat();
    }).catch(problem);
  }

  // The page without JavaScript kept its chat in a cookie; take it over from the page, then
  // tell the server the cookie is no longer needed.
  function adoptFromPage(session) {
    chat.session = session;
    chat.transcript = [];
    Array.prototype.forEach.call(log.querySelectorAll(".msg"), function (item) {
      var lines = Array.prototype.map.call(item.querySelectorAll("p"), function (p) {
        return p.textContent;
      }).join("\n");
      if (item.classList.contains("msg--person")) {
        chat.transcript.push({ who: "person", text: lines });
        return;
      }
      var heading = item.querySelector(".card__title");
      var picture = heading && heading.querySelector(".gi-symbol");
      chat.transcript.push({ who: "bot", reply: {
        text: lines,
        title: heading ? heading.textContent.trim() : null,
        symbol: picture ? picture.getAttribute("src").replace(/^.*\/|\.svg$/g, "") : null,
        links: Array.prototype.map.call(item.querySelectorAll(".card__links a"), function (a) {
          return { title: a.textContent, url: a.getAttribute("href") };
        })
      } });
    });
    chat.buttons = Array.prototype.map.call(choices.querySelectorAll("button"), function (b) {
      var picture = b.querySelector(".gi-symbol");
      return {
        title: b.textContent.trim(),
        payload: b.value,
        symbol: picture ? picture.getAttribute("src").replace(/^.*\/|\.svg$/g, "") : null
      };
    });
    saveChat();
    fetch("/", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "action=handover",
      credentials: "same-origin"
    }).catch(function () { /* the cookie ends with the browser anyway */ });
  }

  function redraw() {
    log.textContent = "";
    chat.transcript.forEach(render);
    offer(chat.buttons);
  }

  // After a reload or on a page from the server: the start of the last answer.
  function revealLatest() {
    var people = log.querySelectorAll(".msg--person");
    var last = people.length ? people[people.length - 1].nextElementSibling : null;
    if (last) { reveal(last); }
  }

  // "Keep this chat on this device" ----------------------------------------------------------

  function keepOnDevice(on) {
    var local = storage("localStorage");
    var tab = storage("sessionStorage");
    if (!local) {
      keep.checked = false;
      keepStatus.textContent = "Sorry, this browser cannot keep the chat.";
      return;
    }
    if (on) {
      try { local.setItem(KEEP, "1"); } catch (e) { keep.checked = false; return; }
      saveChat();
      if (tab) { remove(tab); }
      keepStatus.textContent = "This chat is kept on this device. You can close it and come back.";
    } else {
      remove(local);
      try { local.removeItem(KEEP); } catch (e) { /* already gone */ }
      saveChat();  // now into this tab only
      keepStatus.textContent = "This chat is no longer kept on this device.";
    }
  }

  if (keep && keepBox) {
    keepBox.hidden = false;
    keepStatus = element("p", "chat__keep-status");
    keepStatus.setAttribute("role", "status");
    keepBox.appendChild(keepStatus);
    keep.checked = keptOnDevice();
    keep.addEventListener("change", function () { keepOnDevice(keep.checked); });
    // Another tab of this browser changed the kept chat: show the same.
    window.addEventListener("storage", function (event) {
      if (event.key === KEEP) {
        keep.checked = keptOnDevice();
        if (!keep.checked) { saveChat(); }  // keep this tab's copy, as before
        return;
      }
      if (!keptOnDevice() || !event.key || event.key.indexOf("getinvolved.") !== 0) { return; }
      chat.session = read(KEYS.session, null);
      chat.transcript = read(KEYS.transcript, []);
      chat.buttons = read(KEYS.buttons, []);
      redraw();
    });
  }

  // Wiring ---------------------------------------------------------------------------------

  choices.addEventListener("submit", function (event) {
    event.preventDefault();
    var button = event.submitter;
    if (!button || button.name !== "payload") { return; }
    input.focus({ preventScroll: true });  // the chosen button goes away; typing comes next
    send({ payload: button.value }, button.textContent.trim());
  });
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
  document.getElementById("restart-form").addEventListener("submit", function (event) {
    event.preventDefault();
    send({ payload: "/restart" }, "Start again");
  });
  document.getElementById("forget-form").addEventListener("submit", function (event) {
    event.preventDefault();
    forget();
  });
  log.addEventListener("click", function (event) {
    var copy = event.target.closest && event.target.closest("button.copy");
    if (!copy) { return; }
    var done = copy.parentNode.querySelector(".copy__status");
    var value = copy.getAttribute("data-copy");
    var copied = navigator.clipboard && navigator.clipboard.writeText
      ? navigator.clipboard.writeText(value) : Promise.reject(new Error("no clipboard"));
    copied.then(function () {
      done.textContent = "Copied";
    }, function () {
      done.textContent = "Sorry, that did not copy. Please copy it by hand.";
    });
  });

  // Start: carry on this tab's (or this device's) chat, or the page's, or begin a new one.
  var pageSession = log.getAttribute("data-session");
  var errorSummary = document.getElementById("error-summary");
  if (errorSummary) { errorSummary.focus(); }
  if (chat.session) {
    redraw();
    revealLatest();
    request("GET", API + "/" + chat.session).then(function (turn) {
      if (turn.replies && turn.replies.length) { showTurn(turn, true); }
    }).catch(function (error) {
      if (error.status === 404) { chat.session = null; start().catch(problem); }
    });
  } else if (pageSession) {
    adoptFromPage(pageSession);
    redraw();
    revealLatest();
  } else {
    start().catch(problem);
  }
})();
