"""Pages for browsers: `/` and `/explore` (the explorer), `/docs` (Swagger UI), their files."""

from functools import cache
from importlib.resources import files
from pathlib import Path

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles

from app.api.routing import ReadRoute

STATIC_DIR = Path(__file__).parent / "static"
# Swagger UI's own files, as released in the fastapi-offline package: no CDN at run time.
SWAGGER_UI_DIR = Path(str(files("fastapi_offline") / "static"))
# The explorer's page names its files relative to this base, which each view's path rewrites.
EXPLORER_BASE = '<base href="./">'

router = APIRouter(include_in_schema=False, route_class=ReadRoute)


@router.get("/")
def home(request: Request) -> RedirectResponse:
    """The explorer is the home page."""
    return RedirectResponse(request.url_for("explorer"))


@router.get("/explore", name="explorer")
def explorer() -> HTMLResponse:
    """The explorer: search, timeline and stance table over the public /v1 API."""
    return HTMLResponse(explorer_page("./"))


@router.get("/explore/{view:path}")
def explorer_view(view: str) -> HTMLResponse:
    """A view of the explorer (`/explore/actors/vladimir-putin`): the same page, which reads its
    address; its base points back up to where `/explore` lives, so every relative URL of the page
    (files, API) resolves as it does from `/explore`, under whatever prefix the app is served."""
    return HTMLResponse(explorer_page("../" * (view.count("/") + 1)))


def explorer_page(base: str) -> str:
    """The explorer's HTML with `base` (`./`, `../`...) as its base URL."""
    return explorer_template().replace(EXPLORER_BASE, f'<base href="{base}">', 1)


@cache
def explorer_template() -> str:
    return (STATIC_DIR / "explorer" / "index.html").read_text(encoding="utf-8")


@router.get("/docs")
def docs() -> FileResponse:
    """Swagger UI over /openapi.json, with every script and style served from here."""
    return FileResponse(STATIC_DIR / "docs" / "index.html")


def install_web(app: FastAPI) -> None:
    """Mount the pages and their static files on `app`."""
    app.include_router(router)
    app.mount("/vendor/swagger-ui", StaticFiles(directory=SWAGGER_UI_DIR), name="swagger-ui")
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
