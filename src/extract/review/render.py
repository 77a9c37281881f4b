"""HTML for the review report and for `extract diff --format html` (all text escaped)."""

from __future__ import annotations

import datetime as dt
import json
import shlex
from collections.abc import Mapping
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

from extract.assemble.fields import NESTED, flatten, provenance_for, record_dict
from extract.models import FieldCorrection, LabRecord, OutputFile
from extract.review.diff import FileDiff, RunDiff, display
from extract.review.images import PageImage

LOW_CONFIDENCE = 0.6
MEDIUM_CONFIDENCE = 0.85
CROP_MARGIN_PT = (60.0, 36.0)
"""Context around a source box in a crop: horizontal, vertical (points)."""
CROP_MIN_WIDTH_PT = 320.0
CROP_MAX_WIDTH_PX = 580.0


@dataclass
class FileView:
    stem: str
    output: OutputFile
    images: dict[int, PageImage] = field(default_factory=dict)
    image_base: Path = Path(".")
    """Folder the report's index.html lives in (image paths are made relative to it)."""
    source: Path | None = None
    diff: FileDiff | None = None
    previous: str | None = None
    """Label of the run the diff is against."""


def e(value: Any) -> str:
    return escape("" if value is None else str(value), quote=True)


def show_value(value: Any) -> str:
    if value is None:
        return '<span class="null">null</span>'
    if isinstance(value, str):
        return f'<span class="long">{e(value)}</span>' if len(value) > 200 else e(value)
    return e(json.dumps(display(value), ensure_ascii=False))


def _conf_class(conf: float | None) -> str:
    if conf is None:
        return "conf-none"
    return "conf-low" if conf < LOW_CONFIDENCE else "conf-mid" if conf < MEDIUM_CONFIDENCE else "conf-high"


# --------------------------------------------------------------------------- field rows


@dataclass
class FieldRow:
    path: str
    value: Any
    confidence: float | None
    provenance: dict[str, Any]
    correction: FieldCorrection | None
    empty: bool

    @property
    def state(self) -> str:
        if not self.correction:
            return "machine"
        if self.correction.needs_review:
            return "needs-review"
        return self.correction.status or "corrected"

    def sort_key(self) -> tuple[int, float, str]:
        # Needs-review first, then the least sure values, then fields left empty.
        rank = 0 if self.state == "needs-review" else 2 if self.empty and not self.correction else 1
        # A value without a recorded confidence is not known to be weak: after the scored ones.
        return (rank, self.confidence if self.confidence is not None else 1.01, self.path)


def corrections_of(data: Mapping[str, Any]) -> dict[str, FieldCorrection]:
    """The corrections of a record given as plain data (``record_dict``), as the contract's models."""
    return {path: FieldCorrection.model_validate(entry) for path, entry in (data.get("corrections") or {}).items()}


def field_rows(record: LabRecord | Mapping[str, Any]) -> list[FieldRow]:
    data = record_dict(record)
    flat = flatten(data)
    corrections = corrections_of(data)
    rows: list[FieldRow] = []
    seen_nested: set[str] = set()
    for path, value in flat.items():
        head = path.partition(".")[0]
        if head in NESTED and data.get(head) is None and path not in corrections:
            if head in seen_nested:
                continue
            seen_nested.add(head)
            path, value = head, None
        corr = corrections.get(path) or corrections.get(head)
        prov = corr.machine_provenance.model_dump(mode="json") if corr and corr.machine_provenance else {}
        shown_prov = provenance_for(data, path)
        if not prov:
            prov = shown_prov
        conf = shown_prov.get("confidence") if shown_prov else None
        empty = value is None or value == [] or value == "" or (value is False and path.endswith("approximate"))
        rows.append(FieldRow(path=path, value=value, confidence=conf, provenance=prov, correction=corr, empty=empty))
    return sorted(rows, key=FieldRow.sort_key)


# --------------------------------------------------------------------------- crops


