"""Key-facts tables with a column per lab become one table row per lab."""

from __future__ import annotations

from extract.models import Line
from extract.segment.lab_index import LabIndex
from extract.segment.transposed import transposed_tables

ROWS = ["MindLab\tDesignGo\tPolicy\tLab. de", "v\tLab\tGobiern", "o",
        "Founded\t2002\t2012\t2014\t2015",
        "Parent\tMinistry of\tDept. of\tCabinet\tMinistry", "body\tBusiness and\tIndustry\tOffice\tof",
        "Staff\t15\t9\tc. 20\t28", "(FTE)",
        "Website\tmind-lab.dk\t—\t—\tlab.gob.cl"]
PROSE = ["MindLab was a Danish unit.", "DesignGov was an Australian pilot.", "Policy Lab sits in the UK.",
         "The Laboratorio de Gobierno is in Chile."]


def _lines() -> list[Line]:
    texts = PROSE + ROWS
    return [Line(page=1, text=t, bbox=(60.0, 20.0 * i, 500.0, 20.0 * i + 9), role="table" if t in ROWS else "body")
            for i, t in enumerate(texts)]


def test_a_column_per_lab() -> None:
    lines = _lines()
    body = list(range(len(lines)))
    [table] = transposed_tables(lines, body, LabIndex(lines, body, "en"))
    by_title = {c.title: c.fields for c in table.columns}
    assert set(by_title) == {"MindLab", "DesignGov", "Policy Lab", "Laboratorio de Gobierno"}
    assert by_title["DesignGov"] == {"Founded": "2012", "Staff (FTE)": "9"}  # no web address, no guessed parent
    assert by_title["Laboratorio de Gobierno"]["Website"] == "lab.gob.cl"
    assert "Parent" not in by_title["MindLab"]  # its cells run over two lines: left out


def test_a_table_with_a_lab_per_row_is_not_transposed() -> None:
    rows = ["Lab\tCity\tSince", "Stadslab\tAntwerpen\t2016", "Citylab\tRotterdam\t2018"]
    lines = [Line(page=1, text=t, bbox=(60.0, 20.0 * i, 500.0, 20.0 * i + 9), role="table") for i, t in enumerate(rows)]
    body = list(range(len(lines)))
    assert transposed_tables(lines, body, LabIndex(lines, body, "en")) == []


def test_a_caption_gives_the_budget_row_its_unit() -> None:
    from extract.extractors import extract_records
    from extract.models import Section
    from extract.settings import Settings

    prose = ["The Quill Lab was set up in 2010.", "The Ember Lab was set up in 2016.",
             "Table 2. The two labs in 2024 (budget in $", "million; n/a = not available)"]
    rows = ["Quill Lab\tEmber Lab", "Founded\t2010\t2016", "Budget\t≈ 12.5\t3.1", "Board\tnone\tnone"]
    lines = [Line(page=1, text=t, bbox=(60.0, 20.0 * i, 500.0, 20.0 * i + 9), role="table" if t in rows else "body")
             for i, t in enumerate(prose + rows)]
    body = list(range(len(lines)))
    [table] = transposed_tables(lines, body, LabIndex(lines, body, "en"))
    assert {c.title: c.fields.get("Budget ($ million)") for c in table.columns} == {"Quill Lab": "≈ 12.5",
                                                                                  "Ember Lab": "3.1"}
    sections = [Section(kind="table_row", title=c.title, lines=lines[-4:], table_fields=c.fields) for c in table.columns]
    budgets = {r.name: r.budget for r in extract_records(sections, Settings())}
    assert budgets["Quill Lab"] is not None and (budgets["Quill Lab"].amount, budgets["Quill Lab"].currency,
                                                 budgets["Quill Lab"].approximate) == (12.5e6, "USD", True)
    assert budgets["Ember Lab"] is not None and (budgets["Ember Lab"].amount, budgets["Ember Lab"].approximate) == (
        3.1e6, False)
