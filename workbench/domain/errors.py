"""Errors the pages show to reviewers: each message says what went wrong and what to do."""

from __future__ import annotations


class WorkbenchError(Exception):
    """Base for errors a page reports with ``st.error(str(error))``."""


class InputError(WorkbenchError):
    """Input refused before anything is stored (empty, too large, binary, markup...)."""


class DuplicateArticleError(WorkbenchError):
    """The same text is already stored."""

    def __init__(self, article_id: int, title: str) -> None:
        super().__init__(
            f"This text is already stored as article #{article_id} “{title}”. Open it on the Review page."
        )
        self.article_id = article_id


class StaleClaimError(WorkbenchError):
    """Someone saved the claim after this reviewer opened it."""


class NotFoundError(WorkbenchError):
    """A record that does not exist (e.g. an id in a link)."""


class StaleSourceError(WorkbenchError):
    """Someone changed the source after this reviewer opened it."""


class SourceInUseError(InputError):
    """A source that cannot be deleted as it is: cited by a published verdict, or still linked."""
