"""The one rule loader: every rule file checked against ``extract.rules.schema`` (a typo names the
file, the key and the declared keys), a user rules folder extending the packaged rules, and its
changes reprocessing what they may change."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import get_args

import pytest

from extract.normalize.language import Lang
from extract.pipeline import process_text, sections_input_key
from extract.rules import loader, schema
from extract.rules.lexicon import lexicon
from extract.rules.loader import RuleFileError, check_rules, use_rules_dir
from extract.settings import RULES_ENV, Settings, load_settings

ZETA = "Zeta Lab\n\nHet Zeta Lab werd opgericht in 2019 in Gent.\nPotje: 2 miljoen euro\nZeta Lab werkt met 5 medewerkers.\n"


@pytest.fixture(autouse=True)
def packaged_rules() -> Iterator[None]:
    use_rules_dir(None)
    yield
    use_rules_dir(None)  # the next test (in this process) sees the packaged rules only


def _folder(tmp_path: Path, files: dict[str, str]) -> Path:
    folder = tmp_path / "rules"
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _error(tmp_path: Path, files: dict[str, str]) -> str:
    with pytest.raises(RuleFileError) as caught:
        check_rules(_folder(tmp_path, files))
    return str(caught.value)


def test_the_packaged_rules_follow_their_schema() -> None:
    check_rules(None)


def test_one_list_of_languages() -> None:
    from extract.nlp import SUPPORTED
    from extract.normalize.rule_data import LANGS

    assert schema.LANGUAGES == SUPPORTED == LANGS and set(get_args(Lang)) == set(schema.LANGUAGES)


def test_a_misspelt_key_names_the_file_the_key_and_the_declared_keys(tmp_path: Path) -> None:
    message = _error(tmp_path, {"en.yml": "budget:\n  anchros: [spend]\n"})
    assert message.startswith(str(tmp_path / "rules" / "en.yml"))
    assert "budget.anchros is not declared" in message and "anchors, contribution" in message


def test_each_kind_of_mistake_is_named(tmp_path: Path) -> None:
    assert "group 'labz' is not declared; the groups are: title" in _error(tmp_path, {"fr.yml": "labz:\n  heads: [a]\n"})
    assert "labs.heads must be a list" in _error(tmp_path, {"fr.yml": "labs:\n  heads: bureau\n"})
    assert "key word is not declared; the keys are: words, letters" in _error(
        tmp_path, {"fr.yml": "", "scale_words.yml": "word:\n  en: {a: 1}\n"})
    assert "words.xx: 'xx' is not a language of the rules (nl, en, fr)" in _error(
        tmp_path, {"scale_words.yml": "words:\n  xx: {a: 1}\n"})
    assert "'budgte' is not a labelled field" in _error(
        tmp_path, {"scale_words.yml": "{}\n", "labels.yml": "budgte:\n  en: [Money]\n"})
    assert "not valid YAML" in _error(tmp_path, {"labels.yml": "budget: [\n"})
    assert "notes.yml is not a rule file" in _error(tmp_path, {"labels.yml": "{}\n", "notes.yml": "a: 1\n"})
    with pytest.raises(RuleFileError, match="does not exist"):
        check_rules(tmp_path / "missing")


def test_regexes_are_compiled_when_loaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A group of another shape is one declaration; its regexes compile at load time."""
    monkeypatch.setitem(schema.LANGUAGE_GROUPS, "dates", {"formats": schema.REGEXES, "months": schema.MAPPING})
    assert "dates.formats: '(\\\\d+' is not a regular expression" in _error(
        tmp_path, {"en.yml": "dates:\n  formats: ['(\\d+']\n"})
    folder = _folder(tmp_path, {"en.yml": "dates:\n  formats: ['\\d{4}']\n  months: {jan: '1'}\n"})
    use_rules_dir(folder)
    lex = lexicon("en")
    assert [p.pattern for p in lex.patterns("dates", "formats")] == [r"\d{4}"]
    assert lex.mapping("dates", "months") == {"jan": "1"}


