"""HTML and WARC input: page -> article text + page metadata hints (the ``extract`` stage).

* :func:`kliping.extract.html.extract_html` — ``(html, url) -> (text, hints)``; how the
  extractors are combined and the rule that merges page metadata with what the text says are in
  that module's docstring.
* :class:`kliping.extract.html.ExtractStep` — the pipeline step (``article.html`` -> ``raw``).
* :func:`kliping.extract.warc.iter_warc` — HTML responses of a WARC file as records.
* :func:`kliping.extract.files.read_html_file` — a saved ``.html``/``.html.gz`` page as a record.

Nothing here imports the optional extractors at import time; they are loaded on first use and a
missing ``html`` extra raises :class:`kliping.extract.html.MissingExtra` (an ``ImportError``)
telling the user to ``pip install 'kliping[html]'``.
"""

from __future__ import annotations
