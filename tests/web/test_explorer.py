"""Explorer pages and their JSON twins, CSV download, OpenAPI, the one error shape."""

from __future__ import annotations

import csv
import io

import pytest

HTML_ROUTES = [
    "/",
    "/?country=KG&kind=meeting",
    "/events/2001-06-15-meeting-cn-kz-1",
    "/countries/KG",
    "/topics/terrorism",
    "/audit",
    "/login",
    "/logout",
    "/review/agreement",
]
JSON_ROUTES = [
    "/events.json",
    "/events/2001-06-15-meeting-cn-kz-1.json",
    "/countries/KG.json",
    "/topics/terrorism.json",
    "/audit.json",
    "/review/agreement.json",
    "/openapi.json",
]


@pytest.mark.parametrize("url", HTML_ROUTES)
def test_html_pages_render(client, url):
    r = client.get(url)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    assert "<html" in r.text


@pytest.mark.parametrize("url", JSON_ROUTES)
def test_json_twins(client, url):
    r = client.get(url)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    if url != "/openapi.json":
        assert body["ok"] is True


def test_list_filters_by_country_and_kind(client):
    body = client.get("/events.json?country=KG&kind=meeting&status=curated,machine").json()
    ids = {e["id"] for e in body["events"]}
    assert ids == {"2019-05-meeting-cn-kg-1", "2023-07-09-meeting-cn-kg-2"}
    assert body["total"] == 2
    assert body["facets"]["kind"] == {"meeting": 2}
    assert body["facets"]["country"]["KG"] == 2


def test_values_within_a_facet_are_alternatives(client):
    one = client.get("/events.json?country=UZ&status=curated,machine").json()["total"]
    both = client.get("/events.json?country=UZ&country=KZ&status=curated,machine").json()["total"]
    comma = client.get("/events.json?country=UZ,KZ&status=curated,machine").json()["total"]
    assert one == 1 and both == comma == 3


def test_facets_count_every_dimension(client):
    facets = client.get("/events.json?status=curated,machine").json()["facets"]
    assert set(facets) == {
        "kind",
        "country",
        "topic",
        "domain",
        "year",
        "level",
        "framework",
        "review_status",
    }
    assert facets["review_status"] == {"curated": 5, "machine": 3}
    assert facets["country"]["CN"] == 8
    assert facets["year"]["2016"] == 1


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("Astana", "2001-06-15-meeting-cn-kz-1"),
        ("astana", "2001-06-15-meeting-cn-kz-1"),
        ("反恐演习", "2016-08-10-bilateral_exercise-cn-kg-1"),  # Chinese, no spaces
        ("三股势力", "2016-08-10-bilateral_exercise-cn-kg-1"),  # in the summary
        ("сепаратизм", "2019-05-meeting-cn-kg-1"),  # Russian, in the summary
        ("министров обороны", "2019-05-meeting-cn-kg-1"),
        ("反恐", "2016-08-10-bilateral_exercise-cn-kg-1"),  # two characters: LIKE fallback
    ],
)
def test_full_text_search_in_native_scripts(client, q, expected):
    body = client.get("/events.json", params={"q": q}).json()
    assert [e["id"] for e in body["events"]] == [expected]


def test_search_combines_with_facets(client):
    assert (
        client.get(
            "/events.json", params={"q": "Machine", "country": "UZ", "status": "machine"}
        ).json()["total"]
        == 1
    )
    assert (
        client.get(
            "/events.json", params={"q": "Machine", "country": "TJ", "status": "machine"}
        ).json()["total"]
        == 0
    )


def test_search_with_fts_syntax_is_literal(client):
    for q in ['"', 'a" OR "b', "NEAR(x y)", "*", "title:foo", "-astana", "' OR 1=1 --"]:
        r = client.get("/events.json", params={"q": q})
        assert r.status_code == 200, (q, r.text)


def test_sort_and_paging(client):
    first = client.get("/events.json?sort=date&per_page=3&status=curated,machine").json()
    assert [e["date_start"] for e in first["events"]] == ["2001-06-15", "2010-09-09", "2016-08-10"]
    assert first["next"] and "page=2" in first["next"]
    second = client.get(first["next"]).json()
    assert second["events"][0]["date_start"] == "2019-05"
    last = client.get("/events.json?sort=date&per_page=3&page=3&status=curated,machine").json()
    assert len(last["events"]) == 2 and last["next"] is None
    newest = client.get("/events.json?per_page=1&status=curated,machine").json()["events"][0]
    assert newest["id"] == "2024-01-11-equipment_transfer-cn-tj-1"


def test_html_list_has_facet_links_and_downloads(client):
    html = client.get("/?country=KG").text
    assert 'href="/?country=KG&amp;kind=meeting"' in html
    assert "/events.csv?country=KG" in html and "/events.json?country=KG" in html


