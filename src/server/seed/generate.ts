// Realistic volume for demos and benchmarks: uppdrag with Swedish titles, spread
// over the municipality's bodies and units and several years, each with a
// status history of delays and comments. Deterministic for a given seed.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import type { UppdragStatus } from "@/generated/prisma/enums";
import { dnrKey } from "@/lib/dnr";
import { uppdragRows } from "@/server/uppdrag/create-uppdrag";

/** mulberry32: small, fast, seedable. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
  };
}

const VERBS = ["Utreda", "Ta fram", "Revidera", "Utvärdera", "Införa", "Se över", "Upprätta", "Genomföra", "Återkomma med", "Analysera"];
const OBJECTS = [
  "förslag till ny översiktsplan för centralorten",
  "riktlinjer för bostadsförsörjning",
  "en plan för förskolans lokalbehov",
  "möjligheten att bygga en ny sporthall i Norrby",
  "kostnaderna för hemtjänsten",
  "en strategi för kommunens digitalisering",
  "ett program för trygghet och säkerhet",
  "ärendehandboken och reglerna för protokollskrivning",
  "förutsättningarna för en gemensam växel med grannkommunerna",
  "en handlingsplan mot klotter och skadegörelse",
  "taxor för vatten och avlopp",
  "policy för representation och gåvor",
  "en plan för energieffektivisering av kommunens fastigheter",
  "ett förslag till ny skolstruktur på landsbygden",
  "möjligheten till e-tjänster för bygglov",
  "en kompetensförsörjningsplan för äldreomsorgen",
  "arbetet med Agenda 2030 i nämnderna",
  "riktlinjer för medborgardialog",
  "ett förslag till ny cykelplan",
  "upphandlingen av skolskjutsar",
  "kommunens krisberedskap och krisledningsplan",
  "en lokalförsörjningsplan för socialförvaltningen",
  "förslag till ändrade öppettider på biblioteken",
  "resultatet av medarbetarenkäten",
  "en plan för att minska sjukfrånvaron",
  "förslag på åtgärder för ökad inflyttning",
  "avgifterna inom kulturskolan",
  "samordningen av kommunens stödfunktioner",
  "en ny kostpolicy",
  "rutiner för uppföljning av givna uppdrag",
];
const DELAY_REASONS = [
  "Försenat på grund av vakanser på enheten; rekrytering pågår.",
  "Underlag från Trafikverket har dröjt; arbetet återupptas när det kommit in.",
  "Avvaktar beslut i budgetberedningen om finansiering.",
  "Remisstiden har förlängts på begäran av nämnderna.",
  "Upphandlingen överprövades i förvaltningsrätten.",
  "Ärendet har samordnats med översynen av lokalförsörjningen och tar längre tid.",
  "Prioriterades ned under pandemin; planeras att slutföras under hösten.",
  "Behov av kompletterande juridisk utredning.",
];
const PROGRESS_NOTES = [
  "Arbetsgrupp tillsatt; första möte har hållits.",
  "Förslag på remiss till nämnderna.",
  "Utredningen pågår enligt plan.",
  "Dialog med berörda förvaltningar pågår.",
  "Underlag sammanställs inför beredning i arbetsutskottet.",
];
const HOLD_REASONS = [
  "Senarelagt enligt beslut i kommunstyrelsen i avvaktan på ny organisation.",
  "Vilande tills den nya mandatperiodens budget är beslutad.",
];
const PEOPLE = ["Karin Lundgren", "Per Olsson", "Fatima Ahmed", "Johan Ek", "Maria Öberg", "Erik Åberg", "Lena Sjöberg", "Ali Hassan"];

const DAY = 86_400_000;
const toDay = (ms: number) => {
  const d = new Date(ms);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
};

export interface GenerateOptions {
  municipalityId: string;
  count: number;
  seed?: number;
  today?: Date;
  years?: number;
  /** Update the planner's statistics afterwards (default); a caller loading many municipalities does it once at the end. */
  analyze?: boolean;
}

