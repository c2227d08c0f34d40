// Demo data: the records of the four source documents (../shared/seeds), each
// in its own municipality, plus demo users for every role. Loaded into an
// empty database on first start of the embedded database and by `npm run seed`.
import type { PrismaClient } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import { hashPassword } from "@/server/auth/password";
import {
  createBody,
  createMeeting,
  createMotion,
  createMunicipality,
  createParagraph,
  createUnit,
  createUppdrag,
  createUser,
  linkUppdrag,
  linkUppdragToMotion,
} from "./factories";
import { generateUppdrag } from "./generate";
import { loadMjolbyPlan } from "./mjolby-plan";

export const DEMO_PASSWORD = "demo-losenord";

export interface DemoUser {
  email: string;
  name: string;
  role: Role;
  municipality: string;
}

const roleUsers = (slug: string, names: Record<Role, string>): DemoUser[] =>
  (Object.keys(names) as Role[]).map((role) => ({
    email: `${role.toLowerCase()}@${slug}.example`,
    name: names[role],
    role,
    municipality: slug,
  }));

/** Shown on the sign-in page in demo mode. */
export const DEMO_USERS: DemoUser[] = [
  ...roleUsers("exempelstad", {
    LEDAMOT: "Siv Ledamotsson",
    SEKRETERARE: "Sara Sekreterare",
    HANDLAGGARE: "Hans Handläggare",
    ADMINISTRATOR: "Anna Administratör",
  }),
  ...roleUsers("vimmerby", {
    LEDAMOT: "Vilma Ledamot",
    SEKRETERARE: "Viktor Sekreterare",
    HANDLAGGARE: "Vera Handläggare",
    ADMINISTRATOR: "Valter Administratör",
  }),
  ...roleUsers("alingsas", {
    LEDAMOT: "Alva Ledamot",
    SEKRETERARE: "Albin Sekreterare",
    HANDLAGGARE: "Agnes Handläggare",
    ADMINISTRATOR: "Arvid Administratör",
  }),
  ...roleUsers("mjolby", {
    LEDAMOT: "Maja Ledamot",
    SEKRETERARE: "Mats Sekreterare",
    HANDLAGGARE: "Mira Handläggare",
    ADMINISTRATOR: "Magnus Administratör",
  }),
];

type Ids = Record<string, string>;

async function demoUsers(
  prisma: PrismaClient,
  municipalityId: string,
  template: DemoMunicipality,
  slug: string,
  passwordHash: string,
  o: { kf: string; ks: string; secretaryOf: string[]; unitId: string },
) {
  for (const u of DEMO_USERS.filter((d) => d.municipality === template)) {
    await createUser(prisma, municipalityId, {
      email: u.email.replace(`@${template}.`, `@${slug}.`),
      name: u.name,
      role: u.role,
      passwordHash,
      unitId: u.role === "HANDLAGGARE" ? o.unitId : undefined,
      bodies:
        u.role === "LEDAMOT"
          ? [
              { bodyId: o.kf, role: "MEMBER" },
              { bodyId: o.ks, role: "MEMBER" },
            ]
          : u.role === "SEKRETERARE"
            ? o.secretaryOf.map((bodyId) => ({ bodyId, role: "SECRETARY" as const }))
            : [],
    });
  }
}

