// Seed 003, transcribed: Mjölby kommunstyrelseförvaltningens "Uppföljning av
// verksamhetsplan 2016 per 160430" (KS § 91). Every goal, commitment, activity
// (önskat läge, nuläge, samverkan med, ansvarig and comment), indicator
// (ingångsvärde 160101, önskat läge, status) and summary comment of the
// document. Texts are as written, typing errors and the two sentences the
// document cuts off included ("Andel interna dokument till KS i", "Då
// intensifieras arbetet med"). The seed's "Kommentar tex ansvarig, förklaring
// till resultat, tid" column is split into the responsible (kept with the
// activity) and the comment of this follow-up. The "*" footnotes of the
// indicator tables become notes on the follow-up's values.
import type { PrismaClient } from "@/generated/prisma/client";
import type { PlanActivityStatus } from "@/generated/prisma/enums";
import { createMeeting, createParagraph, createUnit, createUppdrag, day } from "./factories";

/** Keys of the units an activity's responsible text names (resolved to Mjölby's units). */
type UnitKey = "KLK" | "TVK" | "PA" | "EA" | "IT" | "AME" | "MS";

export interface SeedActivity {
  name: string;
  target: string;
  status: PlanActivityStatus;
  partners: string | null;
  responsible: string | null;
  comment: string | null;
  units: UnitKey[];
}
export interface SeedIndicator {
  name: string;
  unit?: string;
  baseline: string | null;
  target: string;
  /** The status column: a value, "inga nya data" (null), or blank (undefined). */
  value: string | null | undefined;
  note?: string;
}
export interface SeedGoal {
  goal: string;
  commitment: string;
  activities: SeedActivity[];
  indicators: SeedIndicator[];
  summary: string;
}

const A = (
  name: string,
  target: string,
  status: PlanActivityStatus,
  partners: string | null,
  responsible: string | null,
  comment: string | null,
  units: UnitKey[],
): SeedActivity => ({ name, target, status, partners, responsible, comment, units });
const NO_DATA = null;
const BLANK = undefined;
const G16 = "Genomförs 2016";

