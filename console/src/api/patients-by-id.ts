import type { ApiClient } from "./client.js";
import type { Patient } from "./types.js";

/** Each patient once, six at a time: a full day names about as many patients as it has chairs' sessions. */
export async function patientsById(api: ApiClient, ids: readonly string[]): Promise<Map<string, Patient>> {
  const unique = [...new Set(ids)];
  const found = new Map<string, Patient>();
  let next = 0;
  const worker = async () => {
    while (next < unique.length) {
      const id = unique[next++]!;
      const res = await api.GET("/patients/{id}", { params: { path: { id } } });
      if (res.data) found.set(id, res.data);
    }
  };
  await Promise.all(Array.from({ length: Math.min(6, unique.length) }, worker));
  return found;
}
