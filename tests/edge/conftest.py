"""Edge tests run Varnish (Debian's `varnish` and `varnish-modules`, installed by .ci/run)."""

import pytest

from bench.edge_stack import varnishd


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/edge/" in str(item.fspath):
            item.add_marker(pytest.mark.edge)
            item.add_marker(pytest.mark.slow)
            if varnishd() is None:
                item.add_marker(
                    pytest.mark.skip(
                        reason="varnishd is not installed (apt-get install varnish varnish-modules)"
                    )
                )
