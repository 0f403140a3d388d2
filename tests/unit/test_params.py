from datetime import date

import pytest

from newscrawl.fetch.params import ArgumentError, parse_params

SECTIONS = ("News", "Politics", "Economics")


def test_defaults_take_every_known_section():
    params = parse_params({}, SECTIONS)
    assert params.sections == SECTIONS
    assert (params.since, params.until, params.max_pages, params.start_urls, params.base_url) == (
        None, None, None, (), None)


def test_sections_are_case_insensitive_and_keep_site_spelling():
    assert parse_params({"sections": "politics, NEWS,news"}, SECTIONS).sections == ("Politics", "News")


def test_full_argument_set():
    params = parse_params({"since": "2024-01-01", "until": "2024-01-31", "max_pages": "3",
                           "start_urls": "https://elaph.com/Web/News/,http://x.test/list",
                           "base_url": "http://127.0.0.1:8000/"}, SECTIONS)
    assert (params.since, params.until, params.max_pages) == (date(2024, 1, 1), date(2024, 1, 31), 3)
    assert params.start_urls == ("https://elaph.com/Web/News/", "http://x.test/list")
    assert params.base_url == "http://127.0.0.1:8000"


def test_same_day_window_is_allowed():
    assert parse_params({"since": "2024-01-01", "until": "2024-01-01"}, SECTIONS).since == date(2024, 1, 1)


@pytest.mark.parametrize("args, name", [
    ({"sections": "Sport"}, "sections"), ({"sections": ","}, "sections"),
    ({"since": "2024-1-1"}, "since"), ({"since": "2024-02-30"}, "since"),
    ({"until": "31/01/2024"}, "until"), ({"since": "2024-02-01", "until": "2024-01-01"}, "since"),
    ({"max_pages": "-1"}, "max_pages"), ({"max_pages": "two"}, "max_pages"),
    ({"base_url": "http://127.0.0.1:8000/Web/News/"}, "base_url"), ({"base_url": "file:///tmp"}, "base_url"),
    ({"start_urls": "elaph.com/Web/News/"}, "start_urls"), ({"pages": "2"}, "pages"),
])
def test_bad_arguments_name_themselves(args, name):
    with pytest.raises(ArgumentError) as raised:
        parse_params(args, SECTIONS)
    assert raised.value.name == name
    assert str(raised.value).startswith(f"invalid argument -a {name}=")


def test_private_scrapyd_style_arguments_pass():
    assert parse_params({"_job": "abc"}, SECTIONS).sections == SECTIONS
