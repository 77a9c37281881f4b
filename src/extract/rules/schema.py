"""What the rule files may hold: the one declaration every rule file is checked against.

A typo in a rule file used to disable its rule without a word (``lexicon.words("budget",
"anchors")`` found nothing under ``anchros``). Now every file is checked when it is loaded, and a
key that is not declared here fails with the file, the key and the keys that are declared.

Language files (``rules/{nl,en,fr}.yml``) hold groups of keys; each key has a shape:
``WORDS`` (a list of words or phrases), ``REGEXES`` (a list of regular expressions, compiled
when the file is loaded) or ``MAPPING`` (text -> text). A new group is one line in
``LANGUAGE_GROUPS``; a new key is a name added to its group's line.

The other files (``labels.yml``, ``scale_words.yml``, ``countries.yml``, ``currencies.yml``) each
have a pydantic model below; ``RULE_FILES`` names them all.
"""

from __future__ import annotations

import enum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, RootModel

LANGUAGES: tuple[str, ...] = ("nl", "en", "fr")
"""The languages of the rules (and of the reports): the one place they are listed."""


class Shape(enum.Enum):
    WORDS = "a list of words or phrases"
    REGEXES = "a list of regular expressions"
    MAPPING = "a mapping of text to text"


WORDS, REGEXES, MAPPING = Shape.WORDS, Shape.REGEXES, Shape.MAPPING


def words(*keys: str) -> dict[str, Shape]:
    """A group whose keys are all word lists (most groups)."""
    return dict.fromkeys(keys, WORDS)


