// Registering a meeting: one transaction, audited, § numbers unique per body
// and year, other municipalities' bodies and units refused; proposals from a
// protocol mark what is already registered.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openTestDatabase, scopedFor } from "../support/db";
import { buildWorld, type World } from "../support/world";
import type { Database } from "@/server/db/connect";
import { createBody } from "@/server/seed/factories";
import { DuplicateParagraphError, registerMeeting } from "@/server/meetings/register-meeting";
import { proposeMeeting } from "@/server/meetings/propose";
import { ForbiddenError, NotFoundError } from "@/server/permissions";
import { subscribe, type LiveEvent } from "@/server/live";
import { registerMeetingSchema, type MeetingDraft } from "@/lib/validation/meeting";
import { request, sameOriginHeaders } from "../support/next-mocks";
import { registerMeetingAction } from "@/app/moten/registrera/actions";
import { POST as proposeRoute } from "@/app/moten/registrera/tolka/route";
import { MESSAGES } from "@/server/entry/answer";
import type { Actor } from "@/server/permissions";

// The register action and the tolka route are called as the browser calls them, through the entry layer's gate.
vi.mock("@/server/auth/actor", async () => (await import("../support/next-mocks")).actorModule);
vi.mock("@/server/db", async () => (await import("../support/next-mocks")).dbModule);
vi.mock("next/cache", async () => (await import("../support/next-mocks")).cacheModule);
vi.mock("next/headers", async () => (await import("../support/next-mocks")).headersModule);

const SEEDS = path.resolve(import.meta.dirname, "../fixtures/seeds");
const SEED_001 = readFileSync(path.join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith("001_"))!), "utf8");

let db: Database;
let w: World;
let other: World;
beforeAll(async () => {
  db = await openTestDatabase();
  w = await buildWorld(db.prisma, "Mötesstad");
  other = await buildWorld(db.prisma, "Grannkommun");
});
afterAll(async () => db?.close());

/** The form's strings, as the secretary would submit them. */
function draft(over: Partial<MeetingDraft> = {}): MeetingDraft {
  return {
    bodyId: w.ks.id,
    date: "2024-05-13",
    place: "Sessionssalen",
    startTime: "13.00",
    endTime: "",
    paragraphs: [
      {
        number: "60",
        dnr: "KS 2024/150",
        title: "Trafiksäkerhet vid skolor",
        decision: "Kommunstyrelsen ger tekniska förvaltningen i uppdrag att ta fram en plan för säkra skolvägar.",
        sentTo: "Tekniska förvaltningen\nKommunledningskontoret",
        uppdrag: [
          { title: "Ta fram en plan för säkra skolvägar", text: "", unitId: w.unitB.id, responsiblePerson: "Eva Ek", deadline: "2024-12-31" },
          { title: "Informera skolorna", text: "Informera skolorna om planen.", unitId: w.unitA.id, responsiblePerson: "", deadline: "" },
        ],
      },
      { number: "61", dnr: "", title: "Anmälningsärenden", decision: "Anmälningarna läggs till handlingarna.", sentTo: "", uppdrag: [] },
    ],
    ...over,
  };
}
const input = (over: Partial<MeetingDraft> = {}) => registerMeetingSchema.parse(draft(over));

