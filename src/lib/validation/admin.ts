// The administration forms (/admin) and their server actions share these schemas.
import { z } from "@/lib/validation/zod";
import { parseMonthDay } from "@/lib/report/report-dates";
import { newPasswordSchema, choosePasswordFields, repeatMatches } from "@/lib/validation/password";

export const BODY_KINDS = ["FULLMAKTIGE", "STYRELSE", "UTSKOTT", "NAMND"] as const;
export const UNIT_KINDS = ["FORVALTNING", "KONTOR", "AVDELNING", "ENHET"] as const;
export const ROLES = ["LEDAMOT", "SEKRETERARE", "HANDLAGGARE", "ADMINISTRATOR"] as const;

const text = (label: string, max: number) =>
  z
    .string(`Ange ${label}.`)
    .trim()
    .min(1, `Ange ${label}.`)
    .max(max, `Högst ${max} tecken.`)
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), "Texten innehåller otillåtna tecken.");
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Högst ${max} tecken.`)
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), "Texten innehåller otillåtna tecken.")
    .optional()
    .transform((s) => (s ? s : undefined));
/** A select whose empty choice means "none". */
const optionalId = (message: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((s) => (s ? s : undefined))
    .pipe(z.uuid(message).optional());
/** Checkboxes sharing one name: absent, one value or several. */
const idList = (message: string) =>
  z
    .union([z.uuid(message), z.array(z.uuid(message)).max(500)])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));
const id = z.uuid("Okänd post.");
const expectedVersion = z.coerce.number("Okänd version.").int().min(1, "Okänd version.");

export const createBodySchema = z.object({
  name: text("organets namn", 120),
  shortName: text("en förkortning", 20),
  kind: z.enum(BODY_KINDS, "Välj typ av organ."),
  parentId: optionalId("Välj ett organ i listan."),
});
export const updateBodySchema = createBodySchema.extend({ id, expectedVersion });

export const bodyAssignmentSchema = z.object({
  bodyId: id,
  userId: z.uuid("Välj en person i listan."),
  role: z.enum(["MEMBER", "SECRETARY"], "Välj ledamot eller sekreterare."),
});

export const createUnitSchema = z.object({
  name: text("enhetens namn", 120),
  shortName: optionalText(20),
  kind: z.enum(UNIT_KINDS, "Välj typ av enhet."),
  parentId: optionalId("Välj en överordnad enhet i listan."),
});
export const updateUnitSchema = createUnitSchema.extend({ id, expectedVersion });

const email = z.string("Ange e-postadressen.").trim().min(1, "Ange e-postadressen.").max(320, "Högst 320 tecken.").pipe(z.email("Ange en giltig e-postadress."));

export const inviteUserSchema = z.object({
  name: text("namnet", 120),
  email,
  role: z.enum(ROLES, "Välj en roll."),
  unitId: optionalId("Välj en enhet i listan."),
  /** Empty: the administrator gets a one-time link for the person to choose a password. */
  password: z
    .string()
    .optional()
    .transform((s) => (s ? s : undefined))
    .pipe(newPasswordSchema.optional()),
});

export const updateUserSchema = z.object({
  id,
  expectedVersion,
  name: text("namnet", 120),
  role: z.enum(ROLES, "Välj en roll."),
  unitId: optionalId("Välj en enhet i listan."),
  secretaryOf: idList("Okänt organ."),
  memberOf: idList("Okänt organ."),
});

export const userVersionSchema = z.object({ id, expectedVersion });
export const anonymizeUserSchema = userVersionSchema.extend({
  confirm: z.literal("ja", "Bekräfta att namn och e-postadress ska tas bort. Det går inte att ångra."),
});

const monthDay = (label: string) =>
  z
    .string(`Ange ${label}.`)
    .trim()
    .refine((s) => parseMonthDay(s) !== null, "Ange dagen som MM-DD, till exempel 06-30 för 30 juni (inte 29 februari).");

export const settingsSchema = z
  .object({
    expectedVersion,
    name: text("kommunens namn", 120),
    diariumUrlPattern: optionalText(500).pipe(
      z
        .string()
        .refine((s) => /^https?:\/\/[^\s]+$/.test(s), "Adressen ska börja med https:// och får inte innehålla mellanslag.")
        .refine((s) => s.includes("{dnr}"), "Skriv {dnr} där diarienumret ska stå i adressen.")
        .optional(),
    ),
    reportDayFirst: monthDay("första redovisningsdagen"),
    reportDaySecond: monthDay("andra redovisningsdagen"),
  })
  .refine((v) => v.reportDayFirst !== v.reportDaySecond, { message: "Välj två olika dagar.", path: ["reportDaySecond"] });

export const logoSchema = z.object({ expectedVersion });

/** What the open public view shows (docs/decisions/007-public-view.md): the switch and the checkboxes of the settings page. */
export const PUBLIC_VIEW_SHOW = ["comments", "names"] as const;
export const publicViewSchema = z.object({
  expectedVersion,
  publicView: z.enum(["on", "off"], "Välj om den öppna vyn är på eller av."),
  show: z
    .union([z.enum(PUBLIC_VIEW_SHOW), z.array(z.enum(PUBLIC_VIEW_SHOW))], "Okänt val.")
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
});

export const changeOwnPasswordSchema = z
  .object({ currentPassword: z.string("Ange ditt nuvarande lösenord.").min(1, "Ange ditt nuvarande lösenord.").max(1024), ...choosePasswordFields })
  .superRefine(repeatMatches);

export const passwordLinkSchema = z
  .object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "Länken är ogiltig."), ...choosePasswordFields })
  .superRefine(repeatMatches);

/** Logo files: PNG or SVG, at most this many bytes. */
export const LOGO_MAX_BYTES = 200 * 1024;