export const MJOLBY_PLAN = {
  year: 2016,
  title: "Verksamhetsplan 2016 – kommunstyrelsens förvaltning",
  baselineDate: "2016-01-01",
  scope: [
    "Kommunstyrelsen har en ledande, samordnande och verkställande roll, men också uppgiften att ha uppsikten över all kommunal verksamhet inklusive kommunala bolag. Kommunstyrelsen leder, samordnar planering och uppföljning av kommunens ekonomi och verksamhet samt ansvarar för kommunens utveckling och ekonomiska ställning.",
    "Kommunstyrelsen kan liknas vid ett företags verkställande chef. Den är spindeln i nätet som ska se till att kommunens alla olika delar strävar efter de mål som fullmäktige uppställt.",
    "Kommunstyrelsens förvaltning arbetar med både ett medborgar- och näringslivsperspektiv samt ett internt samordnande och serviceinriktat perspektiv. Förvaltningen har ett stödjande uppdrag gentemot förvaltningarna och ska fungera som interna konsulter inom många områden. Omvärldsbevakning och kompetensutveckling är viktiga faktorer för förvaltningens verksamhet.",
    "Exempel på ansvarsområden är kanslifunktionen för kommunfullmäktige, kommunstyrelse och valnämnd samt personal-, ekonomi- och IT-verksamhet, näringslivs- och arbetsmarknadsfrågor, markexploatering, utvecklingsarbete, information, marknadsföring, växel och medborgarservice samt trygghets- och säkerhetsfrågor.",
  ].join("\n\n"),
  /** The occasion of the document. Its closing date is not in the document: the demo closes it on its as-of date. */
  occasion: { name: "per 30 april", asOf: "2016-04-30" },
  /** A later, open occasion, so the demo can be followed up. */
  nextOccasion: { name: "per 31 augusti", asOf: "2016-08-31" },
  goals: [
    {
      goal: "Mjölby kommun ska erbjuda attraktiva boendemiljöer och stimulera till ökad inflyttning",
      commitment: "Bilden av Mjölby kommun attraherar allt fler invånare till inflyttning, varumärket Mjölby kommun ska stärkas.",
      activities: [
        A("Utveckla en strategi för Mjölby kommuns profil", G16, "IN_PROGRESS", "Service och teknikförv.", "Tillväxtkontoret, KLK", null, ["TVK", "KLK"]),
        A("Utveckla informationsfilmer för Mjölby kommun", G16, "IN_PROGRESS", "Utbildning och omsorg", "Tillväxtkontoret, personalavd.", null, ["TVK", "PA"]),
        A("Boendekampanjer för bostäder", G16, "IN_PROGRESS", "Företag och bostadsbolaget", "Tillväxtkontoret", null, ["TVK"]),
        A("Utveckla en bostadsförsörjningsplan", G16, "IN_PROGRESS", "Alla förvaltningar", "KLK", "Även samverkan med bostadsbolaget och externa fastighetsägare.", ["KLK"]),
        A("Utveckla och implementera en exploateringsmodell", G16, "IN_PROGRESS", "Alla förvaltningar", "KLK", "Antagen av KS. Pågående arbete att informera alla förvaltningar", ["KLK"]),
      ],
      indicators: [
        { name: "Förändring av invånarantal", baseline: "26 602", target: "26 900", value: "26 611" },
        { name: "Rekommendation medborgarundersökningen", baseline: "66", target: "68", value: NO_DATA, note: "Nästa mätning genomförs år 2017" },
        { name: "Antal nyproducerade bostäder (tomter bostadsrätter/hyresrätter)", baseline: null, target: "40", value: NO_DATA },
      ],
      summary: [
        "Samtliga inplanerade aktiviteter pågår. Exploateringsmodellen har antagits av KS. Ett första utkast till bostadsförsörjningsprogram finns som beräknas antas under hösten. Vi kan redan nu i april månad konstatera att kommunen sålt fler småhustomter än tidigare år.",
        "När det gäller boendekampanjer har reklamfilm visats i tv 4 och på pendeltågen. Annonsering har skett på ljuslådor i Linköping och på Correns hemsida och mobilside. I april månad deltog kommunen i Mjölby bomässa med en monter. Reklamutskick har skett till Linköpings och Mjölbys tomtköer. Ett informationsblad kommer skickas ut till alla hushåll med information om kommunen.",
      ].join("\n\n"),
    },
    {
      goal: "Medborgarnas hälsa ska förbättras",
      commitment: "Utredda och föreslå arbetssätt för arbetet med folkhälsofrågor med utgångspunkt från Östgötakommissionen för folkhälsa",
      activities: [
        A("ANDT-strategin uppföljning", G16, "IN_PROGRESS", "Berörda förvaltningar", "KLK", null, ["KLK"]),
        A("Ta fram förslag på arbetssätt kopplat till Östgötakommissionen folkhälsa", G16, "IN_PROGRESS", "Region Östergötland, alla förvaltningar", "KLK", "Även i samarbete med länets kommuner", ["KLK"]),
        A("Revidering av kostpolicy", G16, "IN_PROGRESS", "Kostrådet", "KLK", "i samarbete med kostservice", ["KLK"]),
      ],
      indicators: [
        { name: "Andel elever på grund- och gymnasieskolan som druckit alkohol innan 18 år", unit: "%", baseline: "51%", target: "Minskning", value: NO_DATA },
        { name: "Andel närodlat/ekologiskt/fairtrade", baseline: "Sätts i samband med ny kostpolicy", target: "Ökning", value: NO_DATA },
      ],
      summary: [
        "Uppföljningen av ANDT-strategin har nyligen inletts.",
        "Avseende Östgötakommissionen för folkhälsa pågår det ett analysarbete tillsammans i regionen som ska ligga till grund för förslag till arbetssätt för Mjölby kommuns del. Under hösten inplaneras en kommungemensam information om innehållet i Östgötakommissionen för folkhälsa.",
        "Tekniska nämnden ansvarar för att ta fram ett förslag till reviderad kostpolicy. En arbetsgrupp med representanter från berörda förvaltningar förarbetar förslaget. Förslaget till kostpolicy kommer underställas kommunstyrelsen och därefter sändas ut på remiss.",
      ].join("\n\n"),
    },
    {
      goal: "Näringslivsklimatet i kommunen ska vara bland de 25 % bästa kommunerna i landet",
      commitment: "Samordningen av myndighetsutövning riktad till företag ska förbättras för ett bättre företagsklimat.",
      activities: [
        A("Aktiviteter utifrån ”Förenkla helt enkelt”", G16, "IN_PROGRESS", "Alla förvaltningar", "Tillväxtkontoret, KLK", null, ["TVK", "KLK"]),
        A("Utveckla tankesmedjan till ett näringslivsråd", G16, "COMPLETED", "Företag och företagsföreningar", "Tillväxtkontoret", null, ["TVK"]),
        A("Utreda omlastningscentral i Skänninge", G16, "IN_PROGRESS", "Service- och teknik och privata näringslivet", "Tillväxtkontoret", null, ["TVK"]),
        A("Träffar med nyetablerade företag i kommunen.", G16, "IN_PROGRESS", "Nyetablerade företag", "Tillväxtkontoret.", null, ["TVK"]),
      ],
      indicators: [
        // The document marks the target "*66" but gives no footnote for it.
        { name: "Ranking totala NKI för Mjölby kommun i Insikt.", baseline: "64", target: "66", value: NO_DATA },
        { name: "Antal företag och filialer i Mjölby kommun", baseline: "2580", target: "2600", value: NO_DATA },
        { name: "Antalet hektar framtagna verksamhetsmark (ha)", unit: "ha", baseline: "10", target: "5 ha", value: "0" },
        { name: "Antal såld verksamhetsmark under året", unit: "ha", baseline: "1,4 ha", target: "2,5 ha", value: "0" },
      ],
      summary: [
        "Ett näringslivsråd har införts. Programmet ”Förenkla helt enkelt” pågår. Kommunala företrädare har deltagit i flera delprogram som SKL håller i. Ett seminarium med ett sextiotal kommunala tjänstemän och politiker genomförs den 24 maj som sedan följs av två ytterligare seminarier i sept och okt. En workshop har genomförts med temat ”den empatiske byråkraten”.",
        "Ingen ny verksamhetsmark har tagits fram men det finns ledig mark. En detaljplan för ny infart Lundby antas i maj av BRN vilket möjliggör byggnation av ett nytt verksamhetsområde.",
      ].join("\n\n"),
    },
    {
      goal: "Utbildningsnivån ska höjas. Andelen sysselsatta i arbetsför ålder ska öka och försörjningsstödkostnaderna ska minska. (två kommunmål)",
      commitment:
        "Öka arbetsmarknadsenhetens deltagares möjligheter till inträde på arbetsmarknaden i god samverkan med övriga kommunala förvaltningar, arbetslivet och berörda myndigheter",
      activities: [
        A("Utveckling samarbete AME, Vuxenutbildning och Försörjningsstöd", G16, "IN_PROGRESS", "Strategisk ledningsnätverk", "AME i samarbete med berörda förvaltningar", null, ["AME"]),
        A("FRAMTIDSJOB", "2016", "IN_PROGRESS", "Omsorgen", "AME och OSF i samarbete med berörda förvaltningar.", null, ["AME"]),
        A("Utvecklingsarbete - samarbete AME och försörjningsstöd.", "2016", "IN_PROGRESS", "Omsorgen", "AME", "En handlingsplan ska verkställas för effektivisering av funktioner.", ["AME"]),
        A("Avsiktsförklaring samt underlag för Delegationen för ungdomar till arbete.", G16, "IN_PROGRESS", "Arbetsförmedlingen, Försörjningsstöd", "AME", "Startade 150901.", ["AME"]),
        A("Handlingsplan för organisering/genomförande av Kommunala aktivitetsansvaret", "Genomförs 2015", "IN_PROGRESS", "Strategisk ledningsnätverk", "AME i samarbete med UTB, OSF, KoF.", null, ["AME"]),
        A("Organisering av alla platser för arbetsmarknadspolitiska åtgärder i kommunen.", G16, "IN_PROGRESS", "Arbetsförmedlingen", "AME", "Rekrytering klar. Arbetsmodell startades 150901.", ["AME"]),
        A("Ta fram en kommunövergripande integrationsstrategi", G16, "IN_PROGRESS", "Strategisk ledningsnätverk", null, "Beslut från KSAU 201512 till kommunchef.", ["KLK"]),
      ],
      indicators: [
        { name: "Antal inskrivna/ aktiva deltagare i insatser AME", baseline: "312", target: "300", value: "399" },
        { name: "Antal löpande subventionerade anställningar", baseline: "63", target: "50", value: "38" },
        { name: "Integrations/Mottagning", baseline: "92", target: "75", value: "38" },
        { name: "Resultatmål - personer ut i egenförsörjning (arbete och studier)", unit: "%", baseline: "14,5%", target: "18,5%", value: "36%" },
      ],
      summary: [
        "Den 2 maj implementerade 2 styrdokument för AME och försörjningsstöd som beskriver uppdrag, metod, mål och övergångar mellan verksamheterna. Nya avtalet med Migrationsverket är 75 i mottagningstal. Totalt antal inskrivna integration: 247",
        "Resultatmål mål uppfyllt är en ny kolumn som definierar resultat utifrån handlingsplan överenskommet med beställare.",
        "Strategiska ledningsnätverket har under våren genomfört en enkätundersökning i syfte att kartlägga varför inte fler Mjölby ungdomar studerar vidare efter gymnasiet - detta utifrån motion inkommet från OSN.",
      ].join("\n"),
    },
    {
      goal: "Invånarna ska känna sig alltmer trygga och säkra",
      commitment: "Genom kommunens hantering av risker och hot ska tryggheten förstärkas för människor och miljö.",
      activities: [
        A("Översyn av KOMBRÅ:s funktion", G16, "IN_PROGRESS", "Berörda nämnder, samverkanspartners", "KLK", "Arbetsgrupp tills med andra förvaltningar", ["KLK"]),
        A("Informationskampanj för ökad trygghet enligt plan", G16, "IN_PROGRESS", "Berörda förvaltningar", "KLK", "Avsluta från 2015 och ta fram ett årshjul.", ["KLK"]),
        A("Projekt mot våldsbejakande extremism", G16, "IN_PROGRESS", "Berörda förvaltningar", "KLK", "Utbildning, information, lokal handlingsplan.", ["KLK"]),
        A("Styrdokument för krisledningsnämnden", G16, "COMPLETED", "Deltagare i krisledningsnämnden", "KLK", null, ["KLK"]),
        A("Bevaka polisöverenskommelsen", G16, "IN_PROGRESS", "Berörda samverkanspartners", "KLK", "Polisöverenskommelsen underskriven. Handlingsplan på gång.", ["KLK"]),
      ],
      indicators: [
        {
          name: "Upplevelse av trygghet och säkerhet utomhus kvällar och nätter",
          baseline: "Medelnivå med likvärdiga kommuner",
          target: "Bättre än likvärdiga kommuner",
          value: NO_DATA,
          note: "Resultat i dec 2015. Ny mätning 2017",
        },
      ],
      summary: [
        "Det finns numera en krishandbok för krisledningsnämnden.",
        "Trygghets och säkerhetsenheten arbetar med projektet mot våldsbejakande extremism. Information har inhämtas via seminarier och kontakter med enskilda kommuner. Ett utkast till handlingsplan kommer att presenteras för Kombrå senast i sept.",
        "Det bedrivs veckovisa informationskampanjer utifrån riskområden. Ett årshjul är under framtagande med årligen återkommande informationsinsatser i samverkan med andra aktörer.",
        "Polisöverenskommelsen är underskriven och en handlingsplan är under framtagande som sedan kommer att bevakas.",
        "Avseende Kombrås organisation återfinns nu ett tjänstemannaförslag som kommer att processas politiskt.",
      ].join("\n\n"),
    },
    {
      goal: "Medborgarna ska få en god service och ges förutsättningar till inflytande",
      commitment: "Kommunstyrelsens tjänster och service ska utvecklas i takt med medborgares och kunders behov och förväntningar",
      activities: [
        A(
          "Implementering av verktyg för felanmälan och synpunkter",
          G16,
          "IN_PROGRESS",
          "Alla avdelningar",
          "KLK och Medborgarservice i samarbete alla förvaltningar",
          "Internkontroll visar behov av mer information och stöd internt samt lansering externt.",
          ["KLK", "MS"],
        ),
        A("Medborgardialogprojekt", G16, "IN_PROGRESS", "Byggnadskontoret", "KLK", "2-årsuppdrag, förslag på riktlinjer framtaget samt projekt \"var vill du bo?\"", ["KLK"]),
        A("Samordna projekt för införande av e-tjänster", G16, "IN_PROGRESS", "Berörda förvaltningar", "KLK, IT-enheten i samarbete med berörda förvaltningar", "Färdtjänst är klar, fler på gång", ["KLK", "IT"]),
        A("Handlingsplan och kommunicera medborgarundersökningen", G16, "IN_PROGRESS", "Alla förvaltningar", "KLK", "Handlingsplan på förvaltningsremiss", ["KLK"]),
        A("Handlingsplan av telefoni och e-postmätning/telefonpolicy", G16, "IN_PROGRESS", "Alla förvaltningar", "Växel och Medborgarservice", "Inkluderar implementering av e-post och telefonpolicy och åtgärder.", ["MS"]),
      ],
      indicators: [
        { name: "Delaktighetsindex", baseline: "Under medel", target: "Medel", value: NO_DATA },
        { name: "Antal medborgarförslag", baseline: "29", target: "40", value: "7" },
        { name: "Infört 2 nya e-tjänster", baseline: "0", target: "2", value: "1" },
        { name: "Andel svar på synpunkter och fel inom 5 dagar", unit: "%", baseline: "Tillförlitlig uppgift saknas", target: "100%", value: NO_DATA },
        { name: "Kundnöjdhet medborgarservice", unit: "%", baseline: "96%", target: "100%", value: NO_DATA, note: "Ny mätning 2017" },
      ],
      summary:
        "Genom det löpande internkontrollarbetet påminns förvaltningarna kontinuerligt om gällande regler. I höst genomförs en lanseringskampanj av den digitala synpunktshanteringen. Nya riktlinjer för medborgardialog har tagits fram och ett projekt pågår vid namn \"var vill du bo?\". En e-tjänst avseende färdtjänst har framtagits under våren och kommunens övriga e-tjänster har samlats under minasidor.mjolby.se. En handlingsplan har tagits fram utifrån medborgarundersökningens resultat. Ett utkast till telefoni och e-postpolicy finns.",
    },
    {
      goal: "Mjölby kommun ska arbeta med grön omställning samt ta ansvar för en hållbar framtid.",
      commitment:
        "Följa upp och driva det interna arbetet med energieffektiviseringar och hållbara transporter och ta fram och utveckla arbetssätt kopplat till giftfri kommun.",
      activities: [
        A("Uppföljning av energiplan/klimatstrategi.", G16, "NOT_STARTED", "Alla förvaltningar", "KLK", null, ["KLK"]),
        A("Ta fram förslag för arbetssätt med giftfri miljö", G16, "IN_PROGRESS", "Miljökontoret", "KLK", null, ["KLK"]),
        A(
          "Översyn och anpassning av nyttjande och alternativa drivmedel av kommunens fordonspark",
          G16,
          "IN_PROGRESS",
          "Alla förvaltningar",
          "Medborgarservice och KLK",
          "Riktlinjer har tagits fram. Upphandling pågår",
          ["MS", "KLK"],
        ),
        A("Revidera riktlinjer för möten och resor.", G16, "IN_PROGRESS", "Alla förvaltningar", "KLK", null, ["KLK"]),
      ],
      indicators: [
        { name: "Expresskort antal bokningar år 2016", baseline: "725", target: "800", value: "230" },
        { name: "Andel nyttjande av kommunens elcyklar", baseline: null, target: "32", value: "8" },
      ],
      summary: [
        "Planering pågår vad gäller arbetet med giftfri miljö och kontakter har tagits med skolan som arbetar i denna fråga.",
        "Riktlinjer för tjänstefordon finns beslutade och som nu ligger till grund för upphandlingen av nya tjänstefordon. Kommande upphandling innebär att kommunen i högre utsträckning anpassar fordonsparken till alternativa drivmedel. En roadshow för elbilar och elcyklar har genomförts under våren. Elcyklarna går numera att boka via medborgarservice. Ellastcyklarna nyttjas av kommunens förskolor.",
        "Då de tidigare framtagna förslaget till riktlinjer för möten och resor fick många synpunkter från förvaltningarna kommer dessa nu att ses över.",
      ].join("\n\n"),
    },
    {
      goal: "Mjölby kommuns arbetsplatser ska kännetecknas av engagerade medarbetare.",
      commitment: "Skapa bra förutsättningar för ett gott ledarskap och medarbetarskap samt driva och ge stöd i kompetensförsörjningsfrågor.",
      activities: [
        A(
          "Revidering av Arbetsmiljöpolicyn, Riktlinjer rehabilitering, Riktlinjer studier, Alkohol och droger, Kränkande särbehandling, Hot och våld.",
          G16,
          "NOT_STARTED",
          null,
          "Personalavd.",
          null,
          ["PA"],
        ),
        A("Utbildning samverkansavtalet", G16, "COMPLETED", null, null, null, ["PA"]),
        A("Genomförande av medarbetarenkät", G16, "STARTED", null, null, "Upphandling klar", ["PA"]),
        A("Upphandling företagshälsovård", G16, "STARTED", null, "Personalavd", "Ta in synpunkter från alla förvaltningar, CSG", ["PA"]),
        A(
          "Kompetensförsörjningsstrategi. Stöd för förvaltningarna med kompetensförsörjningsplaner",
          G16,
          "IN_PROGRESS",
          "Alla förvaltningar",
          "Personalavd, tillväxtkontoret",
          null,
          ["PA", "TVK"],
        ),
        A("Utveckla arbetsgivarvarumärke", G16, "NOT_STARTED", "Alla förvaltningar", "Personalavd. tillväxtkontoret", null, ["PA", "TVK"]),
        A("Utveckla medarbetarskapet", G16, "NOT_STARTED", "Alla förvaltningar", "Personalavd, tillväxtkontoret, KLK", null, ["PA", "TVK", "KLK"]),
        A("Ledarutvecklingsprogram", G16, "IN_PROGRESS", "Alla förvaltningar", "Personalavd tillsammans med övriga avd.", null, ["PA"]),
        A("Strategier för att minska sjukfrånvaron", G16, "IN_PROGRESS", "Alla förvaltningar", "Personalavd", null, ["PA"]),
      ],
      indicators: [
        {
          name: "Medarbetarenkät (Hållbart Medarbetarengagemang-Index – SKL.)",
          baseline: "81",
          target: "Nå samma nivå på alla förvaltningar",
          value: NO_DATA,
          note: "År 2014. Ny undersökning 2016",
        },
        {
          name: "Medarbetarenkät (Motiverad Medarbetar-Index – MMI.)",
          baseline: "73",
          target: "Nå samma nivå på alla förvaltningar",
          value: NO_DATA,
          note: "År 2014. Ny undersökning 2016",
        },
        { name: "Antal förvaltningar som har en kompetensförsörjningsplan", baseline: "1", target: "2", value: NO_DATA },
        {
          name: "Medarbetare som känner sig utsatta för trakassering, diskriminering, kränkning",
          baseline: "2% trakasserier, 3% diskriminering, 9% kränkning",
          target: "0",
          value: NO_DATA,
        },
      ],
      // The document's comment ends mid-sentence.
      summary:
        "Utbildningar har hållits om samverkansavtalet. Nu påbörjas arbetet med implementering av arbetssättet enligt avtalet. En upphandling har genomförts avseende ny medarbetarenkät som genomförs i höst. Upphandling av företagshälsovården pågår. Arbetet med ett kommungemensamt ledarutvecklingsprogram pågår liksom översyn av övriga riktlinjer. Strategier för att minska sjukfrånvaron kommer specifikt att belysas i reviderade riktlinjer för rehabilitering. Rekrytering av HR specialist är så gott som klar och tillsätts efter sommaren. Då intensifieras arbetet med",
    },
    {
      goal: "Ekonomiska mål - resultatmål, mål för låneskuld och investeringsmål.",
      commitment: "Kommunstyrelsen ska utveckla sin styrande och samordnande funktion.",
      activities: [
        A("Inleda effektiviseringsuppdraget", G16, "IN_PROGRESS", "Alla förvaltningar, bolag", "Ek avd", "fortlöper 2017, 2018", ["EA"]),
        A("Ta fram förslag på inköpsorganisation och systemstöd", G16, "NOT_STARTED", null, "Ekonomiavd, IT-avd", "Påbörjas hösten 2016", ["EA", "IT"]),
        A("Mobila lösningar raindance förstudie", G16, "IN_PROGRESS", null, "Ekonomiavd, IT-avd", null, ["EA", "IT"]),
        A("Ledningssystemet implementering", G16, "IN_PROGRESS", "Alla förvaltningar, KS", "Ekonomiavd.", null, ["EA"]),
        A("Ledningssystemet, verktygslådan", G16, "IN_PROGRESS", "Alla förvaltningar", "Ekonomiavd, KLK tillsammans med personal och IT", null, ["EA", "KLK"]),
        A("Hållbarhetsbokslut i \"ordinarie bokslut\"", G16, "NOT_STARTED", null, "Ekonomiavd tillsammans med KLK", null, ["EA", "KLK"]),
        A("Genomföra kundundersökning för KSF (internt)", G16, "NOT_STARTED", null, "Arbetsgrupp som består av alla avdelningar på KSF", null, []),
        A("Gemensamt arbetssätt protokollskrivning nämnder", G16, "IN_PROGRESS", "Alla nämnder", "KLK (uppdrag från KS)", null, ["KLK"]),
        A("Säkerställa Lex-användning i KSF", G16, "IN_PROGRESS", "Alla avdelningar", "KLK", null, ["KLK"]),
        A("Centralt samverkansavtal LiU", G16, "NOT_STARTED", "Alla förvaltningar", "KLK", null, ["KLK"]),
        A("Översyn av IT-finansieringsmodell", G16, "COMPLETED", "Alla förvaltningar", "IT-avd", null, ["IT"]),
        A("Framtagande av IT-strategi", G16, "IN_PROGRESS", "Alla förvaltningar", "IT-avd.", null, ["IT"]),
        A("Uppgradering nätverk och infrastruktur", G16, "IN_PROGRESS", null, "IT-avdelningen, i samarbete med externa partners", null, ["IT"]),
        A("Revidering av mjölnet enl projektplan", G16, "IN_PROGRESS", "Webbnätverk och nyckelpersoner", "KLK", null, ["KLK"]),
        A("Översyn av sturdokument", "Genomförs", "IN_PROGRESS", "Alla", "KLK", null, ["KLK"]),
      ],
      indicators: [
        { name: "Budget i balans KSF", unit: "mkr", baseline: "+7,2 mkr", target: "+0", value: BLANK },
        { name: "Budget i balans kommunen", unit: "mkr", baseline: "+47,3 mkr", target: "+0", value: BLANK },
        { name: "Resultat kundundersökning KSF", unit: "%", baseline: "0", target: "85%", value: NO_DATA },
        { name: "Andel projektledare som använder projektmodellen", unit: "%", baseline: "Uppgift saknas", target: "100%", value: NO_DATA },
        { name: "Andel interna dokument till KS i", unit: "%", baseline: "0", target: "100%", value: "90%" },
      ],
      summary: [
        "Översynen av IT-finansieringsmodellen är genomförd. PWC har levererat en rapport i februari. IT-avd och utbildningsförvaltningen har sedan enats om ett förslag på sänkt pris för läsplattor i tjänstekatalog. Det pågår flera aktiviteter för att implementera det ledningssystem som KF antagit.",
        "Det administrativa nätverket arbetar med att utveckla ett gemensamt arbetssätt för protokollskrivning. Flera avdelningar är involverade i arbetet med revideringen av mjölnet.",
        "Effektiviseringsuppdraget är fortfarande på planeringsstadiet.",
      ].join("\n\n"),
    },
  ] satisfies SeedGoal[],
};

