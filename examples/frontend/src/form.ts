// userErrors to form fields. Every mutation answers refusals as
//   userErrors { field code message standard }
// where `field` is the path into the input (["input", "officer", "code"]) or null when the whole
// input is refused. A form keys its fields by the same path without "input", so an error lands
// next to the control that caused it; several errors can arrive at once, on several fields.
// The shape every payload's userErrors share; `code` is the schema's error-code enum (branch on it,
// never on the message). It is taken from the generated payload type where it is used.
export interface UserErrorLike {
  field?: ReadonlyArray<string> | null;
  code: string;
  message: string;
  standard?: string | null;
}

export const FORM = "_form"; // errors about the whole input, shown above the form

export type FormErrors<TField extends string> = Partial<Record<TField | typeof FORM, string[]>>;

export function toFormErrors<TField extends string>(
  errors: ReadonlyArray<UserErrorLike>,
  fields: ReadonlyArray<TField>,
): FormErrors<TField> {
  const known = new Set<string>(fields);
  const result: FormErrors<TField> = {};
  for (const error of errors) {
    const path = (error.field ?? []).filter((part, i) => !(i === 0 && part === "input")).join(".");
    // A path the form has no control for (a nested item, say) is shown with the form's own errors.
    const key = (known.has(path) ? path : FORM) as TField | typeof FORM;
    const text = error.standard ? `${error.message} (${error.standard})` : error.message;
    (result[key] ??= []).push(text);
  }
  return result;
}
