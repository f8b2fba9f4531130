"""GraphQL types of domain events (docs/events.md): the feed, the subscription and webhooks."""
