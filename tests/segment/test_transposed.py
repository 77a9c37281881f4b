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
