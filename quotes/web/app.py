"""The web application: routes, error handling and rendering (Starlette + Jinja2).

Pages and API endpoints only parse parameters, call :mod:`quotes.web.queries` and render
(templates escape every value: articles are untrusted input). Every response is GET-only
and read-only; a bad parameter is a 400, an unknown id a 404, JSON for ``/api/...``.

>>> import tempfile, os
>>> from starlette.testclient import TestClient
>>> from quotes.store.sqlite import Store
>>> path = os.path.join(tempfile.mkdtemp(), "q.db")
>>> Store(path).close()
>>> client = TestClient(create_app(path))
>>> client.get("/api/claims").json()["total"], client.get("/api/claims?page=0").status_code
(0, 400)
"""

from __future__ import annotations

import os
from functools import wraps
from pathlib import Path
from typing import Any, Callable
from urllib.parse import quote, urlencode, urlsplit

import jinja2
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from quotes.errors import NotFoundError, StoreError
from quotes.web import checks, details, queries, svg
from quotes.web.db import ReadOnlyStore
from quotes.web.highlight import segments
from quotes.web.queries import BadParameter, ClaimsQuery, positive_int

HERE = Path(__file__).resolve().parent
#: Sent with every response: no script runs, nothing loads from elsewhere.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'; "
                               "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def _safe_url(url: str | None) -> str | None:
    """An article's URL if it is http(s), else None (never a ``javascript:`` link).

    >>> _safe_url("https://example.org/a"), _safe_url("javascript:alert(1)")
    ('https://example.org/a', None)
    """
    if not url:
        return None
    return url if urlsplit(url.strip()).scheme.lower() in ("http", "https") else None


def _templates() -> Jinja2Templates:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"),
                             autoescape=True, undefined=jinja2.StrictUndefined)
    env.filters["u"] = lambda s: quote(str(s), safe="")
    env.filters["safe_url"] = _safe_url
    env.globals["STANCE_WORDS"] = STANCE_WORDS
    env.globals["CAN_CHECK"] = checks.has_check()
    env.globals["MAX_REASONS"] = MAX_REASONS
    return Jinja2Templates(env=env)


#: Reasons of one flag listed on a page (all of them are in the JSON).
MAX_REASONS = 100
#: How a stance reads on the page.
STANCE_WORDS = {"asserts": "asserts", "confirms": "confirms", "denies": "denies",
                "cannot_confirm": "cannot confirm", "hedged": "reports (hedged)",
                "supports": "supports", "reports": "reports", "unrelated": "unrelated",
                "mixed": "mixed"}


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def _error(request: Request, status: int, message: str) -> Response:
    if _is_api(request):
        return JSONResponse({"error": message, "status": status}, status_code=status,
                            headers=SECURITY_HEADERS)
    return request.app.state.templates.TemplateResponse(
        request, "error.html", {"status": status, "message": message}, status_code=status,
        headers=SECURITY_HEADERS)


def endpoint(fn: Callable[[Request], Any]) -> Callable:
    """Map library and parameter errors to 400/404/503 and add the security headers."""
    @wraps(fn)
    def run(request: Request) -> Response:
        try:
            response = fn(request)
        except BadParameter as err:
            return _error(request, 400, str(err))
        except NotFoundError as err:
            return _error(request, 404, str(err))
        except StoreError as err:
            return _error(request, 503, str(err))
        response.headers.update(SECURITY_HEADERS)
        return response
    return run


def _page(request: Request, name: str, context: dict[str, Any]) -> Response:
    return request.app.state.templates.TemplateResponse(request, name, context)


def _db(request: Request) -> ReadOnlyStore:
    return request.app.state.db


def _claims_url(query: ClaimsQuery, **change) -> str:
    params = {"q": query.q, "flag": query.flag or "", "sort": query.sort,
              "page": query.page, "per_page": query.per_page, **change}
    if params["per_page"] == queries.PER_PAGE:
        params.pop("per_page")
    if params["sort"] == queries.DEFAULT_SORT:
        params.pop("sort")
    return "/claims?" + urlencode({k: v for k, v in params.items() if v not in ("", None, 1)})


def _claim(request: Request, page: int, per_page: int) -> dict[str, Any]:
    cid = request.path_params["id"]
    summaries = queries.cached_claims(_db(request))
    with _db(request).connect() as conn:
        return details.claim_detail(conn, cid, page, per_page,
                                    summary=summaries.get(cid) if summaries else None)


# --- pages ----------------------------------------------------------------------------------


@endpoint
def home(request: Request) -> Response:
    return RedirectResponse("/claims", status_code=302)


@endpoint
def claims_html(request: Request) -> Response:
    query = ClaimsQuery.parse(request.query_params)
    page = queries.claims_page(_db(request), query)
    return _page(request, "claims.html", {"page": page, "q": query, "flags": queries.FLAGS,
                                          "sorts": list(queries.SORTS), "url": _claims_url})


@endpoint
def claim_html(request: Request) -> Response:
    page = positive_int(request.query_params, "page", 1)
    claim = _claim(request, page, queries.PER_PAGE)
    return _page(request, "claim.html", {"claim": claim, "tree": svg.layout(claim["statements"]),
                                         "can_check": checks.has_check()})


