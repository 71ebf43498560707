"""Stacked monthly bar chart as plain data for an inline-SVG template (no JS, no chart library)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Colour-blind-safe categorical palette (Okabe-Ito, then Tol muted).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#332288",
           "#88CCEE", "#44AA99", "#117733", "#999933", "#AA4499", "#882255", "#661100", "#6699CC")
OTHER = "#888888"


@dataclass
class Bar:
    x: float
    y: float
    w: float
    h: float
    fill: str
    title: str


@dataclass
class Chart:
    width: int
    height: int
    plot_left: int
    plot_bottom: int
    bars: list[Bar] = field(default_factory=list)
    x_labels: list[tuple[float, str]] = field(default_factory=list)
    y_ticks: list[tuple[float, int]] = field(default_factory=list)
    legend: list[tuple[str, str, int]] = field(default_factory=list)  # (key, colour, total)
    months: int = 0
    summary: str = ""


def month_range(first: str, last: str) -> list[str]:
    """Every 'YYYY-MM' from first to last inclusive, so empty months show as gaps."""
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _nice_max(n: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if n <= step * 5:
            return max(step, step * -(-n // step))  # round up to a multiple of a round step
    return n


def stacked_months(rows: list[dict[str, Any]], *, width: int = 960, height: int = 320,
                   max_series: int = len(PALETTE)) -> Chart:
    """rows: {month, key, count} -> chart geometry; series beyond ``max_series`` are pooled as 'other'."""
    left, right, top, bottom = 48, 12, 12, 40
    chart = Chart(width, height, left, height - bottom)
    if not rows:
        chart.summary = "no dated events"
        return chart
    totals: dict[str, int] = {}
    for r in rows:
        totals[r["key"]] = totals.get(r["key"], 0) + r["count"]
    ranked = sorted(totals, key=lambda k: (-totals[k], k))
    keep = ranked[:max_series] if len(ranked) <= max_series else ranked[:max_series - 1]
    colour = {k: PALETTE[i] for i, k in enumerate(keep)}
    pooled = [k for k in ranked if k not in colour]
    if pooled:
        colour["other"] = OTHER
    months = month_range(min(r["month"] for r in rows), max(r["month"] for r in rows))
    cells: dict[tuple[str, str], int] = {}
    for r in rows:
        key = r["key"] if r["key"] in colour else "other"
        cells[(r["month"], key)] = cells.get((r["month"], key), 0) + r["count"]
    order = [*keep, *(["other"] if pooled else [])]
    peak = max(sum(cells.get((m, k), 0) for k in order) for m in months)
    ymax = _nice_max(peak)
    plot_w, plot_h = width - left - right, height - top - bottom
    slot = plot_w / len(months)
    bar_w = max(1.0, slot * 0.8)
    for i, m in enumerate(months):
        y = float(chart.plot_bottom)
        for k in order:
            n = cells.get((m, k), 0)
            if not n:
                continue
            h = n / ymax * plot_h
            y -= h
            chart.bars.append(Bar(round(left + i * slot + (slot - bar_w) / 2, 2), round(y, 2), round(bar_w, 2),
                                  round(h, 2), colour[k], f"{m} · {k}: {n}"))
    every = max(1, len(months) // 12 + (1 if len(months) % 12 else 0))
    chart.x_labels = [(round(left + i * slot + slot / 2, 2), m) for i, m in enumerate(months) if i % every == 0]
    chart.y_ticks = [(round(chart.plot_bottom - v / ymax * plot_h, 2), v) for v in (0, ymax // 2, ymax)]
    chart.legend = [(k, colour[k], totals[k] if k != "other" else sum(totals[p] for p in pooled)) for k in order]
    chart.months = len(months)
    chart.summary = (f"{sum(totals.values())} events from {months[0]} to {months[-1]}, "
                     f"busiest month {max(months, key=lambda m: sum(cells.get((m, k), 0) for k in order))}")
    return chart