def test_csv_download_of_filtered_list(client):
    r = client.get("/events.csv?country=TJ&sort=date&status=curated,machine")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [row["id"] for row in rows] == [
        "2010-09-09-multilateral_exercise-cn-kz-kg-tj-1",
        "2021-03-01-meeting-cn-tj-1",
        "2024-01-11-equipment_transfer-cn-tj-1",
    ]
    assert rows[1]["source_urls"].startswith("https://khovar.tj/")
    assert rows[2]["title"].startswith("'=HYPERLINK")  # spreadsheet formula neutralised


def test_event_json_has_sources_and_side_by_side_readouts(client):
    body = client.get("/events/2001-06-15-meeting-cn-kz-1.json").json()
    assert body["event"]["title"] == "Xi meets Tokayev in Astana"
    assert [r["side"] for r in body["readouts"]] == ["CN", "KZ"]
    html = client.get("/events/2001-06-15-meeting-cn-kz-1").text
    assert "Both sides' readouts" in html and "Акорда" in html and "外交部" in html


def test_country_and_topic_profiles(client):
    kg = client.get(
        "/countries/KG.json"
    ).json()  # curated only: the machine KG meeting is not counted
    assert kg["total"] == 3 and kg["facets"]["kind"]["meeting"] == 1
    assert kg["concerns_by_decade"]["2010s"]["terrorism"] == 2
    topic = client.get("/topics/border_security.json").json()
    assert (
        topic["total"] == 1 and topic["facets"]["country"]["TJ"] == 1
    )  # two machine events left out
    assert topic["names"]["zh"] and topic["names"]["ru"]
    assert client.get("/countries/kg.json").json()["country"] == "KG"


def test_country_page_leading_concerns_per_period_from_curated_data(client):
    kg = client.get("/countries/KG.json").json()["concerns_by_period"]
    # the curated 2019 meeting only: the machine-coded 2023 meeting is left out
    assert kg["periods"] == [{
        "period": "2015-2020", "n_meetings": 1, "thin": True,
        "leading": [{"topic": "extremism", "count": 1, "share": 1.0, "percent": 100}],
    }]  # fmt: skip
    assert kg["change"] is None and kg["min_meetings"] == 5
    page = client.get("/countries/KG").text
    assert "Leading concerns per period (curated data)" in page
    assert '<td>2015-2020</td><td class="num">1*</td>' in page
    assert '<a href="/topics/extremism">' in page and "1 (100%)" in page
    kz = client.get("/countries/KZ.json").json()["concerns_by_period"]
    assert [p["period"] for p in kz["periods"]] == ["2001-2008"]
    assert [c["topic"] for c in kz["periods"][0]["leading"]] == ["separatism", "terrorism"]


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/events/1999-01-01-meeting-cn-kz-9.json", 404),
        ("/countries/ZZ.json", 404),
        ("/topics/not_a_topic.json", 404),
        ("/events.json?country=ZZ", 400),
        ("/events.json?kind=battle", 400),
        ("/events.json?page=0", 400),
        ("/events.json?page=99999999999999999999", 400),
        ("/events.json?per_page=100000", 400),
        ("/events.json?since=2020&until=2010", 400),
        ("/events.json?sort=drop", 400),
        ("/events.json?contry=KG", 400),
        ("/events.json?q=%FF%FE", 400),
        ("/events.json?q=a%00b", 400),
        ("/nothing-here.json", 404),
        ("/events.csv?topic=nope", 400),
    ],
)
def test_one_json_error_shape(client, url, status):
    r = client.get(url)
    assert r.status_code == status
    body = r.json()
    assert body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
    assert isinstance(body["errors"], list) and body["errors"]


def test_html_errors_are_pages(client):
    r = client.get("/?country=ZZ")
    assert r.status_code == 400 and "<html" in r.text and "ZZ" in r.text
    assert client.get("/no/such/page").status_code == 404


def test_all_errors_are_listed_together(client):
    body = client.get("/events.json?country=ZZ&kind=battle&page=x").json()
    assert {e["param"] for e in body["errors"]} == {"country", "kind", "page"}


def test_openapi_describes_every_json_route(client):
    from starlette.routing import Route

    spec = client.get("/openapi.json").json()
    assert spec["openapi"].startswith("3.1")
    json_paths = {
        r.path
        for r in client.app.routes
        if isinstance(r, Route) and r.path.endswith((".json", ".csv"))
    }
    assert json_paths <= set(spec["paths"]), json_paths - set(spec["paths"])


def test_openapi_list_response_schema_matches(client):
    import jsonschema

    spec = client.get("/openapi.json").json()
    schemas = spec["components"]["schemas"]
    resolver_doc = {"components": spec["components"]}
    body = client.get("/events.json?country=KG").json()
    schema = {**schemas["EventList"], "components": resolver_doc["components"]}
    jsonschema.validate(body, schema)
    error = client.get("/events.json?country=ZZ").json()
    jsonschema.validate(error, {**schemas["Error"], "components": resolver_doc["components"]})
