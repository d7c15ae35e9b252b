// Kenesh UI: calls to the API with the page's cookie, downloads, and the record's links into the text.
"use strict";

// The token is in an HttpOnly cookie that no script can read; the API takes it from the UI's own calls,
// which say so with this header (another site's page cannot send it).
const PAGE_HEADER = "X-Kenesh-Page";

async function keneshApi(path, options = {}) {
  const headers = Object.assign({}, options.headers || {}, { [PAGE_HEADER]: "1" });
  return fetch(path, Object.assign({}, options, { headers, credentials: "same-origin" }));
}

// What went wrong, in Russian: the API's detail through the table the pages use too (messages.json).
async function keneshError(response) {
  let detail = null;
  try {
    detail = (await response.json()).detail;
  } catch (_) {
    detail = null;
  }
  if (typeof detail === "string" && detail) return keneshRussian(detail);
  return KENESH_STATUS[response.status] || "ошибка " + response.status;
}

const KENESH_STATUS = {
  401: "Токен не принят: войдите снова.",
  403: "Это может сделать только архивист.",
  404: "Не найдено.",
  409: "Конфликт: обновите страницу и повторите.",
  413: "Слишком большой запрос.",
  422: "Запрос неверен.",
  429: "Слишком много запросов: подождите немного.",
  503: "Сервер перегружен: повторите позже.",
};
let keneshMessages = null;

// The same rules as service/ui/messages.py: a whole rule with «; » in it, else part by part.
async function keneshRussian(message) {
  if (!keneshMessages) {
    keneshMessages = fetch("/static/messages.json").then((response) => response.json()).then((data) => ({
      words: data.words,
      rules: data.messages.map((item) => ({ match: new RegExp(item.match), say: item.say })),
    }));
  }
  let table;
  try {
    table = await keneshMessages;
  } catch (_) {
    return message;
  }
  const rule = (text, joined) => {
    for (const { match, say } of table.rules) {
      if (joined && !match.source.includes("; ")) continue;
      const found = text.match(match);
      if (!found) continue;
      return say.replace(/\$(\d+)|\{(\d+)\}/g, (_, plain, again) =>
        plain !== undefined ? found[Number(plain)] || "" : inner(found[Number(again)] || ""));
    }
    return null;
  };
  const inner = (text) => {
    const found = rule(text, false);
    if (found !== null) return found;
    const listed = text.split(", ");
    return listed.every((word) => Object.hasOwn(table.words, word)) ? listed.map((word) => table.words[word]).join(", ") : text;
  };
  const whole = rule(message, true);
  return whole !== null ? whole : message.split("; ").map(inner).join("; ");
}

// The name the server gives a download (RFC 6266: the UTF-8 `filename*` first).
function keneshFilename(response, fallback) {
  const disposition = response.headers.get("Content-Disposition") || "";
  const utf8 = disposition.match(/filename\*=UTF-8''([^;]+)/i);
  if (utf8) return decodeURIComponent(utf8[1]);
  const plain = disposition.match(/filename="([^"]*)"/i);
  return plain ? plain[1] : fallback;
}

// Save an answer as a file. The blob is typed as bytes and only ever downloaded, never opened: a blob URL
// has this origin, and an uploaded HTML page opened from one would run its scripts here.
async function keneshSave(response, filename) {
  const blob = new Blob([await response.arrayBuffer()], { type: "application/octet-stream" });
  const save = document.createElement("a");
  save.href = URL.createObjectURL(blob);
  save.download = filename;
  document.body.appendChild(save);
  save.click();
  save.remove();
  setTimeout(() => URL.revokeObjectURL(save.href), 60000);
}

document.addEventListener("DOMContentLoaded", () => {
  // Earlier versions kept the token in localStorage, where any script of the origin could read it.
  localStorage.removeItem("kenesh_token");
  for (const back of document.querySelectorAll("a.js-back")) {
    back.addEventListener("click", (event) => {
      if (history.length < 2) return;
      event.preventDefault();
      history.back();
    });
  }
  // The original file: a download under its own name, whatever its type.
  for (const link of document.querySelectorAll("a.js-auth-link")) {
    link.addEventListener("click", async (event) => {
      event.preventDefault();
      const response = await keneshApi(link.getAttribute("href"));
      if (!response.ok) {
        link.title = "Не удалось: " + (await keneshError(response));
        return;
      }
      await keneshSave(response, keneshFilename(response, "kenesh-original"));
    });
  }
  // Exports need the token too: fetch, then save the blob under the name the link gives.
  for (const link of document.querySelectorAll("a.js-download")) {
    link.addEventListener("click", async (event) => {
      event.preventDefault();
      const response = await keneshApi(link.getAttribute("href"));
      if (!response.ok) {
        link.title = "Не удалось: " + (await keneshError(response));
        return;
      }
      await keneshSave(response, link.dataset.filename || keneshFilename(response, "kenesh-export"));
    });
  }
  // A record field: scroll its span into view and flash it.
  for (const field of document.querySelectorAll("a.field[data-anchor]")) {
    field.addEventListener("click", (event) => {
      const target = document.getElementById(field.dataset.anchor);
      if (!target) return;
      event.preventDefault();
      for (const old of document.querySelectorAll("mark.current")) old.classList.remove("current");
      target.classList.add("current");
      target.scrollIntoView({ behavior: "smooth", block: "center" });
      target.focus({ preventScroll: true });
      const where = document.getElementById("evidence-page");
      if (where && field.dataset.page) where.textContent = "«" + field.textContent + "» — страница " + field.dataset.page;
      history.replaceState(null, "", "#" + field.dataset.anchor);
    });
  }
});
