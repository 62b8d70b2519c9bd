// The bulk-action bar of the report list says "reports", not "snippets" (translated in the page).
(function () {
  const source = document.querySelector("[data-report-bulk-strings]");
  if (!source || !window.wagtailConfig) return;
  window.wagtailConfig.STRINGS.BULK_ACTIONS.REPORT = {
    SINGULAR: source.dataset.singular,
    PLURAL: source.dataset.plural,
    ALL: source.dataset.all,
    ALL_IN_LISTING: source.dataset.allInListing,
  };
})();
