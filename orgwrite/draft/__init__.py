"""Drafting: a structured outline → a finished draft in its genre's form.

    from orgwrite.draft import draft_outline
    d = draft_outline(Path("outline.yaml"))
    print(d.text("txt"))

Pipeline: :mod:`.outline` (load and validate, errors with file:line and field) →
:mod:`.render` (genre template from ``templates/``, formulations as of the draft's date)
→ :class:`~orgwrite.draft.render.Draft` (text for .txt/.md, a Document for check and Word).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from orgwrite.draft.render import Draft


def draft_outline(path: Path, *, as_of: date | None = None, template_dirs: tuple[Path, ...] = ()) -> Draft:
    """Load, validate and render the outline at ``path``.

    The draft speaks as of ``as_of`` if given, else the outline's ``date``, else today.
    """
    from orgwrite.draft.genres import load_genres, resolver
    from orgwrite.draft.outline import load_outline
    from orgwrite.draft.render import render

    genres = load_genres(template_dirs)
    resolve, names = resolver(genres)
    outline = load_outline(Path(path), resolve, names)
    when = as_of or outline.date or date.today()
    return render(outline, genres[outline.genre], when)


__all__ = ["draft_outline"]
