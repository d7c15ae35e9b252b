// The documents list and the review queue: a selection and its bulk actions, "mark reviewed", the N key.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  // N (outside a field) goes to the next unreviewed document, as the link with accesskey="n" does.
  const next = document.getElementById("next-unreviewed");
  if (next) {
    document.addEventListener("keydown", (event) => {
      if (event.key !== "n" && event.key !== "N" && event.key !== "т" && event.key !== "Т") return;
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      const target = event.target;
      if (target.closest && target.closest("input, textarea, select, [contenteditable], dialog")) return;
      if (window.getSelection && String(window.getSelection()).length) return; // selecting text to add an entity
      event.preventDefault();
      window.location.assign(next.getAttribute("href"));
    });
  }

  const review = document.getElementById("mark-reviewed");
  if (review) {
    review.addEventListener("click", async () => {
      const status = document.getElementById("reviewed-status");
      review.disabled = true;
      const response = await keneshApi("/v1/documents/" + review.dataset.document + "/review", { method: "POST" });
      if (!response.ok) {
        status.textContent = "Не удалось отметить: " + (await keneshError(response));
        review.disabled = false;
        return;
      }
      const body = await response.json();
      status.textContent = "Проверено (версия " + body.reviewed_version + ").";
      status.dataset.reviewed = "yes";
      review.hidden = true;
    });
  }

  const bulk = document.getElementById("bulk");
  if (!bulk) return;
  const picks = [...document.querySelectorAll("input.pick")];
  const all = document.getElementById("select-all");
  const count = document.getElementById("bulk-count");
  const status = document.getElementById("bulk-status");
  const buttons = [...bulk.querySelectorAll("button[data-bulk]")];
  const chosen = () => picks.filter((pick) => pick.checked).map((pick) => pick.value);

  function update() {
    const n = chosen().length;
    count.textContent = "Выбрано: " + n;
    for (const button of buttons) button.disabled = n === 0;
    all.checked = n > 0 && n === picks.length;
    all.indeterminate = n > 0 && n < picks.length;
  }
  for (const pick of picks) pick.addEventListener("change", update);
  all.addEventListener("change", () => {
    for (const pick of picks) pick.checked = all.checked;
    update();
  });

  const DONE = { reextract: "поставлено на извлечение", review: "отмечено проверенными", delete: "удалено" };
  for (const button of buttons) {
    button.addEventListener("click", async () => {
      const ids = chosen();
      if (!ids.length) return;
      const action = button.dataset.bulk;
      if (action === "export") return download(ids);
      if (action === "delete" && !window.confirm(
        "Удалить выбранные документы (" + ids.length + ") со всеми версиями записей, заданиями и файлами? " +
        "Это нельзя отменить.")) return;
      for (const other of buttons) other.disabled = true;
      status.textContent = "Выполняется…";
      const response = await keneshApi("/v1/documents/bulk", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ action, document_ids: ids }),
      });
      if (!response.ok) {
        status.textContent = "Не удалось: " + (await keneshError(response));
        update();
        return;
      }
      const result = await response.json();
      const failed = result.data.filter((item) => !item.ok);
      status.textContent = "Готово: " + DONE[action] + " " + result.done + " из " + result.count +
        (failed.length ? ". Не удалось: " + failed.map((item) => item.detail).join("; ") : ".");
      status.dataset.done = String(result.done);
      for (const item of result.data) if (item.ok) redraw(action, item);
      update();
    });
  }

  // The rows show what the action did, without a reload that would lose the status line.
  function redraw(action, item) {
    const row = document.querySelector('tr[data-document="' + item.document_id + '"]');
    if (!row) return;
    if (action === "delete") {
      picks.splice(picks.indexOf(row.querySelector("input.pick")), 1);
      row.remove();
      const total = document.getElementById("documents-count");
      const n = parseInt(total.textContent.replace(/\D/g, ""), 10);
      if (!Number.isNaN(n)) total.textContent = "(" + (n - 1) + ")";
    } else if (action === "review") {
      row.dataset.reviewed = "yes";
      row.querySelector(".review").textContent = "проверено";
    } else {
      row.dataset.state = "queued";
      row.querySelector(".job-state").textContent = "в очереди";
    }
    const pick = row.querySelector("input.pick");
    if (pick) pick.checked = false;
  }

  async function download(ids) {
    const query = ids.map((id) => "document_id=" + encodeURIComponent(id)).join("&");
    const response = await keneshApi("/v1/export?format=xlsx&" + query);
    if (!response.ok) {
      status.textContent = "Не удалось выгрузить: " + (await keneshError(response));
      return;
    }
    const save = document.createElement("a");
    save.href = URL.createObjectURL(await response.blob());
    save.download = "kenesh-selection.xlsx";
    document.body.appendChild(save);
    save.click();
    save.remove();
    status.textContent = "Выгружено документов: " + ids.length + ".";
  }
});