def crop_html(prov: Mapping[str, Any], view: FileView) -> str:
    """A window on the page image around the source box, with the box overlaid as a positioned div."""
    page, bbox = prov.get("page"), prov.get("bbox")
    if page is None or not bbox:
        return ""
    image = view.images.get(int(page))
    if image is None:
        hint = "source file not found (use --raw DIR)" if view.source is None else f"page {page} not rendered"
        return f'<div class="nocrop">{e(hint)}</div>'
    x0, top, x1, bottom = (float(v) for v in bbox)
    px_per_pt = image.width_px / image.width_pt
    mx, my = CROP_MARGIN_PT
    cx0, cx1 = max(0.0, x0 - mx), min(image.width_pt, x1 + mx)
    if cx1 - cx0 < CROP_MIN_WIDTH_PT:
        grow = (CROP_MIN_WIDTH_PT - (cx1 - cx0)) / 2
        cx0, cx1 = max(0.0, cx0 - grow), min(image.width_pt, cx1 + grow)
    cy0, cy1 = max(0.0, top - my), min(image.height_pt, bottom + my)
    display = min(1.0, CROP_MAX_WIDTH_PX / max(1.0, (cx1 - cx0) * px_per_pt))
    s = px_per_pt * display  # CSS px per point
    src = Path(image.path).resolve().relative_to(view.image_base.resolve()).as_posix()
    box = (x0 * s, top * s, (x1 - x0) * s, (bottom - top) * s)
    return (
        f'<div class="crop" style="width:{(cx1 - cx0) * s:.1f}px;height:{(cy1 - cy0) * s:.1f}px">'
        f'<div class="sheet" style="left:{-cx0 * s:.1f}px;top:{-cy0 * s:.1f}px">'
        f'<img src="{e(src)}" alt="page {e(page)}" loading="lazy" style="width:{image.width_pt * s:.1f}px;height:{image.height_pt * s:.1f}px" '
        f'data-page="{e(page)}" data-page-width-pt="{image.width_pt:.2f}" data-page-height-pt="{image.height_pt:.2f}">'
        f'<div class="box" style="left:{box[0]:.1f}px;top:{box[1]:.1f}px;width:{box[2]:.1f}px;height:{box[3]:.1f}px" '
        f'data-page="{e(page)}" data-bbox="{x0:.2f},{top:.2f},{x1:.2f},{bottom:.2f}"></div>'
        f'</div></div><a class="pagelink" href="{e(src)}" target="_blank">page {e(page)}</a>'
    )


# --------------------------------------------------------------------------- record and file sections


def _state_html(row: FieldRow) -> str:
    corr = row.correction
    if not corr:
        return '<span class="state machine">machine</span>'
    label = {"needs-review": "needs review", "confirmed": "confirmed", "corrected": "corrected"}.get(row.state, row.state)
    parts = [f'<span class="state {e(row.state)}">{e(label)}</span>',
             f'<span class="who">by {e(corr.by)} {e(corr.at or "")}</span>']
    if corr.status == "corrected" or row.state == "needs-review":
        parts.append(f'<div class="machine-value">machine: {show_value(corr.machine_value)}</div>')
    if row.state == "needs-review":
        parts.append(f'<div class="machine-value">machine at correction: {show_value(corr.machine_value_at_correction)}</div>')
    return "".join(parts)


