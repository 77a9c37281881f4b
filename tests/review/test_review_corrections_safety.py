"""Nothing a person corrected is lost, and `extract correct` writes only where it should
(issue 15, items 10, 11, 12)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from extract.assemble.corrections import apply_corrections, load_corrections
from extract.cli import main
from extract.errors import ConfigError, ExitCode
from extract.models import LabRecord, OutputFile, SourceInfo


def _output(*names: str) -> OutputFile:
    return OutputFile(source=SourceInfo(path="raw/report.pdf"),
                      records=[LabRecord(name=n, country="NL", website=f"https://{n.split()[0].lower()}.nl")
                               for n in names])


def _write(out: Path, stem: str, output: OutputFile) -> None:
    path = out / f"{stem}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(output.model_dump_json(indent=2))


DUPLICATED = """\
# Checked by Alice, 2026-11-30: keep these.
source: raw/report.pdf
records:
  alpha lab:
    name: Alpha Lab
    fields:
      staff.count:
        value: 7
        status: corrected
  alpha lab:
    name: Alpha Lab
    fields:
      budget.amount:
        value: 340000
        status: corrected
"""


def test_a_duplicate_key_is_refused_and_the_file_left_alone(tmp_path: Path) -> None:
    out, corr = tmp_path / "output", tmp_path / "corrections"
    _write(out, "report", _output("Alpha Lab"))
    corr.mkdir()
    (corr / "report.yml").write_text(DUPLICATED)
    with pytest.raises(ConfigError, match=r"'alpha lab' is given twice \(lines 4 and 10\)"):
        load_corrections(corr / "report.yml")
    assert main(["correct", "--out", str(out), "report", "Alpha Lab", "founded_year", "2018"]) == ExitCode.usage
    assert (corr / "report.yml").read_text() == DUPLICATED  # both entries and the comment kept
    # A run does not apply half of it either: it says why nothing was applied.
    applied = apply_corrections(_output("Alpha Lab"), "report", corr)
    assert applied.records[0].staff is None and applied.records[0].budget is None
    assert any("given twice" in w for w in applied.warnings)


def test_parallel_corrections_through_a_shared_folder_all_land(tmp_path: Path) -> None:
    corr = tmp_path / "corrections"
    outs = [tmp_path / f"out{i}" for i in range(3)]
    for out in outs:
        _write(out, "report", _output("Alpha Lab"))
    fields = [("staff.count", "7"), ("founded_year", "2018"), ("acronym", "AL"), ("role", "testing"),
              ("budget.amount", "340000"), ("governance.parent", "Ministry")]
    procs = [subprocess.Popen([sys.executable, "-m", "extract", "correct", "--out", str(outs[i % 3]),
                               "--corrections", str(corr), "report", "Alpha Lab", field, value],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for i, (field, value) in enumerate(fields)]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    stored = load_corrections(corr / "report.yml")["records"]
    assert sorted(stored["alpha lab"]["fields"]) == sorted(f for f, _ in fields)


@pytest.mark.parametrize("stem", ["../victim/v", "/tmp/v", "a/../../v", "a//b", "./x", "x\x00y"])
def test_a_stem_outside_its_folder_is_refused(tmp_path: Path, stem: str) -> None:
    out = tmp_path / "project" / "output"
    _write(out, "report", _output("Alpha Lab"))
    _write(tmp_path / "project" / "victim", "v", _output("Alpha Lab"))  # something to aim at
    before = sorted(p for p in tmp_path.rglob("*"))
    assert main(["correct", "--out", str(out), stem, "0", "name", "X"]) == ExitCode.usage
    assert sorted(p for p in tmp_path.rglob("*") if p.name != ".lock") == [p for p in before if p.name != ".lock"]


def test_a_stem_through_a_symlink_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "output"
    _write(out, "report", _output("Alpha Lab"))
    _write(tmp_path / "elsewhere", "v", _output("Alpha Lab"))
    (out / "link").symlink_to(tmp_path / "elsewhere")
    assert main(["correct", "--out", str(out), "link/v", "0", "name", "X"]) == ExitCode.usage
    assert not (tmp_path / "corrections").exists() or not list((tmp_path / "corrections").rglob("*.yml"))


def test_corrected_values_go_through_the_normalisers(tmp_path: Path) -> None:
    out, corr = tmp_path / "output", tmp_path / "corrections"
    _write(out, "report", _output("Alpha Lab"))
    assert main(["correct", "--out", str(out), "report", "0", "website", "WWW.Alpha.nl/Lab/"]) == ExitCode.ok
    assert main(["correct", "--out", str(out), "report", "0", "website", "javascript:alert(1)"]) == ExitCode.usage
    assert main(["correct", "--out", str(out), "report", "0", "country", "Nederland"]) == ExitCode.ok
    assert main(["correct", "--out", str(out), "report", "0", "name", "Alpha\x00Lab"]) == ExitCode.ok
    record = OutputFile.model_validate_json((out / "report.json").read_text()).records[0]
    assert record.website == "https://www.alpha.nl/Lab" and record.country == "NL" and record.name == "Alpha Lab"
    # A hand-edited javascript: address is kept in the file but never applied.
    data = yaml.safe_load((corr / "report.yml").read_text())
    data["records"]["alpha lab"]["fields"]["website"]["value"] = "javascript:alert(1)"
    (corr / "report.yml").write_text(yaml.safe_dump(data))
    applied = apply_corrections(_output("Alpha Lab"), "report", corr)
    assert applied.records[0].website == "https://alpha.nl"
    assert any("not a web address" in w for w in applied.warnings)
