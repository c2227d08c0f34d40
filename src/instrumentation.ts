// Runs once when the server starts: refuse to run in production without its secrets.
import { startupProblems } from "@/server/startup-checks";

export function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const problems = startupProblems(process.env);
  if (problems.length) {
    console.error(`Uppdragskollen startar inte:\n- ${problems.join("\n- ")}\nSe .env.example.`);
    process.exit(1);
  }
}
