// zod with Swedish default messages; import z from here, not from "zod".
// Only the Swedish locale is imported: `z.locales` would bundle every language
// into the client (about 90 kB gzipped).
import { z } from "zod";
import sv from "zod/v4/locales/sv.js";

z.config(sv());

export { z };
