// Runs the allocation screen against a server, as a browser would: load it, submit a form with
// mistakes (the errors land on their fields), then a correct one.
//   GRAPHQL_URL=http://127.0.0.1:8000/graphql TOKEN=<practitioner token> CRN=D000004 npm start
import { loadScreen, submit } from "./allocation.js";

const endpoint = { url: process.env.GRAPHQL_URL ?? "http://127.0.0.1:8000/graphql", token: process.env.TOKEN ?? "" };
const crn = process.env.CRN ?? "D000004";

const screen = await loadScreen(endpoint, crn, "NPS");
if (!screen.case) throw new Error(`no case ${crn} visible to ${screen.viewer.name}`);
console.log(`viewer: ${screen.viewer.name} (${screen.viewer.staffCode ?? "no staff code"}; ${screen.viewer.roles.join(", ")})`);
console.log(`case: ${screen.case.crn} ${screen.case.offender.forename} ${screen.case.offender.surname}, ` +
            `version ${screen.case.version}, ${screen.case.allocation ? "allocated" : "not allocated"}`);
console.log(`picker: ${screen.officers.edges.map(({ node }) => `${node.code} ${node.name}`).join(", ")}`);

const today = new Date().toISOString().slice(0, 10);
// A year ahead: in the future, yet inside the dates the API accepts at all (docs/api.md, Input bounds).
const nextYear = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
const wrong = await submit(endpoint, crn, screen.case.version, { provider: "NPS", officerCode: "N99Z999", allocatedOn: nextYear, rationale: "Typed in haste" });
if (wrong.ok) throw new Error("a form with an unknown officer and a future date was accepted");
for (const [field, messages] of Object.entries(wrong.errors)) console.log(`form error ${field}: ${messages.join(" / ")}`);

const picked = screen.officers.edges[0]?.node;
if (!picked) throw new Error("the picker is empty");
const right = await submit(endpoint, crn, screen.case.version, {
  provider: "NPS", officerCode: picked.code, allocatedOn: today, rationale: "High RoSH: NPS; officer covers the home address",
});
if (!right.ok) throw new Error(`refused: ${JSON.stringify(right.errors)}`);
console.log(`allocated to ${right.officer.code} ${right.officer.name}; case now at version ${right.version}`);
