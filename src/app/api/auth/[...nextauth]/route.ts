// next-auth's own endpoints (sign-in, callback, CSRF token, sign-out): the one
// route outside the entry layer, because next-auth reads the request body
// itself. Its posts are refused from another site here, as the gate refuses
// any state-changing call (next-auth also requires its CSRF token).
import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/options";
import { isSameOrigin } from "@/server/entry/origin";
import { refusalResponse } from "@/server/entry/route";
import { MESSAGES } from "@/server/entry/answer";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

export function GET(request: Request, context: Context) {
  return handler(request, context);
}

export function POST(request: Request, context: Context) {
  if (!isSameOrigin(request.headers)) {
    console.warn(JSON.stringify({ event: "refused", reason: "foreign-origin", endpoint: "auth.nextauth", where: `POST ${new URL(request.url).pathname}` }));
    return refusalResponse(403, MESSAGES.foreignOrigin);
  }
  return handler(request, context);
}
