// next-auth configuration: e-mail and password, a signed JWT cookie that only
// carries our server-side session id (see sessions.ts).
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getPrisma } from "@/server/db";
import { signInSchema } from "@/lib/validation/auth";
import { verifyPassword, dummyPasswordHash } from "./password";
import { authenticate, endSession, startSession, SESSION_MAX_HOURS } from "./sessions";
import { recordAudit } from "@/server/audit";

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_HOURS * 3600 },
  pages: { signIn: "/logga-in", error: "/logga-in" },
  providers: [
    CredentialsProvider({
      name: "E-post och lösenord",
      credentials: {
        email: { label: "E-post", type: "email" },
        password: { label: "Lösenord", type: "password" },
      },
      async authorize(credentials) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const prisma = await getPrisma();
        const user = await authenticate(prisma, parsed.data.email, parsed.data.password, verifyPassword, dummyPasswordHash);
        if (!user) return null;
        const session = await startSession(prisma, user.id, user.municipalityId);
        await recordAudit(prisma, {
          municipalityId: user.municipalityId,
          actorId: user.id,
          action: "session.sign-in",
          entity: "Session",
          entityId: session.id,
        });
        return { id: user.id, name: user.name, email: user.email, sessionId: session.id };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user && "sessionId" in user) token.sid = user.sessionId as string;
      return token;
    },
    session({ session, token }) {
      // Only what the client may show; authorization reads the server-side session.
      return { ...session, sid: token.sid };
    },
  },
  events: {
    async signOut({ token }) {
      if (!token?.sid) return;
      const prisma = await getPrisma();
      const session = await endSession(prisma, token.sid as string);
      if (session) {
        await recordAudit(prisma, {
          municipalityId: session.municipalityId,
          actorId: session.userId,
          action: "session.sign-out",
          entity: "Session",
          entityId: session.id,
        });
      }
    },
  },
};
