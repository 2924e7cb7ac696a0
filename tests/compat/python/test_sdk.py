"""The official `azure-ai-contentsafety==1.0.0` Python SDK, unmodified, against a Custos server.

Every one of the ten 2023-10-01 operations is exercised through ContentSafetyClient / BlocklistClient, plus the
2024-09-01 `isRegex` blocklist items and the error paths (401, 400 InvalidResourceName / InvalidRequestBody /
UnsupportedApiVersion, 404 ResourceNotFound). Expected behaviour follows shared/docs/azure-api.md (sections 1, 2, 5, 7).
"""

import re
import urllib.parse

import pytest
from azure.ai.contentsafety import BlocklistClient, ContentSafetyClient
from azure.ai.contentsafety.models import (
    AddOrUpdateTextBlocklistItemsOptions,
    AnalyzeImageOptions,
    AnalyzeTextOptions,
    AnalyzeTextOutputType,
    ImageCategory,
    ImageData,
    RemoveTextBlocklistItemsOptions,
    TextBlocklist,
    TextBlocklistItem,
    TextCategory,
)
from azure.core.credentials import AzureKeyCredential
from azure.core.exceptions import ClientAuthenticationError, HttpResponseError, ResourceNotFoundError

from conftest import make_png

ALL_CATEGORIES = ["Hate", "SelfHarm", "Sexual", "Violence"]
BENIGN = "The weather is lovely today and we are going for a walk in the park."
UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def raw(pipeline_response, deserialized, headers):
    """`cls=` hook: hand back the status code, the parsed model and the raw HTTP response."""
    return pipeline_response.http_response.status_code, deserialized, pipeline_response.http_response


def categories_of(result):
    return [str(c.category) for c in result.categories_analysis]


def severities_of(result):
    return {str(c.category): c.severity for c in result.categories_analysis}


def assert_json_response(http_response):
    assert http_response.headers.get("content-type", "").lower().startswith("application/json"), http_response.headers


def assert_error(exc_info, status, code=None):
    """The ErrorResponse contract of section 1.5: status, {"error":{"code","message"}}, x-ms-error-code."""
    e = exc_info.value
    assert e.status_code == status, f"status {e.status_code}, body {e.response.text()}"
    body = e.response.json()
    assert isinstance(body.get("error"), dict), body
    assert isinstance(body["error"].get("code"), str) and body["error"]["code"], body
    assert isinstance(body["error"].get("message"), str) and body["error"]["message"], body
    assert e.error is not None
    assert e.error.code == body["error"]["code"]
    assert e.response.headers.get("x-ms-error-code") == body["error"]["code"]
    if code is not None:
        assert e.error.code == code, body


def add_items(blocklist_client, name, items):
    """items: list of (text, description). Returns the stored items in request order."""
    result = blocklist_client.add_or_update_blocklist_items(
        name,
        AddOrUpdateTextBlocklistItemsOptions(
            blocklist_items=[TextBlocklistItem(text=t, description=d) for t, d in items]
        ),
    )
    return result.blocklist_items


def create_list(blocklist_client, name, description="compat test list"):
    status, model, _ = blocklist_client.create_or_update_text_blocklist(
        name, TextBlocklist(blocklist_name=name, description=description), cls=raw
    )
    assert status == 201
    return model


# ---------------------------------------------------------------------------------------------------------------
# Op 1: analyze text
# ---------------------------------------------------------------------------------------------------------------


def test_analyze_text_default_benign(client):
    status, result, http = client.analyze_text(AnalyzeTextOptions(text=BENIGN), cls=raw)
    assert status == 200
    assert_json_response(http)
    assert categories_of(result) == ALL_CATEGORIES
    assert severities_of(result) == {c: 0 for c in ALL_CATEGORIES}
    body = http.json()
    assert body.get("blocklistsMatch") == []  # emitted as [] even without blocklists (Microsoft's example)


