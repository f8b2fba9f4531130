"""The ASGI application: settings, lifespan (one database client), authentication, context and
routes (/graphql, /health). The composition root: the only package that wires storage to the
use cases."""
