/* Quick exit: the button, or the Shift key pressed three times on its own, signs the visitor out
   (a beacon to the site's quick-exit address, not waited for) and replaces the current history
   entry with a neutral site, so that Back does not return here. Without JavaScript the button is
   an ordinary link to that address, which signs out and redirects.

   A Shift press counts only when nothing else happened while it was down: Shift+Tab, capital
   letters and the Shift layer of Hindi, Khmer or Arabic keyboards never count, nor does a press
   while another key or modifier is held, nor any press while focus is in a text field. */
(function () {
  "use strict";
  var button = document.querySelector("[data-quick-exit]");
  if (!button) { return; }
  var signOutUrl = button.getAttribute("href");
  var target = button.getAttribute("data-exit-target");
  var PRESS_WINDOW_MS = 2000;
  // A key held down repeats its keydown; one not seen for this long was released out of our sight.
  var HELD_KEY_STALE_MS = 1000;
  var NOT_TEXT_INPUTS = ["checkbox", "radio", "button", "submit", "reset", "image", "range", "color", "file"];

  function signOut() {
    try {
      if (navigator.sendBeacon && navigator.sendBeacon(signOutUrl)) { return; }
    } catch (error) { /* fall back to fetch below */ }
    try {
      window.fetch(signOutUrl, { method: "POST", keepalive: true, credentials: "same-origin" });
    } catch (error) { /* leaving matters more than signing out */ }
  }

  function leave(event) {
    if (event) { event.preventDefault(); }
    if (!target) { window.location.replace(signOutUrl); return; }
    signOut();
    document.body.style.visibility = "hidden";
    window.location.replace(target);
  }

  button.addEventListener("click", leave);

  function inTextField(element) {
    if (!element || element.nodeType !== 1) { return false; }
    if (element.isContentEditable || element.closest("textarea, select, [contenteditable]")) { return true; }
    return element.tagName === "INPUT" && NOT_TEXT_INPUTS.indexOf((element.type || "").toLowerCase()) === -1;
  }

  var held = {};
  var shiftIsLone = false;
  var presses = [];

  function otherKeysHeld(now) {
    return Object.keys(held).some(function (code) {
      if (now - held[code] > HELD_KEY_STALE_MS) { delete held[code]; return false; }
      return true;
    });
  }

  function reset() {
    held = {};
    shiftIsLone = false;
    presses = [];
  }

  document.addEventListener("keydown", function (event) {
    var now = Date.now();
    if (event.key === "Shift") {
      if (!event.repeat) {
        shiftIsLone = !otherKeysHeld(now) && !event.ctrlKey && !event.altKey && !event.metaKey &&
          !event.isComposing && !inTextField(event.target);
      }
      return;
    }
    held[event.code || event.key] = now;
    shiftIsLone = false;
    presses = [];
  }, true);

  document.addEventListener("keyup", function (event) {
    var now = Date.now();
    if (event.key !== "Shift") { delete held[event.code || event.key]; return; }
    var counts = shiftIsLone && !otherKeysHeld(now) && !inTextField(event.target);
    shiftIsLone = false;
    if (!counts) { presses = []; return; }
    presses = presses.filter(function (time) { return now - time < PRESS_WINDOW_MS; });
    presses.push(now);
    if (presses.length >= 3) {
      presses = [];
      leave();
    }
  }, true);

  window.addEventListener("blur", reset);

  /* The bar stays at the top of the screen: keep whatever has focus out from under it
     (WCAG 2.4.11), also when large text makes the bar taller. */
  var bar = button.closest(".quick-exit-bar");
  if (bar && window.ResizeObserver) {
    new window.ResizeObserver(function () {
      document.documentElement.style.setProperty("--quick-exit-bar-height", bar.offsetHeight + "px");
    }).observe(bar);
  }
})();

/* A form sent back with errors (or not sent): move focus to what says so at the top, so that a phone
   shows it and a screen reader reads it, instead of staying at the top of a long page. */
(function () {
  "use strict";
  var summary = document.querySelector("[data-focus-on-load]");
  if (summary) { summary.focus(); }
})();

/* A form marked data-send-once is sent once: a second click on Send while the first is on its way
   would reach the server as a replay, whose answer carries no receipt code, and the survivor would
   never see the code of the answers that were kept. Coming back to the page (Back, the browser's
   page cache) makes the form sendable again. */
(function () {
  "use strict";
  var forms = document.querySelectorAll("form[data-send-once]");
  Array.prototype.forEach.call(forms, function (form) {
    form.addEventListener("submit", function (event) {
      if (form.getAttribute("data-sending")) { event.preventDefault(); return; }
      form.setAttribute("data-sending", "1");
    });
  });
  window.addEventListener("pageshow", function () {
    Array.prototype.forEach.call(forms, function (form) { form.removeAttribute("data-sending"); });
  });
})();
