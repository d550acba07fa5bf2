import { ApiError } from './api/client';
import { useI18n } from './i18n';

/** A refusal or failure, in words taken from the API's problem+json. */
export function ErrorMessage({ error, message }: { error?: unknown; message?: string }) {
  const { t } = useI18n();
  if (!error && !message) return null;
  let text = message ?? '';
  if (error instanceof ApiError) {
    text = error.problem ? `${error.problem.title}: ${error.problem.detail}` : `HTTP ${error.status}`;
    const fields = error.problem?.errors ?? [];
    if (fields.length) text += ` (${fields.map((field) => `${field.path}: ${field.message}`).join('; ')})`;
  } else if (error) {
    text = String((error as Error).message ?? error);
  }
  return (
    <div className="error" role="alert">
      <strong>{t('error')}</strong> {text}
    </div>
  );
}

export function Notice({ children }: { children: React.ReactNode }) {
  return (
    <div className="notice" role="status">
      {children}
    </div>
  );
}