/** Seed 001: Vimmerby, KSAU 2020-02-25 §§ 14, 15, 34, 35, and § 11 of 2020-01-21 reported back in § 34. */
async function vimmerby(prisma: PrismaClient, passwordHash: string, slug: string) {
  const m = await createMunicipality(prisma, { slug, name: "Vimmerby kommun" });
  const id = m.id;
  const kf = await createBody(prisma, id, { name: "Kommunfullmäktige", shortName: "KF", kind: "FULLMAKTIGE" });
  const ks = await createBody(prisma, id, { name: "Kommunstyrelsen", shortName: "KS", kind: "STYRELSE" });
  const ksau = await createBody(prisma, id, {
    name: "Kommunstyrelsens arbetsutskott",
    shortName: "KSAU",
    kind: "UTSKOTT",
    parentId: ks.id,
  });
  const ksf = await createUnit(prisma, id, { name: "Kommunstyrelseförvaltningen", kind: "FORVALTNING" });
  const units: Ids = {};
  for (const name of ["Administrativa avdelningen", "Ekonomiavdelningen", "HR-avdelningen", "Utvecklingsavdelningen", "Samhällsbyggnadsavdelningen", "Fastighetsavdelningen"]) {
    units[name] = (await createUnit(prisma, id, { name, kind: "AVDELNING", parentId: ksf.id })).id;
  }
  await createUnit(prisma, id, { name: "Miljö- och byggnadsförvaltningen", kind: "FORVALTNING" });
  const admin = units["Administrativa avdelningen"];

  const jan = await createMeeting(prisma, id, { bodyId: ksau.id, date: "2020-01-21", place: "Stadshuset, Vimmerby" });
  const p11 = await createParagraph(prisma, id, jan, {
    number: 11,
    dnr: "2020/000053 000",
    title: "Uppföljning av uppdrag från KSAU och KS",
    decision:
      "Kommunstyrelsens arbetsutskott ger administrativa avdelningen i uppdrag att utarbeta en plan/rutin för hur uppdrag givna av arbetsutskottet och kommunstyrelsen ska återrapporteras till respektive instans.",
    sentTo: ["Administrativa avdelningen"],
  });

  const feb = await createMeeting(prisma, id, {
    bodyId: ksau.id,
    date: "2020-02-25",
    place: "Tunasalen",
    startTime: "13:00",
    endTime: "17:00",
    approvedOn: "2020-03-04",
    postedFrom: "2020-03-05",
    postedUntil: "2020-03-26",
  });
  await createParagraph(prisma, id, feb, {
    number: 14,
    dnr: "2020/000003 004",
    title: "Val av protokolljusterare",
    decision: "Kommunstyrelsens arbetsutskott väljer Helen Nilsson (S) att jämte ordförande justera dagens protokoll.",
  });
  await createParagraph(prisma, id, feb, {
    number: 15,
    dnr: "2020/000008 101",
    title: "Fastställande av dagordning",
    decision: "Kommunstyrelsens arbetsutskott fastställer dagordningen.",
  });
  const p34 = await createParagraph(prisma, id, feb, {
    number: 34,
    dnr: "2020/000053 000",
    title: "Uppföljning av uppdrag från KS och dess utskott",
    decision:
      "Kommunstyrelsens arbetsutskott godkänner administrativa avdelningens förslag till plan/rutin för uppföljningen av uppdrag givna av kommunstyrelsens utskott samt av kommunstyrelsen.",
    basis: [
      "Tjänsteskrivelse - Uppföljning av uppdrag från KSAU och KS",
      "Protokollsutdrag 2020-01-21 § 11 Uppföljning av uppdrag från KSAU och KS",
    ],
    sentTo: ["Kommunstyrelseförvaltningens avdelningar", "Utskottssekreterare", "Kommunstyrelsen och dess utskott för kännedom"],
  });
  await createParagraph(prisma, id, feb, {
    number: 35,
    dnr: "2020/000018 101",
    title: "Inbjudningar",
    decision:
      "Kommunstyrelsen beslutar följande med anledning av inkomna inbjudningar: Piku: Nationella Välfärdskonferens, 5-6 mars, Malmö – avstår. Konsumentverket/Forum för miljösmart konsumtion: webinarium, 26 mars – avstår. Landshövdingen/Region Kalmar län: Globala målen för hållbar utveckling, 24 april, Kalmar – avstår. Länsledningen/Landshövdingen: Möte med kommun- och regionledning, 27 mars, Kalmar Energikontor – personlig inbjudan; Jacob Käll (C), Marie Nicholson (M) och Carolina Leijonram, kommundirektör, deltar. SKR: Budgetdagen 2020, 27 maj, Stockholm – avstår.",
    basis: ["Inkomna inbjudningar"],
    sentTo: ["Jacob Käll", "Helen Nilsson", "Liselott Frejd"],
  });

  const routine = await createUppdrag(prisma, id, {
    paragraph: p11,
    decidedOn: "2020-01-21",
    title: "Utarbeta en plan/rutin för återrapportering av uppdrag",
    text: "Utarbeta en plan/rutin för hur uppdrag givna av arbetsutskottet och kommunstyrelsen ska återrapporteras till respektive instans.",
    unitIds: [admin],
    history: [
      { status: "NOT_STARTED", at: "2020-01-21" },
      { status: "IN_PROGRESS", at: "2020-02-03", comment: "Administrativa avdelningen tar fram förslag till plan och rutin." },
      {
        status: "COMPLETED",
        at: "2020-02-25",
        comment: "Återrapporterat till arbetsutskottet 2020-02-25 § 34, som godkände förslaget till plan/rutin.",
        reportedAtMeetingId: feb.id,
      },
    ],
  });
  await linkUppdrag(prisma, id, { uppdragId: routine.id, paragraphId: p34.id, kind: "REPORTED" });

  await createUppdrag(prisma, id, {
    paragraph: p34,
    decidedOn: "2020-02-25",
    title: "Införa rutinen för uppföljning av uppdrag i KS och dess utskott",
    text: "Införa den godkända planen/rutinen för uppföljning av uppdrag givna av kommunstyrelsen och samtliga dess utskott, och från och med inledningen av 2021 utveckla formerna för uppföljningen utifrån kommunstyrelsens och utskottens behov.",
    unitIds: [admin],
    history: [
      { status: "NOT_STARTED", at: "2020-02-25" },
      {
        status: "IN_PROGRESS",
        at: "2020-03-10",
        comment: "Utskottssekreterarna samlar in status på givna uppdrag som en del av den löpande ärendeprocessen.",
        plannedCompletion: "2021-03-31",
      },
    ],
  });

  await demoUsers(prisma, id, "vimmerby", slug, passwordHash, { kf: kf.id, ks: ks.id, secretaryOf: [ks.id, ksau.id], unitId: admin });
}

