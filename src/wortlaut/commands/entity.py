"""CLI commands: ``wortlaut entity show NAME`` and ``wortlaut entity list [--label]``.

Thin wrappers over the store (:meth:`Store.find_entity`, :meth:`Store.entity_profile`,
:meth:`Store.entities`); ``show`` also says why mentions were merged into the entity, so every
corpus-level merge can be checked by a person.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from ..cli import _db, clean_errors
from ..errors import NotFoundError

LABELS = ("PER", "ORG", "LOC", "MISC")


def profile_dict(profile: Any) -> dict[str, Any]:
    """An :class:`EntityProfile` as plain JSON-ready data."""
    s = profile.summary
    return {
        "id": s.id,
        "label": s.label,
        "name": s.name,
        "articles": s.articles,
        "quotes": s.quotes,
        "aliases": [{"text": t, "count": k} for t, k in profile.aliases],
        "roles": [{"title": t, "date": d, "article": a} for t, d, a in profile.roles],
        "geo": profile.geo,
        "merges": list(profile.merges),
        "recent_articles": [{"id": a, "date": d, "title": t} for a, d, t in profile.articles[:10]],
    }


def render_profile(data: dict[str, Any]) -> str:
    """The profile as the terminal shows it."""
    lines = [
        f"{data['name']}  [{data['label']}, {data['id']}]  {data['articles']} articles, {data['quotes']} quotes"
    ]
    if data["aliases"]:
        lines.append("written as: " + ", ".join(f"{a['text']} ({a['count']})" for a in data["aliases"]))
    if data["roles"]:
        seen: dict[str, tuple[int, str | None]] = {}
        for r in data["roles"]:
            n, last = seen.get(r["title"], (0, None))
            seen[r["title"]] = (n + 1, max(filter(None, [last, r["date"]]), default=None))
        lines.append("roles:")
        lines.extend(f"  {t} ({n}x, last seen {d or 'undated'})" for t, (n, d) in seen.items())
    geo = data["geo"]
    if geo:
        lines.append(
            f"place: GeoNames {geo.get('geonameid')} {geo.get('name')} ({geo.get('country')}), "
            f"lat {geo.get('lat')}, lon {geo.get('lon')}, population {geo.get('population')}"
        )
    lines.append("why these mentions are one entity:")
    lines.extend(f"  - {m}" for m in data["merges"]) if data["merges"] else lines.append(
        "  (no merges recorded)"
    )
    if data["recent_articles"]:
        lines.append("recent articles:")
        lines.extend(
            f"  {a['date'] or '----------'}  {a['id']}  {a['title'] or ''}" for a in data["recent_articles"]
        )
    return "\n".join(lines)


@click.group("entity")
def entity_group() -> None:
    """People, organisations, places and other names across the corpus."""


@entity_group.command("show")
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="Print the profile as JSON.")
@click.pass_context
@clean_errors
def show(ctx: click.Context, name: str, as_json: bool) -> None:
    """One entity (by canonical name, surname or id): aliases, roles, place, and why mentions merged."""
    from ..store import open_store

    store = open_store(_path(ctx), read_only=True)
    try:
        found = store.find_entity(name)
        profile = store.entity_profile(found.id) if found else None
    finally:
        store.close()
    if profile is None:
        raise NotFoundError(
            f"no entity called {name!r}", hint="see `wortlaut entity list` for the known names"
        )
    data = profile_dict(profile)
    click.echo(json.dumps(data, ensure_ascii=False, indent=2) if as_json else render_profile(data))


@entity_group.command("list")
@click.option(
    "--label", type=click.Choice(LABELS, case_sensitive=False), default=None, help="Only this kind."
)
@click.option("--prefix", default=None, help="Only names (or surnames) starting with this.")
@click.option("--limit", type=int, default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines.")
@click.pass_context
@clean_errors
def list_entities(
    ctx: click.Context, label: str | None, prefix: str | None, limit: int, as_json: bool
) -> None:
    """Entities, most reported first."""
    from ..store import open_store

    store = open_store(_path(ctx), read_only=True)
    try:
        rows = store.entities(label=label.upper() if label else None, prefix=prefix, limit=limit)
    finally:
        store.close()
    for s in rows:
        if as_json:
            click.echo(
                json.dumps(
                    {
                        "id": s.id,
                        "label": s.label,
                        "name": s.name,
                        "articles": s.articles,
                        "quotes": s.quotes,
                    },
                    ensure_ascii=False,
                )
            )
        else:
            click.echo(f"{s.id:>7}  {s.label:<4}  {s.articles:>5} art  {s.quotes:>5} quo  {s.name}")


def _path(ctx: click.Context) -> Path | None:
    return _db(ctx.find_root())


def register(main: click.Group) -> None:
    main.add_command(entity_group)
