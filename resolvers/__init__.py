"""Thin resolvers: read the typed context, build a command, await a use case, map the result."""
