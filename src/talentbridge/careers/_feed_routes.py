"""Public job feeds: ``/feeds/indeed.xml`` (Indeed's XML) and ``/feeds/jobs.json`` (JSON Feed 1.1).

``?channel=indeed`` names the job board pulling the feed (its ``feed_key`` or its name): every job
URL then carries that board's tracked-link token (links are created on the first pull), so clicks
and applications from the board are attributed to it. An unknown channel answers 404 rather than
silently serving untracked links.
"""

from __future__ import annotations

import uuid
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from talentbridge.api.deps import DbSession, get_settings
from talentbridge.careers import feeds, jsonld, publishing, service
from talentbridge.careers._public_pages import site_info
from talentbridge.careers.public import PublicJob
from talentbridge.errors import NotFound
from talentbridge.kit.clock import utc_now
from talentbridge.sourcing import service as sourcing_service
from talentbridge.web.templating import PRODUCT_NAME

router = APIRouter(include_in_schema=False)

XML_TYPE = "application/xml; charset=utf-8"
JSON_FEED_TYPE = "application/feed+json; charset=utf-8"


def _feed_site(request: Request, session: Session, jobs: list[PublicJob], channel: str) -> feeds.FeedSite:
    site = site_info(get_settings(request))
    tokens: dict[uuid.UUID, str] = {}
    if channel:
        board = sourcing_service.find_feed_channel(session, channel)
        if board is None:
            raise NotFound("No active job board has this channel key.")
        tokens.update(sourcing_service.feed_links(session, board, [job.id for job in jobs]))

    def job_url(job: PublicJob) -> str:
        return site.absolute(publishing.job_path(job.id, job.title, token=tokens.get(job.id)))

    return feeds.FeedSite(
        publisher=PRODUCT_NAME,
        publisher_url=site.absolute("/careers"),
        company=site.name,
        contact_email=site.contact_email,
        job_url=job_url,
    )


@router.get("/feeds/indeed.xml", name="feed_indeed")
def indeed_feed(request: Request, session: DbSession, channel: str = "") -> Response:
    """Every open, listed job in Indeed's XML format."""
    jobs = service.list_public_jobs(session)
    site = _feed_site(request, session, jobs, channel)
    return Response(feeds.indeed_xml(jobs, site, now=utc_now()), media_type=XML_TYPE)


@router.get("/feeds/jobs.json", name="feed_json")
def json_feed(request: Request, session: DbSession, channel: str = "") -> Response:
    """Every open, listed job as a JSON Feed 1.1 with each job's schema.org JobPosting."""
    jobs = service.list_public_jobs(session)
    site = _feed_site(request, session, jobs, channel)
    info = site_info(get_settings(request))
    postings = [
        jsonld.job_posting(
            job,
            url=site.job_url(job),
            organization_name=info.name,
            organization_url=info.url,
            organization_logo=None,
        )
        for job in jobs
    ]
    feed_url = info.absolute("/feeds/jobs.json" + (f"?channel={quote(channel)}" if channel else ""))
    return Response(
        feeds.json_feed(jobs, site, feed_url=feed_url, postings=postings), media_type=JSON_FEED_TYPE
    )
