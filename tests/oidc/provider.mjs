// A real OpenID provider for the integration tests: panva/oidc-provider (OpenID
// Certified), with its development login form (any login, any password) and
// consent skipped for our clients. Not a mock: discovery, JWKS, authorization
// code with PKCE and the token endpoint are the library's own.
//
// Usage: node provider.mjs <port> <redirect_uri>
// Prints "ready http://127.0.0.1:<port>" once it listens.
//
// Clients:
//   fairhire        / fairhire-secret  the app under test
//   other-app       / other-secret     another relying party of the same issuer
//   fairhire-mixup  / mixup-secret     a client whose token responses carry an
//                                       ID token issued to `other-app` (re-signed
//                                       with the provider's own key), so the app's
//                                       audience check is what must refuse it.
//   fairhire-nonce  / nonce-secret     ... an ID token with another sign-in's nonce.
//   fairhire-stale  / stale-secret     ... an ID token that expired an hour ago.
import { generateKeyPairSync, sign, randomUUID } from 'node:crypto';

import Provider from 'oidc-provider';

const [port, redirectUri] = process.argv.slice(2);
if (!port || !redirectUri) {
  console.error('usage: node provider.mjs <port> <redirect_uri>');
  process.exit(2);
}
const issuer = `http://127.0.0.1:${port}`;

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const kid = randomUUID();
const signingJwk = { ...privateKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' };

// The people of the test company's directory: login → claims. `groups` carries
// the role the app maps (a common claim in enterprise identity providers).
const people = {
  'amira@acme-sso.test': { name: 'Amira Haddad', groups: ['staff', 'compliance-officers'] },
  'ravi@acme-sso.test': { name: 'Ravi Menon', groups: ['auditors'] },
  'chloe@acme-sso.test': { name: 'Chloé Martin', groups: ['fairhire-admins'] },
};

const clients = [
  { client_id: 'fairhire', client_secret: 'fairhire-secret' },
  { client_id: 'other-app', client_secret: 'other-secret' },
  { client_id: 'fairhire-mixup', client_secret: 'mixup-secret' },
  { client_id: 'fairhire-nonce', client_secret: 'nonce-secret' },
  { client_id: 'fairhire-stale', client_secret: 'stale-secret' },
].map((c) => ({
  ...c,
  redirect_uris: [redirectUri],
  grant_types: ['authorization_code'],
  response_types: ['code'],
  token_endpoint_auth_method: 'client_secret_basic',
}));

const provider = new Provider(issuer, {
  clients,
  jwks: { keys: [signingJwk] },
  cookies: { keys: [randomUUID()] },
  // Claims of the requested scopes go into the ID token too (the app reads only it).
  conformIdTokenClaims: false,
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'groups'],
  },
  features: { devInteractions: { enabled: true } },
  pkce: { required: () => true },
  async findAccount(_ctx, id) {
    const person = people[id] ?? { name: id, groups: [] };
    return {
      accountId: id,
      async claims() {
        return { sub: id, email: id, email_verified: true, name: person.name, groups: person.groups };
      },
    };
  },
  // Our clients are first-party: consent is granted at sign-in instead of asked.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId
      || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
});

const b64url = (value) => Buffer.from(value).toString('base64url');

provider.use(async (ctx, next) => {
  await next();
  // Only the ID token's claims change; it is re-signed with the provider's real key.
  const tamper = {
    'fairhire-mixup': (claims) => { claims.aud = 'other-app'; delete claims.azp; },
    'fairhire-nonce': (claims) => { claims.nonce = 'a-nonce-of-another-sign-in'; },
    'fairhire-stale': (claims) => { claims.iat -= 7200; claims.exp = claims.iat + 3600; },
  }[ctx.oidc?.client?.clientId];
  if (ctx.oidc?.route === 'token' && tamper && ctx.body?.id_token) {
    const [, payload] = ctx.body.id_token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    tamper(claims);
    const head = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
    const body = b64url(JSON.stringify(claims));
    const signature = sign('sha256', Buffer.from(`${head}.${body}`), privateKey).toString('base64url');
    ctx.body = { ...ctx.body, id_token: `${head}.${body}.${signature}` };
  }
});

provider.listen(Number(port), '127.0.0.1', () => {
  console.log(`ready ${issuer}`);
});
