"""Web UI and JSON API (FastAPI + Jinja2), served by ``wortlaut serve``."""
