"""Scalars with one written form each way (docs/api.md, Scalars).

``Decimal`` is exact and travels as a string both ways: results carry the plain decimal text
("45.50", never "4.55E+1"), and inputs take the same text. A JSON or GraphQL number is still
accepted while clients move over (deprecated, see docs/schema-changelog.md) and is read by its
decimal text, never through binary floating point; NaN, infinities and exponent forms are
refused as not a decimal."""

from __future__ import annotations

import decimal
import re

from strawberry.exceptions import StrawberryInputCoercionError
from strawberry.types.scalar import ScalarDefinition

PLAIN = re.compile(r"-?\d+(\.\d+)?")
DESCRIPTION = ("An exact decimal number written as a string, the same both ways: results are plain decimal text "
               "(\"45.50\", \"999.99\") and inputs take it too (\"45.5\"). A number literal or JSON number is still "
               "accepted (deprecated until 2027-03-02; send a string) and read by its decimal text. No exponents, "
               "NaN or infinities.")


def serialize(value: decimal.Decimal) -> str:
    return format(decimal.Decimal(value), "f")


def parse(value: object) -> decimal.Decimal:
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise StrawberryInputCoercionError(f"Value cannot represent a Decimal: {value!r}. Send a string such as \"45.50\".")
    text = value if isinstance(value, str) else repr(value)  # repr: the shortest text that reads back as the number
    if not PLAIN.fullmatch(text.strip()):
        raise StrawberryInputCoercionError(f"Value cannot represent a Decimal: {text!r}. Send plain decimal text such "
                                           "as \"45.50\" (no exponent, NaN or infinity).")
    return decimal.Decimal(text.strip())


Decimal = ScalarDefinition(name="Decimal", description=DESCRIPTION, specified_by_url=None, serialize=serialize,
                           parse_value=parse, parse_literal=None, origin=decimal.Decimal)
SCALAR_OVERRIDES = {decimal.Decimal: Decimal}