/** Seed 002: KS 2020-04-20 § 54 and its återrapportering. The municipality is not named in the document. */
async function exempelstad(prisma: PrismaClient, passwordHash: string, slug: string) {
  const m = await createMunicipality(prisma, {
    slug,
    name: "Exempelstads kommun",
    diariumUrlPattern: "https://diarium.exempelstad.example/arende?dnr={dnr}",
  });
  const id = m.id;
  const kf = await createBody(prisma, id, { name: "Kommunfullmäktige", shortName: "KF", kind: "FULLMAKTIGE" });
  const ks = await createBody(prisma, id, { name: "Kommunstyrelsen", shortName: "KS", kind: "STYRELSE" });
  await createBody(prisma, id, { name: "Kommunstyrelsens arbetsutskott", shortName: "KSAU", kind: "UTSKOTT", parentId: ks.id });
  const bun = await createBody(prisma, id, { name: "Barn- och utbildningsnämnden", shortName: "BUN", kind: "NAMND" });
  await createBody(prisma, id, { name: "Socialnämnden", shortName: "SN", kind: "NAMND" });
  await createBody(prisma, id, { name: "Tekniska nämnden", shortName: "TN", kind: "NAMND" });
  const klk = await createUnit(prisma, id, { name: "Kommunledningskontoret", shortName: "KLK", kind: "KONTOR" });
  for (const name of ["Ekonomiavdelningen", "HR-avdelningen", "Kansliavdelningen"]) {
    await createUnit(prisma, id, { name, kind: "AVDELNING", parentId: klk.id });
  }
  const forvaltningar: Ids = {};
  for (const name of ["Samhällsbyggnadsförvaltningen", "Barn- och utbildningsförvaltningen", "Socialförvaltningen", "Kultur- och fritidsförvaltningen", "Tekniska förvaltningen"]) {
    forvaltningar[name] = (await createUnit(prisma, id, { name, kind: "FORVALTNING" })).id;
  }

  const april = await createMeeting(prisma, id, { bodyId: ks.id, date: "2020-04-20", place: "Kommunhuset, sessionssalen" });
  const p54 = await createParagraph(prisma, id, april, {
    number: 54,
    title: "Svar på revisionsrapport gällande uppföljande granskning av verkställighet av beslut",
    decision:
      "Kommunstyrelsen beslutar att uppdra åt kommunledningskontoret att utreda om det, med den teknik som finns tillgänglig i dag, är möjligt att på ett enkelt sätt lägga ut ärendebalanslistor, som kontinuerligt uppdateras av tjänstemännen. De kan i så fall läggas in i en särskild pärm i paddan, tillgänglig för kommunstyrelsen. På så sätt kan ledamöterna närhelst de önskar gå in och granska hur långt ärendena kommit, var i hanteringen de ligger, orsaken till att de dröjer och så vidare.",
    sentTo: ["Kommunledningskontoret", "Revisorerna"],
  });
  // The document dates the report after KF's 7 December 2020 meeting but not
  // the KS meeting that received it; 2021-01-25 is the demo's assumption.
  const jan = await createMeeting(prisma, id, { bodyId: ks.id, date: "2021-01-25", place: "Kommunhuset, sessionssalen" });
  const p8 = await createParagraph(prisma, id, jan, {
    number: 8,
    title: "Återrapportering om uppdrag att införa kontinuerligt uppdaterade ärendebalanslistor för förtroendevaldas tillgång",
    decision: "Kommunstyrelsen noterar informationen och lägger återrapporteringen till handlingarna.",
    basis: [
      "Tjänsteutlåtande, Återrapportering om uppdrag att införa kontinuerligt uppdaterade ärendebalanslistor för förtroendevaldas tillgång",
      "Kommunstyrelsens beslut, Svar på revisionsrapport gällande uppföljande granskning av verkställighet av beslut, KS 2020-04-20 § 54",
    ],
    sentTo: ["Kommunledningskontoret"],
  });
  const balans = await createUppdrag(prisma, id, {
    paragraph: p54,
    decidedOn: "2020-04-20",
    title: "Utreda kontinuerligt uppdaterade ärendebalanslistor för förtroendevalda",
    text: "Utreda om det, med den teknik som finns tillgänglig i dag, är möjligt att på ett enkelt sätt lägga ut ärendebalanslistor, som kontinuerligt uppdateras av tjänstemännen, i en särskild pärm i paddan tillgänglig för kommunstyrelsen.",
    unitIds: [klk.id],
    responsiblePerson: "Samuel Larsson",
    history: [
      { status: "NOT_STARTED", at: "2020-04-20" },
      {
        status: "IN_PROGRESS",
        at: "2020-09-14",
        comment: "Kommunledningskontoret utreder möjligheten; ett systemstöd för nämndövergripande uppföljning håller på att införas.",
        plannedCompletion: "2020-12-31",
      },
      {
        status: "DELAYED",
        at: "2020-12-07",
        comment: "Inköp av licenser och utbildning av handläggarna för det nya systemstödet återstår; återrapportering sker i början av 2021.",
        plannedCompletion: "2021-01-31",
      },
      {
        status: "COMPLETED",
        at: "2021-01-25",
        comment: "Återrapporterat till kommunstyrelsen, som noterade informationen och lade återrapporteringen till handlingarna.",
        reportedAtMeetingId: jan.id,
      },
    ],
  });
  await linkUppdrag(prisma, id, { uppdragId: balans.id, paragraphId: p8.id, kind: "REPORTED" });

  // A children's-services meeting in the fictional municipality (not from a
  // seed): the words members search for in their inflected forms.
  const bunMeeting = await createMeeting(prisma, id, { bodyId: bun.id, date: "2025-09-22", place: "Utbildningskontoret" });
  const buf = forvaltningar["Barn- och utbildningsförvaltningen"];
  const bunItems = [
    { number: 61, dnr: "BUN 2025/112", title: "Behov av nya förskolor i Norrby", uppdrag: "Utreda behovet av nya förskolor i Norrby", deadline: "2026-03-31" },
    { number: 62, dnr: "BUN 2025/118", title: "Förskolornas utemiljöer", uppdrag: "Ta fram en plan för att förbättra förskolornas utemiljöer", deadline: "2026-06-30" },
    { number: 63, dnr: "BUN 2025/131", title: "Förskolan Solrosens lokaler", uppdrag: "Se över förskolan Solrosens lokaler och ventilation", deadline: "2025-12-31" },
  ];
  for (const it of bunItems) {
    const p = await createParagraph(prisma, id, bunMeeting, {
      number: it.number,
      dnr: it.dnr,
      title: it.title,
      decision: `Barn- och utbildningsnämnden ger barn- och utbildningsförvaltningen i uppdrag att ${it.uppdrag.charAt(0).toLowerCase()}${it.uppdrag.slice(1)}.`,
      sentTo: ["Barn- och utbildningsförvaltningen"],
    });
    await createUppdrag(prisma, id, {
      paragraph: p,
      decidedOn: "2025-09-22",
      title: it.uppdrag,
      text: `${it.uppdrag}. Uppdraget återrapporteras till nämnden.`,
      unitIds: [buf],
      deadline: it.deadline,
      history: [
        { status: "NOT_STARTED", at: "2025-09-22" },
        { status: "IN_PROGRESS", at: "2025-10-06", comment: "Förvaltningen har påbörjat en inventering.", plannedCompletion: it.deadline },
      ],
    });
  }

  // Motioner and medborgarförslag (issue #17; not from a seed): some waiting
  // over a year, one close to its year, one anonymised, one answered.
  const tn = (await prisma.body.findFirstOrThrow({ where: { municipalityId: id, shortName: "TN" }, select: { id: true } })).id;
  await createMotion(prisma, id, {
    title: "Ärendebalanslistor för alla nämnder",
    proposers: [{ name: "Johan Ek", party: "M" }],
    raisedOn: "2025-03-17",
    raisedAtNumber: 41,
    dnr: "KS 2025/77",
    preparingBodyId: ks.id,
    handlaggareName: "Samuel Larsson",
    steps: [
      { state: "REMITTERAD", on: "2025-04-07", comment: "Remitterad till kommunstyrelsen." },
      {
        state: "UNDER_BEREDNING",
        on: "2025-09-01",
        preparationNote: "Kommunledningskontoret har infört listorna för kommunstyrelsen; nämnderna ska ansluta när det nya ärendehanteringssystemet är på plats, tidigast hösten 2027.",
      },
    ],
  });
  await createMotion(prisma, id, {
    title: "Solceller på kommunens fastigheter",
    proposers: [
      { name: "Sofia Lund", party: "MP" },
      { name: "Ali Hassan", party: "S" },
    ],
    raisedOn: "2026-01-26",
    raisedAtNumber: 9,
    dnr: "KS 2026/15",
    preparingBodyId: tn,
    handlaggareName: "Eva Strand",
    steps: [{ state: "REMITTERAD", on: "2026-02-09", comment: "Remitterad till tekniska nämnden.", preparationNote: "Tekniska förvaltningen inventerar vilka tak som bär solceller." }],
  });
  await createMotion(prisma, id, {
    kind: "MEDBORGARFORSLAG",
    title: "Fler papperskorgar i centrum",
    proposers: [{ name: "Karl Svensson" }],
    raisedOn: "2026-09-14",
    raisedAtNumber: 102,
    dnr: "KS 2026/311",
  });
  await createMotion(prisma, id, {
    kind: "MEDBORGARFORSLAG",
    title: "Trygg belysning i Stadsparken",
    proposers: [],
    anonymised: true,
    raisedOn: "2024-10-21",
    raisedAtNumber: 131,
    dnr: "KS 2024/402",
    preparingBodyId: tn,
    steps: [
      { state: "REMITTERAD", on: "2024-11-04" },
      { state: "UNDER_BEREDNING", on: "2025-02-10", preparationNote: "Belysningen ingår i parkens upprustning, som väntar på investeringsbeslut i budget 2027." },
    ],
  });
  const kfJune = await createMeeting(prisma, id, { bodyId: kf.id, date: "2026-06-15", place: "Kommunhuset, sessionssalen" });
  const p88 = await createParagraph(prisma, id, kfJune, {
    number: 88,
    dnr: "KS 2025/140",
    title: "Svar på motion om läxhjälp på biblioteken",
    decision: "Kommunfullmäktige avslår motionen.",
    sentTo: ["Motionären", "Kultur- och fritidsnämnden"],
  });
  await createMotion(prisma, id, {
    title: "Läxhjälp på biblioteken",
    proposers: [{ name: "Lisa Berg", party: "L" }],
    raisedOn: "2025-05-19",
    raisedAtNumber: 63,
    dnr: "KS 2025/140",
    handlaggareName: "Nora Qvist",
    steps: [{ state: "REMITTERAD", on: "2025-06-02", preparationNote: "Biblioteken erbjuder redan läxhjälp två dagar i veckan med frivilliga." }],
    answer: { paragraphId: p88.id, on: "2026-06-15", outcome: "AVSLAGEN" },
  });

  // Seed 002 counts 25 uppdrag of KF and KS in the December 2020 report; the
  // rest of this fictional municipality's list is generated (fixed random seed).
  await generateUppdrag(prisma, { municipalityId: id, count: 60, seed: 2020, today: new Date(Date.UTC(2026, 10, 25)) });

  await demoUsers(prisma, id, "exempelstad", slug, passwordHash, {
    kf: kf.id,
    ks: ks.id,
    secretaryOf: [kf.id, ks.id],
    unitId: klk.id,
  });

  // The open public view (/offentlig/exempelstad) is on here, with status comments, without officials' names.
  await prisma.municipality.update({ where: { id }, data: { publicView: true, publicShowComments: true } });
}