def test_code_asking_for_an_undeclared_key_fails() -> None:
    with pytest.raises(KeyError, match=r"budget\.anchros is not declared"):
        lexicon("en").words("budget", "anchros")


def test_user_rules_extend_and_override(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"nl.yml": "labs:\n  heads: [bureau]\n", "scale_words.yml": "letters: {k: '2.0e3'}\n"})
    use_rules_dir(folder)
    heads = lexicon("nl").words("labs", "heads")
    assert "bureau" in heads and "lab" in heads  # added, none removed
    assert loader.rule_data("scale_words")["letters"]["k"] == "2.0e3"  # a mapping's entry overridden
    assert loader.rule_data("scale_words")["letters"]["M"] == "1.0e6"


def test_switching_folders_drops_the_tables_built_before(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"labels.yml": "budget:\n  nl: [Potje]\n"})
    plain = process_text(ZETA, Settings(), name="zeta.txt").records[0]
    user = process_text(ZETA, Settings(rules_dir=str(folder)), name="zeta.txt").records[0]
    again = process_text(ZETA, Settings(), name="zeta.txt").records[0]
    assert plain.budget is None and again.budget is None
    assert user.budget is not None and user.budget.amount == 2_000_000
    (folder / "labels.yml").write_text("budget:\n  nl: [Pot]\n", encoding="utf-8")  # edited between two calls
    assert process_text(ZETA, Settings(rules_dir=str(folder)), name="zeta.txt").records[0].budget is None


def test_settings_from_the_environment_and_flags(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(RULES_ENV, "from-env")
    assert load_settings().rules_dir == str(tmp_path / "from-env")  # absolute: workers may run elsewhere
    assert load_settings(rules_dir="from-flag").rules_dir == str(tmp_path / "from-flag")


def test_the_sections_cache_key_follows_the_folder_content(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"nl.yml": "labs:\n  heads: [bureau]\n"})
    settings = Settings(rules_dir=str(folder))
    before = sections_input_key("0" * 64, settings)
    assert before != sections_input_key("0" * 64, Settings())
    (folder / "nl.yml").write_text("labs:\n  heads: [bureau, dienst]\n", encoding="utf-8")
    assert sections_input_key("0" * 64, settings) != before


def _batch(cwd: Path, *flags: str) -> tuple[int, str, list[dict[str, object]]]:
    done = subprocess.run([sys.executable, "-m", "extract", "batch", "raw", "--workers", "1", "--quiet",
                           "--report", "report.json", *flags], cwd=cwd, capture_output=True, text=True, timeout=600)
    report = json.loads((cwd / "report.json").read_text(encoding="utf-8"))["files"] if done.returncode != 2 else []
    return done.returncode, done.stderr, report


def test_a_changed_rules_folder_reprocesses_and_a_bad_one_stops_the_run(tmp_path: Path) -> None:
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "zeta.txt").write_text(ZETA, encoding="utf-8")
    folder = _folder(tmp_path, {"labels.yml": "budget:\n  nl: [Potje]\n"})

    def budget() -> object:
        return json.loads((tmp_path / "output" / "zeta.json").read_text(encoding="utf-8"))["records"][0]["budget"]

    assert _batch(tmp_path)[0] == 0 and budget() is None
    code, err, [first] = _batch(tmp_path, "--rules", str(folder))
    assert code == 0 and first["message"] != "unchanged", err
    assert budget() is not None
    assert _batch(tmp_path, "--rules", str(folder))[2][0]["message"] == "unchanged"
    (folder / "labels.yml").write_text("budget:\n  nl: [Pot]\n", encoding="utf-8")
    assert _batch(tmp_path, "--rules", str(folder))[2][0]["message"] != "unchanged" and budget() is None
    (folder / "labels.yml").write_text("budgte:\n  nl: [Pot]\n", encoding="utf-8")
    code, err, _ = _batch(tmp_path, "--rules", str(folder))
    assert code == 2 and "budgte" in err and "Traceback" not in err


