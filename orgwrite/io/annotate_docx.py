"""``check IN.docx --annotate OUT.docx``: one Word comment per finding, on its exact span.

The copy keeps every run's formatting: runs are split at the span's edges and both
halves keep the run's properties.  Comments orgwrite added earlier (author
``orgwrite``) are removed first, so annotating an annotated file replaces them instead of
piling up duplicates; other reviewers' comments stay.  The input file is only read.
"""

from __future__ import annotations

from pathlib import Path

from orgwrite import lazyre
from orgwrite.io.atomic import atomic_write_bytes
from orgwrite.io.docx_edit import AUTHOR, Anchor, DocxEditor
from orgwrite.io.docx_text import W_NS, w
from orgwrite.model import Finding

_XML_ILLEGAL = lazyre.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
W16CID = "http://schemas.microsoft.com/office/word/2016/wordml/cid"


def comment_text(f: Finding) -> str:
    """Code, the Chinese message and the suggested replacement."""
    text = f"{f.rule} {f.message}"
    if f.replacement is not None:
        text += "（建议删除）" if f.replacement == "" else f"（建议改为“{f.replacement}”）"
    return text


def annotate_docx(src: str | Path, findings: list[Finding], out: str | Path, *, force: bool = False) -> int:
    """Write ``out``: ``src`` with one comment per finding; returns the number written."""
    src, out = Path(src), Path(out)
    _refuse_same(src, out)
    editor = DocxEditor(src)
    remove_orgwrite_comments(editor)
    placed = []
    for f in findings:
        para = editor.paragraph(f.line)
        end_para = editor.paragraph(f.end_line)
        if para is None or end_para is None:
            continue
        start = editor.boundary(para, f.column - 1)
        end = editor.boundary(end_para, f.end_column - 1)
        placed.append((f, start, end))
    comments = _CommentWriter(editor)
    ids = [comments.add(comment_text(f)) for f, _, _ in placed]
    comments.finish()
    markers = iter(_parse_many("".join(_MARKERS.format(id=cid) for cid in ids)))
    for (_f, start, end), _cid in zip(placed, ids, strict=True):
        begin, finish, ref = next(markers), next(markers), next(markers)
        if _same(start, end):
            editor.insert(start, [begin, finish, ref])
        else:
            editor.insert(start, [begin])
            editor.insert(end, [finish, ref])
    atomic_write_bytes(out, editor.save(), force=force)
    return len(placed)


_MARKERS = (
    '<w:commentRangeStart w:id="{id}"/><w:commentRangeEnd w:id="{id}"/><w:r><w:commentReference w:id="{id}"/></w:r>'
)
_COMMENT = (
    '<w:comment w:id="{id}" w:author="{author}" w:date="{date}" w:initials="OW"><w:p>'
    '<w:pPr><w:pStyle w:val="CommentText"/></w:pPr>'
    '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>'
    '<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p></w:comment>'
)


def _parse_many(xml: str) -> list:
    """The elements of an XML fragment, parsed in one go (python-docx classes apply).

    Making tens of thousands of small elements one by one is most of the time of
    annotating many findings; one parse of the whole fragment is a fraction of it.
    """
    from docx.oxml.parser import oxml_parser
    from lxml import etree

    wrapper = etree.fromstring(f'<w:x xmlns:w="{W_NS}">{xml}</w:x>'.encode(), oxml_parser)
    return list(wrapper)


class _CommentWriter:
    """Appends comments to the comments part, numbering them itself.

    python-docx's ``add_comment`` finds the next id by reading every comment's id, which
    makes annotating n findings take n² steps; here the ids count up from the largest one
    already in the file.
    """

    def __init__(self, editor: DocxEditor) -> None:
        from datetime import UTC, datetime

        self.root = editor.document.part._comments_part.element
        used = [int(v) for v in (c.get(w("id")) for c in self.root.iter(w("comment"))) if v and v.isdigit()]
        self.next_id = max(used, default=-1) + 1
        self.date = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        self.xml: list[str] = []

    def add(self, text: str) -> int:
        from xml.sax.saxutils import escape

        cid = self.next_id
        self.next_id += 1
        self.xml.append(_COMMENT.format(id=cid, author=AUTHOR, date=self.date, text=escape(_XML_ILLEGAL.sub("", text))))
        return cid

    def finish(self) -> None:
        self.root.extend(_parse_many("".join(self.xml)))
        self.xml.clear()


def _same(a: Anchor, b: Anchor) -> bool:
    return a.where == b.where and a.element is b.element


def _refuse_same(src: Path, out: Path) -> None:
    from orgwrite.errors import OrgwriteError

    if out.suffix.lower() != ".docx":
        raise OrgwriteError(f"{out}：Word 输出文件名应以 .docx 结尾")
    if out.exists() and src.exists() and out.resolve() == src.resolve():
        raise OrgwriteError(f"{out}：输出文件不能与输入文件相同（输入文件不会被修改）")


def remove_orgwrite_comments(editor: DocxEditor) -> int:
    """Drop the comments an earlier run of orgwrite added, with their ranges."""
    part = _comments_part(editor)
    if part is None:
        return 0
    root = part.element
    ids = set()
    para_ids = set()
    for c in list(root.iter(w("comment"))):
        if c.get(w("author")) == AUTHOR:
            ids.add(c.get(w("id")))
            for p in c.iter(w("p")):
                pid = p.get(f"{{{W14}}}paraId")
                if pid:
                    para_ids.add(pid)
            c.getparent().remove(c)
    if not ids:
        return 0
    for tag in ("commentRangeStart", "commentRangeEnd"):
        for m in list(editor.body.iter(w(tag))):
            if m.get(w("id")) in ids:
                m.getparent().remove(m)
    for ref in list(editor.body.iter(w("commentReference"))):
        if ref.get(w("id")) in ids:
            run = ref.getparent()
            run.remove(ref)
            if all(c.tag == w("rPr") for c in run):
                run.getparent().remove(run)
    if para_ids:
        _clean_extended_parts(editor, para_ids)
    return len(ids)


def _comments_part(editor: DocxEditor):
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    for rel in editor.document.part.rels.values():
        if rel.reltype == RT.COMMENTS and not rel.is_external:
            part = rel.target_part
            return part if hasattr(part, "element") else None
    return None


def _clean_extended_parts(editor: DocxEditor, para_ids: set[str]) -> None:
    """Remove the removed comments' entries from Word 2013+ side parts (commentsExtended…)."""
    from lxml import etree

    from orgwrite.io.docx_package import parse_xml

    for rel in editor.document.part.rels.values():
        if rel.is_external:
            continue
        part = rel.target_part
        name = str(part.partname)
        if not name.startswith("/word/comments") or name == "/word/comments.xml":
            continue
        root = getattr(part, "element", None)
        blob_part = root is None
        if blob_part:
            root = parse_xml(part.blob, editor.pkg.path, name.lstrip("/"))
        changed = False
        for e in list(root.iter()):
            pid = e.get(f"{{{W15}}}paraId") or e.get(f"{{{W16CID}}}paraId")
            if pid in para_ids and e.getparent() is not None:
                e.getparent().remove(e)
                changed = True
        if changed and blob_part:
            part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
