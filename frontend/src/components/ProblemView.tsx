import { ApiError } from '../lib/api';

/** A refusal or failure in words, next to what it is about; nothing when there is none. */
export function ProblemView(props: { error: unknown; id?: string }) {
  if (!props.error) {
    return null;
  }
  const problem = props.error instanceof ApiError ? props.error.problem : { title: String(props.error) };
  return (
    <div class="problem" role="alert" id={props.id}>
      <p>
        <strong>{problem.title ?? 'Something went wrong'}</strong>
      </p>
      {problem.detail && <p>{problem.detail}</p>}
      {problem.errors && problem.errors.length > 0 && (
        <ul>
          {problem.errors.map((error) => (
            <li key={error.field}>{error.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
