import type { Hono } from "hono";
import { handle } from "hono/aws-lambda";
import type { AppEnv } from "../http/app-env.js";
import { lambdaAuthorizerClaims } from "../http/authenticators.js";
import { createPatientPagesApp } from "../http/patient-pages-app.js";
import type { Deps } from "../use-cases/deps.js";

/**
 * The pages behind the links in patients' emails, as the patient-pages function serves them. API Gateway
 * routes them without an authorizer: the signed link is the credential. Its routes take no staff role;
 * one that did would find no claims here and answer 401.
 */
export function makePatientPagesApp(deps: Deps): Hono<AppEnv> {
  return createPatientPagesApp({ deps, authenticate: lambdaAuthorizerClaims });
}

/** API Gateway (HTTP API, payload v2) invokes this. */
export const makePatientPagesHandler = (deps: Deps) => handle(makePatientPagesApp(deps));
