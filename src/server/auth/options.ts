// next-auth configuration: e-mail and password, and OpenID Connect single
// sign-on when configured (oidc.ts); either way a signed JWT cookie that only
// carries our server-side session id (see sessions.ts).
import type { NextAuthOptions } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import CredentialsProvider from "next-auth/providers/credentials";
import { oidcConfigFromEnv, resolveOidcSignIn, type OidcClaims, type OidcConfig } from "./oidc";
import { getPrisma } from "@/server/db";
import { endSession, startSession, SESSION_MAX_HOURS } from "./sessions";
import { authorizeWithPassword } from "./sign-in";
import { recordAudit } from "@/server/audit";

const oidc = oidcConfigFromEnv();

/** The OIDC provider: discovery, authorization code with PKCE, state and nonce; the ID token's claims are the profile. */
function oidcProvider(config: OidcConfig): OAuthConfig<OidcClaims> {
  return {
    id: config.id,
    name: config.name,
    type: "oauth",
    wellKnown: `${config.issuer}/.well-known/openid-configuration`,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    authorization: { params: { scope: config.scope } },
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    profile(claims) {
      return { id: claims.sub, name: typeof claims.name === "string" ? claims.name : null, email: typeof claims.email === "string" ? claims.email : null };
    },
  };
}

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
      async authorize(credentials, req) {
        return authorizeWithPassword(await getPrisma(), credentials, req?.headers);
      },
    }),
    ...(oidc ? [oidcProvider(oidc)] : []),
  ],
  callbacks: {
    /** SSO: decide who it is (issuer + subject), start our server-side session, or refuse with a Swedish message. */
    async signIn({ user, account, profile }) {
      if (account?.provider !== "oidc") return true;
      if (!oidc || !profile) return "/logga-in?fel=sso-not-configured";
      const prisma = await getPrisma();
      const outcome = await resolveOidcSignIn(prisma, oidc, profile as OidcClaims);
      if (!outcome.ok) {
        console.warn("sso sign-in refused", outcome.reason);
        return `/logga-in?fel=sso-${outcome.reason}`;
      }
      const session = await startSession(prisma, outcome.userId, outcome.municipalityId);
      await recordAudit(prisma, {
        municipalityId: outcome.municipalityId,
        actorId: outcome.userId,
        action: "session.sign-in",
        entity: "Session",
        entityId: session.id,
        after: { method: "oidc" },
      });
      // next-auth hands this same object to the jwt callback below.
      (user as { sessionId?: string }).sessionId = session.id;
      return true;
    },
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
