"""The identity rule's evidence (storage/index.py) said in Russian, for the person page: why this appearance of a
name is this person, who decided it, and which namesakes it was kept apart from."""

from __future__ import annotations

from typing import Any

FIELDS = {
    "surname": "фамилия",
    "first_name": "имя",
    "initials": "инициалы",
    "none_given": "имя не названо",
    "organization": "организация",
    "position": "должность",
}
WHY = {
    "another person of this meeting": "другой человек того же заседания",
    "given name differs": "другое имя или инициалы",
    "neither organization nor position agrees": "не совпали ни организация, ни должность",
}
ACTIONS = {"split": "разделение", "merge": "объединение"}


def explain(evidence: dict[str, Any]) -> list[str]:
    """One line per reason, most important first; an archivist's decision, then the machine's that it replaced."""
    if evidence.get("rule") == "archivist":
        decision = evidence.get("decision", {})
        who = decision.get("by_name") or "архивист"
        when = str(decision.get("at", ""))[:16].replace("T", " ")
        action = ACTIONS.get(decision.get("action", ""), decision.get("action", ""))
        lines = [f"Решение архивиста ({action}): {who}, {when} UTC"]
        machine = evidence.get("machine") or {}
        return lines + [f"Прежде программа: {line}" for line in explain(machine)] if machine else lines
    if evidence.get("rule") == "matched":
        fields = ", ".join(FIELDS.get(name, name) for name in evidence.get("fields", []))
        found = evidence.get("matched_name") or ""
        where = ", ".join(
            part for part in (evidence.get("matched_position"), evidence.get("matched_organization")) if part
        )
        lines = [f"Совпали: {fields} — с «{found}»{f' ({where})' if where else ''}"]
    elif evidence.get("rule") == "new":
        lines = ["Новая персона: ни с кем в архиве не совпала"]
    else:
        return []
    for other in evidence.get("rejected", []):
        lines.append(f"Не объединена с «{other.get('name')}»: {WHY.get(other.get('why', ''), other.get('why', ''))}")
    return lines
