"""Strawberry types, inputs, payloads, enums and the typed context: the GraphQL face of the
domain. Maps domain objects to GraphQL types; holds no rule and touches no database."""
