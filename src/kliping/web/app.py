"""The reader: server-rendered pages and a JSON API over a kliping store.

``create_app(path)`` builds the FastAPI application; ``kliping serve`` runs it with uvicorn.
Each worker thread opens its own read-only connection to the store.  All text reaches the
pages through Jinja2 autoescaping; search snippets are escaped segment by segment and only
the ``<mark>`` around matched words is markup.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Annotated, Any

import orjson
from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape

from kliping import __version__
from kliping.store.sqlite import Store
from kliping.web.view import article_lines, headline, query_string, safe_href, toggle_param

HERE = Path(__file__).resolve().parent
PAGE_SIZE = 20
MAX_QUERY = 500

_SEARCH_RESPONSE: dict[str, Any] = {
    "description": "query, total, limit, offset, message, note, results (id, title, outlet, published,"
    " language, story, url, snippet, highlights, score) and facets (outlet, language, month, person,"
    " place: value/count lists; date_min, date_max, partial)",
    "content": {"application/json": {"schema": {"type": "object"}}},
}

#: Filters the search page and API take (query parameter -> Store.search keyword).
FILTERS = {"outlet": "outlet", "language": "language", "person": "person", "place": "place"}


class _Stores(threading.local):
    store: Store | None = None


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(safe_href=safe_href, headline=headline, toggle_param=toggle_param, version=__version__)
    return env


def create_app(path: str | Path) -> FastAPI:
    """The reader for the store at ``path`` (opened read-only; it must exist)."""
    path = Path(path)
    Store(path, readonly=True).close()  # fail now, with a clear message, if it cannot be read
    local = _Stores()

    def store() -> Store:
        if local.store is None:
            local.store = Store(path, readonly=True)
        return local.store

    app = FastAPI(
        title="kliping reader",
        version=__version__,
        description="Search and read a kliping store of cleaned news articles.",
        docs_url=None,  # the stock docs page loads scripts from a CDN; ours is served locally
        redoc_url=None,
    )
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    templates = Jinja2Templates(env=_environment())

    def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, context, status_code=status)

    def search_args(
        q: str,
        outlet: list[str],
        language: list[str],
        person: list[str],
        place: list[str],
        date_from: str | None,
        date_to: str | None,
    ) -> dict[str, Any]:
        return {
            "q": q[:MAX_QUERY],
            "outlet": outlet,
            "language": language,
            "person": person,
            "place": place,
            "date_from": date_from or None,
            "date_to": date_to or None,
        }

    # --- pages -------------------------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request) -> HTMLResponse:
        s = store()
        return page(request, "home.html", latest=s.latest(PAGE_SIZE), total=len(s))

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(
        request: Request,
        q: str = "",
        outlet: Annotated[list[str], Query()] = [],  # noqa: B006 - FastAPI copies defaults
        language: Annotated[list[str], Query()] = [],  # noqa: B006
        person: Annotated[list[str], Query()] = [],  # noqa: B006
        place: Annotated[list[str], Query()] = [],  # noqa: B006
        date_from: Annotated[str | None, Query(alias="from")] = None,
        date_to: Annotated[str | None, Query(alias="to")] = None,
        page_no: Annotated[int, Query(alias="page", ge=1, le=10_000)] = 1,
    ) -> HTMLResponse:
        args = search_args(q, outlet, language, person, place, date_from, date_to)
        result = store().search(**args, limit=PAGE_SIZE, offset=(page_no - 1) * PAGE_SIZE)
        params = [(k, v) for k, v in request.query_params.multi_items() if k != "page"]
        pages = {
            "prev": query_string([*params, ("page", str(page_no - 1))]) if page_no > 1 else None,
            "next": query_string([*params, ("page", str(page_no + 1))])
            if result.offset + len(result.hits) < result.total
            else None,
        }
        return page(
            request,
            "search.html",
            q=args["q"],
            result=result,
            args=args,
            params=params,
            pages=pages,
            page_no=page_no,
        )

    @app.get("/articles/{article_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str) -> HTMLResponse:
        article = store().get(article_id)
        if article is None:
            return page(request, "error.html", 404, message=f"No article with id {article_id!r}.")
        copies = [a for a in store().story(article.story) if a.id != article.id] if article.story else []
        return page(request, "article.html", article=article, lines=article_lines(article), copies=copies)

    @app.get("/stories/{story_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(request: Request, story_id: str) -> HTMLResponse:
        copies = store().story(story_id)
        if not copies:
            return page(request, "error.html", 404, message=f"No story with id {story_id!r}.")
        return page(request, "story.html", story_id=story_id, copies=copies)

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def api_docs(request: Request) -> HTMLResponse:
        return page(request, "docs.html", spec=app.openapi())

    # --- JSON API ----------------------------------------------------------------------------
    @app.get("/api/search", tags=["api"], summary="Search articles", responses={200: _SEARCH_RESPONSE})
    def api_search(
        q: Annotated[str, Query(description='Words (all must match), "phrases", OR, -excluded.')] = "",
        outlet: Annotated[list[str], Query()] = [],  # noqa: B006
        language: Annotated[list[str], Query()] = [],  # noqa: B006
        person: Annotated[list[str], Query()] = [],  # noqa: B006
        place: Annotated[list[str], Query()] = [],  # noqa: B006
        date_from: Annotated[str | None, Query(alias="from", description="YYYY-MM-DD")] = None,
        date_to: Annotated[str | None, Query(alias="to", description="YYYY-MM-DD")] = None,
        limit: Annotated[int, Query(ge=0, le=200)] = PAGE_SIZE,
        offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
        facets: bool = True,
    ) -> Response:
        """Matching articles (id, title, outlet, published, snippet ...), best first, with facet
        counts; ``message`` explains an empty or unusable query, ``note`` the order of a very
        large result."""
        args = search_args(q, outlet, language, person, place, date_from, date_to)
        result = store().search(**args, limit=limit, offset=offset, facets=facets)
        # serialised directly: the result is plain JSON data (FastAPI's encoder would walk it again)
        return Response(orjson.dumps(result.to_dict()), media_type="application/json")

    @app.get("/api/articles/{article_id:path}", tags=["api"], summary="One article record")
    def api_article(article_id: str) -> dict[str, Any]:
        """The Article JSON record exactly as it was stored."""
        record = store().record(article_id)
        if record is None:
            raise HTTPException(status_code=404, detail=f"no article with id {article_id!r}")
        return record

    @app.get("/api/stories/{story_id:path}", tags=["api"], summary="Every copy of a story")
    def api_story(story_id: str) -> list[dict[str, Any]]:
        copies = store().story(story_id)
        if not copies:
            raise HTTPException(status_code=404, detail=f"no story with id {story_id!r}")
        return [a.to_record() for a in copies]

    @app.get("/healthz", include_in_schema=False)
    def health() -> Response:
        return JSONResponse({"ok": True, "articles": len(store())})

    return app