describe("registerMeeting", () => {
  it("creates the meeting, paragraphs and uppdrag with their first status entry, audited, and announces the uppdrag", async () => {
    const events: LiveEvent[] = [];
    const stop = subscribe(w.municipality.id, (e) => events.push(e));
    const now = new Date("2024-05-14T08:00:00Z");
    const r = await registerMeeting(scopedFor(db.prisma, w.actors.SEKRETERARE), w.actors.SEKRETERARE, input(), now);
    stop();

    expect(r.meetingCreated).toBe(true);
    const meeting = await db.prisma.meeting.findUniqueOrThrow({
      where: { id: r.meetingId },
      include: { paragraphs: { orderBy: { number: "asc" }, include: { uppdrag: { orderBy: { title: "asc" }, include: { units: true, history: true } } } } },
    });
    expect(meeting).toMatchObject({ municipalityId: w.municipality.id, bodyId: w.ks.id, place: "Sessionssalen", startTime: "13:00", endTime: null });
    expect(meeting.paragraphs.map((p) => [p.number, p.year, p.dnr, p.dnrKey, p.sentTo])).toEqual([
      [60, 2024, "KS 2024/150", "ks2024150", ["Tekniska förvaltningen", "Kommunledningskontoret"]],
      [61, 2024, null, null, []],
    ]);
    const [inform, plan] = meeting.paragraphs[0].uppdrag;
    expect(plan).toMatchObject({
      title: "Ta fram en plan för säkra skolvägar",
      text: "Ta fram en plan för säkra skolvägar",
      responsiblePerson: "Eva Ek",
      status: "NOT_STARTED",
      version: 1,
      unitNames: "Tekniska förvaltningen",
      bodyId: w.ks.id,
      decidedOn: new Date("2024-05-13T00:00:00Z"),
      deadline: new Date("2024-12-31T00:00:00Z"),
    });
    expect(plan.titleSortKey).not.toBe("");
    expect(plan.searchDocument).toContain("KS 2024/150");
    expect(plan.searchDocument).toContain("säkra skolvägar");
    expect(plan.units.map((u) => u.unitId)).toEqual([w.unitB.id]);
    expect(plan.history).toMatchObject([{ status: "NOT_STARTED", authorId: w.actors.SEKRETERARE.userId, at: now }]);
    expect(inform).toMatchObject({ text: "Informera skolorna om planen.", unitNames: "Kommunledningskontoret", responsiblePerson: null, deadline: null });

    const audits = await db.prisma.auditEvent.findMany({ where: { municipalityId: w.municipality.id, actorId: w.actors.SEKRETERARE.userId }, select: { action: true, entityId: true } });
    expect(audits.filter((a) => a.action === "meeting.create").map((a) => a.entityId)).toEqual([r.meetingId]);
    expect(audits.filter((a) => a.action === "paragraph.create").map((a) => a.entityId).sort()).toEqual([...r.paragraphIds].sort());
    expect(audits.filter((a) => a.action === "uppdrag.create").map((a) => a.entityId).sort()).toEqual([...r.uppdragIds].sort());
    expect(events.map((e) => e.uppdragId).sort()).toEqual([...r.uppdragIds].sort());
  });

  it("adds new paragraphs to the meeting of the same body and date instead of creating a second one", async () => {
    const first = await registerMeeting(scopedFor(db.prisma, w.actors.ADMINISTRATOR), w.actors.ADMINISTRATOR, input({ date: "2024-06-10", paragraphs: [{ ...draft().paragraphs[1], number: "70" }] }));
    const second = await registerMeeting(scopedFor(db.prisma, w.actors.ADMINISTRATOR), w.actors.ADMINISTRATOR, input({ date: "2024-06-10", paragraphs: [{ ...draft().paragraphs[1], number: "71" }] }));
    expect(second).toMatchObject({ meetingId: first.meetingId, meetingCreated: false });
    expect(await db.prisma.paragraph.count({ where: { meetingId: first.meetingId } })).toBe(2);
  });

  it("refuses a § already registered for the body and year, and saves nothing at all", async () => {
    const counts = async () => ({
      meetings: await db.prisma.meeting.count({ where: { municipalityId: w.municipality.id } }),
      paragraphs: await db.prisma.paragraph.count({ where: { municipalityId: w.municipality.id } }),
      uppdrag: await db.prisma.uppdrag.count({ where: { municipalityId: w.municipality.id } }),
      audits: await db.prisma.auditEvent.count({ where: { municipalityId: w.municipality.id } }),
    });
    const before = await counts();
    // § 41 of KS 2024 is in the world already (2024-03-11); this meeting is another day of the same year.
    const dup = input({ date: "2024-09-02", paragraphs: [{ ...draft().paragraphs[0], number: "90" }, { ...draft().paragraphs[1], number: "41" }] });
    const err = await registerMeeting(scopedFor(db.prisma, w.actors.SEKRETERARE), w.actors.SEKRETERARE, dup).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DuplicateParagraphError);
    expect((err as DuplicateParagraphError).taken).toMatchObject([{ number: 41, meetingId: w.meeting.id }]);
    expect(await counts()).toEqual(before);
  });

  it("lets the same § number be used by another body and in another year", async () => {
    await expect(registerMeeting(scopedFor(db.prisma, w.actors.ADMINISTRATOR), w.actors.ADMINISTRATOR, input({ bodyId: w.kf.id, date: "2024-10-01", paragraphs: [{ ...draft().paragraphs[1], number: "41" }] }))).resolves.toMatchObject({ meetingCreated: true });
    await expect(registerMeeting(scopedFor(db.prisma, w.actors.SEKRETERARE), w.actors.SEKRETERARE, input({ date: "2025-01-20", paragraphs: [{ ...draft().paragraphs[1], number: "41" }] }))).resolves.toMatchObject({ meetingCreated: true });
  });

  it("gives a clean duplicate answer to two secretaries saving the same § at once", async () => {
    const same = input({ date: "2024-11-04", paragraphs: [{ ...draft().paragraphs[1], number: "120" }] });
    const results = await Promise.allSettled([registerMeeting(scopedFor(db.prisma, w.actors.SEKRETERARE), w.actors.SEKRETERARE, same), registerMeeting(scopedFor(db.prisma, w.actors.ADMINISTRATOR), w.actors.ADMINISTRATOR, same)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(DuplicateParagraphError);
    expect(await db.prisma.paragraph.count({ where: { bodyId: w.ks.id, year: 2024, number: 120 } })).toBe(1);
  });

  it("refuses a body the secretary does not serve, and every role that does not register meetings", async () => {
    await expect(registerMeeting(scopedFor(db.prisma, w.actors.SEKRETERARE), w.actors.SEKRETERARE, input({ bodyId: w.kf.id }))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(registerMeeting(scopedFor(db.prisma, w.actors.LEDAMOT), w.actors.LEDAMOT, input({ date: "2024-12-02" }))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(registerMeeting(scopedFor(db.prisma, w.actors.HANDLAGGARE), w.actors.HANDLAGGARE, input({ date: "2024-12-02" }))).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.prisma.meeting.count({ where: { municipalityId: w.municipality.id, date: new Date("2024-12-02T00:00:00Z") } })).toBe(0);
  });

  it("answers 'not found' for another municipality's body or unit and writes nothing", async () => {
    const before = await db.prisma.meeting.count();
    await expect(registerMeeting(scopedFor(db.prisma, w.actors.ADMINISTRATOR), w.actors.ADMINISTRATOR, input({ bodyId: other.ks.id }))).rejects.toBeInstanceOf(NotFoundError);
    const foreignUnit = draft();
    foreignUnit.paragraphs[0].uppdrag[0].unitId = other.unitA.id;
    await expect(registerMeeting(scopedFor(db.prisma, w.actors.ADMINISTRATOR), w.actors.ADMINISTRATOR, registerMeetingSchema.parse({ ...foreignUnit, date: "2024-12-09" }))).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.prisma.meeting.count()).toBe(before);
  });
});

describe("the shared schema", () => {
  it("puts Swedish messages on the fields that are wrong", () => {
    const bad = draft({ bodyId: "", date: "2024-02-30", startTime: "25:00" });
    bad.paragraphs[0].number = "tre";
    bad.paragraphs[0].uppdrag[0].unitId = "";
    bad.paragraphs[1].number = "60";
    bad.paragraphs[1].title = " ";
    bad.paragraphs[1].uppdrag = [{ title: "Klart snabbt", text: "", unitId: w.unitA.id, responsiblePerson: "", deadline: "20241301" }];
    const r = registerMeetingSchema.safeParse(bad);
    expect(r.success).toBe(false);
    const byPath = Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(byPath).toMatchObject({
      bodyId: "Välj organ.",
      date: "Ange datumet som ÅÅÅÅ-MM-DD.",
      startTime: "Ange tiden som TT:MM, till exempel 13:00.",
      "paragraphs.0.number": "Skriv paragrafens nummer med siffror, till exempel 34.",
      "paragraphs.0.uppdrag.0.unitId": "Välj ansvarig enhet.",
      "paragraphs.1.title": "Fyll i rubriken.",
      "paragraphs.1.uppdrag.0.deadline": "Ange datumet som ÅÅÅÅ-MM-DD.",
    });
    // Typed fast, without dashes: still a date.
    expect(registerMeetingSchema.parse(draft({ date: "20240513" })).date).toEqual(new Date("2024-05-13T00:00:00Z"));
  });

  it("reports a § that appears twice in the form on the second one", () => {
    const twice = draft();
    twice.paragraphs[1].number = "60";
    const r = registerMeetingSchema.safeParse(twice);
    expect(r.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["paragraphs.1.number", "§ 60 finns redan längre upp i formuläret."]]);
  });
});