/** Creates `count` uppdrag with meetings, paragraphs, units and histories; returns how many. */
export async function generateUppdrag(prisma: PrismaClient, opts: GenerateOptions): Promise<number> {
  const r = rng(opts.seed ?? 1);
  const today = toDay((opts.today ?? new Date()).getTime()).getTime();
  const years = opts.years ?? 6;
  const municipalityId = opts.municipalityId;
  const bodies = await prisma.body.findMany({ where: { municipalityId }, select: { id: true, name: true, shortName: true, kind: true } });
  const units = await prisma.unit.findMany({ where: { municipalityId }, select: { id: true, name: true } });
  if (!bodies.length || !units.length) throw new Error("the municipality needs bodies and units first");
  // KS and KF give most uppdrag.
  const weighted = bodies.flatMap((b) => Array(b.kind === "STYRELSE" ? 5 : b.kind === "FULLMAKTIGE" ? 3 : 1).fill(b));

  // Paragraph numbers continue after those already taken, per body and year.
  const taken = await prisma.paragraph.groupBy({ by: ["bodyId", "year"], where: { municipalityId }, _max: { number: true } });
  const nextNumber = new Map(taken.map((t) => [`${t.bodyId}:${t.year}`, (t._max.number ?? 0) + 1]));

  type Plan = { body: (typeof bodies)[number]; date: number };
  const plans: Plan[] = Array.from({ length: opts.count }, () => {
    const body = r.pick(weighted);
    // A meeting day: some Monday-ish day in the last `years` years, at least a week ago.
    const date = today - r.int(7, years * 365) * DAY;
    return { body, date };
  }).sort((a, b) => a.date - b.date);

  const meetings = new Map<string, { id: string; bodyId: string; date: Date }>();
  const paragraphs: object[] = [];
  const uppdrag: object[] = [];
  const uppdragUnits: { uppdragId: string; unitId: string }[] = [];
  const entries: object[] = [];

  for (const p of plans) {
    // Bodies meet about monthly: snap the date to the 1st–28th of its month, on a fixed day per body.
    const d = new Date(p.date);
    const meetingDay = (p.body.shortName.charCodeAt(0) % 20) + 5;
    const date = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), meetingDay));
    if (date.getTime() >= today) date.setUTCMonth(date.getUTCMonth() - 1);
    const mKey = `${p.body.id}:${date.toISOString()}`;
    let meeting = meetings.get(mKey);
    if (!meeting) {
      meeting = { id: randomUUID(), bodyId: p.body.id, date };
      meetings.set(mKey, meeting);
    }
    const year = date.getUTCFullYear();
    const nKey = `${p.body.id}:${year}`;
    const number = nextNumber.get(nKey) ?? 1;
    nextNumber.set(nKey, number + 1);
    const dnr = `${p.body.shortName} ${year}/${r.int(10, 999)}`;
    const verb = r.pick(VERBS);
    const object = r.pick(OBJECTS);
    const title = `${verb} ${object}`;
    const paragraphId = randomUUID();
    const paragraphTitle = `${object[0].toUpperCase()}${object.slice(1)}`;
    const decision = `${p.body.name} ger förvaltningen i uppdrag att ${verb.toLowerCase()} ${object}.`;
    paragraphs.push({
      id: paragraphId,
      municipalityId,
      meetingId: meeting.id,
      bodyId: p.body.id,
      year,
      number,
      dnr,
      dnrKey: dnrKey(dnr),
      title: paragraphTitle,
      decision,
      basis: ["Tjänsteskrivelse"],
      sentTo: [],
    });

    const id = randomUUID();
    const decided = date.getTime();
    const deadline = r.chance(0.7) ? toDay(decided + r.int(90, 540) * DAY) : null;
    const history: { status: UppdragStatus; at: number; comment?: string; planned?: Date | null }[] = [
      { status: "NOT_STARTED", at: decided },
    ];
    let t = decided;
    const advance = (days: number) => {
      t = Math.min(today - DAY, t + days * DAY);
      return t;
    };
    const age = (today - decided) / DAY;
    if (age > 20 && r.chance(0.9)) {
      const planned = deadline ?? toDay(decided + r.int(120, 400) * DAY);
      history.push({ status: "IN_PROGRESS", at: advance(r.int(10, 60)), comment: r.pick(PROGRESS_NOTES), planned });
      if (deadline && deadline.getTime() < today && r.chance(0.45)) {
        history.push({
          status: "DELAYED",
          at: advance(Math.max(1, (deadline.getTime() - t) / DAY + r.int(0, 30))),
          comment: r.pick(DELAY_REASONS),
          planned: toDay(Math.max(t, deadline.getTime()) + r.int(60, 300) * DAY),
        });
      }
      if (r.chance(0.06)) history.push({ status: "ON_HOLD", at: advance(r.int(20, 120)), comment: r.pick(HOLD_REASONS) });
      const doneChance = Math.min(0.85, age / 900);
      if (r.chance(0.03)) {
        history.push({ status: "NOT_CARRIED_OUT", at: advance(r.int(30, 200)), comment: "Kommunfullmäktige beslutade att uppdraget inte ska genomföras." });
      } else if (r.chance(doneChance)) {
        history.push({ status: "COMPLETED", at: advance(r.int(30, 300)), comment: "Återrapporterat och uppdraget är verkställt." });
      }
    }
    const unitCount = r.chance(0.15) ? 2 : 1;
    const chosen = new Map<string, string>();
    while (chosen.size < Math.min(unitCount, units.length)) {
      const unit = r.pick(units);
      chosen.set(unit.id, unit.name);
    }
    const text = `${verb} ${object}. Förvaltningen ska återrapportera till ${p.body.shortName} när uppdraget är slutfört.`;
    const rows = uppdragRows(id, {
      municipalityId,
      paragraph: { id: paragraphId, bodyId: p.body.id, title: paragraphTitle, decision, dnr },
      decidedOn: date,
      title,
      text,
      units: [...chosen].map(([unitId, name]) => ({ id: unitId, name })),
      responsiblePerson: r.chance(0.6) ? r.pick(PEOPLE) : null,
      deadline,
      // Distinct, ordered times even when two steps fall on the same day.
      history: history.map((h, i) => ({
        status: h.status,
        at: new Date(h.at + i * 60_000 + 9 * 3600_000),
        comment: h.comment ?? null,
        plannedCompletion: h.planned ?? null,
      })),
    });
    uppdrag.push(rows.uppdrag);
    uppdragUnits.push(...rows.units);
    entries.push(...rows.history);
  }

  const BATCH = 2000;
  const insert = async <T>(rows: T[], fn: (batch: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += BATCH) await fn(rows.slice(i, i + BATCH));
  };
  const meetingRows = [...meetings.values()].map((m) => ({
    id: m.id,
    municipalityId,
    bodyId: m.bodyId,
    date: m.date,
    place: "Sessionssalen, kommunhuset",
    protocolState: "APPROVED" as const,
  }));
  await insert(meetingRows, (b) => prisma.meeting.createMany({ data: b }));
  await insert(paragraphs, (b) => prisma.paragraph.createMany({ data: b as never }));
  await insert(uppdrag, (b) => prisma.uppdrag.createMany({ data: b as never }));
  await insert(uppdragUnits, (b) => prisma.uppdragUnit.createMany({ data: b }));
  await insert(entries, (b) => prisma.statusEntry.createMany({ data: b as never }));
  // A bulk load leaves the planner's statistics and the visibility map behind
  // (where autovacuum is off or has not run yet, the list query sorts every
  // open row instead of reading the decision-date index, and a count reads the
  // table instead of the index alone): do what autovacuum would do.
  if (opts.analyze !== false) await prisma.$executeRawUnsafe(`VACUUM ANALYZE "Meeting", "Paragraph", "Uppdrag", "UppdragUnit", "StatusEntry"`);
  return uppdrag.length;
}

