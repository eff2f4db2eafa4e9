"""Run one crawl from a JSON spec and print its report as JSON (see support.CrawlProcess).

The crawl uses the settings the crawler builds for itself (crawler.settings), which route
every request through RoutingDownloadHandler and TorRoutingMiddleware.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

from crawler.config import AppConfig
from crawler.run import CrawlProgress, run_crawl


def main(spec_path: str) -> None:
    spec = json.loads(Path(spec_path).read_text())
    app = AppConfig.model_validate(spec["app"])
    settings: dict[str, Any] = {}
    if not spec["index"]:
        # Transport tests: pages are counted from the spider's items, not the index.
        settings["ITEM_PIPELINES"] = {}
    settings.update(spec["settings"])
    pages: dict[str, int] = {}

    def progress(live: CrawlProgress) -> None:
        pages.update(live.per_site)

    report = run_crawl(app, progress=progress, extra_settings=settings)
    print(json.dumps({"report": dataclasses.asdict(report), "pages_per_site": pages}, default=str))


if __name__ == "__main__":
    main(sys.argv[1])
