"""Web speed: how long the search and speaker pages take to render over 20,000 articles.

Builds (once; reused when it exists) a store from ``../shared/data/news/10kgnad-test.csv``
repeated with distinct ids until ``--articles`` is reached. Each article gets a synthetic
closing sentence in which one of 300 fictional people is quoted, and a city is named, so speaker
pages have real rows to show. Then, in-process over the ASGI app (httpx's TestClient, the full
stack: routing, store, templates, middleware):

* ``GET /suche?q=…`` for 100 varied queries, plus speaker-filtered searches,
* ``GET /entitaet/<id>`` for 100 speakers,

each measured against the bare store call it wraps (``store.search``, ``store.entity_profile``)
in the same run, so the figure says what the web layer adds. Target: p95 ≤ 100 ms per page.

    .venv/bin/python bench/web.py                 # ~2-4 minutes on one core, store in /tmp
    .venv/bin/python bench/web.py --articles 2000 # a quick look
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote as urlquote

from fastapi.testclient import TestClient

from wortlaut.article import Article
from wortlaut.contract import Entity, Extraction, Mention, Quote, Role, Speaker
from wortlaut.store import open_store
from wortlaut.store.base import SearchQuery
from wortlaut.web.app import create_app

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gnad import DATA, read_gnad  # noqa: E402  (bench/gnad.py, beside this script)

FIRST = "Anna Jonas Lea Paul Marie Felix Sophie Lukas Emma Maximilian Hanna Elias Clara Noah Ida Leon Greta Moritz Lotta Jakob"
LAST = (
    "Berger Hofmann Wagner Schuster Keller Brandt Lorenz Vogel Kraus Winter Hartmann Seidel Franke Roth Lang"
)
CITIES = ["Wien", "Graz", "Linz", "Salzburg", "Innsbruck", "Berlin", "München", "Brüssel", "Zürich", "Prag"]
CUES = ["sagte", "betonte", "erklärte", "warnte", "meinte"]


def people() -> list[str]:
    names = [f"{f} {last}" for f in FIRST.split() for last in LAST.split()]
    random.Random(7).shuffle(names)
    return names


def synthetic(i: int, label: str, text: str, names: list[str]) -> tuple[Article, Extraction]:
    """The real article with one quoted closing sentence appended; offsets computed, not guessed."""
    rng = random.Random(i)
    name = names[rng.randrange(len(names))]
    city = CITIES[rng.randrange(len(CITIES))]
    cue = CUES[rng.randrange(len(CUES))]
    words = text.split()
    message = (
        " ".join(words[rng.randrange(max(1, len(words) - 12)) :][:12]).strip(" .,\"'") or "Wir sehen weiter"
    )
    base = text.rstrip() + "\n\n"
    start_msg = len(base) + 1
    full = base + f"„{message}“, {cue} {name} in {city}."
    end_msg = start_msg + len(message)
    cue_at = end_msg + 3
    name_at = cue_at + len(cue) + 1
    city_at = name_at + len(name) + 4
    assert full[name_at : name_at + len(name)] == name and full[city_at : city_at + len(city)] == city
    aid = f"gnad-{i:06d}"
    day = 1 + i % 365
    date = time.strftime("%Y-%m-%d", time.gmtime(1640995200 + (day - 1) * 86400))
    person = Entity(
        "E0", "PER", name, [Mention(name_at, name_at + len(name), name)], key=f"PER:{name.lower()}"
    )
    place = Entity(
        "E1", "LOC", city, [Mention(city_at, city_at + len(city), city)], key=f"LOC:{city.lower()}"
    )
    q = Quote(
        "direct",
        [(start_msg, end_msg)],
        message,
        speaker=Speaker([(name_at, name_at + len(name))], name, entity="E0", name=name),
        cue=Role([(cue_at, cue_at + len(cue))], cue),
    )
    article = Article(
        id=aid, text=full, source=f"derstandard/{label}", title=" ".join(words[:8]), date=date, published=date
    )
    ex = Extraction(aid, full, article=article.metadata(), quotes=[q], entities=[person, place])
    return article, ex


def corpus(n: int) -> Iterator[tuple[Article, Extraction]]:
    rows = read_gnad(DATA)
    names = people()
    for i in range(n):
        label, text = rows[i % len(rows)]
        yield synthetic(i, label, text, names)


def build(path: Path, n: int) -> float:
    store = open_store(path)
    t0 = time.perf_counter()
    batch: list[tuple[Article, Extraction]] = []
    for item in corpus(n):
        batch.append(item)
        if len(batch) == 1000:
            store.ingest_batch(batch)
            batch = []
            print(f"  {item[0].id}", file=sys.stderr, end="\r")
    if batch:
        store.ingest_batch(batch)
    store.close()
    return time.perf_counter() - t0


def queries(n: int) -> list[str]:
    """Frequent content words, two-word ANDs, a phrase and prefixes: a varied, repeatable set."""
    counts: Counter[str] = Counter()
    for _, text in read_gnad(DATA)[:400]:
        counts.update(w.strip(".,:;!?\"'()–„“") for w in text.split() if len(w) > 5 and w[0].isupper())
    common = [w for w, _ in counts.most_common(300) if w.isalpha()]
    rng = random.Random(1)
    out = common[:60]
    out += [f"{rng.choice(common)} {rng.choice(common)}" for _ in range(20)]
    out += [f"{w[:4]}*" for w in rng.sample(common, 10)]
    out += ['"in Wien"', '"die Regierung"'] + rng.sample(common, n)
    return out[:n]


def timed(fn: Callable[[], object], cpu: list[float]) -> float:
    """Wall milliseconds of ``fn``; its CPU milliseconds go to ``cpu`` (this process, all
    threads: TestClient runs the app in a worker thread). CPU time is what a loaded machine
    does not inflate, so it is the figure to compare between runs."""
    c0 = time.process_time()
    t0 = time.perf_counter()
    fn()
    wall = (time.perf_counter() - t0) * 1000
    cpu.append((time.process_time() - c0) * 1000)
    return wall


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def report(
    name: str, page: list[float], base: list[float], page_cpu: list[float], base_cpu: list[float]
) -> None:
    p50, p95 = statistics.median(page), pct(page, 95)
    b50, b95 = statistics.median(base), pct(base, 95)
    print(
        f"{name:<22} page p50 {p50:6.1f} ms  p95 {p95:6.1f} ms   | store call p50 {b50:6.1f} ms  p95 {b95:6.1f} ms"
        f"   | page/store at p95 ×{p95 / b95 if b95 else float('nan'):.2f}   {'OK' if p95 <= 100 else 'OVER'} (≤ 100 ms)"
    )
    print(
        f"{'':<22} CPU: page p50 {statistics.median(page_cpu):6.1f} ms  p95 {pct(page_cpu, 95):6.1f} ms   "
        f"| store call p50 {statistics.median(base_cpu):6.1f} ms  p95 {pct(base_cpu, 95):6.1f} ms"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=20_000)
    ap.add_argument("--db", type=Path, default=None, help="store file (default /tmp/wortlaut-bench-web-N.db)")
    ap.add_argument("--rebuild", action="store_true")
    args = ap.parse_args()
    if not DATA.exists():
        sys.exit(f"{DATA} is absent: the bench needs ../shared/data")
    db = args.db or Path(f"/tmp/wortlaut-bench-web-{args.articles}.db")
    if args.rebuild and db.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
    if not db.exists():
        secs = build(db, args.articles)
        print(f"built {db}: {args.articles} articles in {secs:.0f} s ({args.articles / secs:.0f} articles/s)")
    open_store(db).close()  # migrate a store built by an older version
    store = open_store(db, read_only=True)
    stats = store.stats()
    print(f"store: {stats.articles} articles, {stats.quotes} quotes, {stats.entities} entities")
    speakers = [e.id for e in store.entities(label="PER", limit=100)]
    qs = queries(100)

    with TestClient(create_app(db)) as client:
        for q in qs[:5]:  # warm caches, templates, threads
            client.get("/suche", params={"q": q})
        cpu: dict[str, list[float]] = {
            k: [] for k in ["sp", "sb", "fp", "fb", "ep", "eb", "np", "nb", "ap", "ab", "fl"]
        }
        search_page, search_base = [], []
        for q in qs:
            search_base.append(timed(lambda q=q: store.search(SearchQuery(text=q)), cpu["sb"]))  # type: ignore[misc]
            search_page.append(
                timed(lambda q=q: client.get("/suche", params={"q": q}).raise_for_status(), cpu["sp"])  # type: ignore[misc]
            )
        filt_page, filt_base = [], []
        for sid in speakers:
            filt_base.append(
                timed(lambda s=sid: store.search(SearchQuery(speaker=s, kind="quotes")), cpu["fb"])  # type: ignore[misc]
            )
            filt_page.append(
                timed(
                    lambda s=sid: client.get(
                        "/suche", params={"sprecher": s, "art": "quotes"}
                    ).raise_for_status(),  # type: ignore[misc]
                    cpu["fp"],
                )
            )
        empty_page = [timed(lambda: client.get("/suche").raise_for_status(), cpu["ep"]) for _ in range(30)]
        # the start page: newest articles (no facet counts) and the newest quotes beside them
        empty_base = [
            timed(
                lambda: (store.search(SearchQuery(kind="articles", facets=False)), store.quotes(limit=6)),
                cpu["eb"],
            )
            for _ in range(30)
        ]
        ent_page, ent_base = [], []
        for sid in speakers:
            ent_base.append(timed(lambda s=sid: store.entity_profile(s), cpu["nb"]))  # type: ignore[misc]
            ent_page.append(
                timed(
                    lambda s=sid: client.get("/entitaet/" + urlquote(s, safe="")).raise_for_status(),  # type: ignore[misc]
                    cpu["np"],
                )
            )
        some = store.search(SearchQuery(limit=50)).hits
        art_page = [
            timed(
                lambda h=h: client.get("/artikel/" + urlquote(h.article_id, safe="")).raise_for_status(),  # type: ignore[misc]
                cpu["ap"],
            )
            for h in some
        ]
        art_base = [timed(lambda h=h: store.get_article(h.article_id), cpu["ab"]) for h in some]  # type: ignore[misc]
        floor = [
            timed(lambda: client.get("/static/favicon.svg").raise_for_status(), cpu["fl"]) for _ in range(50)
        ]
    store.close()
    print(f"{len(qs)} queries, {len(speakers)} speakers")
    report("search page (text)", search_page, search_base, cpu["sp"], cpu["sb"])
    report("search page (speaker)", filt_page, filt_base, cpu["fp"], cpu["fb"])
    report("search page (new)", empty_page, empty_base, cpu["ep"], cpu["eb"])
    report("speaker page", ent_page, ent_base, cpu["np"], cpu["nb"])
    report("article page", art_page, art_base, cpu["ap"], cpu["ab"])
    print(
        f"transport floor (GET of a static file in-process): p50 {statistics.median(floor):.1f} ms, p95 {pct(floor, 95):.1f} ms"
    )


if __name__ == "__main__":
    main()
