"""The benchmark script is not run by the suite (it takes minutes), but what it sends must stay
acceptable to the service it measures: the full-case document validates against the schema and its
cost fits the limit the benchmark configures, so a new limit or field cannot silently break it (as
the cost limit once did)."""

import importlib.util
from pathlib import Path

from graphql import parse, validate

from benchmarks.support import full_case_query
from resolvers.cost import operation_cost
from resolvers.root import schema

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "benchmark.py"


def benchmark_module():
    spec = importlib.util.spec_from_file_location("benchmark_script", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_benchmark_documents_validate_and_fit_the_limits_it_configures():
    module = benchmark_module()
    limit = module.UNLIMITED["query_cost_limit"]
    documents = [full_case_query(), module.CASES_PAGE, module.OFFICER_PAGE, module.NEXT_DUE_PAGE]
    for text in documents:
        document = parse(text)
        assert validate(schema._schema, document) == [], text[:80]
        cost = operation_cost(schema._schema, document, None, {"crn": "D000001"})
        assert 0 < cost <= limit, (text[:80], cost)
