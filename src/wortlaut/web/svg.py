"""Attention over time as an inline SVG line chart: no JavaScript, no CDN, styled by CSS classes.

Buckets the store did not return are days (or weeks) with nothing; they are filled with zeros so
that a quiet week shows as a dip instead of being skipped.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

from markupsafe import Markup, escape

from ..store.base import TimelinePoint

WIDTH, HEIGHT = 860, 280
LEFT, RIGHT, TOP, BOTTOM = 48, 36, 16, 36
MAX_POINTS_WITH_DOTS = 120


@dataclass
class Series:
    label: str
    points: list[TimelinePoint]


def _parse(bucket: str) -> date | None:
    try:
        return date.fromisoformat(bucket[:10])
    except ValueError:
        return None


def axis(series: list[Series], bucket: str) -> list[str]:
    """Every bucket from the first to the last seen in any series, gaps included."""
    seen = sorted({p.bucket for s in series for p in s.points})
    days = [d for d in (_parse(b) for b in seen) if d is not None]
    if not days or len(days) != len(seen):
        return seen
    step = timedelta(days=7 if bucket == "week" else 1)
    out: list[str] = []
    d = days[0]
    while d <= days[-1] and len(out) < 20_000:
        out.append(d.isoformat())
        d += step
    # Weekly buckets the store reports off the step (not Mondays) keep their own place.
    return sorted(set(out) | set(seen))


def tick_label(bucket: str) -> str:
    """``2022-03-07`` → ``07.03.22``: short, German, unambiguous."""
    d = _parse(bucket)
    return d.strftime("%d.%m.%y") if d else bucket


def nice_max(value: int) -> int:
    """A round upper bound for the y axis (1, 2, 5 × 10ⁿ)."""
    if value <= 1:
        return 1
    exp = 10 ** math.floor(math.log10(value))
    for m in (1, 2, 5, 10):
        if value <= m * exp:
            return int(m * exp)
    return int(10 * exp)


def _path(xs: list[float], ys: list[float]) -> str:
    return " ".join(
        f"{'M' if i == 0 else 'L'}{x:.1f},{y:.1f}" for i, (x, y) in enumerate(zip(xs, ys, strict=True))
    )


def chart(series: list[Series], bucket: str = "day") -> Markup:
    """Articles (solid) and quotes (dashed) per bucket, one colour per series."""
    buckets = axis(series, bucket)
    if not buckets:
        return Markup('<p class="empty">Keine Daten für diesen Zeitraum.</p>')
    index = {b: i for i, b in enumerate(buckets)}
    top = nice_max(max((max(p.articles, p.quotes) for s in series for p in s.points), default=1))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    n = len(buckets)

    def x(i: int) -> float:
        return LEFT + (plot_w * (i / (n - 1)) if n > 1 else plot_w / 2)

    def y(v: int) -> float:
        return TOP + plot_h * (1 - v / top)

    title = "Artikel und Zitate pro " + ("Woche" if bucket == "week" else "Tag")
    out = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(title)}" '
        'xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
    ]
    steps = 5 if top % 5 == 0 else 4 if top % 4 == 0 else top
    for k in range(steps + 1):
        v = top * k / steps
        yy = TOP + plot_h * (1 - v / top)
        out.append(f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{yy:.1f}" y2="{yy:.1f}"/>')
        out.append(f'<text class="tick" x="{LEFT - 6}" y="{yy + 4:.1f}" text-anchor="end">{v:g}</text>')
    for i in sorted({round(j * (n - 1) / 5) for j in range(6)} if n > 1 else {0}):
        anchor = "start" if i == 0 and n > 1 else "end" if i == n - 1 and n > 1 else "middle"
        out.append(
            f'<text class="tick" x="{x(i):.1f}" y="{HEIGHT - 12}" text-anchor="{anchor}">{escape(tick_label(buckets[i]))}</text>'
        )
    for si, s in enumerate(series):
        by_bucket = {p.bucket: p for p in s.points}
        xs = [x(i) for i in range(n)]
        arts = [by_bucket[b].articles if b in by_bucket else 0 for b in buckets]
        quotes = [by_bucket[b].quotes if b in by_bucket else 0 for b in buckets]
        out.append(f'<g class="series s{si % 5}">')
        out.append(f'<path class="articles" d="{_path(xs, [y(v) for v in arts])}"/>')
        out.append(f'<path class="quotes" d="{_path(xs, [y(v) for v in quotes])}"/>')
        if n <= MAX_POINTS_WITH_DOTS:
            for b in by_bucket:
                i = index[b]
                p = by_bucket[b]
                tip = f"{s.label} · {b}: {p.articles} Artikel, {p.quotes} Zitate"
                out.append(
                    f'<circle cx="{x(i):.1f}" cy="{y(p.articles):.1f}" r="3"><title>{escape(tip)}</title></circle>'
                )
        out.append("</g>")
    out.append("</svg>")
    return Markup("".join(out))
