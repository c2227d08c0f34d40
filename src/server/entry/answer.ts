// What a server action answers the form, and the refusal messages every
// endpoint shares. Free of server imports: client components import the type.

export interface ActionState {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** Submitted values, to refill the form after an error. */
  values?: Record<string, string>;
  /** Changes on every answer: forms key their fields on it to re-mount with `values`. */
  answeredAt?: number;
}

export const MESSAGES = {
  signedOut: "Du är inte inloggad längre. Logga in igen.",
  forbidden: "Du har inte behörighet att göra den ändringen.",
  forbiddenToRead: "Du har inte behörighet att se det här.",
  notFound: "Uppgiften finns inte, eller så har du inte tillgång till den.",
  invalid: "Rätta uppgifterna som är markerade.",
  foreignOrigin: "Begäran kom inte från Uppdragskollen och har inte utförts. Öppna sidan i Uppdragskollen och försök igen.",
  databaseDown: "Databasen svarar inte just nu. Ingenting är sparat. Det du skrev finns kvar i formuläret: försök igen om en stund.",
  failed: "Något gick fel och ingenting sparades. Försök igen om en stund.",
  tooLarge: "Det som skickades är för stort.",
} as const;
