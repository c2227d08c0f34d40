// Runs once when the server starts. The checks use Node.js APIs, so they are
// loaded only in the Node.js runtime (the documented pattern for instrumentation).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./instrumentation-node");
}
