// Starts GraphiQL on the page the service serves at /graphql. Everything it loads comes from this
// service (see the page's Content-Security-Policy). The bearer token pasted into the Headers pane
// lives in this tab's memory only: GraphiQL is given a storage that keeps nothing beyond the tab
// (no localStorage, sessionStorage or cookies) and told not to persist headers.
(function () {
  "use strict";

  var DEFAULT_QUERY = [
    "# Every request needs a bearer token. Paste",
    "#   {\"Authorization\": \"Bearer <token>\"}",
    "# into the Headers pane below. scripts/run.sh",
    "# prints two tokens; `.venv/bin/python -m api",
    "# token --role SENIOR_MANAGER` mints others.",
    "# Run the query (the pink button, Ctrl-Enter);",
    "# the circular arrow at the bottom left loads",
    "# the schema for completion and docs. The token",
    "# is kept in this tab's memory only.",
    "query Caseload {",
    "  cases(first: 10) {",
    "    edges {",
    "      node {",
    "        crn",
    "        offender { forename surname }",
    "        allocation { provider officer { name } }",
    "        rosh { level }",
    "        standards { standard state dueBy }",
    "      }",
    "    }",
    "    pageInfo { hasNextPage endCursor }",
    "  }",
    "}",
    ""
  ].join("\n");

  // A Storage that forgets everything when the tab closes, and never holds headers at all.
  var memory = new Map();
  var tabMemory = {
    getItem: function (key) { return memory.has(key) ? memory.get(key) : null; },
    setItem: function (key, value) { if (!/headers/i.test(key)) { memory.set(key, String(value)); } },
    removeItem: function (key) { memory.delete(key); },
    clear: function () { memory.clear(); },
    key: function (index) { var keys = Array.from(memory.keys()); return index < keys.length ? keys[index] : null; },
    get length() { return memory.size; }
  };

  var fetcher = GraphiQL.createFetcher({ url: window.location.pathname });
  var root = ReactDOM.createRoot(document.getElementById("graphiql"));
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultQuery: DEFAULT_QUERY,
    defaultHeaders: "",
    shouldPersistHeaders: false,
    storage: tabMemory,
    defaultEditorToolsVisibility: "headers"
  }));
})();
