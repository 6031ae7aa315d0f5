// Settings for the web chat: read aloud, larger text, easy read and calm colours.
// Builds the menu inside <div id="settings">, sets classes on <html> (gi-larger, gi-easy,
// gi-calm) and adds a "Read aloud" button to every bot message in #log. Speech uses the
// browser's own speechSynthesis: nothing is sent to a server. The choices are kept in
// localStorage only when "Remember my settings on this device" is ticked.
(function () {
  "use strict";
  var KEY = "getinvolved.settings";
  var root = document.documentElement;
  var holder = null;
  var log = null;
  var speech = window.speechSynthesis && window.SpeechSynthesisUtterance ? window.speechSynthesis : null;

  var SWITCHES = [
    { key: "always", label: "Always read aloud", hint: "Reads each new message to you.", speech: true },
    { key: "larger", label: "Larger text", hint: "Bigger words and buttons.", className: "gi-larger" },
    { key: "easy", label: "Easy read", hint: "Shorter messages with pictures. Starts with the next message.", className: "gi-easy" },
    { key: "calm", label: "Calm colours", hint: "A soft cream background and dark text.", className: "gi-calm" },
    { key: "remember", label: "Remember my settings on this device", hint: "Leave this off on a shared computer." }
  ];
  var state = { always: false, larger: false, easy: false, calm: false, remember: false };
  var boxes = {};

  function stored() {
    try { return JSON.parse(localStorage.getItem(KEY)); } catch (e) { return null; }
  }
  function store() {
    try {
      if (state.remember) { localStorage.setItem(KEY, JSON.stringify(state)); }
      else { localStorage.removeItem(KEY); }
    } catch (e) { /* storage is blocked: the settings last for this visit only */ }
  }

  function apply(announce) {
    SWITCHES.forEach(function (item) {
      if (item.className) { root.classList.toggle(item.className, state[item.key]); }
      if (boxes[item.key]) { boxes[item.key].checked = state[item.key]; }
    });
    if (announce) {
      document.dispatchEvent(new CustomEvent("gi:settings", { detail: Object.assign({}, state) }));
    }
  }

  var canStore = (function () {
    try { return Boolean(window.localStorage); } catch (e) { return false; }
  }());
  var saved = stored();
  if (saved && saved.remember) {
    Object.keys(state).forEach(function (key) { state[key] = saved[key] === true; });
  }
  if (!speech) { state.always = false; }

  // The menu: a disclosure button and a panel of real checkboxes.
  function build() {
    if (!holder) { return; }
    var toggle = document.createElement("button");
    toggle.type = "button";
    toggle.className = "gi-settings__toggle";
    toggle.textContent = "Settings";
    toggle.setAttribute("aria-expanded", "false");
    toggle.setAttribute("aria-controls", "gi-settings-panel");
    var panel = document.createElement("div");
    panel.className = "gi-settings__panel";
    panel.id = "gi-settings-panel";
    panel.hidden = true;
    var group = document.createElement("fieldset");
    group.className = "gi-settings__group";
    var legend = document.createElement("legend");
    legend.textContent = "Change how the chat looks and sounds";
    group.appendChild(legend);
    SWITCHES.forEach(function (item) {
      if ((item.speech && !speech) || (item.key === "remember" && !canStore)) { return; }
      var row = document.createElement("div");
      row.className = "gi-settings__item";
      var box = document.createElement("input");
      box.type = "checkbox";
      box.id = "gi-setting-" + item.key;
      box.checked = state[item.key];
      var label = document.createElement("label");
      label.htmlFor = box.id;
      label.textContent = item.label;
      var hint = document.createElement("span");
      hint.className = "gi-settings__hint";
      hint.id = box.id + "-hint";
      hint.textContent = item.hint;
      box.setAttribute("aria-describedby", hint.id);
      box.addEventListener("change", function () {
        state[item.key] = box.checked;
        apply(true);
        store();
        if (item.key === "always" && box.checked) {  // says it works (and lets phones speak)
          speech.cancel();
          resetButtons();
          speak("I will read each new message out loud.");
        }
      });
      boxes[item.key] = box;
      row.appendChild(box);
      row.appendChild(label);
      row.appendChild(hint);
      group.appendChild(row);
    });
    panel.appendChild(group);
    if (!speech) {
      var note = document.createElement("p");
      note.className = "gi-settings__note";
      note.textContent = "Read aloud does not work in this browser.";
      panel.appendChild(note);
    }
    var done = document.createElement("button");
    done.type = "button";
    done.className = "gi-settings__close";
    done.textContent = "Close settings";
    panel.appendChild(done);
    function openPanel(open) {
      toggle.setAttribute("aria-expanded", String(open));
      panel.hidden = !open;
    }
    toggle.addEventListener("click", function () {
      openPanel(toggle.getAttribute("aria-expanded") !== "true");
    });
    done.addEventListener("click", function () { openPanel(false); toggle.focus(); });
    holder.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !panel.hidden) {
        event.preventDefault();  // Escape closes the settings, not the embedded chat
        openPanel(false);
        toggle.focus();
      }
    });
    holder.appendChild(toggle);
    holder.appendChild(panel);
  }

  // Read aloud: the words of a bot message, without the hidden "Bot said:" label and buttons.
  function words(message) {
    var copy = message.cloneNode(true);
    copy.querySelectorAll(".visually-hidden, button, .gi-read, [aria-hidden='true']").forEach(function (node) {
      node.remove();
    });
    var parts = [];
    copy.childNodes.forEach(function (node) { parts.push(node.textContent); });
    return parts.join("\n").replace(/[ \t]+/g, " ").replace(/\s*\n\s*/g, "\n").trim();
  }

  function englishVoice() {
    var voices = speech.getVoices() || [];
    var pick = function (test) { return voices.filter(function (voice) { return test(voice.lang || ""); })[0]; };
    return pick(function (lang) { return /^en[-_]GB$/i.test(lang); }) ||
      pick(function (lang) { return /^en([-_]|$)/i.test(lang); }) || null;
  }

  function resetButtons() {
    if (!log) { return; }
    log.querySelectorAll(".gi-read").forEach(function (button) { showIdle(button); });
  }

  function utter(text) {
    var utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = "en-GB";
    var voice = englishVoice();
    if (voice) { utterance.voice = voice; utterance.lang = voice.lang; }
    utterance.rate = 0.95;
    return utterance;
  }

  function speak(text) { speech.speak(utter(text)); }

  // The button says what it will do: "Read aloud", or "Stop" while it is reading.
  function showIdle(button) {
    button.textContent = "Read aloud";
    button.removeAttribute("data-speaking");
    button.utterance = null;
  }

  function say(message, button) {
    var text = words(message);
    if (!text) { return; }
    var utterance = utter(text);
    if (button) {
      button.textContent = "Stop";
      button.setAttribute("data-speaking", "");
      button.utterance = utterance;
      var done = function () { if (button.utterance === utterance) { showIdle(button); } };
      utterance.onend = done;
      utterance.onerror = done;
    }
    speech.speak(utterance);
  }

  function addButton(message) {
    if (message.querySelector(".gi-read")) { return; }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "gi-read";
    showIdle(button);
    button.addEventListener("click", function () {
      var speaking = button.hasAttribute("data-speaking");
      speech.cancel();
      resetButtons();
      if (!speaking) { say(message, button); }
    });
    message.appendChild(button);
  }

  function botMessages(node) {
    if (node.nodeType !== 1) { return []; }
    var found = node.matches(".msg--bot") ? [node] : [];
    return found.concat(Array.prototype.slice.call(node.querySelectorAll(".msg--bot")));
  }

  function watch() {
    if (!log || !speech) { return; }
    botMessages(log).forEach(addButton);  // messages already shown (after a reload)
    new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        change.addedNodes.forEach(function (node) {
          if (state.always && node.nodeType === 1 && node.matches(".msg--person")) {
            speech.cancel();  // the person has moved on: stop reading the last answer
            resetButtons();
          }
          botMessages(node).forEach(function (message) {
            addButton(message);
            if (state.always) { say(message, message.querySelector(".gi-read")); }
          });
        });
      });
    }).observe(log, { childList: true, subtree: true });
  }

  // Inside the embed on another site: Escape asks embed.js to close the chat.
  if (window.parent !== window) {
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !event.defaultPrevented) {
        window.parent.postMessage({ type: "getinvolved:close" }, "*");
      }
    });
  }

  // The classes go on <html> at once (no flash of the wrong colours if this file is loaded
  // without defer); the menu and the read aloud buttons wait for the page.
  apply(false);
  if (window.parent !== window) { root.classList.add("gi-embedded"); }
  function start() {
    holder = document.getElementById("settings");
    log = document.getElementById("log");
    build();
    apply(true);
    watch();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
