import { useEffect } from "preact/hooks";
import { useConsole } from "./app-context.js";
import { roleLabel } from "./auth/claims.js";
import { LocalClockControl } from "./local-clock-control.js";
import { TodayPage } from "./pages/today/today-page.js";
import { hrefOf, type Route, useRoute } from "./router.js";
import { zoneAbbreviation } from "./time/clinic-time.js";
import { lazyPage } from "./ui/lazy-page.js";
import { ProgressBar } from "./ui/progress-bar.js";

// Today comes with the console (the page signing in lands on); the others are fetched when first opened.
const BookPage = lazyPage(() => import("./pages/book/book-page.js").then((m) => m.BookPage));
const PatientPage = lazyPage(() => import("./pages/patient/patient-page.js").then((m) => m.PatientPage));
const ClinicianPage = lazyPage(() =>
  import("./pages/clinician/clinician-page.js").then((m) => m.ClinicianPage),
);
const StaffPage = lazyPage(() => import("./pages/staff/staff-page.js").then((m) => m.StaffPage));
const ClinicPage = lazyPage(() => import("./pages/clinic/clinic-page.js").then((m) => m.ClinicPage));

const TITLES: Record<Route["page"], string> = {
  today: "Today",
  book: "Book",
  patient: "Patient",
  clinician: "Clinician",
  staff: "Staff",
  clinic: "Clinic",
};

/** Every role sees every page (all may read); what a role may not do is not offered on the page. */
const NAV = ["today", "book", "clinician", "staff", "clinic"] as const;

/** The frame around every page: the clinic, the pages, who is signed in, and the clock's zone. */
export function Shell() {
  const { clinic, claims, auth } = useConsole();
  const route = useRoute();
  useEffect(() => {
    document.title = `${TITLES[route.page]} · ${clinic.name}`;
  }, [route.page, clinic.name]);
  const current = route.page === "patient" ? "book" : route.page;
  return (
    <>
      {/* A button, not a link to #content: the fragment holds the page (router.ts). */}
      <button type="button" class="skip-link" onClick={() => document.getElementById("content")?.focus()}>
        Skip to content
      </button>
      <ProgressBar />
      <header class="top">
        <div class="brand">
          <span class="clinic-name">{clinic.name}</span>
          <span class="zone" title={clinic.timezone}>
            Times in {clinic.timezone.replaceAll("_", " ")} ({zoneAbbreviation(clinic.timezone)})
          </span>
        </div>
        <nav aria-label="Pages">
          {NAV.map((page) => (
            <a
              key={page}
              href={hrefOf({ page } as Route)}
              aria-current={current === page ? "page" : undefined}
            >
              {TITLES[page]}
            </a>
          ))}
        </nav>
        <div class="who">
          <span>
            {claims.displayName && `${claims.displayName} · `}
            <span class="hint">{claims.roles.map(roleLabel).join(", ") || "No role"}</span>
          </span>
          <button type="button" class="button secondary" onClick={() => void auth.signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <LocalClockControl />
      <main id="content" tabIndex={-1}>
        <Page route={route} />
      </main>
    </>
  );
}

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case "today":
      return <TodayPage date={route.date} />;
    case "book":
      return <BookPage patientId={route.patientId} />;
    case "patient":
      return <PatientPage id={route.id} />;
    case "clinician":
      return <ClinicianPage />;
    case "staff":
      return <StaffPage />;
    case "clinic":
      return <ClinicPage />;
  }
}
