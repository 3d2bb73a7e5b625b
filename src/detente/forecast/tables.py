"""Actor tables in and out: KTAB's CSV layout, a plain CSV, JSON, and the DEU benchmark layout.

Every reader returns one `ActorTable` (arrays in the shape the models take) and checks the
file once, naming the file, line and cell of any problem (InputError). An actor without a
position on an issue (blank cell, JSON null) gets NaN there; the models skip it on that issue
and the table lists it in ``notes`` so the CLI can say so.

KTAB layout (KTAB ``SMPModel::csvRead``, see KTAB.md sec. 1.1): line 1
``name, description, numActors, numDims``; line 2 a header whose first three cells are
skipped, then a (position, salience) pair per dimension; then one row per actor
``name, description, capability, pos_1, sal_1, ...``. Positions and saliences are on 0-100.

Plain CSV: a header with ``actor`` (or Actor/Name/Stakeholder), optional ``description``,
``capability`` (or Capability/Influence/Power/Clout/c), then for one issue ``position`` and
``salience`` (or x, s) or for several ``position:<issue>`` and ``salience:<issue>``. Rows named
``status_quo`` or ``outcome`` give those points per issue. Saliences are on [0, 1] unless
``salience_scale=100`` is declared.

JSON: ``{"name", "issues": [...], "scale": [lo, hi], "salience_scale": 1 | 100,
"status_quo": [...], "outcome": [...], "actors": [{"name", "description", "capability",
"position": [...], "salience": [...]}]}``; a single issue may give numbers instead of lists.
"""

from __future__ import annotations

import csv
import io
import json
import math
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from detente.errors import InputError

NAME_KEYS = ("actor", "name", "stakeholder")
CAPABILITY_KEYS = ("capability", "influence", "power", "clout", "c")
POSITION_KEYS = ("position", "x")
SALIENCE_KEYS = ("salience", "s")


@dataclass(frozen=True)
class ActorTable:
    """One scenario: n actors on k issues, arrays shaped for ``registry.get(name).predict``."""

    name: str
    actors: list[str]
    issues: list[str]
    capability: np.ndarray  # (n,)
    position: np.ndarray  # (n, k), NaN = no position
    salience: np.ndarray  # (n, k) on [0, 1], 0 where no position
    descriptions: list[str] = field(default_factory=list)
    status_quo: np.ndarray | None = None  # (k,), NaN = none
    outcome: np.ndarray | None = None  # (k,), known outcomes for the backtest
    scale: tuple[float, float] = (0.0, 100.0)
    notes: list[str] = field(default_factory=list)  # e.g. actors skipped on an issue

    def missing_notes(self) -> list[str]:
        """One line per actor without a position on an issue."""
        out = []
        for i, j in np.argwhere(np.isnan(self.position)):
            out.append(f"{self.actors[i]} has no position on {self.issues[j]}; skipped on that issue")
        return out


def _num(text: str, where: str, what: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise InputError(f"{where}: {what} {text!r} is not a number") from None
    if math.isnan(value) or math.isinf(value):
        raise InputError(f"{where}: {what} is {text!r}; give a finite number or leave the cell blank")
    return value


def check_table(t: ActorTable, source: str) -> ActorTable:
    """Range checks shared by all readers; returns the table with missing-position notes."""
    n, k = t.position.shape
    if n < 1:
        raise InputError(f"{source}: no actors")
    lo, hi = t.scale
    for i in range(n):
        if not t.capability[i] > 0:
            raise InputError(f"{source}: actor {t.actors[i]!r} has capability {t.capability[i]:g}; it must be > 0")
        for j in range(k):
            x = t.position[i, j]
            if not np.isnan(x) and not (lo <= x <= hi):
                raise InputError(
                    f"{source}: actor {t.actors[i]!r} has position {x:g} on {t.issues[j]!r}, outside the scale {lo:g}-{hi:g}"
                )
            s = t.salience[i, j]
            if not np.isnan(x) and not (0.0 <= s <= 1.0):
                raise InputError(
                    f"{source}: actor {t.actors[i]!r} has salience {s:g} on {t.issues[j]!r} outside [0, 1] "
                    "after scaling (declare salience_scale=100 for 0-100 data)"
                )
    for j in range(k):
        if not np.any(~np.isnan(t.position[:, j]) & (t.salience[:, j] > 0)):
            raise InputError(f"{source}: issue {t.issues[j]!r} has no actor with a position and positive salience")
    for label, pts in (("status quo", t.status_quo), ("outcome", t.outcome)):
        if pts is not None:
            for j, v in enumerate(pts):
                if not np.isnan(v) and not (lo <= v <= hi):
                    raise InputError(f"{source}: {label} {v:g} on {t.issues[j]!r} is outside the scale {lo:g}-{hi:g}")
    salience = np.where(np.isnan(t.position), 0.0, t.salience)
    return replace(t, salience=salience, notes=t.notes + t.missing_notes())


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read ({exc})") from None


def _rows(text: str) -> list[list[str]]:
    rows = [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text))]
    rows = [r[:-1] if r and r[-1] == "" else r for r in rows]  # KTAB's trailing comma
    return [r for r in rows if any(r)]


