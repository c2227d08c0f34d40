// zod with Swedish default messages; import z from here, not from "zod".
import { z } from "zod";

z.config(z.locales.sv());

export { z };
