// Wagtail's minimap, folded, is a column of section markers taller than the screen on a long form
// (a story in eight languages): it scrolls, but Wagtail takes its markers out of the tab order while
// it is folded, so a keyboard could not scroll it (WCAG 2.1.1). While folded and taller than its
// box, the list itself takes the focus, as a scrolling region should; unfolded, its markers take the
// focus and the list leaves the tab order again, handing the focus (if it had it, say after the "]"
// shortcut) to the toggle. Wagtail keeps the same list element across renders.
(() => {
  const update = () => {
    document.querySelectorAll(".w-minimap__list").forEach((list) => {
      const toggle = list.closest(".w-minimap")?.querySelector("[aria-expanded]");
      const folded = toggle?.getAttribute("aria-expanded") === "false";
      const scrolls = list.scrollHeight > list.clientHeight;
      if (folded && scrolls) {
        if (!list.hasAttribute("tabindex")) list.setAttribute("tabindex", "0");
      } else if (list.hasAttribute("tabindex")) {
        if (document.activeElement === list) toggle?.focus();
        list.removeAttribute("tabindex");
      }
    });
  };
  const start = () => {
    update();
    new MutationObserver(update).observe(document.body, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ["aria-expanded"],
    });
    window.addEventListener("resize", update);
    document.fonts?.ready.then(update);
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
