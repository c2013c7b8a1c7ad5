"""The Python examples of README.md and python/README.md run as written."""

import pathlib
import re

import pytest

from conftest import REPO

BLOCK = re.compile(r"```python\n(.*?)```", re.S)
DOCS = [REPO / "README.md", REPO / "python" / "README.md"]
CASES = [(doc, i, code) for doc in DOCS for i, code in enumerate(BLOCK.findall(doc.read_text(encoding="utf-8")))]


@pytest.mark.parametrize("doc,index,code", CASES, ids=["%s#%d" % (d.relative_to(REPO), i) for d, i, _ in CASES])
def test_readme_example_runs(doc: pathlib.Path, index: int, code: str, monkeypatch):
    for k in ("AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3", "AWS_SESSION_TOKEN", "AWS_S3_US_EAST_1_REGIONAL_ENDPOINT"):
        monkeypatch.delenv(k, raising=False)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
    exec(compile(code, "%s block %d" % (doc.name, index), "exec"), {})


def test_there_are_examples():
    assert sum(1 for d, _, _ in CASES if d.name == "README.md" and d.parent == REPO) >= 1
    assert sum(1 for d, _, _ in CASES if d.parent.name == "python") >= 2
