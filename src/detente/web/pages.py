"""Server-rendered HTML pages. Each page gets its data from the same functions as /api/."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from detente.web import corpus
from detente.web.app import error_page, templates

router = APIRouter(include_in_schema=False)


def render(request: Request, name: str, page: str, **context: object) -> HTMLResponse:
    return templates.TemplateResponse(request, name, {"page": page, **context})


@router.get("/")
def home() -> RedirectResponse:
    return RedirectResponse("/corpus", status_code=307)


@router.get("/corpus", response_class=HTMLResponse)
def corpus_page(request: Request) -> HTMLResponse:
    with request.app.state.store.read() as con:
        articles = corpus.list_articles(con)
    return render(request, "corpus.html", "corpus", articles=articles)


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article_page(article_id: str, request: Request) -> HTMLResponse:
    with request.app.state.store.read() as con:
        article = corpus.get_article(con, article_id)
    if article is None:
        return error_page(request, f"No article {article_id!r} in this store.")
    return render(request, "article.html", "corpus", article=article,
                  pieces=corpus.article_pieces(article))
