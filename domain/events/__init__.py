"""Domain events (issue 12): what a change to a case announces, who may hear it, and how a webhook
delivery is signed. Pure: the outbox that carries them and the relay that moves them live in
``repositories.outbox``; docs/events.md explains the whole."""
