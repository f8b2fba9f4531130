// An allocation screen: one query to fill it, one mutation to submit it.
import { type Endpoint, execute } from "./client.js";
import { type FormErrors, toFormErrors } from "./form.js";
import { graphql } from "./gql/index.js";
import type { AllocationScreenQuery, Provider } from "./gql/graphql.js";

// The query: who I am, the case, and the officers of a provider for the picker (the staff
// directory is the source of officer names: the form sends only the code).
export const AllocationScreen = graphql(`
  query AllocationScreen($crn: String!, $provider: Provider) {
    viewer { name staffCode roles }
    case(crn: $crn) {
      id crn version
      offender { forename surname }
      allocation { provider officer { code name } allocatedOn }
    }
    officers(first: 50, provider: $provider) {
      edges { node { code name provider } }
    }
  }
`);

// The mutation: every refusal is a userError with a path into the input.
export const AllocateCase = graphql(`
  mutation AllocateCase($input: AllocateCaseInput!) {
    allocateCase(input: $input) {
      case { id crn version allocation { provider officer { code name } allocatedOn } }
      userErrors { field code message standard }
    }
  }
`);

// The controls of the allocation form, named by their path in AllocateCaseInput.
export const ALLOCATION_FIELDS = ["provider", "officer.code", "allocatedOn", "rationale", "expectedVersion"] as const;
export type AllocationField = (typeof ALLOCATION_FIELDS)[number];

export interface AllocationForm {
  provider: Provider;
  officerCode: string;
  allocatedOn: string; // YYYY-MM-DD
  rationale: string; // required (REC-2: every allocation records why; the schema says String!)
}

export async function loadScreen(endpoint: Endpoint, crn: string, provider: Provider): Promise<AllocationScreenQuery> {
  return execute(endpoint, AllocationScreen, { crn, provider });
}

export type Submitted =
  | { ok: true; officer: { code: string; name: string }; version: number }
  | { ok: false; errors: FormErrors<AllocationField> };

export async function submit(endpoint: Endpoint, crn: string, version: number, form: AllocationForm): Promise<Submitted> {
  const { allocateCase } = await execute(endpoint, AllocateCase, {
    input: {
      crn,
      provider: form.provider,
      officer: { code: form.officerCode },
      allocatedOn: form.allocatedOn,
      rationale: form.rationale,
      expectedVersion: version, // a stale screen gets VERSION_CONFLICT, and nothing is written
    },
  });
  if (allocateCase.userErrors.length > 0 || !allocateCase.case?.allocation) {
    return { ok: false, errors: toFormErrors(allocateCase.userErrors, ALLOCATION_FIELDS) };
  }
  return { ok: true, officer: allocateCase.case.allocation.officer, version: allocateCase.case.version };
}