/** Seed 004: Alingsås, the chain KF 2017-06-14 § 142 → … → KF 2018-11-28 § 205 "genomförs ej". */
async function alingsas(prisma: PrismaClient, passwordHash: string, slug: string) {
  const m = await createMunicipality(prisma, { slug, name: "Alingsås kommun" });
  const id = m.id;
  const kf = await createBody(prisma, id, { name: "Kommunfullmäktige", shortName: "KF", kind: "FULLMAKTIGE" });
  const ks = await createBody(prisma, id, { name: "Kommunstyrelsen", shortName: "KS", kind: "STYRELSE" });
  const klk = await createUnit(prisma, id, { name: "Kommunledningskontoret", shortName: "KLK", kind: "KONTOR" });
  const jku = await createUnit(prisma, id, { name: "Enheten för juridik, kansli och upphandling", kind: "ENHET", parentId: klk.id });

  const kf2017 = await createMeeting(prisma, id, { bodyId: kf.id, date: "2017-06-14" });
  const p142 = await createParagraph(prisma, id, kf2017, {
    number: 142,
    title: "Politisk handlingsplan Effekt",
    decision: "Kommunfullmäktige beslutar om den politiska handlingsplanen Effekt.",
    sentTo: ["Kommunstyrelsen"],
  });
  const ks2017 = await createMeeting(prisma, id, { bodyId: ks.id, date: "2017-09-11" });
  const p159 = await createParagraph(prisma, id, ks2017, {
    number: 159,
    title: "Genomförandeplan för handlingsplanen Effekt",
    decision: "Kommunstyrelsen beslutar om genomförandeplan av handlingsplanen Effekt.",
    sentTo: ["Kommunledningskontoret"],
  });
  const ksMay = await createMeeting(prisma, id, { bodyId: ks.id, date: "2018-05-28" });
  const p93 = await createParagraph(prisma, id, ksMay, {
    number: 93,
    title: "Senareläggning av uppdrag att samla kommunens stödfunktioner",
    decision:
      "Kommunstyrelsen beslutar att senarelägga uppdraget att samla och centralisera personal inom yrkeskategorierna HR-strateger, kommunikatörer och nämndsekreterare.",
    sentTo: ["Kommunledningskontoret"],
  });
  const ksNov = await createMeeting(prisma, id, { bodyId: ks.id, date: "2018-11-12" });
  const p197 = await createParagraph(prisma, id, ksNov, {
    number: 197,
    dnr: "2018.303 KS",
    title: "Genomförande handlingsplan Effekt # 6.0 - Samla kommunens stödfunktioner",
    decision:
      "Kommunstyrelsen föreslår kommunfullmäktige besluta att den del i handlingsplan Effekt # 6 som rör nämndsekreterare inte genomförs.",
    sentTo: ["Kommunfullmäktige"],
  });
  const kfNov = await createMeeting(prisma, id, { bodyId: kf.id, date: "2018-11-28" });
  const p205 = await createParagraph(prisma, id, kfNov, {
    number: 205,
    dnr: "2018.303 KS",
    title: "Genomförande handlingsplan Effekt # 6.0 - Samla kommunens stödfunktioner",
    decision: "Den del i handlingsplan Effekt # 6 som rör nämndsekreterare genomförs ej.",
    basis: ["Kommunledningskontorets skrivelse 2018-11-06", "Kommunstyrelsens beslut 2018-11-12 § 197"],
    sentTo: ["Kommunstyrelsen", "Kommunledningskontoret"],
  });

  const effekt = await createUppdrag(prisma, id, {
    paragraph: p142,
    decidedOn: "2017-06-14",
    title: "Samla kommunens stödfunktioner (handlingsplan Effekt # 6.0)",
    text: "Kommunledningskontoret har i uppdrag att samla kommunens stödfunktioner i form av controllers, HR-strateger, kommunikatörer och nämndsekreterare under år 2018.",
    unitIds: [klk.id],
    deadline: "2018-12-31",
    history: [
      { status: "NOT_STARTED", at: "2017-06-14" },
      {
        status: "IN_PROGRESS",
        at: "2017-09-11",
        comment: "Genomförandeplan beslutad av kommunstyrelsen 2017-09-11 § 159. Genomlysning av förutsättningarna för att samla nämndsekreterarna under hösten 2017.",
        plannedCompletion: "2018-12-31",
      },
      {
        status: "ON_HOLD",
        at: "2018-05-28",
        comment: "Kommunstyrelsen senarelade 2018-05-28 § 93 uppdraget att samla och centralisera HR-strateger, kommunikatörer och nämndsekreterare.",
      },
      {
        status: "NOT_CARRIED_OUT",
        at: "2018-11-28",
        comment:
          "Kommunfullmäktige beslutade 2018-11-28 § 205 att den del som rör nämndsekreterare genomförs ej: sekreterarskapet är 10–25 procent av tjänsterna och en centralisering ger inga besparingar. Kanslistrategerna samordnar i stället ärendehanteringen.",
      },
    ],
  });
  await linkUppdrag(prisma, id, { uppdragId: effekt.id, paragraphId: p159.id, kind: "CHANGED", note: "Genomförandeplan" });
  await linkUppdrag(prisma, id, { uppdragId: effekt.id, paragraphId: p93.id, kind: "POSTPONED" });
  await linkUppdrag(prisma, id, { uppdragId: effekt.id, paragraphId: p197.id, kind: "REPORTED", note: "Förslag till kommunfullmäktige" });
  await linkUppdrag(prisma, id, { uppdragId: effekt.id, paragraphId: p205.id, kind: "CANCELLED", note: "Delen om nämndsekreterare genomförs ej" });

  await alingsasMotions(prisma, id, { kf: kf.id, ks: ks.id, klk: klk.id });

  await demoUsers(prisma, id, "alingsas", slug, passwordHash, { kf: kf.id, ks: ks.id, secretaryOf: [kf.id, ks.id], unitId: jku.id });
}

