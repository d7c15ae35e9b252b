// Restore a version: a new version equal to it, so nothing in the history is lost.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const table = document.getElementById("versions");
  const status = document.getElementById("history-status");
  for (const button of table.querySelectorAll("button[data-restore]")) {
    button.addEventListener("click", async () => {
      if (!window.confirm("Сделать версию " + button.dataset.restore + " текущей? Новая версия добавится в историю.")) return;
      const url = "/v1/documents/" + table.dataset.document + "/record/versions/" + button.dataset.restore + "/restore";
      const response = await keneshApi(url, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ base_version: Number(table.dataset.current) }),
      });
      if (!response.ok) {
        status.textContent = "Не восстановлено: " + (await keneshError(response));
        status.classList.add("error");
        return;
      }
      const saved = await response.json();
      window.location.assign("/documents/" + table.dataset.document + "/history?saved=" + saved.version);
    });
  }
});
