// A failed call as the page shows it: the server's own message, and for a refusal (401/403) who the
// page acts as and how to get more rights — never a blank page.
import { ApiError, WhoAmI } from '../api';

export function ErrorNote({ error, who }: { error: unknown; who?: WhoAmI | null }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const status = error instanceof ApiError ? error.status : 0;
  if (status === 401 || status === 403) {
    return (
      <div class="error refused" role="alert" data-testid="refused" data-status={status}>
        <strong>Not allowed (HTTP {status})</strong> — {message.replace(/\.$/, '')}.{' '}
        {who && (
          <span>
            This page acts as <strong>{who.name}</strong> ({who.roles.join(', ') || 'no role'}) and holds no more rights than
            that; an API key with the needed role can be entered in the header.
          </span>
        )}
      </div>
    );
  }
  return (
    <div class="error" role="alert" data-testid="error">
      {message}
    </div>
  );
}
