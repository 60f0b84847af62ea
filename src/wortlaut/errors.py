"""All user-facing errors in one place, each with a code a user can search for.

Codes are stable: ``W1xx`` readers and input, ``W2xx`` store, ``W3xx`` extraction and models,
``W4xx`` web/API. A message says what failed, where (file, line, article id) and what to do.
"""

from __future__ import annotations


class WortlautError(Exception):
    """Base class: carries a stable code and a location so batch summaries can group failures."""

    code = "W000"
    http_status = 500

    def __init__(self, message: str, *, where: str | None = None, hint: str | None = None) -> None:
        self.message = message
        self.where = where
        self.hint = hint
        super().__init__(self.__str__())

    def __str__(self) -> str:
        parts = [f"[{self.code}]"]
        if self.where:
            parts.append(f"{self.where}:")
        parts.append(self.message)
        text = " ".join(parts)
        if self.hint:
            text += f" ({self.hint})"
        return text


class InputError(WortlautError):
    """An input file or record could not be read as an article."""

    code = "W100"
    http_status = 400


class UnknownFormatError(InputError):
    code = "W101"


class EncodingError(InputError):
    code = "W102"


class MalformedRecordError(InputError):
    code = "W103"


class EmptyArticleError(InputError):
    code = "W104"


class OversizedArticleError(InputError):
    code = "W105"


class NotGermanError(InputError):
    code = "W106"


class NoArticleFoundError(InputError):
    code = "W107"


class FetchError(InputError):
    code = "W108"


class StoreError(WortlautError):
    code = "W200"


class SchemaVersionError(StoreError):
    code = "W201"


class NotFoundError(StoreError):
    code = "W202"
    http_status = 404


class BadQueryError(StoreError):
    code = "W203"
    http_status = 400


class ModelError(WortlautError):
    """A model could not be loaded or does not fit this version of Wortlaut."""

    code = "W300"


class ContractError(WortlautError):
    """An extraction does not satisfy the extraction contract."""

    code = "W301"


class ExtractionError(WortlautError):
    """Extraction raised on one article (a bug or a pathological text); the batch goes on."""

    code = "W302"


class AuthError(WortlautError):
    code = "W400"
    http_status = 403


class RequestError(WortlautError):
    """A web/API request with a missing or malformed parameter or body."""

    code = "W401"
    http_status = 400


class RouteNotFoundError(WortlautError):
    """No page or API endpoint at the requested path (or method)."""

    code = "W402"
    http_status = 404
