/* Quick exit: the button, or Shift pressed three times within two seconds, replaces the current
   history entry with a neutral site so that Back does not return here. Without JavaScript the
   button is still an ordinary link. */
(function () {
  "use strict";
  var button = document.querySelector("[data-quick-exit]");
  if (!button) { return; }
  var target = button.getAttribute("href");

  function leave(event) {
    if (event) { event.preventDefault(); }
    document.body.style.visibility = "hidden";
    window.location.replace(target);
  }

  button.addEventListener("click", leave);

  var presses = [];
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift" || event.repeat) { return; }
    var now = Date.now();
    presses = presses.filter(function (time) { return now - time < 2000; });
    presses.push(now);
    if (presses.length >= 3) { leave(); }
  });
})();
