// npm run seed                       load the demo data into an empty database
// npm run seed -- --uppdrag 10000    add generated uppdrag (for benchmarks)
//                 [--municipality SLUG] [--seed N]
// npm run seed -- --municipalities 290 --uppdrag-per 2000
//                                    a country's worth of generated municipalities (scale tests)
import { parseArgs } from "node:util";
import { openCliDatabase } from "./cli-db";
import { ensureDemoData } from "../src/server/seed/demo";
import { generateMunicipalities, generateUppdrag } from "../src/server/seed/generate";
import { mayLoadDemoData, NO_DEMO_IN_PRODUCTION } from "../src/server/config";

const { values } = parseArgs({
  options: {
    uppdrag: { type: "string" },
    municipality: { type: "string", default: "exempelstad" },
    seed: { type: "string", default: "1" },
    municipalities: { type: "string" },
    "uppdrag-per": { type: "string", default: "2000" },
  },
});

// Never into a production database: the demo users have a known password.
if (!mayLoadDemoData()) {
  console.error(NO_DEMO_IN_PRODUCTION);
  process.exit(1);
}

const db = await openCliDatabase();
try {
  const started = Date.now();
  const loaded = await ensureDemoData(db.prisma);
  console.log(loaded ? "Demodata inläst." : "Databasen har redan data; demodata hoppas över.");
  if (values.uppdrag) {
    const count = Number(values.uppdrag);
    if (!Number.isInteger(count) || count < 1) throw new Error("--uppdrag must be a positive integer");
    const m = await db.prisma.municipality.findUnique({ where: { slug: values.municipality }, select: { id: true } });
    if (!m) throw new Error(`no municipality with slug ${values.municipality}`);
    const n = await generateUppdrag(db.prisma, { municipalityId: m.id, count, seed: Number(values.seed) });
    console.log(`${n} uppdrag genererade i ${values.municipality} på ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  }
  if (values.municipalities) {
    const count = Number(values.municipalities);
    const uppdragPer = Number(values["uppdrag-per"]);
    if (!Number.isInteger(count) || count < 1 || count > 9999) throw new Error("--municipalities must be an integer from 1 to 9999");
    if (!Number.isInteger(uppdragPer) || uppdragPer < 1) throw new Error("--uppdrag-per must be a positive integer");
    const r = await generateMunicipalities(db.prisma, { count, uppdragPer, seed: Number(values.seed), log: (l) => console.log(l) });
    console.log(`${r.created} kommuner med ${r.uppdrag} uppdrag genererade på ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  }
} finally {
  await db.close();
}