def test_analyze_text_four_levels_default_scale(client):
    texts = [
        BENIGN,
        "I hate you and I will hurt you badly.",
        "He described the battle, the wounded soldiers and the blood on the ground.",
        "Sometimes I feel sad and do not want to get out of bed.",
    ]
    for text in texts:
        result = client.analyze_text(AnalyzeTextOptions(text=text))
        assert categories_of(result) == ALL_CATEGORIES
        for c in result.categories_analysis:
            assert isinstance(c.severity, int) and c.severity in (0, 2, 4, 6), (text, c)
        explicit = client.analyze_text(
            AnalyzeTextOptions(text=text, output_type=AnalyzeTextOutputType.FOUR_SEVERITY_LEVELS)
        )
        assert severities_of(explicit) == severities_of(result)


def test_analyze_text_eight_levels(client):
    texts = [BENIGN, "I hate you and I will hurt you badly.", "You are an idiot and everyone like you is worthless."]
    for text in texts:
        eight = client.analyze_text(
            AnalyzeTextOptions(text=text, output_type=AnalyzeTextOutputType.EIGHT_SEVERITY_LEVELS)
        )
        assert categories_of(eight) == ALL_CATEGORIES
        for c in eight.categories_analysis:
            assert isinstance(c.severity, int) and 0 <= c.severity <= 7, (text, c)
        # The four-level output is the eight-level one with pairs collapsed (0-1 -> 0, 2-3 -> 2, ...).
        four = client.analyze_text(AnalyzeTextOptions(text=text))
        assert severities_of(four) == {k: v - v % 2 for k, v in severities_of(eight).items()}, text
    benign = client.analyze_text(
        AnalyzeTextOptions(text=BENIGN, output_type=AnalyzeTextOutputType.EIGHT_SEVERITY_LEVELS)
    )
    assert severities_of(benign) == {c: 0 for c in ALL_CATEGORIES}


def test_analyze_text_categories_filter(client):
    one = client.analyze_text(AnalyzeTextOptions(text=BENIGN, categories=[TextCategory.HATE]))
    assert categories_of(one) == ["Hate"]
    # Canonical order Hate, SelfHarm, Sexual, Violence whatever the request order.
    two = client.analyze_text(
        AnalyzeTextOptions(text=BENIGN, categories=[TextCategory.VIOLENCE, TextCategory.HATE])
    )
    assert categories_of(two) == ["Hate", "Violence"]
    three = client.analyze_text(
        AnalyzeTextOptions(
            text=BENIGN,
            categories=[TextCategory.SEXUAL, TextCategory.SELF_HARM, TextCategory.VIOLENCE],
            output_type=AnalyzeTextOutputType.EIGHT_SEVERITY_LEVELS,
        )
    )
    assert categories_of(three) == ["SelfHarm", "Sexual", "Violence"]


def test_analyze_text_plain_dict_options(client):
    # options may also be a plain JSON dict (section 7.1)
    result = client.analyze_text({"text": BENIGN, "categories": ["Sexual"]})
    assert categories_of(result) == ["Sexual"]
    assert result.categories_analysis[0].severity == 0


def test_analyze_text_validation_errors(client):
    with pytest.raises(HttpResponseError) as exc:
        client.analyze_text({"categories": ["Hate"]})  # `text` is required
    assert_error(exc, 400, "InvalidRequestBody")

    with pytest.raises(HttpResponseError) as exc:
        client.analyze_text(AnalyzeTextOptions(text="a" * 10001))  # over 10,000 code points
    assert_error(exc, 400, "InvalidRequestBody")

    # 10,000 code points is fine even when it is more than 10,000 UTF-8 bytes / UTF-16 units
    ok = client.analyze_text(AnalyzeTextOptions(text="\U0001F600" * 10000, categories=[TextCategory.HATE]))
    assert categories_of(ok) == ["Hate"]


# ---------------------------------------------------------------------------------------------------------------
# Op 2: analyze image
# ---------------------------------------------------------------------------------------------------------------


def test_analyze_image_default(client, png_bytes):
    status, result, http = client.analyze_image(AnalyzeImageOptions(image=ImageData(content=png_bytes)), cls=raw)
    assert status == 200
    assert_json_response(http)
    assert categories_of(result) == ALL_CATEGORIES
    for c in result.categories_analysis:
        assert isinstance(c.severity, int) and c.severity in (0, 2, 4, 6), c
    assert severities_of(result)["Sexual"] == 0
    assert "blocklistsMatch" not in http.json()


