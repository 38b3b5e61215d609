// Posting as a team brand account: the text goes to the team server, whose guards decide and whose outbox
// publishes it exactly once. A guard that asks for confirmation is shown with "Post anyway", which sends the
// same text again naming the decision confirmed. The text stays in the box until the server accepts it;
// then the box follows the post's state until it is out (or failed).
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../../src-shared/contract/errors.ts';
import type {
  BrandAccessLevel,
  BrandAccount,
  BrandPost,
} from '../../../../../src-shared/team/team-contract.ts';
import { useServices } from '../../../../app-context.tsx';
import { safeHttpUrl } from '../../../../sanitize/safe-url.ts';
import { TeamProblem } from '../team-problem.tsx';

const FOLLOW_EVERY_MS = 1_000;
/** An approval takes minutes or hours: the box looks less often meanwhile. */
const FOLLOW_APPROVAL_EVERY_MS = 15_000;
const FINAL_STATES: ReadonlySet<BrandPost['state']> = new Set([
  'sent',
  'failed',
  'cancelled',
  'rejected',
  'expired',
  'superseded',
]);

export function BrandPostBox({ account, access }: { account: BrandAccount; access: BrandAccessLevel }) {
  const { t } = useTranslation();
  const { client } = useServices();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);
  const [toConfirm, setToConfirm] = useState<{ readonly id: string; readonly message: string } | null>(null);
  const [acknowledged, setAcknowledged] = useState<readonly string[]>([]);
  const [post, setPost] = useState<BrandPost | null>(null);

  // Follows the accepted post until the server's outbox is done with it.
  useEffect(() => {
    if (!post || FINAL_STATES.has(post.state)) return;
    const timer = setTimeout(
      () => {
        void client.call('team:brandPostStatus', { id: post.id }).then((result) => {
          if (result.ok) setPost(result.value);
        });
      },
      post.state === 'awaiting_approval' ? FOLLOW_APPROVAL_EVERY_MS : FOLLOW_EVERY_MS,
    );
    return () => clearTimeout(timer);
  }, [client, post]);

  async function send(confirmed: readonly string[]): Promise<void> {
    setBusy(true);
    setError(null);
    setToConfirm(null);
    const result = await client.call('team:submitBrandPost', {
      accountId: account.id,
      text,
      ...(confirmed.length > 0 ? { acknowledged: [...confirmed] } : {}),
    });
    setBusy(false);
    if (result.ok) {
      setPost(result.value);
      setText('');
      setAcknowledged([]);
      return;
    }
    const decision = result.error.issues?.find((issue) => issue.path === 'acknowledge');
    if (decision) setToConfirm({ id: decision.message, message: result.error.message });
    else setError(result.error);
  }

  function submit(event: FormEvent): void {
    event.preventDefault();
    void send(acknowledged);
  }

  const postUrl = safeHttpUrl(post?.url);
  const approval = error?.issues?.some((issue) => issue.path === 'approval') ?? false;
  const refused = error?.issues?.some((issue) => issue.path === 'guard') ?? false;
  return (
    <form className="form team-brand__post" onSubmit={submit} data-testid="team-brand-post">
      {access === 'publish_with_approval' && <p className="hint">{t('teamBrand.post.approval')}</p>}
      <label>
        {t('teamBrand.post.label', { handle: account.handle })}
        <textarea
          value={text}
          rows={3}
          maxLength={3_000}
          onChange={(e) => {
            setText(e.target.value);
            setToConfirm(null);
            setAcknowledged([]);
          }}
        />
      </label>
      {approval ? (
        <p className="alert" role="alert" data-testid="team-brand-post-approval">
          {t('teamBrand.post.approval')}
        </p>
      ) : refused && error ? (
        <p className="alert" role="alert" data-testid="team-brand-post-refused">
          {t('teamBrand.post.refused', { message: error.message })}
        </p>
      ) : (
        <TeamProblem error={error} />
      )}
      {toConfirm && (
        <div className="confirm" role="group" data-testid="team-brand-post-confirm">
          <p>
            {t('teamBrand.post.confirmHint')} {toConfirm.message}
          </p>
          <button
            type="button"
            className="button button--danger"
            disabled={busy}
            onClick={() => {
              const next = [...acknowledged, toConfirm.id];
              setAcknowledged(next);
              void send(next);
            }}
          >
            {t('teamBrand.post.confirm')}
          </button>
        </div>
      )}
      <button type="submit" className="button button--primary" disabled={busy || text.trim() === ''}>
        {busy ? t('teamBrand.post.sending') : t('teamBrand.post.submit')}
      </button>
      {post && (
        <p role="status" data-testid="team-brand-post-state" data-state={post.state}>
          {t(`teamBrand.post.states.${post.state}`, { message: post.lastError?.message ?? '' })}{' '}
          {postUrl && (
            <a href={postUrl} target="_blank" rel="noreferrer noopener">
              {t('teamBrand.post.open_link')}
            </a>
          )}
        </p>
      )}
    </form>
  );
}
