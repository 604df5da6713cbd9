"""The API against its OpenAPI description, as an installation administrator (see fuzzing.py)."""
import pytest

import fuzzing


@pytest.fixture(scope="module")
def server(agora_binary):
    yield from fuzzing.fuzzed_server(agora_binary)


def test_the_api_keeps_to_its_description_admin(server, tmp_path):
    fuzzing.fuzz(server, "admin", tmp_path)
