import { randomUUID } from "node:crypto";

/** Opaque ids chosen by the server. A port so tests can make them predictable when they need to. */
export type IdSource = () => string;

export const randomIds: IdSource = () => randomUUID();
