// Review and correct a record: every change is one PATCH /v1/documents/{id}/record naming the version it was
// made on, so the server stores a new version (or answers 409 when someone else saved first).
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const article = document.getElementById("doc-text");
  if (!article) return;
  const documentId = article.dataset.document;
  const baseVersion = Number(article.dataset.version);
  const persons = JSON.parse(document.getElementById("record-persons").textContent);
  const status = document.getElementById("review-status");

  async function save(operations, note) {
    status.textContent = "Сохранение…";
    const response = await keneshApi("/v1/documents/" + documentId + "/record", {
      method: "PATCH",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ base_version: baseVersion, operations, note: note || null }),
    });
    if (!response.ok) {
      const reason = await keneshError(response);
      status.textContent = "Не сохранено: " + reason;
      status.classList.add("error");
      return reason;
    }
    const saved = await response.json();
    status.textContent = "Сохранено: версия " + saved.version + ".";
    window.location.assign("/documents/" + documentId + "?saved=" + saved.version);
    return null;
  }

  // Remove a false entity (or a decision), once the archivist confirms it.
  for (const button of document.querySelectorAll("button[data-drop]")) {
    button.addEventListener("click", () => {
      if (!window.confirm("Удалить «" + button.dataset.name + "» из записи? Прежняя версия останется в истории.")) return;
      const ref = button.dataset.drop === "person" ? button.dataset.ref : Number(button.dataset.ref);
      save([{ op: "drop", entity: button.dataset.drop, ref }], "удалено в интерфейсе");
    });
  }

  // The meeting's own fields, its topics, its decisions: each a dialog whose form makes one operation.
  for (const button of document.querySelectorAll("button[data-close]")) {
    button.addEventListener("click", () => document.getElementById(button.dataset.close).close());
  }

  async function saveFrom(form, operations) {
    const error = form.querySelector("p.error");
    error.hidden = true;
    const reason = await save(operations, form.elements.note.value);
    if (reason) {
      error.textContent = reason;
      error.hidden = false;
    }
  }

  const meeting = JSON.parse(document.getElementById("record-meeting").textContent);
  const meetingDialog = document.getElementById("meeting-dialog");
  const meetingForm = document.getElementById("meeting-form");
  const MEETING_FIELDS = ["title", "body", "number", "date", "place"];
  document.getElementById("meeting-edit").addEventListener("click", () => {
    for (const name of MEETING_FIELDS) meetingForm.elements[name].value = meeting[name] || "";
    meetingForm.elements.note.value = "";
    meetingForm.querySelector("p.error").hidden = true;
    meetingDialog.showModal();
    meetingForm.elements.title.focus();
  });
  meetingForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const set = {};
    for (const name of MEETING_FIELDS) {
      const value = meetingForm.elements[name].value.trim();
      if (value !== (meeting[name] || "")) set[name] = value || null;
    }
    if (!Object.keys(set).length) {
      meetingDialog.close();
      return;
    }
    await saveFrom(meetingForm, [{ op: "edit_meeting", set }]);
  });

  const topicsDialog = document.getElementById("topics-dialog");
  const topicsForm = document.getElementById("topics-form");
  const current = [...document.querySelectorAll("#topics li[data-topic]")].map((li) => li.dataset.topic);
  document.getElementById("topics-edit").addEventListener("click", () => {
    for (const box of topicsForm.querySelectorAll("input[name=topic]")) box.checked = current.includes(box.value);
    topicsForm.elements.note.value = "";
    topicsForm.querySelector("p.error").hidden = true;
    topicsDialog.showModal();
  });
  topicsForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const checked = [...topicsForm.querySelectorAll("input[name=topic]:checked")].map((box) => box.value);
    // The topics kept stay in their order; the ones added follow.
    const topics = [...current.filter((id) => checked.includes(id)), ...checked.filter((id) => !current.includes(id))];
    if (topics.length === current.length && topics.every((id, index) => id === current[index])) {
      topicsDialog.close();
      return;
    }
    await saveFrom(topicsForm, [{ op: "set_topics", topics }]);
  });

  const decisions = JSON.parse(document.getElementById("record-decisions").textContent);
  const decisionDialog = document.getElementById("decision-dialog");
  const decisionForm = document.getElementById("decision-form");
  let decisionIndex = null;
  function openDecision(index) {
    decisionIndex = index;
    document.getElementById("decision-title").textContent = index === null ? "Новое решение" : "Решение " + (index + 1);
    decisionForm.elements.text.value = index === null ? "" : decisions[index];
    decisionForm.elements.note.value = "";
    decisionForm.querySelector("p.error").hidden = true;
    decisionDialog.showModal();
    decisionForm.elements.text.focus();
  }
  document.getElementById("decision-add").addEventListener("click", () => openDecision(null));
  for (const button of document.querySelectorAll("button[data-decision-edit]")) {
    button.addEventListener("click", () => openDecision(Number(button.dataset.decisionEdit)));
  }
  decisionForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = decisionForm.elements.text.value.trim();
    if (!text) return;
    if (decisionIndex !== null && text === decisions[decisionIndex]) {
      decisionDialog.close();
      return;
    }
    const operation = decisionIndex === null ? { op: "add_decision", text } :
      { op: "edit_decision", decision: decisionIndex, text };
    await saveFrom(decisionForm, [operation]);
  });

  // Merge the ticked persons into the first of them.
  const mergeButton = document.getElementById("merge-button");
  const picks = [...document.querySelectorAll("input.merge-pick")];
  const picked = () => picks.filter((box) => box.checked).map((box) => box.value);
  if (mergeButton) {
    for (const box of picks) box.addEventListener("change", () => { mergeButton.disabled = picked().length < 2; });
    mergeButton.addEventListener("click", () => {
      const [into, ...others] = picked();
      if (!others.length) return;
      const names = picked().map((id) => persons.find((person) => person.id === id).name).join(", ");
      if (!window.confirm("Объединить в одну персону: " + names + "?")) return;
      save([{ op: "merge_persons", into, persons: others }]);
    });
  }

  // Edit one person, or split some of its mentions off to somebody else.
  const dialog = document.getElementById("edit-dialog");
  const form = document.getElementById("edit-form");
  const editError = document.getElementById("edit-error");
  const TEXT_FIELDS = ["name", "surname", "first_name", "patronymic", "position", "organization"];
  let editing = null;

  for (const button of document.querySelectorAll("button[data-edit]")) {
    button.addEventListener("click", () => open(persons.find((person) => person.id === button.dataset.edit)));
  }

  function open(person) {
    editing = person;
    editError.hidden = true;
    document.getElementById("edit-title").textContent = "Персона: " + person.name;
    for (const name of TEXT_FIELDS) form.elements[name].value = person[name] || "";
    form.elements.role.value = person.role;
    form.elements.spoke.checked = person.spoke;
    form.elements.note.value = "";
    const list = document.getElementById("split-mentions");
    list.textContent = "";
    person.mentions.forEach((mention, index) => {
      const li = document.createElement("li");
      const id = "split-" + index;
      li.innerHTML = '<input type="checkbox"> <label></label>';
      li.querySelector("input").id = id;
      li.querySelector("input").value = index;
      const label = li.querySelector("label");
      label.htmlFor = id;
      label.textContent = "«" + mention.text + "» (символы " + mention.start + "–" + mention.end +
        (mention.page ? ", стр. " + mention.page : "") + ")";
      list.appendChild(li);
    });
    document.getElementById("split-box").hidden = person.mentions.length < 2;
    dialog.showModal();
    form.elements.position.focus();
  }

  async function failInDialog(reason) {
    if (reason) {
      editError.textContent = reason;
      editError.hidden = false;
    }
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const set = {};
    for (const name of TEXT_FIELDS) {
      const value = form.elements[name].value.trim();
      if (value !== (editing[name] || "")) set[name] = value || null;
    }
    if (form.elements.role.value !== editing.role) set.role = form.elements.role.value;
    if (form.elements.spoke.checked !== editing.spoke) set.spoke = form.elements.spoke.checked;
    if (!Object.keys(set).length) {
      dialog.close();
      return;
    }
    await failInDialog(await save([{ op: "edit_person", person: editing.id, set }], form.elements.note.value));
  });

  document.getElementById("edit-cancel").addEventListener("click", () => dialog.close());

  document.getElementById("split-save").addEventListener("click", async () => {
    const mentions = [...document.querySelectorAll("#split-mentions input:checked")].map((box) => Number(box.value));
    const name = document.getElementById("split-name").value.trim();
    const surname = document.getElementById("split-surname").value.trim();
    if (!mentions.length || !name || !surname) {
      await failInDialog("Отметьте упоминания и укажите имя и фамилию нового человека.");
      return;
    }
    if (!window.confirm("Отделить отмеченные упоминания (" + mentions.length + ") в новую персону «" + name + "»?")) return;
    await failInDialog(await save([{ op: "split_person", person: editing.id, mentions, set: { name, surname } }]));
  });

  // Add a missed entity (or a missed mention) from a selection in the text. Each run of text carries its
  // offset in the document text (data-o), so the selection's bounds are offsets without any re-counting.
  const panel = document.getElementById("add-panel");
  let selected = null;

  function offsetOf(node, offset) {
    if (node.nodeType === Node.TEXT_NODE) {
      const run = node.parentElement.closest("[data-o]");
      return run && article.contains(run) ? Number(run.dataset.o) + offset : null;
    }
    const runs = [...article.querySelectorAll("[data-o]")];
    const child = node.childNodes[offset];
    for (const run of runs) {
      const after = child ? child === run || child.contains(run) ||
        child.compareDocumentPosition(run) & Node.DOCUMENT_POSITION_FOLLOWING : false;
      if (after) return Number(run.dataset.o);
    }
    const last = runs[runs.length - 1];
    return last ? Number(last.dataset.o) + last.textContent.length : null;
  }

  function onSelection() {
    const selection = window.getSelection();
    if (!selection.rangeCount || selection.isCollapsed) return;
    const range = selection.getRangeAt(0);
    if (!article.contains(range.commonAncestorContainer)) return;
    const start = offsetOf(range.startContainer, range.startOffset);
    const end = offsetOf(range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) return;
    selected = { start, end };
    document.getElementById("add-text").textContent = selection.toString().trim();
    document.getElementById("add-range").textContent = "символы " + start + "–" + end;
    chooseOverlapping(start, end);
    panel.hidden = false;
  }

  // The mention the selection most overlaps is the one to correct, most likely: it is chosen first.
  const fixMention = document.getElementById("fix-mention");
  function chooseOverlapping(start, end) {
    if (!fixMention) return;
    let best = null;
    let most = 0;
    for (const option of fixMention.options) {
      const overlap = Math.min(end, Number(option.dataset.end)) - Math.max(start, Number(option.dataset.start));
      if (overlap > most) {
        most = overlap;
        best = option;
      }
    }
    if (best) fixMention.value = best.value;
  }
  if (fixMention) {
    document.getElementById("fix-mention-save").addEventListener("click", () => {
      if (!selected) return;
      const option = fixMention.selectedOptions[0];
      if (!option) return;
      save(
        [{
          op: "edit_mention",
          entity: option.dataset.entity,
          ref: Number(option.dataset.ref),
          mention: Number(option.dataset.mention),
          start: selected.start,
          end: selected.end,
        }],
        "границы упоминания исправлены по выделению",
      );
    });
  }

  article.addEventListener("mouseup", onSelection);
  article.addEventListener("keyup", onSelection);

  for (const button of panel.querySelectorAll("button[data-add]")) {
    button.addEventListener("click", () => {
      if (!selected) return;
      const operation = { op: "add", entity: button.dataset.add, start: selected.start, end: selected.end };
      const surname = document.getElementById("add-surname").value.trim();
      if (button.dataset.add === "person" && surname) operation.set = { surname };
      save([operation], "добавлено из выделения");
    });
  }
  document.getElementById("add-close").addEventListener("click", () => {
    panel.hidden = true;
    selected = null;
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !panel.hidden) panel.hidden = true;
  });
  const addMention = document.getElementById("add-mention");
  addMention.addEventListener("click", () => {
    if (!selected) return;
    const to = document.getElementById("add-to").value;
    save([{ op: "add", entity: "person", start: selected.start, end: selected.end, to }], "упоминание из выделения");
  });
});
