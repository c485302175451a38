"""Configuration in layers: defaults → orgwrite.toml / [tool.orgwrite] → command line.

The file is found upward from the checked file's folder (or given with ``--config``).
Unknown keys and unknown rule codes are errors, because a typo that silently disables
a rule is worse than a refusal.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from orgwrite import lazyre
from orgwrite.errors import ConfigError
from orgwrite.model import Severity

CONFIG_NAMES = ("orgwrite.toml", ".orgwrite.toml")
FAIL_ON_VALUES = ("error", "warning", "info", "never")

#: Every key a configuration may carry, with a Chinese description (for errors and
#: ``orgwrite init``).  A feature that adds a key registers it here.
KNOWN_KEYS: dict[str, str] = {
    "select": "启用的规则（代码或族前缀，如 P、P101）",
    "ignore": "停用的规则（代码或族前缀）",
    "extend-select": "在默认规则之外追加启用的规则",
    "severity": '按规则代码调整级别，如 {P110 = "info"}',
    "fail-on": "达到该级别即以退出码1结束：error、warning、info、never",
    "as-of": "文本所述日期 YYYY-MM-DD（用于时效表述）",
    "lexicon": "追加的用户词库文件（相对于配置文件）",
    "disable-entries": "停用的词库条目编号",
}


@dataclass(frozen=True)
class Config:
    """Resolved settings for one run (immutable; derive with :meth:`merged`)."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    fail_on: str = "warning"
    as_of: date | None = None
    lexicon_files: tuple[Path, ...] = ()
    disable_entries: tuple[str, ...] = ()
    path: Path | None = None  # the file the settings came from, if any
    encoding: str | None = None  # --encoding: read text inputs in this encoding, no detection

    def merged(self, **changes: Any) -> Config:
        """A copy with the given fields replaced (None values are ignored)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    def selected_codes(self, codes: list[str], defaults: set[str]) -> list[str]:
        """The rule codes this configuration turns on, out of ``codes``."""
        if self.select:
            chosen = {c for c in codes if _matches(c, self.select)}
        else:
            chosen = set(defaults)
        chosen |= {c for c in codes if _matches(c, self.extend_select)}
        return sorted(c for c in chosen if not _matches(c, self.ignore))


def _matches(code: str, selectors: tuple[str, ...]) -> bool:
    return any(code.startswith(s) for s in selectors) or "ALL" in selectors


_SELECTOR_RE = lazyre.compile(r"^(ALL|[A-Z](\d{1,3})?)$")


def validate_selectors(selectors: tuple[str, ...], known: set[str], where: str) -> None:
    """Refuse a selector that matches no rule (most likely a typo)."""
    for s in selectors:
        if not _SELECTOR_RE.match(s) or (s != "ALL" and not any(c.startswith(s) for c in known)):
            raise ConfigError(f"{where}：未知的规则代码或族“{s}”（用 orgwrite rules 查看全部规则）")


def parse_date(value: Any, where: str) -> date:
    """An ISO date (YYYY-MM-DD) or a TOML date, else a ConfigError naming ``where``."""
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ConfigError(f"{where}：日期“{value}”无效，应为 YYYY-MM-DD") from None


def find_config_file(start: Path) -> Path | None:
    """The nearest orgwrite.toml, or pyproject.toml with [tool.orgwrite], upward."""
    folder = start if start.is_dir() else start.parent
    for d in (folder.resolve(), *folder.resolve().parents):
        for name in CONFIG_NAMES:
            if (d / name).is_file():
                return d / name
        pyproject = d / "pyproject.toml"
        if pyproject.is_file() and _has_tool_section(pyproject):
            return pyproject
    return None


def _has_tool_section(pyproject: Path) -> bool:
    import tomllib  # only a run that reads a configuration pays for the parser

    try:
        return "orgwrite" in tomllib.loads(pyproject.read_text("utf-8")).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False


def load_config(path: Path) -> Config:
    """Read and validate one configuration file."""
    import tomllib

    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}：配置文件不存在") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}：无法读取配置文件（{exc.__class__.__name__}）") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}：配置文件格式有误（{exc}）") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("orgwrite", {})
    return config_from_mapping(data, str(path), base=path.parent)


def config_from_mapping(data: dict, where: str, base: Path | None = None) -> Config:
    """Validate a mapping of settings (a parsed file) into a Config."""
    for key in data:
        if key not in KNOWN_KEYS:
            hint = "、".join(KNOWN_KEYS)
            raise ConfigError(f"{where}：未知的配置项“{key}”（可用：{hint}）")

    def codes(key: str) -> tuple[str, ...]:
        value = data.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where}：“{key}”应为规则代码的列表")
        return tuple(v.strip().upper() for v in value)

    severity: dict[str, Severity] = {}
    raw_sev = data.get("severity", {})
    if not isinstance(raw_sev, dict):
        raise ConfigError(f'{where}：“severity”应为表，如 severity = {{P110 = "info"}}')
    for code, level in raw_sev.items():
        try:
            severity[code.upper()] = Severity(level)
        except ValueError:
            raise ConfigError(f"{where}：规则 {code} 的级别“{level}”无效（可用 error、warning、info）") from None
    fail_on = data.get("fail-on", "warning")
    if fail_on not in FAIL_ON_VALUES:
        raise ConfigError(f"{where}：“fail-on”的值“{fail_on}”无效（可用 error、warning、info、never）")
    as_of = parse_date(data["as-of"], where) if "as-of" in data else None
    lex = data.get("lexicon", [])
    if isinstance(lex, str):
        lex = [lex]
    if not isinstance(lex, list):
        raise ConfigError(f"{where}：“lexicon”应为词库文件路径的列表")
    base = base or Path.cwd()
    disable = data.get("disable-entries", [])
    if not isinstance(disable, list) or not all(isinstance(v, str) for v in disable):
        raise ConfigError(f"{where}：“disable-entries”应为词库条目编号的列表")
    return Config(
        select=codes("select"),
        ignore=codes("ignore"),
        extend_select=codes("extend-select"),
        severity=severity,
        fail_on=fail_on,
        as_of=as_of,
        lexicon_files=tuple((base / p) for p in lex),
        disable_entries=tuple(disable),
        path=Path(where) if base is not None else None,
    )


def validate_config(config: Config, known_codes: set[str], where: str = "配置") -> None:
    """Check rule codes named anywhere in ``config`` against the registry."""
    validate_selectors(config.select, known_codes, where)
    validate_selectors(config.ignore, known_codes, where)
    validate_selectors(config.extend_select, known_codes, where)
    for code in config.severity:
        if code not in known_codes:
            raise ConfigError(f"{where}：未知的规则代码“{code}”（用 orgwrite rules 查看全部规则）")