const BODIES = [
  { name: "Kommunfullmäktige", shortName: "KF", kind: "FULLMAKTIGE" },
  { name: "Kommunstyrelsen", shortName: "KS", kind: "STYRELSE" },
  { name: "Barn- och utbildningsnämnden", shortName: "BUN", kind: "NAMND" },
  { name: "Socialnämnden", shortName: "SN", kind: "NAMND" },
  { name: "Samhällsbyggnadsnämnden", shortName: "SBN", kind: "NAMND" },
] as const;
const UNITS = ["Kommunledningsförvaltningen", "Barn- och utbildningsförvaltningen", "Socialförvaltningen", "Samhällsbyggnadsförvaltningen", "Kultur- och fritidsförvaltningen", "Ekonomiavdelningen"];

/**
 * A country's worth of municipalities for scale tests: `kommun-001` … with
 * five bodies, six units and `uppdragPer` generated uppdrag each. Municipalities
 * already there are skipped, so a stopped run continues where it was.
 */
export async function generateMunicipalities(
  prisma: PrismaClient,
  opts: { count: number; uppdragPer: number; seed?: number; log?: (line: string) => void },
): Promise<{ created: number; uppdrag: number }> {
  let created = 0;
  let uppdrag = 0;
  const started = Date.now();
  for (let i = 1; i <= opts.count; i++) {
    const slug = `kommun-${String(i).padStart(3, "0")}`;
    if (await prisma.municipality.findUnique({ where: { slug }, select: { id: true } })) continue;
    const m = await prisma.municipality.create({ data: { slug, name: `Kommun ${String(i).padStart(3, "0")}` }, select: { id: true } });
    await prisma.body.createMany({ data: BODIES.map((b) => ({ ...b, municipalityId: m.id, inCouncilReport: b.kind !== "NAMND" })) });
    await prisma.unit.createMany({ data: UNITS.map((name) => ({ name, kind: "FORVALTNING" as const, municipalityId: m.id })) });
    uppdrag += await generateUppdrag(prisma, { municipalityId: m.id, count: opts.uppdragPer, seed: (opts.seed ?? 1) * 1000 + i, analyze: false });
    created++;
    if (opts.log && created % 10 === 0) opts.log(`${created} kommuner, ${uppdrag} uppdrag på ${Math.round((Date.now() - started) / 1000)} s`);
  }
  await prisma.$executeRawUnsafe(`VACUUM ANALYZE "Meeting", "Paragraph", "Uppdrag", "UppdragUnit", "StatusEntry"`);
  return { created, uppdrag };
}