/** Mjölby's units by the keys above; the two the demo lacks (AME, medborgarservice) are created under KSF. */
async function resolveUnits(prisma: PrismaClient, municipalityId: string): Promise<Record<UnitKey, string>> {
  const byName = async (name: string) => (await prisma.unit.findFirstOrThrow({ where: { municipalityId, name }, select: { id: true } })).id;
  const ksf = await byName("Kommunstyrelseförvaltningen");
  const ensure = async (name: string, shortName: string) =>
    (await prisma.unit.findFirst({ where: { municipalityId, name }, select: { id: true } }))?.id ??
    (await createUnit(prisma, municipalityId, { name, shortName, kind: "ENHET", parentId: ksf })).id;
  return {
    KLK: await byName("Kommunledningskontoret"),
    TVK: await byName("Tillväxtkontoret"),
    PA: await byName("Personalavdelningen"),
    EA: await byName("Ekonomiavdelningen"),
    IT: await byName("IT-avdelningen"),
    AME: await ensure("Arbetsmarknadsenheten", "AME"),
    MS: await ensure("Växel och medborgarservice", "Medborgarservice"),
  };
}

/**
 * Writes the plan of seed 003 as Mjölby's records: the plan of kommunstyrelsen
 * for 2016, its follow-up "per 30 april" (closed, with the document's values)
 * and an open "per 31 augusti". Also the uppdrag the document names (KSAU
 * December 2015, integration strategy), linked to its activity.
 */
