"""The outline format: fields, what they hold, and the JSON Schema derived from them.

One table serves validation (unknown fields, “did you mean”), ``orgwrite outline --schema``
and the README, so the documentation cannot drift from what is accepted.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    kind: str  # text, date, sections, points, list, mapping
    required: bool
    help: str
    cn: tuple[str, ...] = ()  # Chinese names a writer may type by mistake


TOP_FIELDS: tuple[Field, ...] = (
    Field(
        "genre",
        "text",
        True,
        "文种：交流发言、领导讲话、工作综述、工作总结（述职报告）、工作要点（或目录名）",
        ("文种", "类型"),
    ),
    Field("title", "text", True, "标题", ("标题", "题目")),
    Field("subtitle", "text", False, "副标题（输出时前加破折号）", ("副标题",)),
    Field("speaker", "text", False, "讲话人或发言人（讲话、发言、述职用）", ("讲话人", "发言人", "署名")),
    Field("issuer", "text", False, "发文或署名单位（总结、要点文末署名用）", ("发文单位", "单位", "落款")),
    Field("occasion", "text", False, "场合（如：全市组织工作会议）", ("场合", "会议")),
    Field("date", "date", False, "文稿日期，写作 2024-06-01 或 2024年6月1日；决定规范表述的时效", ("日期", "时间")),
    Field("salutation", "text", False, "称谓（覆盖文种默认；写 false 则不要称谓）", ("称谓", "称呼")),
    Field("addressees", "text", False, "主送对象（同 salutation，二者择一）", ("主送", "主送机关")),
    Field("opening", "text", False, "开头段落（多段用空行分隔）", ("开头", "导语", "开场白")),
    Field(
        "sections",
        "sections",
        True,
        "各部分：heading（小标题）、points（要点）、sections（下级部分）",
        ("部分", "章节", "正文"),
    ),
    Field("closing", "text", False, "结尾段落（覆盖文种默认；写 false 则不要结尾）", ("结尾", "结束语", "结语")),
    Field("attachments", "list", False, "附件名称列表", ("附件",)),
    Field("options", "mapping", False, "文种选项（见 orgwrite templates show 文种）", ("选项", "设置")),
)

SECTION_FIELDS: tuple[Field, ...] = (
    Field("heading", "text", True, "小标题（不加序号，序号自动生成）", ("标题", "小标题")),
    Field("points", "points", False, "要点：每项一句话，或一组短语（列表，用逗号连成一句）", ("要点", "内容")),
    Field("sections", "sections", False, "下级部分（最多四级：一、（一）1.（1））", ("下级", "子部分")),
)

TOP_NAMES = tuple(f.name for f in TOP_FIELDS)
SECTION_NAMES = tuple(f.name for f in SECTION_FIELDS)

MARKERS_HELP = (
    "文字中可写标记（按文稿日期替换，不作模板解释）：",
    "  ［lex:编号］      规范表述，如 ［lex:T-core-party-central］ → 以习近平同志为核心的党中央",
    "  ［members:编号］  列举展开，如 ［members:E-four-consciousness］ → 政治意识、大局意识、核心意识、看齐意识",
    "  ［count］         一级部分的数目（两、三、四……），如 从［count］个方面",
)


def json_schema() -> dict:
    """A JSON Schema (draft 2020-12) of the YAML outline, for editors and tests."""
    text = {"type": "string"}
    point = {"oneOf": [text, {"type": "array", "items": text, "minItems": 1}]}
    section = {
        "type": "object",
        "additionalProperties": False,
        "required": ["heading"],
        "properties": {
            "heading": text,
            "points": {"type": "array", "items": point},
            "sections": {"type": "array", "items": {"$ref": "#/$defs/section"}},
        },
    }
    kinds = {
        "text": {"oneOf": [text, {"const": False}, {"type": "null"}]},
        "date": {"type": "string"},
        "sections": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/section"}},
        "list": {"type": "array", "items": text},
        "mapping": {"type": "object"},
    }
    props = {}
    for f in TOP_FIELDS:
        props[f.name] = {**kinds[f.kind], "description": f.help}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "orgwrite outline",
        "type": "object",
        "additionalProperties": False,
        "required": [f.name for f in TOP_FIELDS if f.required],
        "properties": props,
        "$defs": {"section": section},
    }


def describe() -> str:
    """The schema as Chinese text (``orgwrite outline --schema``)."""
    lines = ["大纲（YAML，或带 YAML 文首元数据的 Markdown）字段：", ""]
    for f in TOP_FIELDS:
        lines.append(f"  {f.name:<12}{'必填' if f.required else '可选'}  {f.help}")
    lines += ["", "sections 的每一项：", ""]
    for f in SECTION_FIELDS:
        lines.append(f"  {f.name:<12}{'必填' if f.required else '可选'}  {f.help}")
    lines += [
        "",
        "每个部分须有 points 或下级 sections。",
        "Markdown 大纲：文首元数据写上述字段（sections 除外）；正文中标题 # 为一级部分、## 为二级……，",
        "标题下的列表项（- ）或段落为要点，列表项下缩进的列表为一组短语；第一个标题前的段落为开头。",
        "",
        *MARKERS_HELP,
    ]
    return "\n".join(lines)
