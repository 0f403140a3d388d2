"""Distributed mode is switched on by one setting, and a setting given explicitly wins."""

from scrapy.settings import Settings

from newscrawl.run.addons import Distributed


def settings(**values) -> Settings:
    result = Settings()
    result.setmodule("newscrawl.settings", priority="project")
    for name, value in values.items():
        result.set(name, value, priority="cmdline")
    Distributed().update_settings(result)
    return result


def test_off_by_default():
    plain = settings()
    assert plain["SCHEDULER"] == "scrapy.core.scheduler.Scheduler"
    assert plain["DUPEFILTER_CLASS"] == "scrapy.dupefilters.RFPDupeFilter"


def test_one_setting_switches_on_the_shared_queue_and_duplicate_filter():
    shared = settings(NEWSCRAWL_REDIS_URL="redis://10.0.0.5:6379/2")
    assert shared["SCHEDULER"] == "newscrawl.run.distributed.SharedJobScheduler"
    assert shared["DUPEFILTER_CLASS"] == "scrapy_redis.dupefilter.RFPDupeFilter"
    assert shared["REDIS_URL"] == "redis://10.0.0.5:6379/2"
    assert shared["SCHEDULER_QUEUE_KEY"] % {"spider": "elaph"} == "newscrawl:elaph:requests"


def test_the_plugins_own_setting_works_and_explicit_settings_win():
    shared = settings(REDIS_URL="redis://h:6379/0", SCHEDULER_DUPEFILTER_KEY="mine:%(spider)s")
    assert shared["SCHEDULER"] == "newscrawl.run.distributed.SharedJobScheduler"
    assert shared["SCHEDULER_DUPEFILTER_KEY"] == "mine:%(spider)s"
