// Archive-wide identity, by an archivist: merge and split persons (person page, search results), merge, rename
// and split organizations (organization page). Every change is confirmed first and said done («Сохранено»)
// after the page reloads; the API keeps the decision when documents are indexed again.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const status = document.getElementById("curate-status");
  const error = document.getElementById("curate-error");

  async function post(path, body) {
    if (error) error.hidden = true;
    if (status) status.textContent = "Сохранение…";
    const response = await keneshApi(path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!response.ok) {
      const reason = "Не сохранено: " + (await keneshError(response));
      if (status) status.textContent = "";
      if (error) {
        error.textContent = reason;
        error.hidden = false;
      } else if (status) {
        status.textContent = reason;
      }
      return null;
    }
    return response.json();
  }

  function go(path) {
    window.location.assign(path + (path.includes("?") ? "&" : "?") + "saved=1");
  }

  // Find another person or organization by name and merge it into this one.
  const box = document.querySelector(".merge-box");
  if (box) {
    const kind = box.dataset.kind;
    const query = document.getElementById("merge-query");
    const list = document.getElementById("merge-candidates");
    let asked = 0;
    const describe = (item) => kind === "persons"
      ? [item.position, item.organization].filter(Boolean).join(", ")
      : item.aliases.join(", ");
    query.addEventListener("input", async () => {
      const wanted = query.value.trim();
      const ticket = ++asked;
      if (wanted.length < 2) {
        list.textContent = "";
        return;
      }
      const response = await keneshApi("/v1/" + kind + "?limit=10&q=" + encodeURIComponent(wanted));
      if (ticket !== asked) return; // a later keystroke asked again
      list.textContent = "";
      if (!response.ok) {
        list.textContent = await keneshError(response);
        return;
      }
      const answer = await response.json();
      const found = answer.data.filter((item) => item.id !== box.dataset.id);
      if (!found.length) {
        const li = document.createElement("li");
        li.textContent = "Никого не найдено.";
        list.appendChild(li);
      } else if (answer.count > answer.data.length) {
        // A candidate list says how many match; more words narrow it to the one meant.
        const li = document.createElement("li");
        li.className = "hint";
        li.textContent = "Показаны " + answer.data.length + " из " + answer.count + ": уточните название.";
        list.appendChild(li);
      }
      for (const item of found) {
        const li = document.createElement("li");
        const link = document.createElement("a");
        link.href = "/" + kind + "/" + item.id;
        link.textContent = item.name;
        link.target = "_blank";
        li.appendChild(link);
        const about = describe(item);
        li.append(" " + (about ? "— " + about + " " : "") + "(заседаний: " + item.meeting_count + ") ");
        const button = document.createElement("button");
        button.type = "button";
        button.className = "small-button";
        button.textContent = "Объединить";
        button.setAttribute("aria-label", "Объединить с «" + item.name + "»");
        button.addEventListener("click", async () => {
          const question = "Объединить «" + item.name + "» с «" + box.dataset.name + "»? «" + item.name +
            "» исчезнет, его заседания перейдут сюда.";
          if (!window.confirm(question)) return;
          const field = kind === "persons" ? "person_id" : "organization_id";
          const merged = await post("/v1/" + kind + "/" + box.dataset.id + "/merge", { [field]: item.id });
          if (merged) go("/" + kind + "/" + merged.id);
        });
        li.appendChild(button);
        list.appendChild(li);
      }
    });
  }

  // Person page: the ticked appearances are someone else.
  const split = document.getElementById("person-split");
  if (split) {
    const picks = [...document.querySelectorAll("input.split-pick")];
    const picked = () => picks.filter((pick) => pick.checked).map((pick) => Number(pick.value));
    for (const pick of picks) {
      pick.addEventListener("change", () => {
        split.disabled = !picked().length || picked().length === picks.length;
      });
    }
    split.addEventListener("click", async () => {
      if (!window.confirm("Отделить отмеченные появления (" + picked().length + ") в новую персону?")) return;
      const created = await post("/v1/persons/" + split.dataset.person + "/split", { appearance_ids: picked() });
      if (created) go("/persons/" + created.id);
    });
  }

  // Search results: the ticked persons are one; the first ticked stays.
  const mergePersons = document.getElementById("persons-merge");
  if (mergePersons) {
    const picks = [...document.querySelectorAll("#person-results input.merge-pick")];
    const picked = () => picks.filter((pick) => pick.checked);
    for (const pick of picks) pick.addEventListener("change", () => { mergePersons.disabled = picked().length < 2; });
    mergePersons.addEventListener("click", async () => {
      const [kept, ...others] = picked();
      const names = picked().map((pick) => "«" + pick.dataset.name + "»").join(", ");
      if (!window.confirm("Объединить " + names + " в одну персону?")) return;
      for (const other of others) {
        if (!(await post("/v1/persons/" + kept.value + "/merge", { person_id: other.value }))) return;
      }
      go("/persons/" + kept.value);
    });
  }

  // Organization page: rename, split names off.
  const curate = document.getElementById("organization-curate");
  if (curate) {
    const base = "/v1/organizations/" + curate.dataset.id;
    document.getElementById("organization-rename").addEventListener("submit", async (event) => {
      event.preventDefault();
      const name = document.getElementById("rename-name").value.trim();
      if (!name) return;
      const renamed = await post(base + "/rename", { name });
      if (renamed) go("/organizations/" + renamed.id);
    });
    const splitNames = document.getElementById("split-names");
    if (splitNames) {
      const boxes = [...curate.querySelectorAll("input[name=split-name]")];
      const chosen = () => boxes.filter((item) => item.checked).map((item) => item.value);
      for (const item of boxes) {
        item.addEventListener("change", () => {
          splitNames.disabled = !chosen().length || chosen().length === boxes.length;
        });
      }
      splitNames.addEventListener("click", async () => {
        const names = chosen();
        const question = "Отделить в новую организацию: " + names.map((name) => "«" + name + "»").join(", ") +
          "? Документы с этими названиями перейдут к ней.";
        if (!window.confirm(question)) return;
        const created = await post(base + "/split", { names });
        if (created) go("/organizations/" + created.id);
      });
    }
  }
});
