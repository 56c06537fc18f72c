/** `npm run token -- <role> [more roles]`: prints a local HS256 token, signed with LOCAL_JWT_SECRET. */
import { DEFAULT_LOCAL_JWT_SECRET, signLocalToken } from "../shared/http/local-token.js";
import { ROLES, type Role } from "../shared/http/roles.js";

const args = process.argv.slice(2);
const roles = args.length ? args : ["staff"];
const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
if (unknown.length) {
  console.error(`Unknown role: ${unknown.join(", ")}. Use one or more of: ${ROLES.join(", ")}.`);
  process.exit(1);
}
console.log(
  await signLocalToken({
    roles: roles as Role[],
    secret: process.env.LOCAL_JWT_SECRET || DEFAULT_LOCAL_JWT_SECRET,
  }),
);
