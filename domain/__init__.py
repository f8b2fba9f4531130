"""The probation case domain: the case model, the National Standards rules, the working-day
calendar and the use cases. Pure Python: nothing here imports GraphQL, HTTP or MongoDB, and no
rule reads the clock (``today``/``as_of`` always comes in as an argument)."""
