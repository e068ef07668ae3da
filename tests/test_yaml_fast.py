"""The quick composer (libyaml's, in C) reads clean records exactly as the careful one does.

`yaml_fast.compose_fast` answers only when it is sure; the case table in check_cases.py holds
the messages for broken files (the loader rereads those the careful way). Here: clean files give
the same values and positions both ways, and every doubt sends a file down the careful path.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
import yaml

from conftest import record_files
from dossier.read.fields import check_record, file_hides_nothing
from dossier.read.spec import SPECS
from dossier.read.yaml_fast import compose_fast
from dossier.read.yaml_tree import MAX_NODES, compose_record

ROOT = Path(__file__).resolve().parent.parent


def every_record_file() -> list[tuple[str, Path]]:
    """(kind, path) of every record in the real and the example dossiers."""
    return record_files(ROOT / "claims") + record_files(ROOT / "tests" / "example" / "claims")


@pytest.mark.parametrize(("kind", "path"), every_record_file(), ids=lambda v: v.name if isinstance(v, Path) else v)
def test_quick_and_careful_readings_agree(kind: str, path: Path) -> None:
    data = path.read_bytes()
    quick, found_quick = compose_record(data, quick=True)
    careful, found_careful = compose_record(data, quick=False)
    assert quick is not None and careful is not None and found_quick == found_careful == []
    both = [check_record(root, SPECS[kind], no_hidden_characters=file_hides_nothing(data)) for root in (quick, careful)]
    assert both[0].problems == both[1].problems == []
    assert both[0].values == both[1].values
    assert both[0].positions == both[1].positions


PLAIN = "id: a\nname: AT&T\nnote: R&D, 5*3 and Wow!\nlist: [a, b]\n"


def test_a_plain_record_is_read_quickly() -> None:
    root = compose_fast(PLAIN, MAX_NODES)
    assert root is not None
    assert [(k.value, getattr(v, "value", None)) for k, v in root.value][:3] == [
        ("id", "a"),
        ("name", "AT&T"),
        ("note", "R&D, 5*3 and Wow!"),
    ]
    assert [item.tag for item in root.value[3][1].value] == ["tag:yaml.org,2002:str"] * 2


@pytest.mark.parametrize(
    "text",
    [
        "id: &a x\n",  # anchor
        "name: Ruiz & Co\n",  # text that only looks like one is read the careful way too
        "id: x\nname: *a\n",  # alias
        "id: !!str 1\n",  # tag
        "id: ! x\n",  # non-specific tag
        "list: [&a x, *a]\n",  # flow anchor and alias
        'map: {"k":&a x}\n',  # a flow value right after its key's colon
        "id: x\n---\nid: y\n",  # two documents
        "id: [x\n",  # a syntax error: the careful path words it
        "",  # empty
    ],
)
def test_doubtful_files_take_the_careful_path(text: str) -> None:
    assert compose_fast(text, MAX_NODES) is None


def test_the_value_budget_sends_a_file_to_the_careful_path() -> None:
    text = "list:\n" + "".join(f"  - item{i}\n" for i in range(10))
    assert compose_fast(text, 13) is not None  # the mapping, its key, the list and ten items
    assert compose_fast(text, 12) is None


def test_quick_nodes_are_typed_by_the_yaml_1_2_core_schema() -> None:
    root = compose_fast("a: no\nb: 1.4e12\nc: '7'\nd: 2024-03-10\ne: ~\n", MAX_NODES)
    assert root is not None
    assert [v.tag.rsplit(":", 1)[1] for _, v in root.value] == ["str", "float", "str", "str", "null"]


def test_only_the_main_thread_reads_quickly() -> None:
    """libyaml's composer recurses; a worker thread's stack may be small (512 KB on macOS)."""
    seen: list[object] = []
    worker = threading.Thread(target=lambda: seen.append(compose_fast(PLAIN, MAX_NODES)))
    worker.start()
    worker.join()
    assert seen == [None]


def test_libyaml_still_stops_at_1000_levels_of_nesting() -> None:
    """What bounds the C composer's recursion (about 400 KB of stack at the limit, measured)."""
    deep = "[" * 1001 + "]" * 1001
    with pytest.raises(yaml.YAMLError):
        compose_fast_unchecked(deep)
    assert compose_fast_unchecked("[" * 999 + "]" * 999) is not None


def compose_fast_unchecked(text: str) -> object:
    loader = yaml.CSafeLoader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


@pytest.mark.parametrize(
    ("data", "clean"),
    [(b"a: b\n", True), (b'a: "\\t"\n', False), (b"a: b\tc\n", False), (b"a: b\r\n", False)],
)
def test_a_file_hides_nothing_only_without_escapes_tabs_or_carriage_returns(data: bytes, clean: bool) -> None:
    assert file_hides_nothing(data) is clean
