/** `npm run console:api-types`: writes console/src/api/schema.d.ts from the app's OpenAPI document. */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { API_TYPES_FILE, generateApiTypes } from "./api-types.js";

writeFileSync(API_TYPES_FILE, await generateApiTypes());
console.log(`wrote ${fileURLToPath(API_TYPES_FILE)}`);
