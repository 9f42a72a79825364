"""Pages for browsers: `/` and `/explore` (the explorer), `/docs` (Swagger UI), their files."""

from importlib.resources import files
from pathlib import Path

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import FileResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles

from app.api.routing import ReadRoute

STATIC_DIR = Path(__file__).parent / "static"
# Swagger UI's own files, as released in the fastapi-offline package: no CDN at run time.
SWAGGER_UI_DIR = Path(str(files("fastapi_offline") / "static"))

router = APIRouter(include_in_schema=False, route_class=ReadRoute)


@router.get("/")
def home(request: Request) -> RedirectResponse:
    """The explorer is the home page."""
    return RedirectResponse(request.url_for("explorer"))


@router.get("/explore", name="explorer")
def explorer() -> FileResponse:
    """The explorer: search, timeline and stance table over the public /v1 API."""
    return FileResponse(STATIC_DIR / "explorer" / "index.html")


@router.get("/docs")
def docs() -> FileResponse:
    """Swagger UI over /openapi.json, with every script and style served from here."""
    return FileResponse(STATIC_DIR / "docs" / "index.html")


def install_web(app: FastAPI) -> None:
    """Mount the pages and their static files on `app`."""
    app.include_router(router)
    app.mount("/vendor/swagger-ui", StaticFiles(directory=SWAGGER_UI_DIR), name="swagger-ui")
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
