import { readableProblem } from "../api/api-error.js";

/** An error in words a front desk can act on: the API's reason, each field at fault, then what to do. */
export function ProblemNote({ error }: { error: unknown }) {
  if (!error) return null;
  const { summary, details, next } = readableProblem(error);
  return (
    <div class="problem" role="alert">
      <p>{summary}</p>
      {details.length > 0 && (
        <ul>
          {details.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      )}
      {next && <p class="next">{next}</p>}
    </div>
  );
}
