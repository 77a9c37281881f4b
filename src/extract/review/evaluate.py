"""Score extracted records against gold records, field by field.

Scoring (GROBID-style field micro-averages):
- Records are paired with ``matching.match_records`` (name, acronym, website), not by position.
- A field is scored only where the gold record states it (the key is present, even as null):
  gold files may annotate a subset of the contract.
- Scalar field: gold value == predicted value -> TP; both set but different -> FP + FN;
  gold set, prediction null -> FN; gold null, prediction set -> FP; both null -> nothing.
- List fields (``governance.bodies``, ``funding_sources``) are scored per item: a gold item
  paired with an equal predicted item -> TP, each unpaired gold item -> FN, each unpaired
  predicted item -> FP.
- A gold record with no partner gives FN for each field it states; a predicted record with
  no partner gives FP for each non-null field.
Strings compare after folding case, accents, spaces and edge punctuation; numbers with a
relative tolerance of 1e-6; body names with a fuzzy ratio of at least 85 plus equal member counts.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from extract.assemble.fields import LIST_PATHS, contract_paths
from extract.assemble.matching import RecordIdentity, match_records
from extract.rules.vocab import fold

NOT_SCORED = frozenset({"role", "governance.text", "budget.raw", "staff.raw", "staff.unit"})
"""Contract paths left out of scoring: free text (role, governance text), the source text itself (raw), the staff unit."""
LIST_FIELDS = LIST_PATHS
SCALAR_FIELDS = tuple(p for p in contract_paths() if p not in NOT_SCORED and p not in LIST_FIELDS)
FIELDS = SCALAR_FIELDS + LIST_FIELDS

_MISSING = object()


@dataclass
class FieldScore:
    field: str
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def support(self) -> int:
        return self.tp + self.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        if self.tp + self.fp + self.fn == 0:
            return 1.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: FieldScore) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


@dataclass(frozen=True)
class ValueMismatch:
    """A scalar field the prediction got wrong (or left out, or set where the gold says null)."""

    where: str
    record: str
    field: str
    gold: Any
    predicted: Any

    def as_dict(self) -> dict[str, Any]:
        """As ``extract eval --json`` and the benchmarks print it."""
        return {"where": self.where, "record": self.record, "field": self.field, "gold": self.gold,
                "predicted": self.predicted}


@dataclass(frozen=True)
class ListMismatch:
    """A list field's gold items no predicted item equals (``missing``), and the predicted items left over (``extra``)."""

    where: str
    record: str
    field: str
    missing: list[Any]
    extra: list[Any]

    def as_dict(self) -> dict[str, Any]:
        """As ``extract eval --json`` and the benchmarks print it."""
        return {"where": self.where, "record": self.record, "field": self.field, "missing": self.missing,
                "extra": self.extra}


Mismatch = ValueMismatch | ListMismatch


@dataclass
class Evaluation:
    scores: dict[str, FieldScore] = field(default_factory=lambda: {f: FieldScore(f) for f in FIELDS})
    mismatches: list[Mismatch] = field(default_factory=list)

    @property
    def overall(self) -> FieldScore:
        total = FieldScore("overall")
        for score in self.scores.values():
            total.add(score)
        return total

    def add(self, other: Evaluation) -> None:
        for name, score in other.scores.items():
            self.scores.setdefault(name, FieldScore(name)).add(score)
        self.mismatches.extend(other.mismatches)


def stated_value(record: Mapping[str, Any], path: str) -> Any:
    """The value at a dotted path; ``_MISSING`` when the gold does not state it."""
    node: Any = record
    parts = path.split(".")
    for part in parts:
        if node is None:
            return None  # e.g. "budget": null states every budget sub-field as null
        if not isinstance(node, Mapping) or part not in node:
            return _MISSING
        node = node[part]
    return node


def _norm_text(value: str) -> str:
    text = fold(value)
    text = re.sub(r"\s+", " ", text)
    return text.strip(" .,;:'\"“”‘’()[]-").strip()


def values_equal(gold: Any, pred: Any) -> bool:
    if gold is None or pred is None:
        return gold is pred
    if isinstance(gold, bool) or isinstance(pred, bool):
        return bool(gold) == bool(pred)
    if isinstance(gold, (int, float)) and isinstance(pred, (int, float)):
        return math.isclose(float(gold), float(pred), rel_tol=1e-6, abs_tol=1e-9)
    if isinstance(gold, str) and isinstance(pred, str):
        return _norm_text(gold) == _norm_text(pred)
    return bool(gold == pred)  # plain JSON values: == gives a bool already


def _item_equal(path: str, gold: Any, pred: Any) -> bool:
    if path == "governance.bodies":
        g_name = _norm_text(str(gold.get("name") or "")) if isinstance(gold, Mapping) else ""
        p_name = _norm_text(str(pred.get("name") or "")) if isinstance(pred, Mapping) else ""
        if not g_name or not p_name or fuzz.ratio(g_name, p_name) < 85:
            return False
        return values_equal(gold.get("members"), pred.get("members"))
    if isinstance(gold, str) and isinstance(pred, str):
        return _norm_text(gold) == _norm_text(pred) or fuzz.ratio(_norm_text(gold), _norm_text(pred)) >= 90
    return values_equal(gold, pred)


