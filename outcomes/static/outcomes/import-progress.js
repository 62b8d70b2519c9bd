/* While a file is checked or imported, ask the server how far it has got and show it; the server
   reads it from the database, so it does not matter which node does the work. On the page of an
   import that is waiting or running, reload the page when it has finished.
   Without JavaScript the page shows the result when the work is done, or a link to refresh. */
(function () {
  "use strict";
  var panel = document.querySelector("[data-import-progress]");
  if (!panel) { return; }
  var bar = panel.querySelector("progress");
  var text = panel.querySelector("[data-import-progress-text]");
  var finished = ["imported", "failed", "ready", "invalid"];

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
      .then(function (progress) {
        if (!progress) { return; }
        if (panel.hasAttribute("data-reload-when-done") && finished.indexOf(progress.status) !== -1) {
          window.location.reload();
          return;
        }
        show(progress);
      })
      .catch(function () {})
      .finally(function () { window.setTimeout(poll, 700); });
  }

  if (!panel.hidden) { window.setTimeout(poll, 300); }

  document.querySelectorAll("[data-import-form]").forEach(function (form) {
    form.addEventListener("submit", function () {
      panel.hidden = false;
      bar.removeAttribute("value");
      window.setTimeout(poll, 300);
    });
  });
})();
