// Wagtail's minimap, folded, is a column of section markers taller than the screen on a long form
// (a story in eight languages): it scrolls, but none of its markers can take the focus while it is
// folded, so a keyboard cannot scroll it (WCAG 2.1.1). The list itself takes the focus, as any
// scrolling region should, named by the minimap's own toggle.
(() => {
  const focusable = () => {
    document.querySelectorAll(".w-minimap__list:not([tabindex])").forEach((list) => {
      list.setAttribute("tabindex", "0");
      const toggle = list.closest(".w-minimap")?.querySelector("button[aria-label]");
      if (toggle && !list.hasAttribute("aria-label")) list.setAttribute("aria-label", toggle.getAttribute("aria-label"));
    });
  };
  const start = () => {
    focusable();
    new MutationObserver(focusable).observe(document.body, { childList: true, subtree: true });
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