def is_ktab(text: str) -> bool:
    """KTAB CSV: line 1 holds the actor and dimension counts in its 3rd and 4th cells."""
    rows = _rows(text)
    if len(rows) < 2 or len(rows[0]) < 4:
        return False
    try:
        return int(rows[0][2]) >= 1 and int(rows[0][3]) >= 1
    except ValueError:
        return False


def read_ktab_csv(path: Path, *, scale: tuple[float, float] = (0.0, 100.0)) -> ActorTable:
    """Read KTAB's CSV layout (0-100 positions and saliences; saliences divided by 100)."""
    rows = _rows(_read_text(path))
    if len(rows) < 3 or not is_ktab(_read_text(path)):
        raise InputError(f"{path}: not a KTAB CSV (line 1 must be 'name, description, numActors, numDims')")
    n, k = int(rows[0][2]), int(rows[0][3])
    header = rows[1]
    if len(header) < 3 + 2 * k:
        raise InputError(f"{path}:2: header has {len(header)} cells; {k} dimensions need {3 + 2 * k}")
    issues = [_issue_name(header[3 + 2 * d], d) for d in range(k)]
    body = rows[2:]
    if len(body) != n:
        raise InputError(f"{path}: line 1 declares {n} actors but {len(body)} actor rows follow")
    actors, desc = [], []
    cap = np.empty(n)
    pos = np.full((n, k), np.nan)
    sal = np.full((n, k), np.nan)
    for i, row in enumerate(body):
        where = f"{path}:{i + 3}"
        if len(row) < 3 + 2 * k:
            raise InputError(f"{where}: {len(row)} cells; expected name, description, capability and {k} position/salience pairs")
        actors.append(row[0])
        desc.append(row[1])
        cap[i] = _num(row[2], where, "capability")
        for d in range(k):
            p, s = row[3 + 2 * d], row[4 + 2 * d]
            if p == "":
                continue
            pos[i, d] = _num(p, where, f"position on {issues[d]!r}")
            sal[i, d] = _num(s, where, f"salience on {issues[d]!r}") / 100.0 if s != "" else np.nan
            if np.isnan(sal[i, d]):
                raise InputError(f"{where}: actor {row[0]!r} has a position but no salience on {issues[d]!r}")
    _unique(actors, path)
    t = ActorTable(name=rows[0][0], actors=actors, issues=issues, capability=cap, position=pos,
                   salience=sal, descriptions=desc, scale=scale)
    return check_table(t, str(path))


def _issue_name(header_cell: str, d: int) -> str:
    name = header_cell
    for suffix in (" Position", " position", "Position", "Pstn"):
        if name.endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)].strip()
            break
    return name or f"issue{d + 1}"


def _unique(actors: list[str], path: Path | str) -> None:
    seen = set()
    for a in actors:
        if a in seen:
            raise InputError(f"{path}: actor {a!r} appears twice")
        seen.add(a)


