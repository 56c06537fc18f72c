import { handle } from "hono/aws-lambda";
import { lambdaAuthorizerClaims } from "../http/authenticators.js";
import { createPatientPagesApp } from "../http/patient-pages-app.js";
import type { Deps } from "../use-cases/deps.js";

/**
 * The pages behind the links in patients' emails, as the patient-pages function serves them. API Gateway
 * routes them without an authorizer: the signed link is the credential. Its routes take no staff role;
 * one that did would find no claims here and answer 401.
 */
export const makePatientPagesHandler = (deps: Deps) =>
  handle(createPatientPagesApp({ deps, authenticate: lambdaAuthorizerClaims }));
