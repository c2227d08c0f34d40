// A long protocol in the style of seed 001 (Vimmerby KSAU): a first page with
// attendance and signatures, a table of contents, then one paragraph after
// another with "Dnr 2020/000053 000", decision, background, beslutsunderlag and
// "Beslutet skickas till", and the body's name and a signature footer on every
// page. Used by the parser bench and its test; deterministic.

const SUBJECTS = [
  ["Uppföljning av uppdrag från KS och dess utskott", "administrativa avdelningen", "Administrativa avdelningen"],
  ["Revidering av riktlinjer för representation", "ekonomiavdelningen", "Ekonomiavdelningen"],
  ["Lokalförsörjningsplan för förskolor", "fastighetsavdelningen", "Fastighetsavdelningen"],
  ["Översyn av kommunens bredbandsstrategi", "utvecklingsavdelningen", "Utvecklingsavdelningen"],
  ["Detaljplan för kvarteret Lönnen", "samhällsbyggnadsavdelningen", "Samhällsbyggnadsavdelningen"],
  ["Kompetensförsörjningsplan 2021–2023", "HR-avdelningen", "HR-avdelningen"],
] as const;

const BACKGROUND = [
  "Kommunstyrelsens arbetsutskott har tidigare behandlat ärendet och begärt ett kompletterande underlag från förvaltningen.",
  "Förvaltningen har sammanställt erfarenheter från andra kommuner i länet och bedömer att förslaget kan genomföras inom befintlig budgetram.",
  "Ärendet har beretts i samverkan med berörda avdelningar och de fackliga organisationerna har informerats enligt gällande samverkansavtal.",
  "Idag saknas en samlad plan, vilket från och till innebär att frågor blir liggande utan att återrapporteras till kommunstyrelsen.",
];

/** About `pages` pages (55 lines each) of minutes, the body's decisions numbered from § 14. */
export function longProtocol(pages = 60): string {
  const out: string[] = [];
  let page = 1;
  let lineOnPage = 0;
  const header = () => {
    out.push("", "Kommunstyrelsens arbetsutskott", "Sammanträdesdatum 2020-02-25", `Sida ${page}`, "");
    lineOnPage = 5;
  };
  const footer = () => {
    out.push("", "Justerandes sign\tUtdragsbestyrkande", "_____\t_____", "\f");
    page++;
  };
  const push = (...lines: string[]) => {
    for (const line of lines) {
      if (lineOnPage >= 50) {
        footer();
        header();
      }
      out.push(line);
      lineOnPage++;
    }
  };

  header();
  push(
    "Plats och tid\tTunasalen, tisdagen den 25 februari 2020 kl 13:00-17.00",
    "Beslutande\tLedamöter Jacob Käll (C), ordförande Niklas Gustafsson (M), 1:e vice ordförande Helen Nilsson (S)",
    "Protokolljusterare\tHelen Nilsson (S)",
    "Justeringens plats och tid\tStadshuset, Vimmerby",
    "Sekreterare\t_____ Michael Ekström",
    "Ordförande\t_____ Jacob Käll",
  );
  const count = Math.ceil(pages * 1.6); // about as many paragraphs as fit on the pages
  push("", "Innehållsförteckning", "");
  for (let k = 0; k < count; k++) {
    const [title] = SUBJECTS[k % SUBJECTS.length];
    push(`§ ${14 + k}\tDnr 2020/${String(100 + k).padStart(6, "0")} 00${k % 9}\t${3 + k}`, `\t${title}\t${3 + k}`);
  }
  for (let k = 0; page <= pages; k++) {
    const [title, unit, Unit] = SUBJECTS[k % SUBJECTS.length];
    push(
      "",
      `§ ${14 + k}`,
      "",
      `Dnr 2020/${String(100 + k).padStart(6, "0")} 00${k % 9}`,
      "",
      title,
      "",
      "Kommunstyrelsens arbetsutskotts beslut",
      "",
      `Kommunstyrelsens arbetsutskott ger ${unit} i uppdrag att ta fram ett förslag i ärendet ${title.toLowerCase()}.`,
      "Uppdraget ska återrapporteras till arbetsutskottet senast den 30 juni 2020.",
      "",
      "Sammanfattning",
      "",
      ...BACKGROUND.map((b, i) => BACKGROUND[(i + k) % BACKGROUND.length] ?? b),
      "",
      "Beslutsunderlag",
      "",
      `Tjänsteskrivelse - ${title}`,
      "",
      "Beslutet skickas till",
      "",
      Unit,
      "Kommunstyrelsen för kännedom",
    );
  }
  footer();
  return out.join("\n");
}