/**
 * Alingsås' motioner and medborgarförslag (issue #17; not from a seed): two over
 * a year old, one avskriven, one anonymised, and one bifallen whose uppdrag is
 * under way. KF 2026-11-23 § 151 answers a motion not yet registered (the
 * end-to-end test registers it).
 */
async function alingsasMotions(prisma: PrismaClient, id: string, o: { kf: string; ks: string; klk: string }) {
  const kf2024 = await createMeeting(prisma, id, { bodyId: o.kf, date: "2024-11-27" });
  const p201 = await createParagraph(prisma, id, kf2024, {
    number: 201,
    dnr: "2024.310 KS",
    title: "Anmälan av motioner som inte har beretts inom ett år",
    decision: "Kommunfullmäktige avskriver motionen om kommunal simskola året runt.",
    sentTo: ["Kommunstyrelsen"],
  });
  const kfNov = await createMeeting(prisma, id, { bodyId: o.kf, date: "2026-11-23" });
  const p148 = await createParagraph(prisma, id, kfNov, {
    number: 148,
    dnr: "2025.288 KS",
    title: "Svar på motion om fler laddstolpar vid kommunens anläggningar",
    decision: "Kommunfullmäktige bifaller motionen och ger kommunstyrelsen i uppdrag att bygga ut laddinfrastrukturen vid kommunens anläggningar.",
    sentTo: ["Kommunstyrelsen", "Motionären"],
  });
  const p149 = await createParagraph(prisma, id, kfNov, {
    number: 149,
    dnr: "2026.041 KS",
    title: "Svar på medborgarförslag om hundrastgård i Nolhaga",
    decision: "Kommunfullmäktige avslår medborgarförslaget.",
    sentTo: ["Förslagsställaren"],
  });
  await createParagraph(prisma, id, kfNov, {
    number: 151,
    dnr: "2026.099 KS",
    title: "Svar på motion om gröna skolgårdar",
    decision: "Kommunfullmäktige bifaller motionen och ger kommunstyrelsen i uppdrag att ta fram en plan för gröna skolgårdar.",
    sentTo: ["Kommunstyrelsen", "Motionären"],
  });

  await createMotion(prisma, id, {
    title: "Inför medborgarbudget",
    proposers: [{ name: "Per Sand", party: "V" }],
    raisedOn: "2024-06-19",
    raisedAtNumber: 112,
    dnr: "2024.190 KS",
    preparingBodyId: o.ks,
    handlaggareName: "Agnes Handläggare",
    steps: [
      { state: "REMITTERAD", on: "2024-08-26", comment: "Remitterad till kommunstyrelsen." },
      {
        state: "UNDER_BEREDNING",
        on: "2025-03-10",
        preparationNote: "Kommunledningskontoret har hämtat in erfarenheter från tre kommuner. En medborgarbudget kräver ändringar i budgetprocessen och bereds vidare inför budget 2028.",
      },
    ],
  });
  await createMotion(prisma, id, {
    title: "Gratis kollektivtrafik för pensionärer",
    proposers: [
      { name: "Lena Holm", party: "S" },
      { name: "Erik Dahl", party: "S" },
    ],
    raisedOn: "2025-04-23",
    raisedAtNumber: 71,
    dnr: "2025.122 KS",
    preparingBodyId: o.ks,
    steps: [{ state: "REMITTERAD", on: "2025-05-12", preparationNote: "Västtrafik har ombetts beräkna kostnaden; svar väntas i början av 2027." }],
  });
  await createMotion(prisma, id, {
    kind: "MEDBORGARFORSLAG",
    title: "Belysning på gång- och cykelvägen vid Mjörn",
    proposers: [],
    anonymised: true,
    raisedOn: "2026-05-27",
    raisedAtNumber: 96,
    dnr: "2026.170 KS",
    preparingBodyId: o.ks,
    steps: [{ state: "REMITTERAD", on: "2026-06-08" }],
  });
  await createMotion(prisma, id, {
    title: "Kommunal simskola året runt",
    proposers: [{ name: "Tove Ahl", party: "KD" }],
    raisedOn: "2023-03-29",
    raisedAtNumber: 58,
    dnr: "2023.087 KS",
    preparingBodyId: o.ks,
    steps: [{ state: "REMITTERAD", on: "2023-04-17", preparationNote: "Simhallen är stängd för renovering till 2026; frågan kan inte prövas dessförinnan." }],
    answer: { paragraphId: p201.id, on: "2024-11-27", outcome: "AVSKRIVEN", comment: "Avskriven enligt kommunallagen 5 kap. 35 §." },
  });
  await createMotion(prisma, id, {
    kind: "MEDBORGARFORSLAG",
    title: "Hundrastgård i Nolhaga",
    proposers: [{ name: "Maria Nyström" }],
    raisedOn: "2026-02-25",
    raisedAtNumber: 33,
    dnr: "2026.041 KS",
    preparingBodyId: o.ks,
    steps: [{ state: "REMITTERAD", on: "2026-03-09", preparationNote: "Platsen ligger inom naturreservatet; en hundrastgård kräver dispens som inte bedöms kunna ges." }],
    answer: { paragraphId: p149.id, on: "2026-11-23", outcome: "AVSLAGEN" },
  });
  const laddstolpar = await createMotion(prisma, id, {
    title: "Fler laddstolpar vid kommunens anläggningar",
    proposers: [{ name: "Karin Berg", party: "C" }],
    raisedOn: "2025-09-24",
    raisedAtNumber: 162,
    dnr: "2025.288 KS",
    preparingBodyId: o.ks,
    handlaggareName: "Agnes Handläggare",
    steps: [
      { state: "REMITTERAD", on: "2025-10-06" },
      { state: "UNDER_BEREDNING", on: "2026-03-02", preparationNote: "Elva anläggningar saknar laddning; en utbyggnad ryms i investeringsbudgeten 2027." },
    ],
    answer: { paragraphId: p148.id, on: "2026-11-23", outcome: "BIFALLEN" },
  });
  const u = await createUppdrag(prisma, id, {
    paragraph: p148,
    decidedOn: "2026-11-23",
    title: "Bygga ut laddinfrastrukturen vid kommunens anläggningar",
    text: "Bygga ut laddinfrastrukturen vid kommunens anläggningar, enligt kommunfullmäktiges bifall till motionen om fler laddstolpar.",
    unitIds: [o.klk],
    deadline: "2027-12-31",
    history: [
      { status: "NOT_STARTED", at: "2026-11-23" },
      { status: "IN_PROGRESS", at: "2026-12-01", comment: "Upphandling av laddstolpar påbörjad.", plannedCompletion: "2027-10-31" },
    ],
  });
  await linkUppdragToMotion(prisma, u.id, laddstolpar.id);
}

