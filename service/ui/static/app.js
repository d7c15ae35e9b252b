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

async function keneshError(response) {
  try {
    const body = await response.json();
    return body.detail || response.statusText;
  } catch (_) {
    return response.status + " " + response.statusText;
  }
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