def write_ktab_csv(t: ActorTable, path: Path, description: str = "") -> None:
    """Write KTAB's CSV layout (saliences back on 0-100); missing positions stay blank."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow([t.name, description or t.name, len(t.actors), len(t.issues)])
    head = ["Actor", "Description", "Influence"]
    for issue in t.issues:
        head += [f"{issue} Position", f"{issue} Salience"]
    w.writerow(head)
    for i, a in enumerate(t.actors):
        row: list[Any] = [a, t.descriptions[i] if i < len(t.descriptions) else a, _fmt(t.capability[i])]
        for d in range(len(t.issues)):
            x = t.position[i, d]
            row += ["", ""] if np.isnan(x) else [_fmt(x), _fmt(100.0 * t.salience[i, d])]
        w.writerow(row)
    path.write_text(out.getvalue(), encoding="utf-8")


def _fmt(v: float) -> str:
    return f"{float(v):.10g}"


def _key(header: list[str], names: tuple[str, ...]) -> int | None:
    low = [h.lower() for h in header]
    for n in names:
        if n in low:
            return low.index(n)
    return None


def read_plain_csv(path: Path, *, scale: tuple[float, float] = (0.0, 100.0), salience_scale: float = 1.0) -> ActorTable:
    """Read the plain CSV layout described in the module docstring."""
    rows = _rows(_read_text(path))
    if len(rows) < 2:
        raise InputError(f"{path}: needs a header and at least one actor row")
    header = rows[0]
    ia = _key(header, NAME_KEYS)
    ic = _key(header, CAPABILITY_KEYS)
    idesc = _key(header, ("description",))
    if ia is None or ic is None:
        raise InputError(f"{path}:1: header needs an actor column ({'/'.join(NAME_KEYS)}) and a capability column ({'/'.join(CAPABILITY_KEYS)})")
    issues: list[str] = []
    cols: list[tuple[int, int]] = []
    single_p, single_s = _key(header, POSITION_KEYS), _key(header, SALIENCE_KEYS)
    if single_p is not None:
        if single_s is None:
            raise InputError(f"{path}:1: a position column needs a salience column")
        issues, cols = ["issue"], [(single_p, single_s)]
    else:
        low = [h.lower() for h in header]
        for c, h in enumerate(low):
            if h.startswith("position:"):
                issue = header[c].split(":", 1)[1].strip()
                sk = "salience:" + issue.lower()
                if sk not in low:
                    raise InputError(f"{path}:1: column {header[c]!r} has no matching 'salience:{issue}'")
                issues.append(issue)
                cols.append((c, low.index(sk)))
    if not issues:
        raise InputError(f"{path}:1: no position columns ('position' and 'salience', or 'position:<issue>' and 'salience:<issue>')")
    k = len(issues)
    actors, desc, caps, P, S = [], [], [], [], []
    special: dict[str, np.ndarray] = {}
    for r, row in enumerate(rows[1:], start=2):
        where = f"{path}:{r}"
        row = row + [""] * (len(header) - len(row))
        name = row[ia]
        if not name:
            raise InputError(f"{where}: actor name is blank")
        pts = np.full(k, np.nan)
        sal = np.full(k, np.nan)
        for d, (cp, cs) in enumerate(cols):
            if row[cp] != "":
                pts[d] = _num(row[cp], where, f"position on {issues[d]!r}")
                if name.lower() not in ("status_quo", "outcome"):
                    if row[cs] == "":
                        raise InputError(f"{where}: actor {name!r} has a position but no salience on {issues[d]!r}")
                    sal[d] = _num(row[cs], where, f"salience on {issues[d]!r}") / salience_scale
        if name.lower() in ("status_quo", "outcome"):
            special[name.lower()] = pts
            continue
        actors.append(name)
        desc.append(row[idesc] if idesc is not None else "")
        caps.append(_num(row[ic], where, "capability") if row[ic] != "" else _blank_cap(where))
        P.append(pts)
        S.append(sal)
    _unique(actors, path)
    if not actors:
        raise InputError(f"{path}: no actor rows")
    t = ActorTable(name=path.stem, actors=actors, issues=issues, capability=np.array(caps),
                   position=np.array(P).reshape(len(actors), k), salience=np.array(S).reshape(len(actors), k),
                   descriptions=desc, status_quo=special.get("status_quo"), outcome=special.get("outcome"), scale=scale)
    return check_table(t, str(path))


def _blank_cap(where: str) -> float:
    raise InputError(f"{where}: capability is blank")


def write_plain_csv(t: ActorTable, path: Path) -> None:
    """Write the plain CSV layout (saliences on [0, 1])."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    single = len(t.issues) == 1
    head = ["actor", "description", "capability"]
    for issue in t.issues:
        head += ["position", "salience"] if single else [f"position:{issue}", f"salience:{issue}"]
    w.writerow(head)
    for i, a in enumerate(t.actors):
        row: list[Any] = [a, t.descriptions[i] if i < len(t.descriptions) else "", _fmt(t.capability[i])]
        for d in range(len(t.issues)):
            x = t.position[i, d]
            row += ["", ""] if np.isnan(x) else [_fmt(x), _fmt(t.salience[i, d])]
        w.writerow(row)
    for label, pts in (("status_quo", t.status_quo), ("outcome", t.outcome)):
        if pts is not None:
            row = [label, "", ""]
            for v in pts:
                row += ["" if np.isnan(v) else _fmt(v), ""]
            w.writerow(row)
    path.write_text(out.getvalue(), encoding="utf-8")


def _list(value: Any, k: int, where: str, what: str) -> np.ndarray:
    if not isinstance(value, list):
        value = [value]
    if len(value) != k:
        raise InputError(f"{where}: {what} has {len(value)} values for {k} issues")
    out = np.full(k, np.nan)
    for d, v in enumerate(value):
        if v is None:
            continue
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            raise InputError(f"{where}: {what} value {v!r} is not a number")
        if not math.isfinite(v):
            raise InputError(f"{where}: {what} value {v!r} is not finite")
        out[d] = float(v)
    return out