def test_analyze_image_categories_filter(client, png_bytes):
    one = client.analyze_image(
        AnalyzeImageOptions(image=ImageData(content=png_bytes), categories=[ImageCategory.SEXUAL])
    )
    assert categories_of(one) == ["Sexual"]
    assert one.categories_analysis[0].severity == 0
    two = client.analyze_image(
        AnalyzeImageOptions(
            image=ImageData(content=png_bytes), categories=[ImageCategory.VIOLENCE, ImageCategory.HATE]
        )
    )
    assert categories_of(two) == ["Hate", "Violence"]
    for c in two.categories_analysis:
        assert c.severity in (0, 2, 4, 6)


def test_analyze_image_other_size(client):
    # a non-square image of another size is accepted too
    result = client.analyze_image(AnalyzeImageOptions(image=ImageData(content=make_png(320, 64))))
    assert categories_of(result) == ALL_CATEGORIES
    for c in result.categories_analysis:
        assert c.severity in (0, 2, 4, 6)


def test_analyze_image_rejects_invalid_images(client):
    # below the 50x50 minimum (section 5.4)
    with pytest.raises(HttpResponseError) as exc:
        client.analyze_image(AnalyzeImageOptions(image=ImageData(content=make_png(10, 10))))
    assert_error(exc, 400)
    # bytes that are no image at all
    with pytest.raises(HttpResponseError) as exc:
        client.analyze_image(AnalyzeImageOptions(image=ImageData(content=b"this is not an image")))
    assert_error(exc, 400)
    # no image data at all
    with pytest.raises(HttpResponseError) as exc:
        client.analyze_image({"image": {}})
    assert_error(exc, 400, "InvalidRequestBody")


# ---------------------------------------------------------------------------------------------------------------
# Ops 3-6: blocklist resources
# ---------------------------------------------------------------------------------------------------------------


def test_blocklist_create_update_get_list_delete(blocklist_client, new_blocklist_name):
    name = new_blocklist_name("crud")

    status, created, http = blocklist_client.create_or_update_text_blocklist(
        name, TextBlocklist(blocklist_name=name, description="first description"), cls=raw
    )
    assert status == 201
    assert_json_response(http)
    assert created.blocklist_name == name
    assert created.description == "first description"

    # the same call again updates: 200 (the SDK accepts both, and returns the model)
    status, updated, _ = blocklist_client.create_or_update_text_blocklist(
        name, TextBlocklist(blocklist_name=name, description="second description"), cls=raw
    )
    assert status == 200
    assert updated.blocklist_name == name
    assert updated.description == "second description"

    # without cls= the SDK returns the model directly
    again = blocklist_client.create_or_update_text_blocklist(
        name, TextBlocklist(blocklist_name=name, description="third description")
    )
    assert again.blocklist_name == name and again.description == "third description"

    got = blocklist_client.get_text_blocklist(name)
    assert got.blocklist_name == name
    assert got.description == "third description"

    listed = {b.blocklist_name: b for b in blocklist_client.list_text_blocklists()}
    assert name in listed
    assert listed[name].description == "third description"

    status, body, http = blocklist_client.delete_text_blocklist(name, cls=raw)
    assert status == 204
    assert body is None
    assert http.body() in (b"", None)

    with pytest.raises(ResourceNotFoundError) as exc:
        blocklist_client.get_text_blocklist(name)
    assert exc.value.error.code == "ResourceNotFound"
    assert_error(exc, 404, "ResourceNotFound")
    assert name not in {b.blocklist_name for b in blocklist_client.list_text_blocklists()}


def test_blocklist_create_with_plain_dict_body(blocklist_client, new_blocklist_name):
    # JS-style merge-patch body without blocklistName
    name = new_blocklist_name("dict")
    status, created, _ = blocklist_client.create_or_update_text_blocklist(name, {"description": "d"}, cls=raw)
    assert status == 201
    assert created.blocklist_name == name and created.description == "d"


def test_blocklist_invalid_names(blocklist_client):
    with pytest.raises(HttpResponseError) as exc:
        blocklist_client.get_text_blocklist("bad$name")
    assert_error(exc, 400, "InvalidResourceName")

    with pytest.raises(HttpResponseError) as exc:
        blocklist_client.create_or_update_text_blocklist("x" * 65, {"description": "too long a name"})
    assert_error(exc, 400, "InvalidResourceName")

    with pytest.raises(HttpResponseError) as exc:
        blocklist_client.create_or_update_text_blocklist("has space", {"description": "d"})
    assert_error(exc, 400, "InvalidResourceName")


