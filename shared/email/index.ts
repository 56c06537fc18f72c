export { calendarUid } from "./calendar-file.js";
export type { EmailAttachment, EmailInput, EmailSession, RenderedEmail } from "./email-input.js";
export {
  assertSafeSubject,
  FORBIDDEN_SUBJECT_WORDS,
  findForbiddenWord,
  UnsafeSubjectError,
} from "./forbidden-words.js";
export { renderEmail } from "./render-email.js";
export { publicClinicName } from "./subject-line.js";
