// Node.js side of the start-up: refuse to run in production without its secrets.
import { startupProblems } from "@/server/startup-checks";

const problems = startupProblems(process.env);
if (problems.length) {
  console.error(`Uppdragskollen startar inte:\n- ${problems.join("\n- ")}\nSe .env.example.`);
  process.exit(1);
}

// The reminders' hourly tick (src/server/reminders/scheduler.ts); not while building.
if (process.env.NEXT_PHASE !== "phase-production-build") {
  const { startReminderSchedule } = await import("@/server/reminders/scheduler");
  const { getDb } = await import("@/server/db");
  startReminderSchedule(getDb);
}
