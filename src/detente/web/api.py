"""The JSON API under /api/: every page's data, described at /api/openapi.json."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request

from detente.web import corpus

router = APIRouter(prefix="/api", tags=["api"])


@router.get("/articles", response_model=list[corpus.ArticleRow])
def articles(request: Request) -> list[corpus.ArticleRow]:
    """All articles with date, source, language and ingest warnings."""
    with request.app.state.store.read() as con:
        return corpus.list_articles(con)


@router.get("/articles/{article_id:path}", response_model=corpus.ArticleDetail)
def article(article_id: str, request: Request) -> corpus.ArticleDetail:
    """One article's full text with its actor mentions and events (character offsets)."""
    with request.app.state.store.read() as con:
        found = corpus.get_article(con, article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return found