@endpoint
def article_html(request: Request) -> Response:
    with _db(request).connect() as conn:
        art = details.article_detail(conn, request.path_params["id"])
    by_n = {a["n"]: a for a in art["attributions"]}
    return _page(request, "article.html", {"art": art, "segments": segments(art["text"], art["attributions"]),
                                           "by_n": by_n})


@endpoint
def source_html(request: Request) -> Response:
    page = positive_int(request.query_params, "page", 1)
    with _db(request).connect() as conn:
        src = details.source_detail(conn, request.path_params["key"], page)
    return _page(request, "source.html", {"src": src})


def _check(request: Request) -> dict[str, Any] | None:
    """The check of ``q`` on the stored corpus; None while that corpus is being loaded."""
    if not checks.has_check():
        raise NotFoundError("this version of quotes cannot check claims")
    q = request.query_params.get("q", "")
    if not q.strip():
        raise BadParameter("q is empty: give a claim, e.g. \"Putin's visit to Turkey was postponed\"")
    db = _db(request)
    corpus = db.cached("corpus", checks.stored_corpus, wait=False)
    if corpus is None:
        return None
    stored = db.cached("claim-ids", lambda conn: {r[0] for r in conn.execute("SELECT id FROM claims")})

    def check() -> dict[str, Any]:
        with db.check_lock:  # the corpus builds its caches lazily: one check at a time
            return checks.check_view(corpus, q, stored)
    result = db.remember("checks", " ".join(q.split()), check)
    return {**result, "tree": list(result["tree"])}  # the API pops the tree from its copy


#: Seconds a client is asked to wait while the corpus for checks is loaded.
RETRY_AFTER = 3


@endpoint
def check_html(request: Request) -> Response:
    result = _check(request)
    if result is None:
        return request.app.state.templates.TemplateResponse(
            request, "wait.html", {"q": request.query_params.get("q", ""), "retry": RETRY_AFTER},
            status_code=503, headers={"Retry-After": str(RETRY_AFTER)})
    return _page(request, "check.html", {"r": result, "tree": svg.layout(result["tree"]),
                                         "search_text": result["query"]})


# --- API ------------------------------------------------------------------------------------


def _json(data: Any) -> Response:
    return JSONResponse(data)


@endpoint
def claims_api(request: Request) -> Response:
    query = ClaimsQuery.parse(request.query_params)
    page = queries.claims_page(_db(request), query)
    return _json({k: v for k, v in page.items() if k != "query"} | {"query": {
        "q": query.q, "flag": query.flag, "sort": query.sort}})


@endpoint
def claim_api(request: Request) -> Response:
    page = positive_int(request.query_params, "page", 1)
    per_page = positive_int(request.query_params, "per_page", queries.PER_PAGE, queries.MAX_PER_PAGE)
    return _json(_claim(request, page, per_page))


@endpoint
def article_api(request: Request) -> Response:
    with _db(request).connect() as conn:
        return _json(details.article_detail(conn, request.path_params["id"]))


@endpoint
def source_api(request: Request) -> Response:
    page = positive_int(request.query_params, "page", 1)
    per_page = positive_int(request.query_params, "per_page", queries.PER_PAGE, queries.MAX_PER_PAGE)
    with _db(request).connect() as conn:
        return _json(details.source_detail(conn, request.path_params["key"], page, per_page))


@endpoint
def check_api(request: Request) -> Response:
    result = _check(request)
    if result is None:
        return JSONResponse({"error": "the store is being loaded for checks: retry shortly",
                             "status": 503}, status_code=503, headers={"Retry-After": str(RETRY_AFTER)})
    result.pop("tree")
    return _json(result)


async def _http_error(request: Request, exc: HTTPException) -> Response:
    message = {404: f"no page at {request.url.path}", 405: "only GET requests are served"}.get(
        exc.status_code, str(exc.detail))
    return _error(request, exc.status_code, message)


def create_app(db_path: str | os.PathLike) -> Starlette:
    """The application over the store at ``db_path`` (opened read-only; StoreError if it
    is missing or not a store)."""
    routes = [
        Route("/", home),
        Route("/claims", claims_html),
        Route("/claims/{id}", claim_html),
        Route("/check", check_html),
        Route("/articles/{id:path}", article_html),
        Route("/sources/{key:path}", source_html),
        Route("/api/claims", claims_api),
        Route("/api/claims/{id}", claim_api),
        Route("/api/check", check_api),
        Route("/api/articles/{id:path}", article_api),
        Route("/api/sources/{key:path}", source_api),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    app = Starlette(routes=routes, exception_handlers={HTTPException: _http_error})
    app.state.db = ReadOnlyStore(db_path)
    app.state.templates = _templates()
    queries.cached_claims(app.state.db)  # start summarising the claims in the background
    if checks.has_check():  # and loading the corpus that checks need
        app.state.db.cached("corpus", checks.stored_corpus, wait=False)
    return app


def serve(db_path: str | os.PathLike, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the store at ``db_path`` on ``host:port`` until interrupted."""
    import uvicorn
    app = create_app(db_path)
    print(f"quotes: serving {db_path} read-only on http://{host}:{port}/ (Ctrl-C stops)")
    uvicorn.run(app, host=host, port=port, log_level="warning")