def test_blocklist_missing_list_is_404(blocklist_client, new_blocklist_name):
    name = new_blocklist_name("missing")  # never created
    with pytest.raises(ResourceNotFoundError) as exc:
        blocklist_client.get_text_blocklist(name)
    assert_error(exc, 404, "ResourceNotFound")
    with pytest.raises(ResourceNotFoundError) as exc:
        list(blocklist_client.list_text_blocklist_items(name))
    assert_error(exc, 404, "ResourceNotFound")
    with pytest.raises(ResourceNotFoundError) as exc:
        add_items(blocklist_client, name, [("zorblax", "d")])
    assert_error(exc, 404, "ResourceNotFound")


# ---------------------------------------------------------------------------------------------------------------
# Ops 7-10 and blocklist matching in op 1
# ---------------------------------------------------------------------------------------------------------------


def test_blocklist_items_and_matching(client, blocklist_client, new_blocklist_name):
    name = new_blocklist_name("items")
    create_list(blocklist_client, name)

    status, result, http = blocklist_client.add_or_update_blocklist_items(
        name,
        AddOrUpdateTextBlocklistItemsOptions(
            blocklist_items=[
                TextBlocklistItem(text="Zorblax", description="made-up word one"),
                TextBlocklistItem(text="quuxwort", description="made-up word two"),
                TextBlocklistItem(text="florp"),
            ]
        ),
        cls=raw,
    )
    assert status == 200
    assert_json_response(http)
    items = result.blocklist_items
    assert [i.text for i in items] == ["Zorblax", "quuxwort", "florp"]
    assert [i.description for i in items[:2]] == ["made-up word one", "made-up word two"]
    for i in items:
        assert isinstance(i.blocklist_item_id, str) and UUID_RE.match(i.blocklist_item_id), i
    assert len({i.blocklist_item_id for i in items}) == 3
    by_text = {i.text: i for i in items}

    # get item (op 10)
    status, got, _ = blocklist_client.get_text_blocklist_item(name, by_text["Zorblax"].blocklist_item_id, cls=raw)
    assert status == 200
    assert got.blocklist_item_id == by_text["Zorblax"].blocklist_item_id
    assert got.text == "Zorblax"
    assert got.description == "made-up word one"

    # list items (op 9), unpaged
    listed = list(blocklist_client.list_text_blocklist_items(name))
    assert sorted(i.blocklist_item_id for i in listed) == sorted(i.blocklist_item_id for i in items)

    # matching: case-insensitive, substring, reported with the stored item text
    hit = client.analyze_text(AnalyzeTextOptions(text="I saw a ZORBLAX in the garden.", blocklist_names=[name]))
    assert [(m.blocklist_name, m.blocklist_item_id, m.blocklist_item_text) for m in hit.blocklists_match] == [
        (name, by_text["Zorblax"].blocklist_item_id, "Zorblax")
    ]
    assert categories_of(hit) == ALL_CATEGORIES  # halt_on_blocklist_hit defaults to false: analysis still runs

    sub = client.analyze_text(AnalyzeTextOptions(text="Totally reFLORPinated by now.", blocklist_names=[name]))
    assert [(m.blocklist_item_id, m.blocklist_item_text) for m in sub.blocklists_match] == [
        (by_text["florp"].blocklist_item_id, "florp")
    ]

    both = client.analyze_text(
        AnalyzeTextOptions(text="zorblax and QuuxWort walk into a bar", blocklist_names=[name])
    )
    assert sorted(m.blocklist_item_text for m in both.blocklists_match) == ["Zorblax", "quuxwort"]
    assert {m.blocklist_name for m in both.blocklists_match} == {name}

    miss = client.analyze_text(AnalyzeTextOptions(text=BENIGN, blocklist_names=[name]))
    assert miss.blocklists_match == []
    assert severities_of(miss) == {c: 0 for c in ALL_CATEGORIES}

    # a list that is not named in the request is not used
    unnamed = client.analyze_text(AnalyzeTextOptions(text="I saw a zorblax"))
    assert unnamed.blocklists_match == []

    # haltOnBlocklistHit=true and a hit: no harm analysis (categoriesAnalysis is required, so it is [])
    halted = client.analyze_text(
        AnalyzeTextOptions(text="a zorblax here", blocklist_names=[name], halt_on_blocklist_hit=True)
    )
    assert [m.blocklist_item_text for m in halted.blocklists_match] == ["Zorblax"]
    assert halted.categories_analysis == []
    # ... and without a hit the analysis runs as usual
    not_halted = client.analyze_text(
        AnalyzeTextOptions(text=BENIGN, blocklist_names=[name], halt_on_blocklist_hit=True)
    )
    assert not_halted.blocklists_match == []
    assert severities_of(not_halted) == {c: 0 for c in ALL_CATEGORIES}

    # remove items (op 8): 204, then they no longer match
    status, body, http = blocklist_client.remove_blocklist_items(
        name,
        RemoveTextBlocklistItemsOptions(
            blocklist_item_ids=[by_text["Zorblax"].blocklist_item_id, by_text["florp"].blocklist_item_id]
        ),
        cls=raw,
    )
    assert status == 204
    assert body is None
    after = client.analyze_text(
        AnalyzeTextOptions(text="zorblax, quuxwort and florp", blocklist_names=[name])
    )
    assert [(m.blocklist_item_id, m.blocklist_item_text) for m in after.blocklists_match] == [
        (by_text["quuxwort"].blocklist_item_id, "quuxwort")
    ]
    assert [i.text for i in blocklist_client.list_text_blocklist_items(name)] == ["quuxwort"]
    with pytest.raises(ResourceNotFoundError) as exc:
        blocklist_client.get_text_blocklist_item(name, by_text["Zorblax"].blocklist_item_id)
    assert_error(exc, 404, "ResourceNotFound")

    # delete the list: its items go with it
    blocklist_client.delete_text_blocklist(name)
    with pytest.raises(ResourceNotFoundError) as exc:
        blocklist_client.get_text_blocklist(name)
    assert exc.value.error.code == "ResourceNotFound"
    with pytest.raises(ResourceNotFoundError) as exc:
        blocklist_client.get_text_blocklist_item(name, by_text["quuxwort"].blocklist_item_id)
    assert exc.value.error.code == "ResourceNotFound"


