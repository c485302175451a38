"""The genre templates: one folder each under ``templates/`` (and any ``--template-dir``).

A genre folder holds ``genre.yaml`` (Chinese name, aliases, summary, options with their
defaults), ``draft.j2`` (the Jinja2 template), ``starter.yaml`` (the commented outline
``orgwrite new`` writes) and a short ``README.md``.  Folders whose names start with ``_``
hold shared template parts and are not genres.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from orgwrite.errors import OrgwriteError


@dataclass(slots=True)
class Option:
    name: str
    default: Any
    help: str
    kind: str = "text"  # "text" (a string, or false for none) or "bool"


@dataclass(slots=True)
class Genre:
    key: str  # folder name, ASCII
    name: str  # Chinese display name
    folder: Path
    summary: str = ""
    aliases: tuple[str, ...] = ()
    options: dict[str, Option] = field(default_factory=dict)

    @property
    def root(self) -> Path:
        """The templates folder this genre lives in (shared parts are found there)."""
        return self.folder.parent


def template_roots(extra: list[Path] | tuple[Path, ...] = ()) -> list[Path]:
    """Where genres are looked for: user folders first, then the shipped ones."""
    from orgwrite.resources import data_dir

    roots = []
    for d in extra:
        d = Path(d)
        if not d.is_dir():
            raise OrgwriteError(f"{d}：模板文件夹不存在")
        roots.append(d)
    roots.append(data_dir("templates"))
    return roots


def load_genres(extra: list[Path] | tuple[Path, ...] = ()) -> dict[str, Genre]:
    """Genres by folder name; a user folder of the same name overrides a shipped one."""
    import yaml

    genres: dict[str, Genre] = {}
    for root in reversed(template_roots(extra)):
        if not root.is_dir():
            continue
        for folder in sorted(root.iterdir()):
            meta_file = folder / "genre.yaml"
            if folder.name.startswith(("_", ".")) or not meta_file.is_file():
                continue
            try:
                meta = yaml.safe_load(meta_file.read_text("utf-8")) or {}
            except (yaml.YAMLError, UnicodeDecodeError) as exc:
                mark = getattr(exc, "problem_mark", None)
                where = f"{meta_file}:{mark.line + 1}" if mark else str(meta_file)
                raise OrgwriteError(f"{where}：文种说明文件不是有效的 YAML") from None
            options = {}
            for oname, spec in (meta.get("options") or {}).items():
                spec = spec if isinstance(spec, dict) else {"default": spec}
                default = spec.get("default")
                kind = str(spec.get("type") or ("bool" if isinstance(default, bool) else "text"))
                options[oname] = Option(oname, default, str(spec.get("help", "")), kind)
            genres[folder.name] = Genre(
                key=folder.name,
                name=str(meta.get("name", folder.name)),
                folder=folder,
                summary=str(meta.get("summary", "")).strip(),
                aliases=tuple(str(a) for a in meta.get("aliases") or ()),
                options=options,
            )
    return genres


def resolver(genres: dict[str, Genre]):
    """A function from what a writer types (folder, Chinese name, alias) to the folder name."""
    table: dict[str, str] = {}
    for g in genres.values():
        for n in (g.key, g.name, *g.aliases):
            table.setdefault(n.strip().lower(), g.key)

    def resolve(text: str) -> str | None:
        return table.get(text.strip().lower())

    return resolve, [g.name for g in sorted(genres.values(), key=lambda g: g.key)]


def find_genre(genres: dict[str, Genre], text: str) -> Genre:
    """The genre for ``text`` or an OrgwriteError naming the choices."""
    import difflib

    resolve, names = resolver(genres)
    key = resolve(text)
    if key is None:
        hint = difflib.get_close_matches(text, [*names, *genres], n=1, cutoff=0.4)
        raise OrgwriteError(
            f"未知的文种“{text}”" + (f"，是不是“{hint[0]}”？" if hint else "") + f"（可用：{'、'.join(names)}）"
        )
    return genres[key]