/** Seed 003: Mjölby's bodies and units, and kommunstyrelsen's verksamhetsplan 2016 with its follow-up (mjolby-plan.ts). */
async function mjolby(prisma: PrismaClient, passwordHash: string, slug: string) {
  const m = await createMunicipality(prisma, { slug, name: "Mjölby kommun" });
  const id = m.id;
  const kf = await createBody(prisma, id, { name: "Kommunfullmäktige", shortName: "KF", kind: "FULLMAKTIGE" });
  const ks = await createBody(prisma, id, { name: "Kommunstyrelsen", shortName: "KS", kind: "STYRELSE" });
  const ksau = await createBody(prisma, id, { name: "Kommunstyrelsens arbetsutskott", shortName: "KSAU", kind: "UTSKOTT", parentId: ks.id });
  await createBody(prisma, id, { name: "Tekniska nämnden", shortName: "TN", kind: "NAMND" });
  await createBody(prisma, id, { name: "Krisledningsnämnden", shortName: "KLN", kind: "NAMND" });
  const ksf = await createUnit(prisma, id, { name: "Kommunstyrelseförvaltningen", kind: "FORVALTNING" });
  const klk = await createUnit(prisma, id, { name: "Kommunledningskontoret", shortName: "KLK", kind: "KONTOR", parentId: ksf.id });
  await createUnit(prisma, id, { name: "Tillväxtkontoret", kind: "KONTOR", parentId: ksf.id });
  for (const name of ["Personalavdelningen", "Ekonomiavdelningen", "IT-avdelningen"]) {
    await createUnit(prisma, id, { name, kind: "AVDELNING", parentId: ksf.id });
  }
  const stf = await createUnit(prisma, id, { name: "Service- och teknikförvaltningen", kind: "FORVALTNING" });
  await createUnit(prisma, id, { name: "Kostservice", kind: "ENHET", parentId: stf.id });
  await createUnit(prisma, id, { name: "Utbildningsförvaltningen", kind: "FORVALTNING" });
  await createUnit(prisma, id, { name: "Socialförvaltningen", kind: "FORVALTNING" });
  const mbf = await createUnit(prisma, id, { name: "Miljö- och byggnadsförvaltningen", kind: "FORVALTNING" });
  await createUnit(prisma, id, { name: "Miljökontoret", kind: "KONTOR", parentId: mbf.id });
  await createUnit(prisma, id, { name: "Byggnadskontoret", kind: "KONTOR", parentId: mbf.id });
  await loadMjolbyPlan(prisma, id, { ks: ks.id, ksau: ksau.id });

  await demoUsers(prisma, id, "mjolby", slug, passwordHash, { kf: kf.id, ks: ks.id, secretaryOf: [ks.id, ksau.id], unitId: klk.id });
}

/** Loads the demo data into an empty database; does nothing when any municipality exists. */
export async function ensureDemoData(prisma: PrismaClient): Promise<boolean> {
  if ((await prisma.municipality.count()) > 0) return false;
  await loadDemoData(prisma);
  return true;
}

const BUILDERS = { vimmerby, exempelstad, alingsas, mjolby } as const;
export type DemoMunicipality = keyof typeof BUILDERS;
export const DEMO_MUNICIPALITIES = Object.keys(BUILDERS) as DemoMunicipality[];

export async function loadDemoData(prisma: PrismaClient): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD); // one hash: every demo user has the same password
  for (const template of DEMO_MUNICIPALITIES) await BUILDERS[template](prisma, passwordHash, template);
}

/**
 * A copy of one demo municipality under another slug, its users signing in as
 * `role@SLUG.example` with the demo password. The end-to-end tests give each
 * test file copies of its own (scripts/e2e-server.ts), so no file sees another's changes.
 */
export async function loadDemoMunicipalityCopy(prisma: PrismaClient, template: DemoMunicipality, slug: string, passwordHash?: string): Promise<void> {
  await BUILDERS[template](prisma, passwordHash ?? (await hashPassword(DEMO_PASSWORD)), slug);
}
