"""The extraction contract: what ``extract`` returns validates against schema v1."""

from __future__ import annotations

import json

import pytest

from conftest import SHARED
from wortlaut.article import Article
from wortlaut.contract import ContractError, schema, validate
from wortlaut.extract import extract

SHARED_SCHEMA = SHARED / "schema" / "extraction-v1.schema.json"


def test_extraction_of_plain_text_validates_against_contract_v1() -> None:
    result = extract(Article(id="a1", text="Die Ministerin sagte, man werde helfen."))
    validate(result.to_dict())
    assert result.to_dict()["text"] == "Die Ministerin sagte, man werde helfen."


def test_contract_violation_is_reported_with_article_id() -> None:
    with pytest.raises(ContractError, match="a2"):
        validate({"id": "a2", "text": "x", "quotes": [{"type": "rumour"}], "entities": [], "amounts": []})


@pytest.mark.skipif(
    not SHARED_SCHEMA.exists(), reason="../shared is absent (only in the project's workspace and CI)"
)
def test_packaged_schema_is_the_shared_contract() -> None:
    assert schema() == json.loads(SHARED_SCHEMA.read_text("utf-8"))
