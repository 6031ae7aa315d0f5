// One script tag puts the Get Involved chat on any page:
//   <script src="https://YOUR-BOT/embed.js" defer></script>
(function () {
  "use strict";
  var script = document.currentScript;
  var origin = new URL(script.src).origin;
  var open = document.createElement("button");
  open.type = "button";
  open.textContent = "Have your say: chat";
  open.setAttribute("aria-expanded", "false");
  var style = open.style;
  style.position = "fixed"; style.right = "1rem"; style.bottom = "1rem"; style.zIndex = "2147483000";
  style.padding = "0.75rem 1rem"; style.font = "bold 1rem arial, sans-serif"; style.minHeight = "44px";
  style.background = "#1d70b8"; style.color = "#fff"; style.border = "0"; style.borderRadius = "4px";
  var frame = null;
  open.addEventListener("click", function () {
    if (!frame) {
      frame = document.createElement("iframe");
      frame.src = origin + "/";
      frame.title = "Get Involved chat";
      var f = frame.style;
      f.position = "fixed"; f.right = "1rem"; f.bottom = "4.5rem"; f.zIndex = "2147483000";
      f.width = "min(26rem, calc(100vw - 2rem))"; f.height = "min(40rem, calc(100vh - 6rem))";
      f.border = "2px solid #0b0c0c"; f.background = "#fff";
      document.body.appendChild(frame);
      open.setAttribute("aria-expanded", "true");
      return;
    }
    var hidden = frame.style.display === "none";
    frame.style.display = hidden ? "block" : "none";
    open.setAttribute("aria-expanded", hidden ? "true" : "false");
  });
  document.body.appendChild(open);
})();
