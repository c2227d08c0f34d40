// Control characters (NUL, escape sequences and the like) belong in no form field:
// PostgreSQL refuses NUL in text outright, and the rest only hide or garble what a
// reader sees. Tab, line breaks and the form feed of pasted PDF text are fine.
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/;

export const CONTROL_CHARACTER_MESSAGE = "Texten innehåller otillåtna tecken (styrtecken). Ta bort dem och försök igen.";

/** The path ("note", "paragraphs.0.title") of the first string holding a control character, or null. */
export function controlCharacterPath(value: unknown, path: string[] = []): string | null {
  if (typeof value === "string") return CONTROL.test(value) ? path.join(".") || "form" : null;
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const found = controlCharacterPath(v, [...path, k]);
      if (found !== null) return found;
    }
  }
  return null;
}
