"""Extraction stage: stored articles -> sentences, actor mentions, PLOVER events, claims.

Public API: `extract_articles(con, article_ids=None)` (store in, store out),
`extract_article(ArticleIn)` (pure), `score(...)` (pure evaluation), and the read-side
queries in `detente.extract.queries`.
"""

from detente.extract.evaluate import score
from detente.extract.pipeline import ArticleIn, extract_article, extract_articles

__all__ = ["ArticleIn", "extract_article", "extract_articles", "score"]
