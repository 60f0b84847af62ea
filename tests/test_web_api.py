"""The JSON API in-process (httpx through FastAPI's TestClient) over a store the tests build."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from test_web_corpus import build_store
from wortlaut.web.app import create_app

TOKEN = "s3cret-token-for-tests-only"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("api") / "w.db")


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db)) as c:
        yield c


def assert_error(response: object, status: int, code: str) -> dict[str, object]:
    body = response.json()  # type: ignore[attr-defined]
    assert response.status_code == status  # type: ignore[attr-defined]
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "status"}
    assert body["error"]["code"] == code and body["error"]["status"] == status
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    return dict(body["error"])


@pytest.mark.parametrize("q", ['"nicht geschlossen', "(Flug", "OR Ukraine", "*"])
def test_bad_search_query_is_a_400_with_the_one_error_shape(client: TestClient, q: str) -> None:
    assert_error(client.get("/api/search", params={"q": q}), 400, "W203")


def test_bad_parameters_are_400_not_500(client: TestClient) -> None:
    err = assert_error(client.get("/api/search", params={"date_from": "16.03.2022"}), 400, "W401")
    assert "YYYY-MM-DD" in str(err["message"])
    assert_error(client.get("/api/search", params={"limit": 0}), 400, "W401")
    assert_error(client.get("/api/search", params={"kind": "tweets"}), 400, "W401")
    assert_error(
        client.get("/api/search", params={"date_from": "2022-04-01", "date_to": "2022-03-01"}), 400, "W401"
    )


def test_missing_things_are_404_with_the_same_shape(client: TestClient) -> None:
    assert_error(client.get("/api/articles/no-such-article"), 404, "W202")
    assert_error(client.get("/api/entities/Niemand%20Unbekannt"), 404, "W202")
    assert_error(client.get("/api/nowhere"), 404, "W402")
    assert_error(client.get("/api/export/passwords"), 404, "W202")


def test_search_ranks_highlights_and_pages(client: TestClient) -> None:
    first = client.get("/api/search", params={"q": "Flugverbotszone", "kind": "articles", "limit": 10}).json()
    assert first["total"] >= 28
    assert len(first["hits"]) == 10 and first["next"]
    assert all(any(hit for _, hit in h["snippet"]["segments"]) for h in first["hits"])
    second = client.get(first["next"]).json()
    assert second["offset"] == 10
    ids = {h["article_id"] for h in first["hits"]}
    assert ids.isdisjoint(h["article_id"] for h in second["hits"])


def test_search_filters_by_speaker_and_quote_type(client: TestClient) -> None:
    body = client.get("/api/search", params={"speaker": "Jens Stoltenberg", "kind": "quotes"}).json()
    assert body["total"] == 2
    assert {h["speaker_name"] for h in body["hits"]} == {"Jens Stoltenberg"}
    indirect = client.get("/api/search", params={"kind": "quotes", "quote_type": "indirect"}).json()
    assert [h["speaker_name"] for h in indirect["hits"]] == ["Julianne Smith"]


def test_empty_query_lists_what_is_new(client: TestClient) -> None:
    body = client.get("/api/search", params={"kind": "articles"}).json()
    dates = [h["date"] for h in body["hits"] if h["date"]]
    assert dates[0] == "2022-03-18" and dates == sorted(dates, reverse=True)


def test_article_carries_extraction_versions_and_entity_links(client: TestClient) -> None:
    body = client.get("/api/articles/nato-1").json()
    assert body["article"]["headline"] == "Aufrüstung statt Einmischung"
    assert [q["type"] for q in body["extraction"]["quotes"]] == ["direct", "indirect"]
    assert body["versions"][0]["version"] == 1
    assert set(body["entity_links"]) >= {"E0", "E1", "E2", "E3"}


def test_quote_across_articles_with_word_diff(client: TestClient) -> None:
    quotes = client.get("/api/quotes", params={"speaker": "Jens Stoltenberg"}).json()["quotes"]
    ref = next(q for q in quotes if q["article_id"] == "nato-1")
    body = client.get(f"/api/quotes/{ref['id']}", params={"article": "nato-1"}).json()
    assert body["quote"]["id"] == ref["id"]
    assert [s["article_id"] for s in body["same"]] == ["echo-2"]
    ops = {(d["op"], d["text"]) for d in body["same"][0]["diff"]}
    assert ("del", "selbst") in ops
    assert client.get(f"/api/quotes/{ref['id']}").json()["quote"]["id"] == ref["id"]


def test_entity_profile_pages_its_quotes_and_knows_places(client: TestClient) -> None:
    found = client.get("/api/entities", params={"label": "PER", "prefix": "Jens"}).json()["entities"]
    assert [e["name"] for e in found] == ["Jens Stoltenberg"]
    eid = found[0]["id"]
    body = client.get(f"/api/entities/{eid}", params={"limit": 1}).json()
    assert body["entity"]["name"] == "Jens Stoltenberg"
    assert body["quotes_total"] == 2 and len(body["quotes"]) == 1
    assert "NATO-Generalsekretär" in [r["title"] for r in body["roles"]]
    by_name = client.get("/api/entities/Jens Stoltenberg").json()
    assert by_name["entity"]["id"] == eid
    place = client.get("/api/entities/Brüssel").json()
    assert place["geo"]["lat"] == pytest.approx(50.85045)


def test_timeline_compares_queries_and_refuses_more_than_five(client: TestClient) -> None:
    body = client.get(
        "/api/timeline", params=[("q", "Flugverbotszone"), ("q", "Ausbildung"), ("bucket", "week")]
    ).json()
    assert [s["label"] for s in body["series"]] == ["Flugverbotszone", "Ausbildung"]
    assert sum(p["articles"] for p in body["series"][0]["points"]) == 28
    assert sum(p["quotes"] for p in body["series"][1]["points"]) == 2
    assert_error(client.get("/api/timeline", params=[("q", str(i)) for i in range(6)]), 400, "W401")


def test_stats(client: TestClient) -> None:
    body = client.get("/api/stats").json()
    assert body["articles"] == 28 and body["quotes"] == 4
    assert "path" not in body


def test_exports_stream_every_row_as_csv_and_jsonl(client: TestClient) -> None:
    with client.stream("GET", "/api/export/articles", params={"format": "csv"}) as r:
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
        text = "".join(r.iter_text())
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 28 and {r["article_id"] for r in rows} >= {"nato-1", "hostile-3"}
    lines = client.get("/api/export/quotes", params={"format": "jsonl"}).text.splitlines()
    assert len(lines) == 4 and {json.loads(x)["speaker_name"] for x in lines} >= {"Jens Stoltenberg"}


def test_read_only_by_default_no_ingest_route(client: TestClient) -> None:
    assert_error(client.post("/api/ingest", json=[{"id": "x", "text": "y"}]), 404, "W402")


def test_security_headers(client: TestClient) -> None:
    r = client.get("/api/stats")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"


def test_openapi_and_docs_work_offline(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert {"/api/search", "/api/timeline", "/api/export/{table}"} <= set(schema["paths"])
    html = client.get("/docs").text
    assert "/api/search" in html and "cdn" not in html.lower() and "https://" not in html


def test_ingest_needs_the_token_and_stores_extracted_articles(tmp_path: Path) -> None:
    db = build_store(tmp_path / "w.db")
    with TestClient(create_app(db, ingest_token=TOKEN)) as c:
        payload = [
            {
                "id": "neu-1",
                "text": "Die Ministerin sagte in Berlin: „Wir helfen sofort.“",
                "published": "2022-03-20",
            },
            {"text": "ohne id"},
        ]
        assert_error(c.post("/api/ingest", json=payload), 403, "W400")
        assert_error(
            c.post("/api/ingest", json=payload, headers={"Authorization": "Bearer wrong"}), 403, "W400"
        )
        assert_error(
            c.post("/api/ingest", content=b"{not json", headers={"Authorization": f"Bearer {TOKEN}"}),
            400,
            "W401",
        )
        r = c.post("/api/ingest", json=payload, headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 200
        body = r.json()
        assert body["summary"] == {"read": 2, "failed": 1, "added": 1, "updated": 0, "unchanged": 0}
        assert body["results"][1]["error"]["code"] == "W103"
        stored = c.get("/api/articles/neu-1").json()
        assert stored["extraction"] is not None and stored["article"]["text"].startswith("Die Ministerin")
        again = c.post("/api/ingest", json=payload[:1], headers={"X-Wortlaut-Token": TOKEN}).json()
        assert again["summary"]["unchanged"] == 1


def test_an_unexpected_failure_is_a_500_in_the_same_shape_without_internals(db: Path) -> None:
    class Broken:
        def search(self, query: object) -> None:
            raise RuntimeError("secret internal detail")

    app = create_app(db)
    app.state.pool.get = lambda: Broken()
    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.get("/api/search", params={"q": "NATO"})
    err = assert_error(r, 500, "W000")
    assert "secret" not in str(err["message"])


def test_loopback_server_answers_only_loopback_host_names(db: Path) -> None:
    from wortlaut.web.app import LOOPBACK_HOSTS, host_of

    assert host_of("127.0.0.1:8000") == "127.0.0.1" and host_of("[::1]:8000") == "::1"
    app = create_app(db, allowed_hosts=LOOPBACK_HOSTS)
    with TestClient(app, base_url="http://localhost:8000") as ok:
        assert ok.get("/api/stats").status_code == 200
    with TestClient(app, base_url="http://rebound.example:8000") as evil:
        r = evil.get("/api/stats")
    assert_error(r, 400, "W401")
    assert r.headers["x-frame-options"] == "DENY"


def test_amounts_are_searchable_by_what_they_count_and_their_value(client: TestClient) -> None:
    body = client.get(
        "/api/search", params={"kind": "amounts", "counted": "Soldaten", "min_value": 1000}
    ).json()
    assert [(h["kind"], h["article_id"]) for h in body["hits"]] == [("amount", "nato-1")]
    assert body["hits"][0]["amount"]["value"] == 3000
    none = client.get(
        "/api/search", params={"kind": "amounts", "counted": "Soldaten", "min_value": 5000}
    ).json()
    assert none["hits"] == []
    assert_error(
        client.get("/api/search", params={"kind": "amounts", "min_value": 9, "max_value": 1}), 400, "W203"
    )
