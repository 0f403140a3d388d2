"""Bad -a arguments end `scrapy crawl` before any request: one line, exit 2, nothing written."""

import pytest

from tests.conftest import run_crawl

BAD = [
    (("sections=News,Weather",), "sections", "News,Politics"),
    (("since=2024-13-01",), "since", "YYYY-MM-DD"),
    (("until=yesterday",), "until", "YYYY-MM-DD"),
    (("since=2024-05-01", "until=2024-04-01"), "since", "until=2024-04-01"),
    (("base_url=ftp://127.0.0.1:21",), "base_url", "http(s) origin"),
    (("base_url=127.0.0.1:8000",), "base_url", "http(s) origin"),
    (("max_pages=0",), "max_pages", "1 or more"),
    (("start_urls=not-a-url",), "start_urls", "http(s) URLs"),
    (("sectoins=News",), "sectoins", "one of sections"),
]


@pytest.mark.parametrize("args, name, accepted", BAD, ids=[b[1] + ":" + b[0][-1] for b in BAD])
def test_bad_argument_is_refused_before_the_crawl(tmp_path, args, name, accepted):
    # An unroutable base_url would make any request fail loudly; none must be made.
    result = run_crawl(tmp_path, *[a for arg in args for a in ("-a", arg)])
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert f"-a {name}=" in lines[0] and accepted in lines[0]
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "archive").exists()
    assert list(tmp_path.iterdir()) == []