export async function loadMjolbyPlan(prisma: PrismaClient, municipalityId: string, bodies: { ks: string; ksau: string }) {
  const units = await resolveUnits(prisma, municipalityId);
  const P = MJOLBY_PLAN;
  const baselineDate = day(P.baselineDate);
  const plan = await prisma.plan.create({
    data: { municipalityId, bodyId: bodies.ks, year: P.year, title: P.title, scope: P.scope, baselineDate },
    select: { id: true },
  });
  const occasion = await prisma.planOccasion.create({
    data: { municipalityId, planId: plan.id, name: P.occasion.name, asOf: day(P.occasion.asOf) },
    select: { id: true },
  });
  let integrationActivity: { id: string; commitmentId: string } | null = null;
  for (const [gi, g] of P.goals.entries()) {
    const goal = await prisma.planGoal.create({ data: { municipalityId, planId: plan.id, position: gi + 1, text: g.goal }, select: { id: true } });
    const c = await prisma.planCommitment.create({
      data: { municipalityId, planId: plan.id, goalId: goal.id, position: 1, text: g.commitment },
      select: { id: true },
    });
    for (const [ai, a] of g.activities.entries()) {
      const act = await prisma.planActivity.create({
        data: {
          municipalityId,
          planId: plan.id,
          commitmentId: c.id,
          position: ai + 1,
          name: a.name,
          target: a.target,
          partners: a.partners,
          responsible: a.responsible,
          units: { create: a.units.map((k) => ({ unitId: units[k] })) },
        },
        select: { id: true },
      });
      await prisma.planActivityStatusEntry.create({
        data: { municipalityId, occasionId: occasion.id, activityId: act.id, status: a.status, comment: a.comment },
      });
      if (a.name === "Ta fram en kommunövergripande integrationsstrategi") integrationActivity = { id: act.id, commitmentId: c.id };
    }
    for (const [ii, i] of (g.indicators as SeedIndicator[]).entries()) {
      const ind = await prisma.planIndicator.create({
        data: {
          municipalityId,
          planId: plan.id,
          commitmentId: c.id,
          position: ii + 1,
          name: i.name,
          unit: i.unit,
          baseline: i.baseline,
          baselineDate,
          target: i.target,
        },
        select: { id: true },
      });
      if (i.value !== undefined) {
        await prisma.planIndicatorValue.create({
          data: { municipalityId, occasionId: occasion.id, indicatorId: ind.id, value: i.value, noNewData: i.value === null, note: i.note },
        });
      }
    }
    await prisma.planCommitmentSummary.create({ data: { municipalityId, occasionId: occasion.id, commitmentId: c.id, comment: g.summary } });
  }
  await prisma.planOccasion.update({ where: { id: occasion.id }, data: { closedAt: day(P.occasion.asOf) } });
  await prisma.planOccasion.create({ data: { municipalityId, planId: plan.id, name: P.nextOccasion.name, asOf: day(P.nextOccasion.asOf) } });

  // "Beslut från KSAU 201512 till kommunchef": the document gives the month, not
  // the meeting day or the paragraph; 2015-12-08 § 250 is the demo's assumption.
  const meeting = await createMeeting(prisma, municipalityId, { bodyId: bodies.ksau, date: "2015-12-08" });
  const p = await createParagraph(prisma, municipalityId, meeting, {
    number: 250,
    title: "Kommunövergripande integrationsstrategi",
    decision: "Kommunstyrelsens arbetsutskott ger kommunchefen i uppdrag att ta fram en kommunövergripande integrationsstrategi.",
    sentTo: ["Kommunchefen"],
  });
  const u = await createUppdrag(prisma, municipalityId, {
    paragraph: p,
    decidedOn: "2015-12-08",
    title: "Ta fram en kommunövergripande integrationsstrategi",
    text: "Ta fram en kommunövergripande integrationsstrategi i samverkan med det strategiska ledningsnätverket.",
    unitIds: [units.KLK],
    history: [
      { status: "NOT_STARTED", at: "2015-12-08" },
      { status: "IN_PROGRESS", at: "2016-04-30", comment: "Arbetet pågår i strategiska ledningsnätverket (uppföljning av verksamhetsplanen per 30 april 2016).", plannedCompletion: "2016-12-31" },
    ],
  });
  if (integrationActivity) {
    await prisma.planUppdragLink.create({
      data: { municipalityId, uppdragId: u.id, commitmentId: integrationActivity.commitmentId, activityId: integrationActivity.id },
    });
  }
  return { planId: plan.id, occasionId: occasion.id };
}
