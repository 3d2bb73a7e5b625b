"""Small static SVG charts for the HTML report.

Written here rather than with Plotly on purpose: the report must be one self-contained file
that opens without network, and inlining plotly.js adds about 4.5 MB of script per report
for four simple bar charts. These functions return inline SVG (a few KB, no script, prints
well). Every label is escaped with MarkupSafe; numbers are formatted by us.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from markupsafe import Markup, escape

PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#7f7f7f")
MODEL_MARKS = ("#000000", "#555555", "#888888", "#aa5500", "#0055aa", "#aa0055", "#00aa55")


def _svg(width: int, height: int, body: list[str], title: str) -> Markup:
    return Markup(
        f'<svg role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">'
        f"<title>{escape(title)}</title>" + "".join(body) + "</svg>"
    )


def _text(x: float, y: float, s: str, anchor: str = "start", size: int = 12, weight: str = "normal",
          fill: str = "#222", limit: int = 0) -> str:
    """A text element; with `limit`, longer text is cut with an ellipsis and shown whole on hover."""
    shown, hover = s, ""
    if limit and len(s) > limit:
        shown, hover = s[: limit - 1] + "\u2026", f"<title>{escape(s)}</title>"
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}" font-weight="{weight}" '
            f'fill="{fill}">{hover}{escape(shown)}</text>')


def class_color(index: int) -> str:
    """The colour of the class at `index` in the scenario's order (same in every chart)."""
    return PALETTE[index % len(PALETTE)]


def class_bars(rows: Sequence[tuple[str, float, float, float]], models: Mapping[str, Mapping[str, float]],
               class_ids: Sequence[str], colors: Sequence[str] | None = None,
               title: str = "Outcome class probabilities") -> Markup:
    """Horizontal bars: pooled probability, whisker for the interval, a dot per model."""
    label_w, plot_w, row_h, top = 230, 420, 30, 30
    height = top + row_h * len(rows) + 50
    body = [_text(0, 16, title, weight="bold")]
    x0 = label_w
    for t in range(0, 101, 20):
        x = x0 + plot_w * t / 100
        body.append(f'<line x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{top + row_h * len(rows)}" stroke="#ddd"/>')
        body.append(_text(x, top + row_h * len(rows) + 14, f"{t}%", anchor="middle", size=10))
    for r, (label, p, lo, hi) in enumerate(rows):
        y = top + r * row_h
        body.append(_text(label_w - 8, y + 17, label, anchor="end", limit=34))
        color = colors[r] if colors else PALETTE[r % len(PALETTE)]
        body.append(f'<rect x="{x0}" y="{y + 6}" width="{plot_w * p:.1f}" height="{row_h - 12}" '
                    f'fill="{color}" opacity="0.75"/>')
        body.append(f'<line x1="{x0 + plot_w * lo:.1f}" y1="{y + row_h / 2}" x2="{x0 + plot_w * hi:.1f}" '
                    f'y2="{y + row_h / 2}" stroke="#000" stroke-width="1.5"/>')
        for m, (name, probs) in enumerate(models.items()):
            cid = class_ids[r]
            if cid in probs:
                body.append(f'<circle cx="{x0 + plot_w * probs[cid]:.1f}" cy="{y + row_h / 2}" r="3.2" '
                            f'fill="{MODEL_MARKS[m % len(MODEL_MARKS)]}"><title>{escape(name)}: '
                            f'{probs[cid]:.1%}</title></circle>')
        body.append(_text(x0 + plot_w + 6, y + 17, f"{p:.0%}", size=11))
    ly = top + row_h * len(rows) + 32
    x = 0.0
    for m, name in enumerate(models):
        body.append(f'<circle cx="{x + 5:.1f}" cy="{ly - 4}" r="3.2" fill="{MODEL_MARKS[m % len(MODEL_MARKS)]}"/>')
        body.append(_text(x + 12, ly, name, size=10))
        x += 16 + 7 * len(name) + 10
    body.append(_text(x + 4, ly, "bar: pooled; line: interval; dots: models", size=10, fill="#666"))
    return _svg(label_w + plot_w + 60, height, body, title)


