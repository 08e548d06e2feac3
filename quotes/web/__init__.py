"""``quotes serve``: a local, read-only web view over a store, for fact-checkers.

Pages (server-rendered, no JavaScript): claims (flags, counts, dates; filter, sort,
paginate, search), one claim (flags with reasons, every article with its stance, the
provenance tree as SVG), one article (every attribution highlighted in place), one source;
the same data as JSON under ``/api/``. Needs the ``web`` extra (``pip install quotes[web]``):
Starlette, Jinja2 and uvicorn, imported only inside this package.
"""
