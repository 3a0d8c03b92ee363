"""The web reader (``kliping serve``): FastAPI + Jinja2, the ``[web]`` extra.

Import :func:`kliping.web.app.create_app` only where the extra is installed; the core never
imports this package.
"""