def histogram(values: np.ndarray, title: str, status_quo: float | None = None, bins: int = 25,
              low_label: str = "0", high_label: str = "100") -> Markup:
    """Distribution of one issue's predicted outcome on 0-100 (all draws and models pooled)."""
    w, h, left, top, plot_h = 330, 150, 8, 22, 90
    plot_w = w - 2 * left
    counts, _ = np.histogram(np.clip(values, 0, 100), bins=bins, range=(0, 100))
    peak = counts.max() or 1
    body = [_text(left, 14, title, weight="bold", size=11, limit=52)]
    bw = plot_w / bins
    for b, c in enumerate(counts):
        bh = plot_h * c / peak
        body.append(f'<rect x="{left + b * bw:.1f}" y="{top + plot_h - bh:.1f}" width="{bw - 1:.1f}" height="{bh:.1f}" '
                    f'fill="#4c72b0"/>')
    body.append(f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" stroke="#333"/>')
    mean = float(np.mean(values))
    xm = left + plot_w * mean / 100
    body.append(f'<line x1="{xm:.1f}" y1="{top}" x2="{xm:.1f}" y2="{top + plot_h}" stroke="#d62728" stroke-width="2"/>')
    body.append(_text(xm, top + plot_h + 12, f"mean {mean:.0f}", anchor="middle", size=10, fill="#d62728"))
    if status_quo is not None and np.isfinite(status_quo):
        xs = left + plot_w * status_quo / 100
        body.append(f'<line x1="{xs:.1f}" y1="{top}" x2="{xs:.1f}" y2="{top + plot_h}" stroke="#2ca02c" '
                    f'stroke-dasharray="4 3" stroke-width="2"/>')
        body.append(_text(xs, top - 2, f"status quo {status_quo:.0f}", anchor="middle", size=10, fill="#2ca02c"))
    body.append(_text(left, h - 18, f"0: {low_label}", size=9, fill="#555", limit=60))
    body.append(_text(left + plot_w, h - 5, f"100: {high_label}", anchor="end", size=9, fill="#555", limit=60))
    return _svg(w, h, body, title)


def delta_bars(shocks: Sequence[tuple[str, Mapping[str, float]]], class_ids: Sequence[str],
               class_names: Mapping[str, str], title: str = "What if: change in class probability") -> Markup:
    """Per shock a group of diverging bars, one per class (percentage points)."""
    label_w, plot_w, bar_h = 230, 380, 9
    group_h = bar_h * len(class_ids) + 12
    top = 28
    height = top + group_h * len(shocks) + 40
    peak = max([abs(d) for _, ds in shocks for d in ds.values()] + [0.05])
    x0 = label_w + plot_w / 2
    body = [_text(0, 16, title, weight="bold")]
    body.append(f'<line x1="{x0}" y1="{top - 4}" x2="{x0}" y2="{top + group_h * len(shocks)}" stroke="#333"/>')
    for g, (name, ds) in enumerate(shocks):
        y = top + g * group_h
        body.append(_text(label_w - 8, y + group_h / 2 + 3, name, anchor="end", limit=34))
        for c, cid in enumerate(class_ids):
            d = ds.get(cid, 0.0)
            wdt = plot_w / 2 * abs(d) / peak
            x = x0 if d >= 0 else x0 - wdt
            body.append(f'<rect x="{x:.1f}" y="{y + c * bar_h + 4}" width="{wdt:.1f}" height="{bar_h - 1}" '
                        f'fill="{PALETTE[c % len(PALETTE)]}"><title>{escape(class_names.get(cid, cid))}: '
                        f'{d:+.1%}</title></rect>')
    ly = top + group_h * len(shocks) + 20
    x = 0.0
    for c, cid in enumerate(class_ids):
        name = class_names.get(cid, cid)
        body.append(f'<rect x="{x:.1f}" y="{ly - 9}" width="10" height="10" fill="{PALETTE[c % len(PALETTE)]}"/>')
        body.append(_text(x + 13, ly, name, size=10))
        x += 20 + 6.2 * len(name)
    body.append(_text(label_w + plot_w, top - 8, f"scale: +-{peak:.0%}", anchor="end", size=10, fill="#666"))
    return _svg(max(label_w + plot_w + 20, int(x) + 10), height, body, title)


def tornado_chart(rows: Sequence[tuple[str, float, float]], base: float, title: str) -> Markup:
    """Tornado: per input a bar from P(at its low end) to P(at its high end), around the base."""
    label_w, plot_w, row_h, top = 260, 360, 20, 30
    height = top + row_h * len(rows) + 30
    vals = [v for _, a, b in rows for v in (a, b)] + [base]
    lo_v, hi_v = min(vals), max(vals)
    pad = max(0.02, (hi_v - lo_v) * 0.1)
    lo_v, hi_v = max(0.0, lo_v - pad), min(1.0, hi_v + pad)
    sx = lambda v: label_w + plot_w * (v - lo_v) / ((hi_v - lo_v) or 1)  # noqa: E731
    body = [_text(0, 16, title, weight="bold")]
    for r, (label, p_low, p_high) in enumerate(rows):
        y = top + r * row_h
        body.append(_text(label_w - 8, y + 14, label, anchor="end", size=11, limit=40))
        for p, color in ((p_low, "#1f77b4"), (p_high, "#d62728")):
            a, b = sorted((sx(base), sx(p)))
            body.append(f'<rect x="{a:.1f}" y="{y + 3}" width="{max(b - a, 0.5):.1f}" height="{row_h - 6}" '
                        f'fill="{color}" opacity="0.8"/>')
    xb = sx(base)
    body.append(f'<line x1="{xb:.1f}" y1="{top - 4}" x2="{xb:.1f}" y2="{top + row_h * len(rows)}" stroke="#000"/>')
    body.append(_text(xb, top - 8, f"base {base:.0%}", anchor="middle", size=10))
    ly = top + row_h * len(rows) + 18
    body.append(_text(label_w, ly, f"{lo_v:.0%}", size=10))
    body.append(_text(label_w + plot_w, ly, f"{hi_v:.0%}", anchor="end", size=10))
    body.append(f'<rect x="{label_w + 60}" y="{ly - 9}" width="10" height="10" fill="#1f77b4"/>')
    body.append(_text(label_w + 74, ly, "input at its low end", size=10))
    body.append(f'<rect x="{label_w + 190}" y="{ly - 9}" width="10" height="10" fill="#d62728"/>')
    body.append(_text(label_w + 204, ly, "at its high end", size=10))
    return _svg(label_w + plot_w + 20, height, body, title)


def cycle_lines(rounds: Sequence[int], series: Mapping[str, Sequence[float]], title: str) -> Markup:
    """Share of draws per round (e.g. exited, or in each class) as lines."""
    w, h, left, top, plot_w, plot_h = 560, 220, 40, 24, 360, 150
    body = [_text(0, 14, title, weight="bold")]
    n = max(len(rounds) - 1, 1)
    sx = lambda i: left + plot_w * i / n  # noqa: E731
    sy = lambda v: top + plot_h * (1 - v)  # noqa: E731
    for t in (0, 0.5, 1):
        body.append(f'<line x1="{left}" y1="{sy(t):.1f}" x2="{left + plot_w}" y2="{sy(t):.1f}" stroke="#ddd"/>')
        body.append(_text(left - 4, sy(t) + 4, f"{t:.0%}", anchor="end", size=10))
    for i, r in enumerate(rounds):
        body.append(_text(sx(i), top + plot_h + 14, str(r), anchor="middle", size=10))
    for s, (name, vals) in enumerate(series.items()):
        pts = " ".join(f"{sx(i):.1f},{sy(v):.1f}" for i, v in enumerate(vals))
        color = PALETTE[s % len(PALETTE)]
        body.append(f'<polyline points="{pts}" fill="none" stroke="{color}" stroke-width="2"/>')
        body.append(f'<rect x="{left + plot_w + 14}" y="{top + s * 16}" width="10" height="10" fill="{color}"/>')
        body.append(_text(left + plot_w + 28, top + s * 16 + 9, name, size=10, limit=26))
    body.append(_text(left + plot_w / 2, h - 4, "round", anchor="middle", size=10))
    return _svg(w, h, body, title)
