// Upload: many files in one POST /v1/documents, then all their jobs followed over one Server-Sent Events stream
// (a browser opens at most six connections to a host: a stream per job left the seventh file's row blank).
"use strict";

const STATES = { queued: "в очереди", running: "обработка", done: "готово", failed: "ошибка" };
const jobs = new Map();

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("upload-form");
  if (!form) return;
  const stages = JSON.parse(form.dataset.stages);
  const input = document.getElementById("file-input");
  const zone = document.getElementById("drop-zone");
  const error = document.getElementById("upload-error");

  for (const name of ["dragenter", "dragover"]) {
    zone.addEventListener(name, (event) => { event.preventDefault(); zone.classList.add("over"); });
  }
  for (const name of ["dragleave", "drop"]) {
    zone.addEventListener(name, () => zone.classList.remove("over"));
  }
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    if (event.dataTransfer.files.length) send(event.dataTransfer.files);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (input.files.length) send(input.files);
  });

  async function send(files) {
    error.hidden = true;
    const body = new FormData();
    for (const file of files) body.append("files", file, file.name);
    const response = await keneshApi("/v1/documents", { method: "POST", body });
    if (!response.ok) {
      error.textContent = "Не удалось загрузить: " + (await keneshError(response));
      error.hidden = false;
      return;
    }
    const result = await response.json();
    document.getElementById("batch").hidden = false;
    const rows = new Map();
    for (const item of result.data) {
      const li = row(item);
      if (!rows.has(item.job_id)) rows.set(item.job_id, []);
      rows.get(item.job_id).push(li); // the same bytes twice in a batch: two rows, one job
      show(li, { id: item.job_id, state: "queued", percent: 0 }); // shown at once, before the stream speaks
    }
    input.value = "";
    follow(rows);
  }

  function row(item) {
    const li = document.createElement("li");
    li.className = "job";
    li.dataset.job = item.job_id;
    const id = "job-" + item.job_id;
    li.innerHTML =
      '<label for="' + id + '"></label> <progress id="' + id + '" max="100" value="0"></progress> ' +
      '<span class="job-status"></span> <span class="job-actions"></span>';
    li.querySelector("label").textContent = item.filename || item.document_id;
    li.dataset.document = item.document_id;
    if (item.duplicate) li.querySelector("label").textContent += " (уже в архиве)";
    document.getElementById("jobs").appendChild(li);
    return li;
  }

  function show(li, job) {
    jobs.set(job.id, job);
    li.querySelector("progress").value = job.state === "done" ? 100 : job.percent;
    li.dataset.state = job.state;
    let text = STATES[job.state] || job.state;
    if (job.state === "running" && job.stage) text += ": " + (stages[job.stage] || job.stage);
    if (job.state !== "done") text += " (" + job.percent + "%)";
    li.querySelector(".job-status").textContent = text;
    if (job.state === "failed" && job.error) {
      keneshRussian(job.error).then((reason) => {
        if (li.dataset.state === "failed") li.querySelector(".job-status").textContent = text + " — " + reason;
      });
    }
    const actions = li.querySelector(".job-actions");
    actions.textContent = "";
    if (job.state === "done") {
      const link = document.createElement("a");
      link.href = "/documents/" + li.dataset.document;
      link.textContent = "Открыть документ";
      actions.appendChild(link);
    } else if (job.state === "failed") {
      const retry = document.createElement("button");
      retry.type = "button";
      retry.textContent = "Повторить";
      retry.addEventListener("click", async () => {
        const response = await keneshApi("/v1/jobs/" + job.id + "/retry", { method: "POST" });
        if (response.ok) follow(new Map([[job.id, [li]]]));
        else li.querySelector(".job-status").textContent = "Повтор не удался: " + (await keneshError(response));
      });
      actions.appendChild(retry);
    }
    batch();
  }

  function batch() {
    const all = [...jobs.values()];
    const percent = all.reduce((sum, job) => sum + (job.state === "done" ? 100 : job.percent), 0) / all.length;
    document.getElementById("batch-progress").value = Math.round(percent);
    const done = all.filter((job) => job.state === "done").length;
    const failed = all.filter((job) => job.state === "failed").length;
    document.getElementById("batch-status").textContent =
      "готово " + done + " из " + all.length + (failed ? ", ошибок: " + failed : "");
  }

  // EventSource cannot send a bearer token, so the stream is read with fetch; polling is the fallback.
  // `rows`: job id → its rows. One stream for the whole batch, whatever its size.
  async function follow(rows) {
    const each = (jobId, fn) => { for (const li of rows.get(jobId) || []) fn(li); };
    try {
      const query = [...rows.keys()].map((id) => "ids=" + encodeURIComponent(id)).join("&");
      const response = await keneshApi("/v1/jobs/events?" + query);
      if (!response.ok || !response.body) throw new Error(await keneshError(response));
      for (const lis of rows.values()) for (const li of lis) li.dataset.via = "sse";
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let cut;
        while ((cut = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const data = block.split("\n").filter((line) => line.startsWith("data: ")).map((line) => line.slice(6));
          if (block.startsWith("event: progress") && data.length) {
            const job = JSON.parse(data.join("\n"));
            each(job.id, (li) => show(li, job));
          }
        }
      }
    } catch (_) {
      await Promise.all([...rows.keys()].map((jobId) => poll(rows.get(jobId), jobId)));
    }
  }

  async function poll(lis, jobId) {
    for (const li of lis) li.dataset.via = "poll";
    for (;;) {
      const response = await keneshApi("/v1/jobs/" + jobId);
      if (response.ok) {
        const job = await response.json();
        for (const li of lis) show(li, job);
        if (job.state === "done" || job.state === "failed") return;
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
});