LANGUAGE_GROUPS: dict[str, dict[str, Shape]] = {
    "title": words("file_formats",
                   "non_lab_headings", "report_chapters", "prefix_words", "summary_suffixes",
                   "location_prepositions", "report_words", "own_report_words", "legal_prefixes",
                   "leading_prepositions", "renamed_from", "renamed_to", "former_markers"),
    "founded": words("verbs", "nouns", "activity_verbs", "since", "existence_verbs", "passive_auxiliaries", "subject_auxiliaries", "active_auxiliaries",
                     "subject_links", "name_prepositions", "ordinal_suffixes", "merger_words", "name_words",
                     "again_prefixes"),
    "budget": words("anchors", "contribution", "period_year", "period_total", "unknown", "statement_totals", "statement_actuals", "revenue",
                    "one_off", "span_prepositions", "statement_thousands", "statement_millions", "statement_ones", "comparison",
                    "bare_total", "spending_questions", "disclaimers", "disclaimed", "paid_out", "capital", "combined",
                    "part_openers", "prices", "works"),
    "staff": words("total_of", "work_verbs", "nouns", "generic_nouns", "role_nouns", "fte_nouns", "anchors", "team_of", "count_after", "range_to",
                   "count_links", "number_nouns", "grew_stems", "at_year_end", "table_row_nouns", "at_start", "wanted", "part_places",
                   "whole_qualifiers", "post_nouns", "posts_of_which", "posts_filled", "fronted_with"),
    "governance": words("body_nouns", "body_complements", "month_prepositions", "own_body_verbs", "member_nouns", "composed_of", "form_verbs", "pronouns",
                        "parent_triggers", "parent_blockers", "kind_articles", "org_heads", "creator_triggers", "parent_clause_verbs",
                        "not_bodies", "place_prepositions", "member_count_links", "not_member_nouns",
                        "relation_adverbs", "time_prepositions", "copulas", "definition_of", "demonym_endings",
                        "demonym_heads", "subject_pronouns", "law_words", "purpose_openers", "governed_by",
                        "governing_verbs", "formed_with", "size_suffixes", "parent_lead_phrases", "joint_heads", "joint_adverbs",
                        "per_member_words", "body_list_labels", "kind_labels", "appointed_by", "one_person_openers",
                        "bare_body_nouns", "delegate_nouns", "accountability_triggers", "legislatures", "since_words",
                        "partitive_subjects", "policy_domains", "former_name_labels",
                        "body_question_nouns", "membership_phrases", "service_nouns", "has_verbs", "seat_phrases",
                        "partner_phrases", "lowercase_name_heads", "legal_form_adjectives", "member_modifiers",
                        "supreme_phrases", "plural_auxiliaries", "seated_after", "until_words"),
    "funding": {**words("after", "weak_after", "after_amount", "item_joiners", "money_words", "verbs_before",
                        "source_nouns", "qualifiers", "purpose_words", "contribution_nouns",
                        "trailing_particles", "share_words", "sequence_words", "supplements",
                        "source_prepositions", "complement_prepositions",
                        "lab_words", "budget_amount_lead", "rest_words", "rest_from", "budget_determiners",
                        "budget_nouns", "joined_prepositions", "verb_adverbs", "amount_in", "contrast_words",
                        "cost_words", "cost_triggers", "table_headers", "total_rows",
                        "receive_verbs", "receive_prepositions", "generic_money", "grant_nouns", "other_subjects", "object_pronouns", "clause_verbs",
                        "repeated_prepositions", "relative_objects", "payout_clauses",
                        "rest_verbs", "reduced_relatives", "preposition_forms", "paying_relatives", "no_source_openers",
                        "enumerating_nouns"),
                "budget_adjectives": REGEXES, "not_joined_articles": REGEXES},
    "words": words("answers_no", "reflexives", "determiners", "count_questions", "part_titles", "first_person_possessives", "modelled_on",
                   "seat_markers", "language_prepositions",
                   "connectors", "clause_verbs", "relatives", "conjunctions", "not_conjunctions", "agent_markers",
                   "negations", "compound_joiners", "period_abbreviations", "elided_articles", "and_words", "articles",
                   "portfolio_prepositions",
                   "open_ends", "not_applicable", "value_approximations", "sentence_articles", "indefinite_articles",
                   "first_person_subjects", "remark_questions", "time_adverbs",
                   "figure_disclaimers", "portfolio_links", "third_person_possessives",
                   "former_words", "foreign_and_words", "restrictive_adverbs", "pure_relatives",
                   "adjective_negations", "contrasts", "prior_year"),
    "labs": words("among_cases", "stands_for", "goes_by", "official_name", "document_nouns", "replaced", "heads", "compound_ends", "strong_heads",
                  "plural_heads", "not_heads", "connectors", "determiners",
                  "generic_modifiers", "page_titles", "ordinals", "page_title_fillers", "name_headers",
                  "name_header_words", "function_words", "presenting_verbs", "acronym_hereafter",
                  "acronym_or", "acronym_known_as", "acronym_for_short", "acronym_naming", "acronym_other_language", "definition_nouns", "name_question_words",
                  "name_links", "foreign_name_links", "complement_links", "complement_and", "adjective_endings",
                  "legal_suffixes", "issue_words", "demonstratives", "not_name_tails", "head_first", "head_either_side", "head_first_links",
                  "person_titles", "about_prefixes", "renamed_as", "trade_name_phrases", "style_openers", "founded_as", "academic_nouns",
                  "official_name_owners", "acronym_in_full", "area_tails", "byline_verbs", "address_words", "acronym_gloss",
                  "under_the_name", "published_by", "is_called"),
    "websites": words("not_lab_hosts", "none_of_its_own"),
    "pages": words("number_words", "number_of"),
    "letters": words("salutations", "closings", "subject_labels", "header_labels", "mail_clients", "copy_labels",
                     "addressee_labels", "reference_labels"),
    "money": {**words("total_prepositions", "period_articles", "period_nouns", "few", "year_nouns", "span_prepositions",
                      "year_range_joiners", "not_period_nouns", "amount_of", "above_own_language", "each_before",
                      "each_after", "each_per", "each_per_nouns", "year_prepositions", "range_joiners", "abbreviations",
                      "caption_in"),
              **dict.fromkeys(("period_year", "period_month", "period_total", "up_to", "above", "below",
                               "between_figures", "period_between_figures"), REGEXES)},
    "language": words("stop_words"),
}
"""group -> key -> shape, for ``rules/{nl,en,fr}.yml`` (each language may leave keys out)."""


