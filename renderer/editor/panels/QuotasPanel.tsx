import { useEffect, useMemo, useState } from 'react';
import { Icon } from '../../app/icons';
import { useActions, useDocument, useServices, useValidation } from '../../app/app-context';
import { appliedText } from '../../stores/refused-values';
import { problemText } from '../../stores/validation';
import { useRefusedValue } from '../use-refused-value';
import { addQuota, removeQuota, renameQuota } from '../../stores/document/commands';
import { SchemaForm } from '../inspector/SchemaForm';
import { SECTIONS } from './section-schemas';

const QUOTA_FIELDS = ['name', 'rpm', 'tpm', 'itpm', 'otpm', 'maxParallelRequests', 'maxQueueLength', 'admission', 'window'];

function QuotaCard({ index, id, users }: { index: number; id: string; users: string[] }) {
  const { documents } = useServices();
  // Problems of the quota as a whole ("needs at least one limit", "not used by any node").
  const problems = useValidation((s) => s.validation.byPath[`$.quotas[${index}]`]) ?? [];
  const actions = useActions();
  const docPath = useMemo(() => ['quotas', index], [index]);
  const [draft, setDraft] = useState(id);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setDraft(id);
    setError(null);
  }, [id]);
  useRefusedValue(`quota-id-${index}`, `$.quotas[${index}].id`, error, appliedText(id));
  const rename = () => {
    if (draft === id) return setError(null);
    const result = renameQuota(documents.getState().doc, index, draft.trim());
    if (result && 'ok' in result) return setError(result.reason);
    setError(null);
    actions.execute(result);
  };
  return (
    <section className="quota-card" aria-label={`Quota ${id}`}>
      <header>
        <div className="field grow">
          <label className="field-label" htmlFor={`quota-id-${index}`}>
            Quota id
          </label>
          <input id={`quota-id-${index}`} className="mono" value={draft} aria-invalid={error ? true : undefined} onChange={(e) => setDraft(e.target.value)} onBlur={rename} onKeyDown={(e) => e.key === 'Enter' && rename()} />
          {error && (
            <div className="field-error" role="alert">
              {error}
            </div>
          )}
        </div>
        <button className="icon-btn" aria-label={`Delete quota ${id}`} title={users.length ? `Used by ${users.join(', ')}: they will point at a missing quota` : 'Delete quota'} onClick={() => actions.execute(removeQuota(documents.getState().doc, index))}>
          <Icon name="trash" size={14} />
        </button>
      </header>
      <p className="faint">{users.length ? `Used by ${users.join(', ')}` : 'Not used by any node yet: pick it in a call node’s Quota field.'}</p>
      {problems.map((p, i) => (
        <div key={i} className={`field-error ${p.severity}`}>
          {problemText(p)}
        </div>
      ))}
      <SchemaForm zod={SECTIONS.quota.zod} json={SECTIONS.quota.json} docPath={docPath} idPrefix={`quota-${index}`} only={QUOTA_FIELDS} />
    </section>
  );
}

/** Shared provider limits (RPM/TPM/concurrency) that call nodes count against. */
export function QuotasPanel() {
  const { documents } = useServices();
  const actions = useActions();
  const doc = useDocument((s) => s.doc);
  const quotas = Array.isArray(doc.quotas) ? (doc.quotas as Array<{ id?: unknown }>) : [];
  return (
    <div className="panel-body" aria-label="Quotas">
      <p className="panel-intro muted">A quota is a provider limit shared by every node that names it, so primary, retry and fallback calls compete for the same RPM, TPM and parallel slots.</p>
      {quotas.map((q, i) => {
        const id = typeof q.id === 'string' ? q.id : `#${i + 1}`;
        const users = doc.nodes.filter((n) => n.params?.quota === id).map((n) => n.name || n.id);
        return <QuotaCard key={i} index={i} id={id} users={users} />;
      })}
      <button className="btn" onClick={() => actions.execute(addQuota(documents.getState().doc).command)}>
        <Icon name="plus" size={14} /> Add quota
      </button>
    </div>
  );
}