def test_blocklist_matches_across_several_lists(client, blocklist_client, new_blocklist_name):
    first, second = new_blocklist_name("multi"), new_blocklist_name("multi")
    create_list(blocklist_client, first)
    create_list(blocklist_client, second)
    a = add_items(blocklist_client, first, [("snarfle", "a")])[0]
    b = add_items(blocklist_client, second, [("wibbleton", "b")])[0]
    result = client.analyze_text(
        AnalyzeTextOptions(text="Snarfle met Wibbleton.", blocklist_names=[first, second])
    )
    got = sorted((m.blocklist_name, m.blocklist_item_id, m.blocklist_item_text) for m in result.blocklists_match)
    assert got == sorted([(first, a.blocklist_item_id, "snarfle"), (second, b.blocklist_item_id, "wibbleton")])


def test_blocklist_item_validation(blocklist_client, new_blocklist_name):
    name = new_blocklist_name("validate")
    create_list(blocklist_client, name)
    with pytest.raises(HttpResponseError) as exc:
        add_items(blocklist_client, name, [("x" * 129, "too long")])  # item text is limited to 128 code points
    assert_error(exc, 400, "InvalidRequestBody")
    with pytest.raises(HttpResponseError) as exc:
        add_items(blocklist_client, name, [(f"word{i}", None) for i in range(101)])  # at most 100 per request
    assert_error(exc, 400, "InvalidRequestBody")
    with pytest.raises(ResourceNotFoundError) as exc:
        blocklist_client.get_text_blocklist_item(name, "00000000-0000-4000-8000-000000000000")
    assert_error(exc, 404, "ResourceNotFound")


