// Wagtail's rich text boxes (Draftail) have no accessible name of their own: a screen reader
// announces "edit text" with nothing more. Each is named by its field's label or, where the field
// is shown under its panel's heading instead, by that heading. Boxes added later (a new block of a
// story's body) are named too.
(() => {
  let labelsNamed = 0;
  const nameOf = (box) => {
    const label = box.closest(".w-field__wrapper")?.querySelector(".w-field__label");
    if (label) {
      if (!label.id) label.id = `rich-text-label-${++labelsNamed}`;
      return label.id;
    }
    return box.closest("[aria-labelledby]")?.getAttribute("aria-labelledby");
  };
  const nameBoxes = () => {
    document.querySelectorAll(".public-DraftEditor-content[role=textbox]").forEach((box) => {
      if (box.hasAttribute("aria-labelledby") || box.hasAttribute("aria-label")) return;
      const name = nameOf(box);
      if (name) box.setAttribute("aria-labelledby", name);
    });
  };
  const start = () => {
    nameBoxes();
    new MutationObserver(nameBoxes).observe(document.body, { childList: true, subtree: true });
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