def record_html(index: int, record: Any, view: FileView) -> str:
    data = record_dict(record)
    rows = field_rows(data)
    changes: list[Any] = []
    view_added = False
    if view.diff is not None:
        for rdiff in view.diff.records:
            if rdiff.new_index == index:
                view_added = rdiff.status == "added"
                changes = rdiff.changes
                break
    review = sum(r.state == "needs-review" for r in rows)
    corrected = sum(r.correction is not None for r in rows)
    low = sum(r.confidence is not None and r.confidence < LOW_CONFIDENCE and not r.empty for r in rows)
    title = data.get("name") or data.get("acronym") or f"record {index}"
    badges = []
    if review:
        badges.append(f'<span class="badge needs-review">{review} to review</span>')
    if corrected:
        badges.append(f'<span class="badge corrected">{corrected} corrected/confirmed</span>')
    if low:
        badges.append(f'<span class="badge conf-low">{low} low confidence</span>')
    if view_added:
        badges.append('<span class="badge added">new since previous run</span>')
    out = [f'<section class="record" id="{e(view.stem)}-r{index}" data-record-index="{index}" data-record-key="{e(_key(data))}">',
           f'<h3><span class="idx">#{index}</span> {e(title)}'
           + (f' <span class="acr">({e(data.get("acronym"))})</span>' if data.get("acronym") and data.get("name") else "")
           + f' {"".join(badges)}</h3>']
    # How to name this record in a correction: its number works whatever its name became.
    out.append(f'<p class="meta correct-hint">correct a field: <code>extract correct {e(shlex.quote(view.stem))} '
               f"'#{index}' FIELD VALUE</code></p>")
    section = data.get("section") or {}
    if section:
        out.append(f'<p class="meta">section: {e(section.get("kind"))} {e(section.get("title") or "")} '
                   f'pages {e(",".join(str(p) for p in section.get("pages") or []))}</p>')
    if changes:
        out.append('<table class="changes"><caption>changed since the previous run</caption>'
                   '<tr><th>field</th><th>before</th><th>now</th><th>source before / now</th><th>method</th></tr>')
        for c in changes:
            flag = ' <span class="state needs-review">needs review</span>' if c.needs_review else ""
            kind = " (machine value under correction)" if c.kind == "machine" else ""
            out.append(f'<tr class="change"><td>{e(c.path)}{e(kind)}{flag}</td><td>{show_value(c.old)}</td><td>{show_value(c.new)}</td>'
                       f'<td>{_quote(c.old_text)}<br>{_quote(c.new_text)}</td>'
                       f'<td>{e(c.old_method or "-")} → {e(c.new_method or "-")}</td></tr>')
        out.append("</table>")
    out.append('<table class="fields"><tr><th>field</th><th>value</th><th>confidence</th><th>state</th><th>source</th></tr>')
    cropped: dict[tuple[Any, ...], str] = {}
    changed_paths = {c.path for c in changes}
    for row in rows:
        prov = row.provenance
        conf = "" if row.confidence is None else f"{row.confidence:.2f}"
        where = (prov.get("page"), tuple(prov.get("bbox") or ()))
        if prov.get("bbox") and where in cropped:
            crop = f'<div class="same">same source as {e(cropped[where])}</div>'
        else:
            crop = crop_html(prov, view)
            if prov.get("bbox"):
                cropped[where] = row.path
        cls = (f"field {_conf_class(row.confidence)} {row.state}" + (" empty" if row.empty else "")
               + (" changed" if row.path in changed_paths else ""))
        out.append(
            f'<tr class="{cls}" data-field="{e(row.path)}" data-confidence="{e(conf)}" data-state="{e(row.state)}">'
            f'<td class="path">{e(row.path)}</td><td class="value">{show_value(row.value)}</td>'
            f'<td class="conf">{e(conf) or "–"}</td><td>{_state_html(row)}</td>'
            f'<td class="source">{_quote(prov.get("text"))}'
            f'<div class="method">{e(prov.get("method"))}</div>{crop}</td></tr>')
    out.append("</table></section>")
    return "\n".join(out)


def _quote(text: Any) -> str:
    return f"<q>{e(text)}</q>" if text else ""


def _key(data: Mapping[str, Any]) -> str:
    from extract.assemble.matching import RecordIdentity, record_key

    return record_key(RecordIdentity.of(data))


