/* While a file is checked or imported, ask the server how far it has got and show it.
   Without JavaScript the page simply shows the result when the work is done. */
(function () {
  "use strict";
  var panel = document.querySelector("[data-import-progress]");
  if (!panel) { return; }
  var bar = panel.querySelector("progress");
  var text = panel.querySelector("[data-import-progress-text]");

  function show(progress) {
    var rows = String(progress.rows);
    if (progress.percent === null) {
      bar.removeAttribute("value");
      text.textContent = panel.dataset.textRows.replace("__ROWS__", rows);
    } else {
      bar.value = progress.percent;
      text.textContent = panel.dataset.textPercent.replace("__ROWS__", rows).replace("__PERCENT__", String(progress.percent));
    }
  }

  function poll() {
    fetch(panel.dataset.url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (progress) { if (progress) { show(progress); } })
      .catch(function () {})
      .finally(function () { window.setTimeout(poll, 700); });
  }

  document.querySelectorAll("[data-import-form]").forEach(function (form) {
    form.addEventListener("submit", function () {
      panel.hidden = false;
      bar.removeAttribute("value");
      window.setTimeout(poll, 300);
    });
  });
})();