describe("proposeMeeting", () => {
  it("proposes seed 001 for the body of that name, and marks the paragraphs already registered", async () => {
    const ksau = await createBody(db.prisma, w.municipality.id, { name: "Kommunstyrelsens arbetsutskott", shortName: "KSAU", kind: "UTSKOTT", parentId: w.ks.id });
    const secretary = { ...w.actors.SEKRETERARE, secretaryOf: [w.ks.id, ksau.id] };
    const fresh = await proposeMeeting(scopedFor(db.prisma, secretary), secretary, SEED_001);
    expect(fresh.draft).toMatchObject({ bodyId: ksau.id, date: "2020-02-25", place: "Tunasalen", startTime: "13:00", endTime: "17:00" });
    expect(fresh.draft.paragraphs.map((p) => [p.number, p.dnr, p.title, p.existing])).toEqual([
      ["14", "2020/000003 004", "Val av protokolljusterare", null],
      ["15", "2020/000008 101", "Fastställande av dagordning", null],
      ["34", "2020/000053 000", "Uppföljning av uppdrag från KS och dess utskott", null],
      ["35", "2020/000018 101", "Inbjudningar", null],
    ]);
    expect(fresh.draft.paragraphs[2].sentTo).toBe("Kommunstyrelseförvaltningens avdelningar\nUtskottssekreterare\nKommunstyrelsen och dess utskott för kännedom");

    // Register §§ 14 and 15 from the proposal, then propose again.
    const firstTwo = { ...fresh.draft, paragraphs: fresh.draft.paragraphs.slice(0, 2) };
    const saved = await registerMeeting(scopedFor(db.prisma, secretary), secretary, registerMeetingSchema.parse(firstTwo));
    const again = await proposeMeeting(scopedFor(db.prisma, secretary), secretary, SEED_001);
    expect(again.draft.paragraphs.map((p) => [p.number, p.existing?.meetingId ?? null])).toEqual([
      ["14", saved.meetingId],
      ["15", saved.meetingId],
      ["34", null],
      ["35", null],
    ]);
    expect(again.notes).toContain("2 av paragraferna är redan registrerade för KSAU 2020. De hoppas över; de övriga kan du spara.");
  });

  it("leaves the body to choose, with a note, when the protocol's body is one the secretary does not serve", async () => {
    const text = SEED_001.replace(/Kommunstyrelsens arbetsutskott/g, "Kommunfullmäktige");
    const r = await proposeMeeting(scopedFor(db.prisma, w.actors.SEKRETERARE), w.actors.SEKRETERARE, text);
    expect(r.draft.bodyId).toBe("");
    expect(r.notes[0]).toBe("Protokollet gäller Kommunfullmäktige, som du inte registrerar sammanträden för. Välj organ.");
  });

  it("matches the responsible unit against the municipality's units and proposes a short title", async () => {
    const text = [
      "Kommunstyrelsen",
      "Sammanträdesdatum 2024-04-08",
      "§ 70",
      "Dnr KS 2024/201",
      "Ny parkeringspolicy",
      "Beslut",
      "Kommunstyrelsen ger tekniska förvaltningen i uppdrag att ta fram en ny parkeringspolicy senast den 30 september 2024.",
      "Beslutet skickas till",
      "Tekniska förvaltningen",
    ].join("\n");
    const r = await proposeMeeting(scopedFor(db.prisma, w.actors.SEKRETERARE), w.actors.SEKRETERARE, text);
    expect(r.draft.bodyId).toBe(w.ks.id);
    expect(r.draft.paragraphs[0].uppdrag).toEqual([
      {
        title: "Ta fram en ny parkeringspolicy senast den 30 september 2024",
        text: "Kommunstyrelsen ger tekniska förvaltningen i uppdrag att ta fram en ny parkeringspolicy senast den 30 september 2024.",
        unitId: w.unitB.id,
        responsiblePerson: "",
        deadline: "2024-09-30",
        responsibleHint: null,
      },
    ]);
  });

  it("is refused to a ledamot", async () => {
    await expect(proposeMeeting(scopedFor(db.prisma, w.actors.LEDAMOT), w.actors.LEDAMOT, SEED_001)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("the register action and POST /moten/registrera/tolka", () => {
  beforeAll(() => {
    request.db = db;
  });

  it("saves the form's state and answers the meeting; a taken § is an error on that paragraph's number", async () => {
    request.actor = w.actors.SEKRETERARE;
    const form = draft({ date: "2023-03-06", paragraphs: [{ ...draft().paragraphs[1], number: "90" }] });
    const saved = await registerMeetingAction(form);
    expect(saved).toMatchObject({ ok: true, message: "Sammanträdet är registrerat med 1 paragraf och 0 uppdrag." });
    expect(saved.meetingId).toMatch(/^[0-9a-f-]{36}$/);
    const again = await registerMeetingAction(draft({ date: "2023-03-20", paragraphs: [{ ...draft().paragraphs[1], number: "91" }, { ...draft().paragraphs[1], number: "90" }] }));
    expect(again.ok).toBe(false);
    expect(again.message).toBe("§ 90 är redan registrerad för KS 2023. Ändra numret eller ta bort paragrafen. Ingenting är sparat.");
    expect(again.fieldErrors).toEqual({ "paragraphs.1.number": ["§ 90 är redan registrerad för KS 2023 (sammanträdet 6 mars 2023)."] });
    expect(again.meetingId).toBeUndefined();
  });

  it("keys field errors by the whole path, and refuses another municipality's body, another body's secretary and a ledamot", async () => {
    request.actor = w.actors.SEKRETERARE;
    const bad = await registerMeetingAction({ ...draft(), paragraphs: [{ ...draft().paragraphs[0], number: "x" }] });
    expect(bad.ok).toBe(false);
    expect(Object.keys(bad.fieldErrors ?? {})).toEqual(["paragraphs.0.number"]);
    expect(await registerMeetingAction(draft({ bodyId: other.ks.id, date: "2023-04-03" }))).toMatchObject({ ok: false, message: MESSAGES.notFound });
    expect(await registerMeetingAction(draft({ bodyId: w.kf.id, date: "2023-04-03" }))).toMatchObject({ ok: false, message: MESSAGES.forbidden });
    request.actor = w.actors.LEDAMOT;
    expect(await registerMeetingAction(draft({ date: "2023-04-03" }))).toMatchObject({ ok: false, message: MESSAGES.forbidden });
  });

  async function propose(actor: Actor | null, fields: Record<string, string | File>, headers: Headers = sameOriginHeaders()) {
    request.actor = actor;
    const body = new FormData();
    for (const [k, v] of Object.entries(fields)) body.set(k, v);
    const res = await proposeRoute(new Request("http://localhost:3000/moten/registrera/tolka", { method: "POST", body, headers }));
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  }

  it("proposes from pasted text or a file, and answers what it cannot read with today's status and a message", async () => {
    const fromText = await propose(w.actors.SEKRETERARE, { text: SEED_001 });
    expect(fromText.status).toBe(200);
    expect(fromText.json).toHaveProperty("draft.paragraphs");
    const fromFile = await propose(w.actors.SEKRETERARE, { file: new File([SEED_001], "protokoll.txt", { type: "text/plain" }) });
    expect(fromFile.status).toBe(200);
    expect(await propose(w.actors.SEKRETERARE, { file: new File([Uint8Array.from([0x89, 0x50, 0x4e, 0x47])], "skanning.png", { type: "image/png" }) })).toMatchObject({
      status: 415,
      json: { ok: false, message: "Filtypen .png kan inte läsas. Ladda upp protokollet som .txt, .docx (Word) eller .pdf, eller klistra in texten." },
    });
    expect(await propose(w.actors.SEKRETERARE, { text: "  " })).toMatchObject({ status: 400, json: { ok: false, message: "Klistra in protokollets text eller välj en fil." } });
    expect(await propose(w.actors.SEKRETERARE, { text: "x".repeat(2_000_001) })).toMatchObject({ status: 413, json: { ok: false, message: "Texten är för lång. Dela upp protokollet eller ladda upp det som fil." } });
  });

  it("is refused to a ledamot, signed out and from another site", async () => {
    expect(await propose(w.actors.LEDAMOT, { text: SEED_001 })).toMatchObject({ status: 403, json: { ok: false, message: MESSAGES.forbidden } });
    expect(await propose(null, { text: SEED_001 })).toMatchObject({ status: 401, json: { ok: false, message: MESSAGES.signedOut } });
    const foreign = new Headers({ host: "localhost:3000", origin: "https://annan.example", "sec-fetch-site": "cross-site" });
    expect(await propose(w.actors.SEKRETERARE, { text: SEED_001 }, foreign)).toMatchObject({ status: 403, json: { ok: false, message: MESSAGES.foreignOrigin } });
  });
});