def file_html(view: FileView) -> str:
    out = view.output
    parts = [f'<section class="file" id="{e(view.stem)}"><h2>{e(view.stem)}</h2>',
             f'<p class="meta">source: {e(out.source.path)}'
             + ("" if view.source else ' <span class="warn">(not found: crops left out; use --raw DIR)</span>')
             + f' · {len(out.records)} records · extractors: {e(", ".join(f"{k} {v}" for k, v in sorted(out.extractors.items())) or "-")}</p>']
    if out.pages:
        parts.append('<details><summary>pages</summary><ul class="pages">'
                     + "".join(f"<li>page {p.number}: {e(p.method)} ({e(p.reason)})</li>" for p in out.pages) + "</ul></details>")
    if out.warnings:
        parts.append('<ul class="warnings">' + "".join(f"<li>{e(w)}</li>" for w in out.warnings) + "</ul>")
    if view.diff is not None:
        parts.append(f'<div class="diffsummary">against {e(view.previous)}: {e(view.diff.summary())}</div>')
        for rdiff in view.diff.records:
            if rdiff.status == "removed":
                parts.append(f'<div class="removed">record removed since the previous run: {e(rdiff.name or rdiff.key)}</div>')
        for name, (a, b) in view.diff.extractors.items():
            parts.append(f'<div class="extractor-change">extractor {e(name)}: {e(a)} → {e(b)}</div>')
    for index, record in enumerate(out.records):
        parts.append(record_html(index, record, view))
    parts.append("</section>")
    return "\n".join(parts)


def _file_counts(view: FileView) -> str:
    rows = [row for record in view.output.records for row in field_rows(record)]
    parts = [f"{len(view.output.records)} records"]
    review = sum(r.state == "needs-review" for r in rows)
    low = sum(r.confidence is not None and r.confidence < LOW_CONFIDENCE and not r.empty for r in rows)
    if review:
        parts.append(f"{review} corrections to review")
    if low:
        parts.append(f"{low} low-confidence fields")
    if view.diff is not None:
        parts.append(view.diff.summary().split(": ", 1)[-1] + " since the previous run")
    if view.output.warnings:
        parts.append(f"{len(view.output.warnings)} warnings")
    return ", ".join(parts)


def review_page(views: list[FileView], title: str = "extract review") -> str:
    generated = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    total = sum(len(v.output.records) for v in views)
    toc = "".join(f'<li><a href="#{e(v.stem)}">{e(v.stem)}</a> ({e(_file_counts(v))})</li>' for v in views)
    body = "\n".join(file_html(v) for v in views)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{e(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="assets/review.css"></head>
<body><header><h1>{e(title)}</h1>
<p class="meta">{len(views)} files · {total} records · generated {e(generated)}</p>
<label><input type="checkbox" id="attention"> only fields that need attention (low confidence, needs review, changed)</label>
<ul class="toc">{toc}</ul></header>
<main>{body}</main>
<script src="assets/review.js"></script></body></html>
"""


def diff_page(result: RunDiff) -> str:
    """A standalone HTML page for `extract diff --format html`."""
    rows = []
    for f in result.files:
        if f.status == "unchanged":
            continue
        rows.append(f'<section class="file"><h2>{e(f.summary())}</h2>')
        for name, (a, b) in f.extractors.items():
            rows.append(f'<div class="extractor-change">extractor {e(name)}: {e(a)} → {e(b)}</div>')
        for r in f.records:
            if r.status != "matched":
                rows.append(f'<div class="{e(r.status)}">record {e(r.status)}: {e(r.name or r.key)}</div>')
            elif r.changes:
                rows.append(f'<h3>{e(r.name or r.key)}</h3><table class="changes"><tr><th>field</th><th>old</th><th>new</th>'
                            '<th>source old / new</th><th>method</th></tr>')
                for c in r.changes:
                    flag = ' <span class="state needs-review">needs review</span>' if c.needs_review else ""
                    rows.append(f'<tr class="change"><td>{e(c.path)}{flag}</td><td>{show_value(c.old)}</td><td>{show_value(c.new)}</td>'
                                f'<td>{_quote(c.old_text)}<br>{_quote(c.new_text)}</td>'
                                f'<td>{e(c.old_method or "-")} → {e(c.new_method or "-")}</td></tr>')
                rows.append("</table>")
        rows.append("</section>")
    css = _asset("review.css")
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>extract diff</title><style>{css}</style></head>
<body><h1>diff {e(result.old_label)} → {e(result.new_label)}</h1>
<p class="comparison">{e(result.comparison)}</p>
<p class="total">{e(result.summary())}</p>
{"".join(rows)}
</body></html>
"""


def _asset(name: str) -> str:
    from importlib import resources

    return resources.files("extract.review").joinpath(name).read_text(encoding="utf-8")