def _score_list(path: str, gold_items: list[Any], pred_items: list[Any], score: FieldScore) -> tuple[list[Any], list[Any]]:
    unmatched_pred = list(pred_items)
    missed: list[Any] = []
    for item in gold_items:
        partner = next((p for p in unmatched_pred if _item_equal(path, item, p)), _MISSING)
        if partner is _MISSING:
            score.fn += 1
            missed.append(item)
        else:
            score.tp += 1
            unmatched_pred.remove(partner)
    score.fp += len(unmatched_pred)
    return missed, unmatched_pred


def score_pair(gold: Mapping[str, Any] | None, pred: Mapping[str, Any] | None, where: str = "") -> Evaluation:
    """Score one gold record against one predicted record (either may be None: unpaired)."""
    result = Evaluation()
    label = (gold or {}).get("name") or (pred or {}).get("name") or "?"
    for path in FIELDS:
        g = stated_value(gold, path) if gold is not None else _MISSING
        p = stated_value(pred, path) if pred is not None else None
        if p is _MISSING:
            p = None
        if gold is not None and g is _MISSING:
            continue  # not annotated in the gold
        if g is _MISSING:
            g = [] if path in LIST_FIELDS else None
        score = result.scores[path]
        if path in LIST_FIELDS:
            missed, extra = _score_list(path, list(g or []), list(p or []), score)  # type: ignore[arg-type]
            if missed or extra:
                result.mismatches.append(ListMismatch(where, label, path, missed, extra))
            continue
        if path.endswith(".approximate") and g is None:
            continue  # "approximate" means nothing without a gold amount; the amount itself is scored
        if g is None and p is None:
            continue
        if values_equal(g, p):
            score.tp += 1
            continue
        if g is not None:
            score.fn += 1
        if p is not None:
            score.fp += 1
        result.mismatches.append(ValueMismatch(where, label, path, g, p))
    return result


def score_records(gold_records: list[Mapping[str, Any]], pred_records: list[Mapping[str, Any]], where: str = "") -> Evaluation:
    result = Evaluation()
    for gi, pi in match_records([RecordIdentity.of(g) for g in gold_records], [RecordIdentity.of(p) for p in pred_records]):
        gold = gold_records[gi] if gi is not None else None
        pred = pred_records[pi] if pi is not None else None
        result.add(score_pair(gold, pred, where))
    return result


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def pair_files(gold_path: Path, output_path: Path) -> list[tuple[Path, Path]]:
    """(gold file, output file) pairs.

    Two files pair directly. With folders, an output ``X.json`` pairs with gold ``G.json``
    when X == G or X starts with ``G-`` or ``G.`` (``nido-benchmark-scan.json`` is scored
    against ``nido-benchmark.json``); outputs in ``.runs`` are ignored.
    """
    if gold_path.is_file() and output_path.is_file():
        return [(gold_path, output_path)]
    golds = [gold_path] if gold_path.is_file() else sorted(gold_path.glob("*.json"))
    if output_path.is_file():
        outputs = [output_path]
    else:
        # Hidden folders (.runs, .cache) hold manifests, snapshots and cache entries, not outputs.
        outputs = sorted(p for p in output_path.rglob("*.json")
                         if not any(part.startswith(".") for part in p.relative_to(output_path).parts))
    pairs = []
    for out in outputs:
        stem = out.name[: -len(".json")]
        candidates = [g for g in golds if stem == g.stem or stem.startswith((g.stem + "-", g.stem + "."))]
        if candidates:
            pairs.append((max(candidates, key=lambda g: len(g.stem)), out))
    return pairs


def evaluate_paths(gold_path: Path, output_path: Path) -> tuple[Evaluation, list[tuple[Path, Path, Evaluation]]]:
    """Aggregate evaluation and the per-file evaluations."""
    total = Evaluation()
    per_file = []
    for gold_file, out_file in pair_files(gold_path, output_path):
        gold = _load(gold_file).get("records", [])
        pred = _load(out_file).get("records", [])
        evaluation = score_records(gold, pred, where=out_file.name)
        per_file.append((gold_file, out_file, evaluation))
        total.add(evaluation)
    return total, per_file


def format_table(evaluation: Evaluation, fields: Iterable[str] = FIELDS) -> str:
    rows = [f"{'field':<20} {'precision':>9} {'recall':>7} {'f1':>6} {'support':>7}"]
    for name in fields:
        s = evaluation.scores.get(name)
        if s is None or s.tp + s.fp + s.fn == 0:
            continue
        rows.append(f"{name:<20} {s.precision:>9.2f} {s.recall:>7.2f} {s.f1:>6.2f} {s.support:>7d}")
    o = evaluation.overall
    rows.append(f"overall field F1: {o.f1:.4f} (precision {o.precision:.4f}, recall {o.recall:.4f}, support {o.support})")
    return "\n".join(rows)
