"""Keep the catalogues with Babel: ``python -m maze.lang.catalogues [extract|update|compile|check]``.

- extract: the words marked in ``maze/`` into ``maze/lang/locale/maze.pot``;
- update: every language's ``maze.po`` brought up to the template (new words empty, changed
  ones fuzzy, gone ones dropped);
- compile: every ``maze.po`` into the ``maze.mo`` the program reads;
- check: exit 1 with one line per problem when a catalogue is behind the code, incomplete,
  fuzzy, or its placeholders differ from the English (tests/test_catalogues.py runs the same).

A maintainer's tool: it needs Babel (the test extras); the program itself reads the compiled
catalogues with the standard library's gettext.
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po, write_po

from maze.lang import CATALOGUES, DEFAULT, DOMAIN, LANGUAGES

PACKAGE = Path(__file__).resolve().parent.parent
KEYWORDS = {"_": None, "n_": (1, 2), "N_": None, "p_": ((1, "c"), 2)}
METHODS = [("**.py", "python")]
TEMPLATE = CATALOGUES / f"{DOMAIN}.pot"
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%(?:\([a-z_]+\))?[sdfr]")


def po_path(code: str) -> Path:
    return CATALOGUES / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def translated_languages() -> list[str]:
    return [code for code in LANGUAGES if code != DEFAULT]


def extract() -> Catalog:
    """The words marked in the package's source, as a template catalogue."""
    template = Catalog(project="maze", domain=DOMAIN, msgid_bugs_address="",
                       copyright_holder="the maze authors", charset="utf-8")
    for filename, lineno, message, comments, context in extract_from_dir(
            PACKAGE, METHODS, keywords=KEYWORDS, comment_tags=("Translators:",),
            strip_comment_tags=True):
        if "/lang/" in f"/{filename}":
            continue
        template.add(message, None, [(f"maze/{filename}", lineno)],
                     auto_comments=comments, context=context)
    return template


def read(path: Path, locale: str | None = None) -> Catalog:
    with open(path, "rb") as f:
        return read_po(f, locale=locale)


def write(catalog: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    out = io.BytesIO()
    write_po(out, catalog, width=100, sort_output=False, omit_header=False)
    path.write_bytes(out.getvalue())


def compiled(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def update() -> None:
    template = extract()
    write(template, TEMPLATE)
    for code in translated_languages():
        path = po_path(code)
        catalog = read(path, code) if path.exists() else Catalog(
            locale=code, domain=DOMAIN, project="maze", copyright_holder="the maze authors",
            msgid_bugs_address="", fuzzy=False)
        for key, message in list(catalog.obsolete.items()):    # a word back in the code gets
            if not message.fuzzy and key not in catalog:          # its old translation back
                catalog[message.id] = message
        catalog.obsolete.clear()
        catalog.update(template, no_fuzzy_matching=False)
        catalog.fuzzy = False       # the header: a fuzzy one would not be compiled (no plural rule)
        write(catalog, path)


def compile_all() -> None:
    for code in translated_languages():
        po_path(code).with_suffix(".mo").write_bytes(compiled(read(po_path(code), code)))


def _ids(message: Message) -> list[str]:
    return list(message.id) if isinstance(message.id, tuple | list) else [message.id]


def _strings(message: Message) -> list[str]:
    if isinstance(message.string, tuple | list):
        return list(message.string)
    return [message.string or ""]


def problems(code: str, template: Catalog | None = None) -> Iterator[str]:
    """What keeps a language's catalogue from being complete and in step with the code."""
    template = template or extract()
    path = po_path(code)
    if not path.exists():
        yield f"{path}: missing"
        return
    catalog = read(path, code)
    wanted = get_plural(code).num_plurals
    for source in template:
        if not source.id:
            continue
        key = source.id[0] if isinstance(source.id, tuple | list) else source.id
        message = catalog.get(key, context=source.context)
        where = f"{path}: {key!r}"
        if message is None:
            yield f"{where}: not translated"
            continue
        if message.fuzzy:
            yield f"{where}: fuzzy"
        strings = _strings(message)
        if not all(s.strip() for s in strings):
            yield f"{where}: not translated"
            continue
        if source.pluralizable and len(strings) != wanted:
            yield f"{where}: {len(strings)} plural forms, {code} has {wanted}"
        expected = sorted(set(PLACEHOLDER.findall(" ".join(_ids(source)))))
        for s in strings:
            if sorted(set(PLACEHOLDER.findall(s))) != expected:
                yield f"{where}: placeholders {sorted(set(PLACEHOLDER.findall(s)))} != {expected}"
    known = {(m.id if isinstance(m.id, str) else m.id[0], m.context) for m in template if m.id}
    for message in catalog:
        key = message.id if isinstance(message.id, str) else message.id[0]
        if message.id and (key, message.context) not in known:
            yield f"{path}: {key!r}: no longer in the code (run update)"
    mo = path.with_suffix(".mo")
    if not mo.exists() or mo.read_bytes() != compiled(catalog):
        yield f"{mo}: not compiled from {path.name} (run compile)"


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "extract":
        write(extract(), TEMPLATE)
    elif command == "update":
        update()
    elif command == "compile":
        compile_all()
    elif command == "check":
        template = extract()
        found = [p for code in translated_languages() for p in problems(code, template)]
        for line in found:
            print(line)
        return 1 if found else 0
    else:
        print(f"maze.lang.catalogues: unknown command {command!r} (extract, update, compile, check)",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
