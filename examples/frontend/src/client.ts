// A minimal typed GraphQL client over fetch: the document's own types give the result and the
// variables, so `execute(AllocateCase, {...})` is checked against schema.graphql at compile time.
// (With Apollo Client or urql the same generated documents work unchanged.)
import type { TypedDocumentString } from "./gql/graphql.js";

export class GraphQLRequestError extends Error {
  constructor(readonly errors: ReadonlyArray<{ message: string; extensions?: { code?: string } }>) {
    super(errors.map((e) => `${e.extensions?.code ?? "ERROR"}: ${e.message}`).join("; "));
  }
}

export interface Endpoint {
  url: string;      // e.g. http://127.0.0.1:8000/graphql
  token: string;    // the bearer token from your identity provider
}

export async function execute<TResult, TVariables>(
  endpoint: Endpoint,
  document: TypedDocumentString<TResult, TVariables>,
  ...[variables]: TVariables extends Record<string, never> ? [] : [TVariables]
): Promise<TResult> {
  const response = await fetch(endpoint.url, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Accept: "application/graphql-response+json",
      Authorization: `Bearer ${endpoint.token}`,
    },
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  const body = (await response.json()) as { data?: TResult | null; errors?: GraphQLRequestError["errors"] };
  // Top-level errors are for requests that are wrong or not allowed (codes such as FORBIDDEN,
  // BAD_USER_INPUT, GRAPHQL_VALIDATION_FAILED); expected refusals of a mutation come as userErrors.
  if (body.errors?.length) throw new GraphQLRequestError(body.errors);
  if (!response.ok || body.data == null) throw new Error(`HTTP ${response.status}: no data`);
  return body.data;
}
