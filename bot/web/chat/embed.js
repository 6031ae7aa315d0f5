// One script tag puts the Get Involved chat on any page:
//   <script src="https://YOUR-BOT/embed.js" defer></script>
// Optional attributes on that tag:
//   data-label="Talk to us"            the launcher's words (default "Have your say: chat")
//   data-colour="#4c2c92"              the launcher's colour, any CSS colour (text colour follows)
//   data-corner="bottom-left"          bottom-right (default) or bottom-left
// On a small screen (under 40em wide or 30em high) the chat opens as a full-screen dialog; on a large one as a panel in the
// chosen corner that leaves the rest of the page usable. Styles are set through element.style,
// so the host page needs no stylesheet from us and no inline <style>.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || window.getInvolvedEmbed) { return; }
  window.getInvolvedEmbed = true;
  var origin = new URL(script.src, location.href).origin;
  // Full screen on a phone, a phone on its side, or a desktop zoomed to 400%.
  var SMALL = window.matchMedia("(max-width: 40em), (max-height: 30em)");
  var OPEN_WORDS = "Close the chat";
  var DEFAULT_COLOUR = "#1d70b8";
  var DARK = "#0b0c0c";
  var LIGHT = "#ffffff";
  var GAP = "1rem";

  var words = (script.getAttribute("data-label") || "").trim().slice(0, 60) || "Have your say: chat";
  var corner = script.getAttribute("data-corner") === "bottom-left" ? "left" : "right";
  var away = corner === "left" ? "right" : "left";
  var colour = chosenColour(script.getAttribute("data-colour"));

  // A CSS colour the browser understands and that is not see-through; otherwise the default.
  function chosenColour(value) {
    var rgb = value ? toRgb(value.trim()) : null;
    if (!rgb) { return { background: DEFAULT_COLOUR, text: LIGHT }; }
    return { background: "rgb(" + rgb.join(",") + ")", text: textFor(rgb) };
  }

  function toRgb(value) {
    if (!window.CSS || !CSS.supports("color", value)) { return null; }
    var probe = document.createElement("span");
    probe.style.color = value;
    probe.style.display = "none";
    document.documentElement.appendChild(probe);
    var computed = getComputedStyle(probe).color;
    probe.remove();
    var parts = computed.match(/[\d.]+/g);
    if (!parts || parts.length < 3 || (parts.length > 3 && Number(parts[3]) < 1)) { return null; }
    return parts.slice(0, 3).map(function (part) { return Math.round(Number(part)); });
  }

  function luminance(rgb) {
    var channel = rgb.map(function (value) {
      var c = value / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * channel[0] + 0.7152 * channel[1] + 0.0722 * channel[2];
  }

  // Dark or white text, whichever stands out more on the chosen colour.
  function textFor(rgb) {
    var l = luminance(rgb);
    var onWhite = 1.05 / (l + 0.05);
    var onDark = (l + 0.05) / (luminance([11, 12, 12]) + 0.05);
    return onDark >= onWhite ? DARK : LIGHT;
  }

  function set(element, styles) {
    Object.keys(styles).forEach(function (name) { element.style[name] = styles[name]; });
  }

  // A clear focus ring (yellow and black, like GOV.UK) without a stylesheet.
  function focusRing(element) {
    element.addEventListener("focus", function () {
      if (element.matches(":focus-visible")) {
        set(element, { outline: "3px solid #ffdd00", outlineOffset: "0", boxShadow: "0 0 0 6px " + DARK });
      }
    });
    element.addEventListener("blur", function () {
      set(element, { outline: "", outlineOffset: "", boxShadow: "" });
    });
  }

  var button = {
    margin: "0", minHeight: "44px", minWidth: "44px", padding: "0.6rem 1rem",
    font: "bold 1rem/1.25 arial, sans-serif", borderRadius: "4px", cursor: "pointer",
    boxSizing: "border-box", textTransform: "none", letterSpacing: "normal"
  };

  var launcher = document.createElement("button");
  launcher.type = "button";
  launcher.textContent = words;
  launcher.setAttribute("aria-expanded", "false");
  launcher.setAttribute("data-getinvolved", "launcher");
  set(launcher, button);
  set(launcher, {
    position: "fixed", bottom: GAP, zIndex: "2147483000", maxWidth: "calc(100vw - 2rem)",
    background: colour.background, color: colour.text, border: "2px solid " + DARK,
    boxShadow: "none"
  });
  launcher.style[corner] = GAP;
  launcher.style[away] = "auto";
  focusRing(launcher);

  var dialog = document.createElement("dialog");
  dialog.setAttribute("role", "dialog");
  dialog.setAttribute("aria-label", "Get Involved chat");
  dialog.setAttribute("data-getinvolved", "dialog");
  set(dialog, {
    margin: "0", padding: "0", border: "2px solid " + DARK, background: "#ffffff",
    color: DARK, boxSizing: "border-box", overflow: "hidden", zIndex: "2147483001",
    flexDirection: "column", font: "1rem/1.25 arial, sans-serif", maxWidth: "none", maxHeight: "none"
  });

  var bar = document.createElement("div");
  set(bar, {
    display: "flex", alignItems: "center", justifyContent: "space-between", gap: "0.5rem",
    padding: "0.25rem 0.25rem 0.25rem 0.75rem", background: "#f3f2f1",
    borderBottom: "2px solid " + DARK, flex: "0 0 auto"
  });
  var name = document.createElement("span");
  name.textContent = "Get Involved chat";
  set(name, { fontWeight: "bold", color: DARK });
  var close = document.createElement("button");
  close.type = "button";
  close.textContent = "Close chat";
  close.setAttribute("data-getinvolved", "close");
  set(close, button);
  set(close, { background: "#ffffff", color: DARK, border: "2px solid " + DARK, boxShadow: "none" });
  focusRing(close);
  bar.appendChild(name);
  bar.appendChild(close);
  dialog.appendChild(bar);

  var frame = null;
  var opened = false;
  var scroll = null;

  function makeFrame() {
    frame = document.createElement("iframe");
    frame.src = origin + "/";
    frame.title = "Get Involved chat";
    frame.setAttribute("allow", "clipboard-write");  // the cards' Copy buttons
    set(frame, { display: "block", flex: "1 1 auto", width: "100%", minHeight: "0", border: "0", background: "#ffffff" });
    dialog.appendChild(frame);
  }

  // Full screen on a phone; a panel in the corner on a larger screen, above the launcher, that
  // keeps the top of the page (its header, links and search) and the other side uncovered.
  function layout() {
    if (SMALL.matches) {
      set(dialog, {
        position: "fixed", top: "0", left: "0", right: "0", bottom: "0",
        width: "100%", height: "100%", borderWidth: "0"
      });
      return;
    }
    set(dialog, {
      position: "fixed", top: "auto", bottom: "4.75rem",
      width: "min(25rem, calc(100vw - 2rem))", height: "min(38rem, calc(100vh - 12rem))",
      borderWidth: "2px", boxShadow: "0 0.25rem 1rem rgba(11, 12, 12, 0.35)"
    });
    dialog.style[corner] = GAP;
    dialog.style[away] = "auto";
  }

  function lockScroll(lock) {
    var root = document.documentElement;
    if (lock && scroll === null) {
      scroll = { root: root.style.overflow, body: document.body.style.overflow };
      root.style.overflow = "hidden";
      document.body.style.overflow = "hidden";
    } else if (!lock && scroll !== null) {
      root.style.overflow = scroll.root;
      document.body.style.overflow = scroll.body;
      scroll = null;
    }
  }

  function show() {
    if (!frame) { makeFrame(); }
    layout();
    dialog.style.display = "flex";
    if (SMALL.matches) {
      dialog.setAttribute("aria-modal", "true");
      dialog.showModal();  // the page behind is inert: focus stays in the dialog
      lockScroll(true);
    } else {
      dialog.removeAttribute("aria-modal");
      dialog.show();
    }
    opened = true;
    launcher.textContent = OPEN_WORDS;
    launcher.setAttribute("aria-expanded", "true");
    frame.focus();
  }

  function hide() {
    if (!opened) { return; }
    opened = false;
    if (dialog.open) { dialog.close(); }
    dialog.style.display = "none";
    lockScroll(false);
    launcher.textContent = words;
    launcher.setAttribute("aria-expanded", "false");
    launcher.focus();
  }

  launcher.addEventListener("click", function () { if (opened) { hide(); } else { show(); } });
  close.addEventListener("click", hide);
  dialog.addEventListener("cancel", function (event) { event.preventDefault(); hide(); });
  dialog.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { event.preventDefault(); hide(); }
  });
  launcher.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && opened) { event.preventDefault(); hide(); }
  });
  // Escape pressed inside the chat itself: the chat page asks us to close.
  window.addEventListener("message", function (event) {
    if (!frame || event.source !== frame.contentWindow || event.origin !== origin) { return; }
    if (event.data && event.data.type === "getinvolved:close") { hide(); }
  });
  // Turning a phone or resizing a window moves between the two layouts while open.
  SMALL.addEventListener("change", function () {
    if (!opened) { return; }
    dialog.close();
    opened = false;
    lockScroll(false);
    show();
  });

  dialog.style.display = "none";
  function place() {
    document.body.appendChild(dialog);
    document.body.appendChild(launcher);
  }
  if (document.body) { place(); } else { document.addEventListener("DOMContentLoaded", place); }
})();
