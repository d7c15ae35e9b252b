// Kenesh UI: the token (a cookie for the pages, localStorage for the scripts), login and logout.
"use strict";

const COOKIE = "kenesh_token";

function keneshToken() {
  const stored = localStorage.getItem(COOKIE);
  if (stored) return stored;
  const match = document.cookie.match(/(?:^|;\s*)kenesh_token=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : null;
}

async function keneshApi(path, options = {}) {
  const headers = Object.assign({}, options.headers || {}, { Authorization: "Bearer " + keneshToken() });
  return fetch(path, Object.assign({}, options, { headers }));
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

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("login-form");
  if (form) {
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const token = document.getElementById("token-input").value.trim();
      const error = document.getElementById("login-error");
      const response = await fetch("/v1/auth/me", { headers: { Authorization: "Bearer " + token } });
      if (!response.ok) {
        error.textContent = "Токен не принят: " + (await keneshError(response));
        error.hidden = false;
        return;
      }
      localStorage.setItem(COOKIE, token);
      document.cookie = COOKIE + "=" + encodeURIComponent(token) + "; path=/; SameSite=Strict";
      window.location.assign(form.dataset.next || "/");
    });
  }
  const logout = document.getElementById("logout");
  if (logout) {
    logout.addEventListener("click", () => {
      localStorage.removeItem(COOKIE);
      document.cookie = COOKIE + "=; path=/; max-age=0; SameSite=Strict";
      window.location.assign("/login");
    });
  }
  // The original file needs the token: fetch it and hand the browser a blob.
  for (const link of document.querySelectorAll("a.js-auth-link")) {
    link.addEventListener("click", async (event) => {
      event.preventDefault();
      const response = await keneshApi(link.getAttribute("href"));
      if (!response.ok) return;
      const url = URL.createObjectURL(await response.blob());
      window.open(url, "_blank");
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
      const save = document.createElement("a");
      save.href = URL.createObjectURL(await response.blob());
      save.download = link.dataset.filename || "kenesh-export";
      document.body.appendChild(save);
      save.click();
      save.remove();
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
