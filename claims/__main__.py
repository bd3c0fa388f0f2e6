"""``python -m claims ARTICLE.txt``: list an article's checkable claims (see ``claims.cli``)."""

from claims.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