def test_cluster_workers_must_see_the_same_user_rules(tmp_path: Path) -> None:
    """The dask check: a worker whose user rules folder differs from the client's is named before the run."""
    from extract.batch.dask_checks import probe
    from extract.store.fingerprint import rules_fingerprint

    folder = _folder(tmp_path, {"nl.yml": "labs:\n  heads: [bureau]\n"})
    plan = {"markers": [], "inputs": [], "languages": ["eng"],
            "rules": {"path": str(folder), "state": rules_fingerprint(str(folder))}}
    assert probe(plan)["problems"] == []
    (folder / "nl.yml").write_text("labs:\n  heads: [dienst]\n", encoding="utf-8")  # this worker's copy differs
    assert probe(plan)["problems"] == [f"sees other rules in {folder} (share the user rules folder at the same path too)"]


def test_the_normalisers_words_are_rule_data(tmp_path: Path) -> None:
    """The words around amounts and the number words are read from the rule files, a user folder's too (issue 13)."""
    from extract.normalize import find_money, find_numbers

    assert find_money("30.000 euro per school", "nl")[0].qualifier is None
    assert [m.value for m in find_numbers("anderhalfje miljoen", "nl")] != [1_500_000]
    use_rules_dir(_folder(tmp_path, {"nl.yml": "money:\n  each_per_nouns: [school]\n",
                                     "scale_words.yml": "one_and_a_half:\n  nl: [anderhalfje]\n"}))
    assert find_money("30.000 euro per school", "nl")[0].qualifier == "each"
    assert [m.value for m in find_numbers("anderhalfje miljoen", "nl")] == [1_500_000]
    assert find_money("30.000 euro per lid", "nl")[0].qualifier == "each"  # the packaged words stay
    assert "money.up_to must be a list" in _error(tmp_path, {"nl.yml": "money:\n  up_to: tot\n"})


@pytest.mark.parametrize(("files", "expected"), [
    ({"fr.yml": "words:\n  compound_joinerz: [et]\n"}, "words.compound_joinerz is not declared; the keys of 'words' are: "),
    ({"en.yml": "founded:\n  passive_auxiliary: [was]\n"}, "passive_auxiliaries, subject_auxiliaries"),
    ({"nl.yml": "labs:\n  function_word: [van]\n"}, "name_header_words, function_words, presenting_verbs"),
    ({"nl.yml": "words:\n  article: [de]\n"}, "elided_articles, and_words, articles"),
    ({"scale_words.yml": "label_scale:\n  m: 1000000\n"}, "key label_scale is not declared; the keys are: "),
])
def test_a_misspelt_key_of_the_words_moved_out_of_the_code_is_named(tmp_path: Path, files: dict[str, str],
                                                                    expected: str) -> None:
    """The words the extractors, segmentation and layout wrote in Python are rule data now: a typo fails loudly."""
    message = _error(tmp_path, files)
    assert expected in message
    if "scale_words" in files:
        assert "label_scales" in message


def test_the_words_moved_out_of_the_code_are_read_from_a_user_folder(tmp_path: Path) -> None:
    """A user folder extends them (issue 13): 'court- plus long' keeps its hyphen once 'plus' is a joiner."""
    from extract.layout.hyphen import dehyphenate
    from extract.models import Line

    lines = [Line(1, "court-", (0, 0, 10, 10)), Line(1, "plus long terme", (0, 12, 10, 22))]
    assert dehyphenate(lines)[0].text == "courtplus"
    use_rules_dir(_folder(tmp_path, {"fr.yml": "words:\n  compound_joiners: [plus]\n"}))
    assert dehyphenate(lines)[0].text == "court-"
    assert dehyphenate([Line(1, "court-", (0, 0, 10, 10)), Line(1, "et long", (0, 12, 10, 22))])[0].text == "court-"
