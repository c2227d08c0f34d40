// zod with Swedish default messages; import z from here, not from "zod".
// Only the Swedish locale is imported: `z.locales` would bundle every language
// into the client (about 90 kB gzipped). The locale names types in English
// ("förväntat string, fick number"), so type errors get a message of our own.
import { z } from "zod";
import sv from "zod/v4/locales/sv.js";

const TYPE_NAME: Record<string, string> = {
  string: "text",
  number: "ett tal",
  int: "ett heltal",
  bigint: "ett heltal",
  boolean: "ja eller nej",
  date: "ett datum",
  array: "en lista",
  object: "en uppsättning uppgifter",
  file: "en fil",
};

z.config(sv());
z.config({
  customError: (issue) => {
    if (issue.code === "invalid_type") {
      if (issue.input === undefined || issue.input === null) return "Uppgiften saknas.";
      return `Ogiltigt värde: ska vara ${TYPE_NAME[issue.expected] ?? "något annat"}.`;
    }
    if (issue.code === "too_big" || issue.code === "too_small") {
      const most = issue.code === "too_big";
      const limit = String(issue.maximum ?? issue.minimum);
      if (issue.origin === "string") return `Texten får ha ${most ? "högst" : "minst"} ${limit} tecken.`;
      if (issue.origin === "array" || issue.origin === "set") return `Välj ${most ? "högst" : "minst"} ${limit}.`;
      if (issue.origin === "number" || issue.origin === "int" || issue.origin === "bigint") return `Värdet får vara ${most ? "högst" : "minst"} ${limit}.`;
      if (issue.origin === "date") return most ? "Datumet är för sent." : "Datumet är för tidigt.";
      return most ? "För stort." : "För litet.";
    }
    return undefined;
  },
});

export { z };
