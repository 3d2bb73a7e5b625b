"""Read and write scenario files (YAML or JSON) with errors that name the file and field path."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from detente.errors import InputError
from detente.scenario.schema import Scenario

# Lists whose items are named by their id (or actor/issue) in error paths, so that
# "stances[7]" reads "stances[7] (RUS/summit)".
_LABELS = {
    "stances": lambda d: f"{d.get('actor')}/{d.get('issue')}",
}


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses duplicate keys (PyYAML silently keeps the last one, which
    would drop a value without a word) and aliases (a scenario needs none, and nested
    aliases can make validation walk an exponentially large tree)."""

    def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.constructor.ConstructorError(
                None, None, "aliases (*name) are not allowed in scenario files", event.start_mark)
        return super().compose_node(parent, index)

    def construct_mapping(self, node, deep=False):  # type: ignore[no-untyped-def]
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if isinstance(key, (str, int, float)) and key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark)
            if isinstance(key, (str, int, float)):
                seen.add(key)
        return super().construct_mapping(node, deep=deep)


def read_yaml(text: str) -> Any:
    """Parse YAML with the strict loader (see `_StrictLoader`)."""
    return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass


def _label(item: Any, key: str) -> str:
    if not isinstance(item, dict):
        return ""
    if key in _LABELS:
        return f" ({_LABELS[key](item)})"
    return f" ({item['id']})" if isinstance(item.get("id"), str) else ""


def _path(loc: tuple[Any, ...], data: Any) -> str:
    """A pydantic location as a readable field path, e.g. ``stances[3] (RUS/summit).position.low``."""
    parts: list[str] = []
    node = data
    key = None
    for step in loc:
        if isinstance(step, int):
            item = node[step] if isinstance(node, list) and step < len(node) else None
            parts.append(f"[{step}]{_label(item, key) if key else ''}")
            node = item
        else:
            parts.append(f".{step}" if parts else str(step))
            node = node.get(step) if isinstance(node, dict) else None
            key = step
    return "".join(parts)


def format_validation_error(exc: ValidationError, data: Any, where: str) -> str:
    """One line: the file, the first bad field's path and what is wrong (plus a count of the rest)."""
    errors = exc.errors(include_url=False)
    first = errors[0]
    loc = tuple(x for x in first["loc"] if x not in ("function-after[_bare_number(), Value]",))
    path = _path(loc, data)
    msg = first["msg"]
    if first["type"] == "missing":
        msg = "missing required field"
    elif first["type"] == "extra_forbidden":
        msg = "unknown field (not in the scenario schema)"
    more = f" (and {len(errors) - 1} more problem{'s' if len(errors) > 2 else ''})" if len(errors) > 1 else ""
    return f"{where}: {path + ': ' if path else ''}{msg}{more}"


def parse_scenario(data: Any, where: str = "<scenario>") -> Scenario:
    """Validate already-parsed YAML/JSON data; InputError with file and field path on failure."""
    if not isinstance(data, dict):
        raise InputError(f"{where}: a scenario must be a mapping at the top level, got {type(data).__name__}")
    try:
        return Scenario.model_validate(data)
    except ValidationError as exc:
        raise InputError(format_validation_error(exc, data, where)) from None


def load_scenario(path: Path | str) -> Scenario:
    """Read a scenario from a .yaml/.yml/.json file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: no such scenario file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read scenario file: {exc}") from None
    try:
        if path.suffix.lower() == ".json":
            data = json.loads(text)
        else:
            data = read_yaml(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: line {exc.lineno}: not valid JSON: {exc.msg}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise InputError(f"{path}: {where}not valid YAML: {problem}") from None
    return parse_scenario(data, str(path))


def _tidy(node: Any) -> Any:
    """Whole floats as ints (5 not 5.0) and key-point keys as numbers, for readable YAML."""
    if isinstance(node, float) and node.is_integer():
        return int(node)
    if isinstance(node, list):
        return [_tidy(x) for x in node]
    if isinstance(node, dict):
        return {(int(k) if isinstance(k, str) and k.lstrip("-").isdigit() else k): _tidy(v) for k, v in node.items()}
    return node


def scenario_data(scenario: Scenario) -> dict[str, Any]:
    """The scenario as plain data (dates as ISO strings), without defaulted empty parts."""
    return _tidy(scenario.model_dump(mode="json", by_alias=True, exclude_defaults=True))


def dump_yaml(scenario: Scenario | dict[str, Any]) -> str:
    """YAML text of a scenario (keys in schema order, unicode kept, long lines not folded)."""
    data = scenario_data(scenario) if isinstance(scenario, Scenario) else scenario
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1_000_000)


def dump_json(scenario: Scenario) -> str:
    return json.dumps(scenario_data(scenario), ensure_ascii=False, indent=2)


def write_text_atomic(path: Path, text: str) -> None:
    """Write via a temporary file and rename, so a failure leaves no half-written file."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
