import { useEffect, useState } from "preact/hooks";
import { isDate } from "./time/clinic-time.js";

/**
 * Pages live in the URL's fragment (#/today), so S3 and CloudFront serve one index.html for every page
 * and the same build works under /console/ locally and at / in AWS. Only ids and dates ever go into a
 * URL: names, phone numbers and emails stay in memory (search terms included), out of history and logs.
 */
export type Route =
  | { page: "today"; date?: string }
  | { page: "book"; patientId?: string }
  | { page: "patient"; id: string }
  | { page: "clinician" }
  | { page: "staff" }
  | { page: "clinic" };

const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function parseRoute(hash: string): Route {
  const [path = "", query = ""] = hash.replace(/^#/, "").split("?");
  const parts = path.split("/").filter(Boolean);
  const params = new URLSearchParams(query);
  switch (parts[0]) {
    case "book":
      return parts[1] && ID.test(parts[1]) ? { page: "book", patientId: parts[1] } : { page: "book" };
    case "patients":
      if (parts[1] && ID.test(parts[1])) return { page: "patient", id: parts[1] };
      return { page: "book" };
    case "clinician":
      return { page: "clinician" };
    case "staff":
      return { page: "staff" };
    case "clinic":
      return { page: "clinic" };
    default: {
      const date = params.get("date");
      return date && isDate(date) ? { page: "today", date } : { page: "today" };
    }
  }
}

export function hrefOf(route: Route): string {
  switch (route.page) {
    case "today":
      return route.date ? `#/today?date=${route.date}` : "#/today";
    case "book":
      return route.patientId ? `#/book/${route.patientId}` : "#/book";
    case "patient":
      return `#/patients/${route.id}`;
    default:
      return `#/${route.page}`;
  }
}

export function navigate(route: Route): void {
  location.hash = hrefOf(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.hash));
    addEventListener("hashchange", update);
    return () => removeEventListener("hashchange", update);
  }, []);
  return route;
}
