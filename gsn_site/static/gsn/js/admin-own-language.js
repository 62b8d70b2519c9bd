// The page editor opens on the language the page was written in (its "original language" setting),
// not always on English: a story written in Swahili shows its Swahili fields. wagtail-modeltranslation
// builds its language buttons when the document is ready; this runs after it and presses them.
jQuery(() => {
  const field = document.querySelector("form [name=original_language]");
  const picker = document.querySelector(".locale-picker");
  if (!field || !picker || !field.value) return;
  const toggles = Array.from(picker.querySelectorAll("button.locale-toggle"));
  if (!toggles.some((toggle) => toggle.textContent.trim() === field.value)) return;
  for (const toggle of toggles) {
    const showing = toggle.classList.contains("showing-locale");
    if (showing !== (toggle.textContent.trim() === field.value)) toggle.click();
  }
});
