"""National-standards rules and input-shape checks: pure functions returning violations."""
