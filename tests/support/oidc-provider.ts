// A real OpenID Connect provider on localhost for the end-to-end SSO tests
// (panva's oidc-provider with its own login and consent pages). Started by
// playwright.config.ts beside the app. One static client, the app; accounts are
// whatever login name is typed (any password), with these claims:
//   sso.sekreterare  → groups [grp-sekreterare] (a role: the account is created)
//   sso.admin        → groups [grp-admin]
//   okand.person     → no mapped group (refused)
// Port: OIDC_TEST_PORT, default E2E_PORT + 1.
import Provider from "oidc-provider";

const appPort = Number(process.env.E2E_PORT ?? 3111);
const port = Number(process.env.OIDC_TEST_PORT ?? appPort + 1);
const issuer = `http://localhost:${port}`;

export const OIDC_TEST = {
  clientId: "uppdragskollen-e2e",
  clientSecret: "e2e-only-client-secret-0123456789abcdef",
  groups: { SEKRETERARE: "grp-sekreterare", ADMINISTRATOR: "grp-admin" },
};

const ACCOUNTS: Record<string, { name: string; email: string; groups: string[] }> = {
  "sso.sekreterare": { name: "Sara Singel", email: "sso.sekreterare@exempelstad.example", groups: [OIDC_TEST.groups.SEKRETERARE, "grp-annat"] },
  "sso.admin": { name: "Adam Singel", email: "sso.admin@exempelstad.example", groups: [OIDC_TEST.groups.ADMINISTRATOR] },
  "okand.person": { name: "Okänd Person", email: "okand.person@exempelstad.example", groups: ["grp-annat"] },
};

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: OIDC_TEST.clientId,
      client_secret: OIDC_TEST.clientSecret,
      redirect_uris: [`http://localhost:${appPort}/api/auth/callback/oidc`],
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
  ],
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups"] },
  // The app reads the claims from the ID token, as Entra ID puts groups there.
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  features: { devInteractions: { enabled: true } },
  async findAccount(_ctx, id) {
    const a = ACCOUNTS[id] ?? { name: id, email: `${id}@exempelstad.example`, groups: [] };
    return {
      accountId: id,
      async claims() {
        return { sub: `sub-${id}`, name: a.name, email: a.email, email_verified: true, groups: a.groups };
      },
    };
  },
});
provider.proxy = false;

const server = provider.listen(port, "127.0.0.1", () => console.log(`oidc-provider ${issuer}`));
// localhost may resolve to ::1 first: listen there too when the machine has IPv6.
const server6 = provider.listen(port, "::1");
server6.on("error", () => {});
for (const sig of ["SIGINT", "SIGTERM"] as const)
  process.on(sig, () => {
    server.close();
    server6.close();
    process.exit(0);
  });
