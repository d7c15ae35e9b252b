// Kenesh UI: calls to the API with the page's cookie, downloads, and the record's links into the text.
"use strict";

// The token is in an HttpOnly cookie that no script can read; the API takes it from the UI's own calls,
// which say so with this header (another site's page cannot send it).
const PAGE_HEADER = "X-Kenesh-Page";

async function keneshApi(path, options = {}) {
  const headers = Object.assign({}, options.headers || {}, { [PAGE_HEADER]: "1" });
  return fetch(path, Object.assign({}, options, { headers, credentials: "same-origin" }));
}

async function keneshError(response) {
  try {
    const body = await response.json();
    return body.detail || response.statusText;
  } catch (_) {
    return response.status + " " + response.statusText;
  }
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
