// A filter by person or organization: however many the archive has, the menu is the API's list a page at a
// time (offset/limit) with how many there are, narrowed by part of a name in any case form.
"use strict";

const PICKER_PAGE = 20;

function keneshPicker(box) {
  const kind = box.dataset.kind;
  const query = box.querySelector(".picker-query");
  const chosen = box.querySelector("input[type=hidden]");
  const panel = box.querySelector(".picker-panel");
  const list = box.querySelector(".picker-list");
  const where = box.querySelector(".picker-where");
  const previous = box.querySelector(".picker-prev");
  const next = box.querySelector(".picker-next");
  let offset = 0;
  let count = 0;
  let asked = 0;
  let timer = null;

  // Two namesakes are told apart by what else the archive knows of them.
  const describe = (item) => kind === "persons"
    ? [item.position, item.organization].filter(Boolean).join(", ")
    : item.aliases.join(", ");
  // The words typed, unless the box still shows the chosen entry's name (then: everything).
  const words = () => (query.value === query.dataset.chosen ? "" : query.value.trim());

  function option(text, id, small) {
    const item = document.createElement("li");
    item.setAttribute("role", "option");
    item.tabIndex = -1;
    item.dataset.id = id;
    item.textContent = text;
    if (small) {
      const note = document.createElement("small");
      note.textContent = " " + small;
      item.append(note);
    }
    item.setAttribute("aria-selected", String(id === chosen.value));
    item.addEventListener("click", () => choose(id, id ? text : ""));
    item.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        choose(id, id ? text : "");
      } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        const sibling = event.key === "ArrowDown" ? item.nextElementSibling : item.previousElementSibling;
        if (sibling) sibling.focus();
        else if (event.key === "ArrowUp") back();
      } else if (event.key === "Escape") {
        close();
        back();
      }
    });
    return item;
  }

  function choose(id, text) {
    chosen.value = id;
    query.value = text;
    query.dataset.chosen = text;
    close();
    back();
  }

  // Focus back in the box after a choice or Escape, without opening the list again.
  let returning = false;
  function back() {
    returning = true;
    query.focus();
    returning = false;
  }

  function close() {
    panel.hidden = true;
    query.setAttribute("aria-expanded", "false");
  }

  async function load(at) {
    const ticket = ++asked;
    const url = "/v1/" + kind + "?limit=" + PICKER_PAGE + "&offset=" + at + "&q=" + encodeURIComponent(words());
    where.textContent = "Загрузка…";
    panel.hidden = false;
    query.setAttribute("aria-expanded", "true");
    const response = await keneshApi(url);
    if (ticket !== asked) return; // a later keystroke asked again
    list.textContent = "";
    if (!response.ok) {
      where.textContent = await keneshError(response);
      return;
    }
    const page = await response.json();
    offset = at;
    count = page.count;
    list.append(option("любая", "", ""));
    for (const item of page.data) {
      const details = describe(item);
      list.append(option(item.name + (details ? " — " + details : ""), item.id, "(заседаний: " + item.meeting_count + ")"));
    }
    const found = kind === "persons" ? "Персон" : "Организаций";
    where.textContent = count
      ? found + ": " + count + ", показаны " + (offset + 1) + "–" + (offset + page.data.length)
      : "Ничего не найдено.";
    previous.disabled = offset === 0;
    next.disabled = offset + PICKER_PAGE >= count;
  }

  query.addEventListener("focus", () => {
    if (!returning) load(0);
  });
  query.addEventListener("input", () => {
    if (!query.value.trim()) chosen.value = ""; // an emptied box is «любая»
    clearTimeout(timer);
    timer = setTimeout(() => load(0), 250);
  });
  query.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" && !panel.hidden) {
      event.preventDefault();
      const first = list.querySelector("li");
      if (first) first.focus();
    } else if (event.key === "Escape") {
      close();
    } else if (event.key === "Enter" && !panel.hidden) {
      event.preventDefault(); // Enter chooses from the list (arrow down), it does not send a half-typed name
      const first = list.querySelector("li[data-id]:not([data-id=''])");
      if (first && list.querySelectorAll("li").length === 2) first.click(); // the only match
    }
  });
  previous.addEventListener("click", () => load(Math.max(0, offset - PICKER_PAGE)));
  next.addEventListener("click", () => load(offset + PICKER_PAGE));
  document.addEventListener("click", (event) => {
    if (!box.contains(event.target)) close();
  });
}

document.addEventListener("DOMContentLoaded", () => {
  for (const box of document.querySelectorAll(".picker")) keneshPicker(box);
});