def test_blocklist_items_paging(blocklist_client, new_blocklist_name, endpoint):
    name = new_blocklist_name("paging")
    create_list(blocklist_client, name)
    texts = ["alphaword", "betaword", "gammaword", "deltaword", "epsilonword"]
    add_items(blocklist_client, name, [(t, f"item {t}") for t in texts])

    unpaged = [i.blocklist_item_id for i in blocklist_client.list_text_blocklist_items(name)]
    assert len(unpaged) == 5
    again = [i.blocklist_item_id for i in blocklist_client.list_text_blocklist_items(name)]
    assert again == unpaged  # stable order

    # top=10&skip=0&maxpagesize=1: five pages of one item, same order, following absolute nextLinks
    seen = []

    def hook(pipeline_response):
        http = pipeline_response.http_response
        seen.append((http.request.url, http.status_code, http.json()))

    pager = blocklist_client.list_text_blocklist_items(name, top=10, skip=0, maxpagesize=1, raw_response_hook=hook)
    pages = [[i.blocklist_item_id for i in page] for page in pager.by_page()]
    assert pages == [[x] for x in unpaged]
    assert [s[1] for s in seen] == [200] * 5
    first_body = seen[0][2]
    next_link = first_body["nextLink"]
    assert next_link.startswith(endpoint + "/contentsafety/text/blocklists/"), next_link
    query = urllib.parse.parse_qs(urllib.parse.urlparse(next_link).query)
    assert query.get("skip") == ["1"], next_link
    assert query.get("maxpagesize") == ["1"], next_link
    for url, _, body in seen[:-1]:
        assert "nextLink" in body, (url, body)
    assert "nextLink" not in seen[-1][2], seen[-1]  # omitted, not null, on the last page
    # the SDK re-sends the client's api-version on follow-up requests
    for url, _, _ in seen:
        assert "api-version=2023-10-01" in url

    # skip=1&maxpagesize=1: the first page is the 2nd item
    page = next(iter(blocklist_client.list_text_blocklist_items(name, top=10, skip=1, maxpagesize=1).by_page()))
    assert [i.blocklist_item_id for i in page] == [unpaged[1]]

    # top / skip without paging
    assert [i.blocklist_item_id for i in blocklist_client.list_text_blocklist_items(name, top=2)] == unpaged[:2]
    assert [i.blocklist_item_id for i in blocklist_client.list_text_blocklist_items(name, skip=2)] == unpaged[2:]
    assert list(blocklist_client.list_text_blocklist_items(name, skip=5)) == []

    # top is honoured across pages: top=2&skip=1&maxpagesize=1 -> items 2 and 3 only
    seen.clear()
    walked = [
        i.blocklist_item_id
        for i in blocklist_client.list_text_blocklist_items(
            name, top=2, skip=1, maxpagesize=1, raw_response_hook=hook
        )
    ]
    assert walked == unpaged[1:3]
    assert len(seen) == 2

    # a page size covering everything: one page, no nextLink
    seen.clear()
    pages = [
        [i.blocklist_item_id for i in p]
        for p in blocklist_client.list_text_blocklist_items(
            name, top=10, skip=0, maxpagesize=5, raw_response_hook=hook
        ).by_page()
    ]
    assert pages == [unpaged]
    assert len(seen) == 1 and "nextLink" not in seen[0][2]


def test_blocklist_item_update_keeps_one_item_per_text(blocklist_client, new_blocklist_name):
    name = new_blocklist_name("upsert")
    create_list(blocklist_client, name)
    first = add_items(blocklist_client, name, [("grommitz", "old description")])[0]
    second = add_items(blocklist_client, name, [("grommitz", "new description")])[0]
    assert second.text == "grommitz" and second.description == "new description"
    listed = list(blocklist_client.list_text_blocklist_items(name))
    assert len(listed) == 1, listed
    assert listed[0].blocklist_item_id == second.blocklist_item_id
    assert listed[0].description == "new description"
    assert first.blocklist_item_id == second.blocklist_item_id


# ---------------------------------------------------------------------------------------------------------------
# Authentication and api-version
# ---------------------------------------------------------------------------------------------------------------


def test_wrong_key_is_401(endpoint, key):
    bad = ContentSafetyClient(endpoint, AzureKeyCredential(key + "-wrong"), retry_total=0)
    with pytest.raises(ClientAuthenticationError) as exc:
        bad.analyze_text(AnalyzeTextOptions(text=BENIGN))
    assert_error(exc, 401)

    bad_lists = BlocklistClient(endpoint, AzureKeyCredential("not-a-key"), retry_total=0)
    with pytest.raises(ClientAuthenticationError) as exc:
        list(bad_lists.list_text_blocklists())
    assert_error(exc, 401)


