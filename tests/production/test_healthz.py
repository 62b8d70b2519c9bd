"""`/healthz` tells a load balancer whether this node reaches its database and cache."""

from unittest import mock

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


def test_a_healthy_node_answers_200_with_json(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok", "status": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_the_probe_needs_no_language_prefix_nor_a_known_host(client):
    response = client.get("/healthz", HTTP_HOST="10.0.0.7:8000")
    assert response.status_code == 200
    assert client.get("/healthz/").status_code == 200


def test_a_cache_outage_answers_503(client):
    with mock.patch("gsn_site.health.cache.set", side_effect=ConnectionError("redis://secret@host")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"database": "ok", "cache": "error", "status": "error"}
    assert b"secret" not in response.content


def test_a_database_outage_answers_503(client):
    with mock.patch.object(connection, "cursor", side_effect=RuntimeError("database is gone")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "error"