def read_json(path: Path) -> ActorTable:
    """Read the JSON layout described in the module docstring."""
    try:
        data = json.loads(_read_text(path))
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}:{exc.lineno}: invalid JSON ({exc.msg})") from None
    if not isinstance(data, dict) or not isinstance(data.get("actors"), list):
        raise InputError(f"{path}: expected an object with an 'actors' list")
    issues = data.get("issues") or ["issue"]
    if not isinstance(issues, list) or not all(isinstance(i, str) for i in issues):
        raise InputError(f"{path}: 'issues' must be a list of names")
    k = len(issues)
    scale = data.get("scale", [0, 100])
    if not (isinstance(scale, list) and len(scale) == 2 and all(isinstance(v, (int, float)) for v in scale) and scale[0] < scale[1]):
        raise InputError(f"{path}: 'scale' must be [low, high] with low < high")
    ss = data.get("salience_scale", 1)
    if ss not in (1, 100):
        raise InputError(f"{path}: 'salience_scale' must be 1 or 100, got {ss!r}")
    actors, desc, caps, P, S = [], [], [], [], []
    for i, a in enumerate(data["actors"]):
        where = f"{path}: actors[{i}]"
        if not isinstance(a, dict) or not isinstance(a.get("name"), str):
            raise InputError(f"{where}: each actor needs a 'name'")
        for key in ("capability", "position", "salience"):
            if key not in a:
                raise InputError(f"{where} ({a['name']}): missing {key!r}")
        cap = _list(a["capability"], 1, where, "capability")[0]
        if np.isnan(cap):
            raise InputError(f"{where} ({a['name']}): capability is null")
        pos = _list(a["position"], k, where, "position")
        sal = _list(a["salience"], k, where, "salience") / ss
        if np.any(~np.isnan(pos) & np.isnan(sal)):
            raise InputError(f"{where} ({a['name']}): a position without a salience")
        actors.append(a["name"])
        desc.append(str(a.get("description", "")))
        caps.append(cap)
        P.append(pos)
        S.append(sal)
    _unique(actors, path)
    sq = _list(data["status_quo"], k, str(path), "status_quo") if data.get("status_quo") is not None else None
    oc = _list(data["outcome"], k, str(path), "outcome") if data.get("outcome") is not None else None
    t = ActorTable(name=str(data.get("name", path.stem)), actors=actors, issues=issues, capability=np.array(caps),
                   position=np.array(P).reshape(len(actors), k), salience=np.array(S).reshape(len(actors), k),
                   descriptions=desc, status_quo=sq, outcome=oc, scale=(float(scale[0]), float(scale[1])))
    return check_table(t, str(path))


def table_to_json(t: ActorTable) -> dict[str, Any]:
    def vals(a: np.ndarray) -> list[float | None]:
        return [None if np.isnan(v) else float(v) for v in a]

    out: dict[str, Any] = {"name": t.name, "issues": t.issues, "scale": list(t.scale), "salience_scale": 1}
    if t.status_quo is not None:
        out["status_quo"] = vals(t.status_quo)
    if t.outcome is not None:
        out["outcome"] = vals(t.outcome)
    out["actors"] = [
        {"name": a, "description": t.descriptions[i] if i < len(t.descriptions) else "",
         "capability": float(t.capability[i]), "position": vals(t.position[i]),
         "salience": [None if np.isnan(t.position[i, d]) else float(t.salience[i, d]) for d in range(len(t.issues))]}
        for i, a in enumerate(t.actors)
    ]
    return out


def write_json(t: ActorTable, path: Path) -> None:
    path.write_text(json.dumps(table_to_json(t), indent=2) + "\n", encoding="utf-8")


def read_table(path: Path, *, scale: tuple[float, float] | None = None, salience_scale: float = 1.0) -> ActorTable:
    """Read a table file by its extension (.csv: KTAB or plain, sniffed; .json)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".json":
        t = read_json(path)
        return check_table(replace(t, scale=scale, notes=[]), str(path)) if scale else t
    if suffix in (".csv", ".txt"):
        if is_ktab(_read_text(path)):
            return read_ktab_csv(path, scale=scale or (0.0, 100.0))
        return read_plain_csv(path, scale=scale or (0.0, 100.0), salience_scale=salience_scale)
    raise InputError(f"{path}: unknown table type {suffix!r}; use .csv (KTAB or plain) or .json")
