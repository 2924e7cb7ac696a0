"""Fixtures for the Python SDK compatibility tests.

The server under test is given by CONTENT_SAFETY_ENDPOINT / CONTENT_SAFETY_KEY (scripts/compat.sh starts a
Custos server and sets both). Without them every test here is skipped.
"""

import os
import struct
import uuid
import zlib

import pytest
from azure.ai.contentsafety import BlocklistClient, ContentSafetyClient
from azure.core.credentials import AzureKeyCredential
from azure.core.exceptions import HttpResponseError

ENDPOINT = os.environ.get("CONTENT_SAFETY_ENDPOINT", "").rstrip("/")
KEY = os.environ.get("CONTENT_SAFETY_KEY", "")

# One id per pytest run: every blocklist created here carries it, so reruns and the JS suite never collide.
RUN_ID = uuid.uuid4().hex[:10]


def pytest_collection_modifyitems(config, items):
    if ENDPOINT and KEY:
        return
    skip = pytest.mark.skip(reason="CONTENT_SAFETY_ENDPOINT / CONTENT_SAFETY_KEY not set (run scripts/compat.sh)")
    for item in items:
        item.add_marker(skip)


def make_png(width: int = 100, height: int = 100) -> bytes:
    """A plain RGB gradient PNG built with the standard library only."""
    rows = []
    for y in range(height):
        row = bytearray(b"\x00")  # filter type 0 (None)
        for x in range(width):
            row += bytes((x * 255 // max(width - 1, 1), y * 255 // max(height - 1, 1), 128))
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
        + chunk(b"IEND", b"")
    )


@pytest.fixture(scope="session")
def endpoint() -> str:
    return ENDPOINT


@pytest.fixture(scope="session")
def key() -> str:
    return KEY


@pytest.fixture(scope="session")
def client() -> ContentSafetyClient:
    return ContentSafetyClient(ENDPOINT, AzureKeyCredential(KEY), retry_total=0)


@pytest.fixture(scope="session")
def blocklist_client() -> BlocklistClient:
    return BlocklistClient(ENDPOINT, AzureKeyCredential(KEY), retry_total=0)


@pytest.fixture(scope="session")
def client_2024() -> ContentSafetyClient:
    return ContentSafetyClient(ENDPOINT, AzureKeyCredential(KEY), retry_total=0, api_version="2024-09-01")


@pytest.fixture(scope="session")
def blocklist_client_2024() -> BlocklistClient:
    return BlocklistClient(ENDPOINT, AzureKeyCredential(KEY), retry_total=0, api_version="2024-09-01")


@pytest.fixture(scope="session")
def png_bytes() -> bytes:
    return make_png()


@pytest.fixture
def new_blocklist_name(blocklist_client):
    """Factory for unique blocklist names; whatever is still there at teardown is deleted."""
    created = []

    def _new(tag: str = "list") -> str:
        name = f"custos-py-{RUN_ID}-{tag}-{len(created)}"
        created.append(name)
        return name

    yield _new
    for name in created:
        try:
            blocklist_client.delete_text_blocklist(name)
        except HttpResponseError:
            pass