def test_unsupported_api_version(endpoint, key):
    old = ContentSafetyClient(endpoint, AzureKeyCredential(key), retry_total=0, api_version="2019-01-01")
    with pytest.raises(HttpResponseError) as exc:
        old.analyze_text(AnalyzeTextOptions(text=BENIGN))
    assert_error(exc, 400, "UnsupportedApiVersion")


# ---------------------------------------------------------------------------------------------------------------
# api-version 2024-09-01: same operations, plus isRegex items
# ---------------------------------------------------------------------------------------------------------------


def test_api_version_2024_09_01_analyze(client_2024, png_bytes):
    text = client_2024.analyze_text(AnalyzeTextOptions(text=BENIGN))
    assert severities_of(text) == {c: 0 for c in ALL_CATEGORIES}
    image = client_2024.analyze_image(AnalyzeImageOptions(image=ImageData(content=png_bytes)))
    assert categories_of(image) == ALL_CATEGORIES
    assert severities_of(image)["Sexual"] == 0


def test_api_version_2024_09_01_regex_items(client_2024, blocklist_client_2024, blocklist_client, new_blocklist_name):
    name = new_blocklist_name("regex")
    status, _, _ = blocklist_client_2024.create_or_update_text_blocklist(name, {"description": "regex"}, cls=raw)
    assert status == 201

    pattern = r"b[i1][a@][s\$]"
    # TextBlocklistItem 1.0.0 has no is_regex field: send a plain JSON body
    status, result, http = blocklist_client_2024.add_or_update_blocklist_items(
        name,
        {
            "blocklistItems": [
                {"text": pattern, "description": "a regular expression", "isRegex": True},
                {"text": "plainword", "description": "a literal"},
            ]
        },
        cls=raw,
    )
    assert status == 200
    body_items = http.json()["blocklistItems"]
    assert [i["text"] for i in body_items] == [pattern, "plainword"]
    assert body_items[0]["isRegex"] is True
    assert body_items[1].get("isRegex", False) is False
    regex_id = body_items[0]["blocklistItemId"]
    plain_id = body_items[1]["blocklistItemId"]

    got = blocklist_client_2024.get_text_blocklist_item(name, regex_id)
    assert got["isRegex"] is True and got.text == pattern
    listed = {i.blocklist_item_id: i for i in blocklist_client_2024.list_text_blocklist_items(name)}
    assert listed[regex_id]["isRegex"] is True
    assert listed[plain_id].get("isRegex", False) is False
    # 2023-10-01 has no isRegex in its schema: it is not emitted there (section 3.3)
    status, _, http_2023 = blocklist_client.get_text_blocklist_item(name, regex_id, cls=raw)
    assert status == 200
    assert "isRegex" not in http_2023.json(), http_2023.json()

    # regex items match case-insensitively and report the pattern as blocklistItemText
    for text in ("That was B1@S, honestly.", "pure bias", "BIA$ again"):
        hit = client_2024.analyze_text(AnalyzeTextOptions(text=text, blocklist_names=[name]))
        assert [(m.blocklist_name, m.blocklist_item_id, m.blocklist_item_text) for m in hit.blocklists_match] == [
            (name, regex_id, pattern)
        ], text
    miss = client_2024.analyze_text(AnalyzeTextOptions(text="no match: b-i-a-s, bxas", blocklist_names=[name]))
    assert miss.blocklists_match == []
    both = client_2024.analyze_text(AnalyzeTextOptions(text="PlainWord and bias", blocklist_names=[name]))
    assert sorted(m.blocklist_item_id for m in both.blocklists_match) == sorted([regex_id, plain_id])

    # an invalid regular expression is an invalid request body
    with pytest.raises(HttpResponseError) as exc:
        blocklist_client_2024.add_or_update_blocklist_items(
            name, {"blocklistItems": [{"text": "unclosed(group", "isRegex": True}]}
        )
    assert_error(exc, 400, "InvalidRequestBody")

    blocklist_client_2024.remove_blocklist_items(name, RemoveTextBlocklistItemsOptions(blocklist_item_ids=[regex_id]))
    gone = client_2024.analyze_text(AnalyzeTextOptions(text="pure bias", blocklist_names=[name]))
    assert gone.blocklists_match == []