def _language(code: str) -> str:
    if code not in LANGUAGES:
        raise ValueError(f"{code!r} is not a language of the rules ({', '.join(LANGUAGES)})")
    return code


Language = Annotated[str, AfterValidator(_language)]

LABEL_FIELDS = ("website", "role", "resources", "budget", "staff", "governance", "funding", "founded", "country",
                "name", "acronym", "parent")
"""The fields a label at the start of a line can announce (``labels.yml``)."""


def _label_field(name: str) -> str:
    if name not in LABEL_FIELDS:
        raise ValueError(f"{name!r} is not a labelled field ({', '.join(LABEL_FIELDS)})")
    return name


LabelField = Annotated[str, AfterValidator(_label_field)]
Number = float | str
"""A factor as the files write it ('1.0e6' is text to YAML 1.1; the normalisers read both)."""


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LabelsFile(RootModel[dict[LabelField, dict[Language, list[str]]]]):
    """``labels.yml``: field -> language -> labels as printed ('Middelen', 'Budget annuel')."""


class ScaleWordsFile(_File):
    words: dict[Language, dict[str, Number]] = {}
    letters: dict[str, Number] = {}
    spaced_letters: list[str] = []
    """The letters of ``letters`` that also count a space away from the number, before a currency."""
    letter_currencies: list[str] = []
    """The currencies after which a spaced letter counts ('2,5 M€', '450 k EUR')."""
    letter_currencies_before: list[str] = []
    """More currencies a spaced letter counts after when they stand before the number ('RM 250 m')."""
    approximate_before: dict[Language, list[str]] = {}
    approximate_after: dict[Language, list[str]] = {}
    count_nouns: dict[Language, dict[str, tuple[float, bool]]] = {}
    not_numbers: dict[Language, list[str]] = {}
    not_alone: list[str] = []
    one_and_a_half: dict[Language, list[str]] = {}
    connectors: dict[Language, list[str]] = {}
    count_articles: dict[Language, list[str]] = {}
    label_scales: dict[str, Number] = {}
    """A scale in a label's brackets, no currency with it: 'Budget (m, local currency)' (extractors.statements)."""


class CountriesFile(_File):
    territories: list[str] = []
    generic_cctlds: list[str] = []
    standalone_codes: dict[str, str] = {}
    codes_before_names: dict[str, str] = {}
    names: dict[str, list[str]] = {}
    regions: dict[str, list[str]] = {}
    cities: dict[str, list[str]] = {}
    adjectives: dict[Language, dict[str, list[str]]] = {}
    subdivision_countries: list[str] = []


class NationalCurrency(_File):
    """Currency tokens spent in several countries ('kronen', '$') and the code each country reads."""

    tokens: list[str]
    countries: dict[str, str]


class CurrenciesFile(_File):
    symbols: dict[str, str] = {}
    codes: list[str] = []
    words: dict[str, list[str]] = {}
    direct_only: dict[str, list[str]] = {}
    scale_prefixes: dict[str, Number] = {}
    national: list[NationalCurrency] = []


DATA_FILES: dict[str, type[BaseModel]] = {
    "labels": LabelsFile, "scale_words": ScaleWordsFile, "countries": CountriesFile, "currencies": CurrenciesFile,
}
"""Rule files other than the language files, by name (``<name>.yml``), with their schema."""

RULE_FILES: tuple[str, ...] = (*LANGUAGES, *DATA_FILES)
"""Every rule file's name; a user rules folder may hold any of them (``<name>.yml``)."""
