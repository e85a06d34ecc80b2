// orderhub review station: click a box to take its text, keyboard for the clerk who does 200 a day.
(function () {
  "use strict";
  const typing = (el) => el && (el.tagName === "INPUT" || el.tagName === "SELECT" || el.tagName === "TEXTAREA");
  let active = null; // the field input that takes a clicked box's text

  function fieldInputs() { return Array.from(document.querySelectorAll("#doc-form input.value:not([disabled])")); }

  function activate(input) {
    if (!input) return;
    active = input;
    document.querySelectorAll(".fieldrow.active").forEach((r) => r.classList.remove("active"));
    document.querySelectorAll(".box.active").forEach((b) => b.classList.remove("active"));
    document.querySelectorAll(".summand").forEach((b) => b.classList.remove("summand"));
    const row = input.closest(".fieldrow");
    if (row) row.classList.add("active");
    // a total printed nowhere: the line cells it was summed from, on the page and in the lines table
    (input.dataset.from || "").split(" ").filter(Boolean).forEach((name) => {
      document.querySelectorAll('.box.cell[data-field="' + name + '"]').forEach((b) => b.classList.add("summand"));
      const cell = document.querySelector('#doc-form input.cell[data-field="' + name + '"]');
      if (cell) cell.closest("td").classList.add("summand");
    });
    const summand = document.querySelector(".box.summand");
    if (summand && !document.querySelector('.box.field[data-field="' + input.dataset.field + '"]')) {
      summand.scrollIntoView({ block: "nearest", behavior: "smooth" });
    }
    const box = document.querySelector('.box.field[data-field="' + input.dataset.field + '"]');
    if (box) { box.classList.add("active"); box.scrollIntoView({ block: "nearest", behavior: "smooth" }); }
  }

  document.addEventListener("focusin", (e) => {
    if (e.target.matches && e.target.matches("#doc-form input.value")) activate(e.target);
  });

  document.addEventListener("click", (e) => {
    const box = e.target.closest && e.target.closest(".box");
    if (box) {
      const form = document.getElementById("doc-form");
      if (!form) return;
      let input = active;
      if (box.classList.contains("field") && !input) {
        input = form.querySelector('input.value[data-field="' + box.dataset.field + '"]');
      }
      if (!input || input.disabled) {
        input = form.querySelector('input.value[data-field="' + box.dataset.field + '"]');
        if (input) { input.focus(); }
        return;
      }
      // Shift+click adds the word to what the field holds (a name printed as several words)
      const text = box.dataset.text || "";
      input.value = e.shiftKey && input.value && input.dataset.taken === "1" ? input.value + " " + text : text;
      input.dataset.taken = "1";
      const name = input.dataset.field;
      form.querySelector('input[name="p.' + name + '"]').value = box.dataset.page || "";
      form.querySelector('input[name="b.' + name + '"]').value = box.dataset.box || "";
      box.classList.remove("taken"); void box.offsetWidth; box.classList.add("taken");
      input.focus();
      input.dispatchEvent(new Event("input", { bubbles: true }));
      return;
    }
    const jump = e.target.closest && e.target.closest("a[data-jump]");
    if (jump) {  // a line cell to check: the cursor goes there
      const cell = document.querySelector('#doc-form input.value[data-field="' + jump.dataset.jump + '"]');
      if (cell) { e.preventDefault(); cell.scrollIntoView({ block: "center" }); cell.focus(); }
      return;
    }
    const field = e.target.closest && e.target.closest(".fieldrow");
    if (field) {  // a document not in review: its fields cannot take focus, a click still shows where each comes from
      const input = field.querySelector("input.value");
      if (input && input.disabled) activate(input);
      return;
    }
    const row = e.target.closest && e.target.closest("tr[data-href]");
    if (row && !e.target.closest("a, button, input, select, form")) window.location = row.dataset.href;
  });

  document.addEventListener("keydown", (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const inField = typing(document.activeElement);
    if (e.key === "Enter" && document.activeElement && document.activeElement.matches("#doc-form input")) {
      e.preventDefault();
      document.getElementById("confirm").click();
      return;
    }
    if (inField) { if (e.key === "Escape") document.activeElement.blur(); return; }
    const inputs = fieldInputs();
    if (e.key === "j" || e.key === "k") {
      if (!inputs.length) return;
      const i = inputs.indexOf(active);
      const next = e.key === "j" ? Math.min(inputs.length - 1, i + 1) : Math.max(0, i - 1);
      e.preventDefault();
      inputs[next].focus();
    } else if (e.key === "n") {
      const next = document.getElementById("next-doc");
      if (next) window.location = next.href;
    } else if (["1", "2", "3"].includes(e.key)) {
      const button = document.getElementById("confirm-" + e.key);
      if (button) button.click();
    } else if (e.key === "r") {
      const button = document.getElementById("reject");
      if (button) button.click();
    }
  });

  // A scan's words come from OCR after the page shows (read once, then cached by the station).
  const viewer = document.querySelector(".viewer[data-words]");
  if (viewer) {
    viewer.classList.add("reading");
    fetch(viewer.dataset.words, { credentials: "same-origin" }).then((r) => r.ok ? r.json() : {}).then((pages) => {
      Object.entries(pages).forEach(([n, words]) => {
        const page = viewer.querySelector('.page[data-page="' + n + '"]');
        if (!page || !Array.isArray(words)) return;
        const w = parseFloat(page.dataset.w), h = parseFloat(page.dataset.h);
        const img = page.querySelector("img");
        words.forEach(([text, b]) => {
          const box = document.createElement("div");
          box.className = "box word";
          box.dataset.text = text; box.dataset.page = n; box.dataset.box = b.join(",");
          box.style.left = (b[0] / w * 100) + "%"; box.style.top = (b[1] / h * 100) + "%";
          box.style.width = ((b[2] - b[0]) / w * 100) + "%"; box.style.height = ((b[3] - b[1]) / h * 100) + "%";
          page.insertBefore(box, img.nextSibling);
        });
      });
    }).finally(() => viewer.classList.remove("reading"));
  }

  const first = document.querySelector("#doc-form input.value[autofocus]");
  if (first) activate(first);
})();
