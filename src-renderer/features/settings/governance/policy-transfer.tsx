// Export the policy as a JSON file and import one; main checks an import whole and refuses it whole.
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_POLICY_JSON_CHARS } from '../../../../src-shared/contract/governance-contract.ts';

export const EXPORT_FILE_NAME = 'roost-governance-policy.json';

export function PolicyTransfer({
  canImport = true,
  onExport,
  onImport,
  onTooLarge,
}: {
  /** False for a team member who may read the team's policy but not replace it. */
  canImport?: boolean;
  onExport: () => Promise<string | null>;
  onImport: (json: string, fileName: string) => void;
  onTooLarge: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);

  async function download(): Promise<void> {
    const json = await onExport();
    if (json === null) return;
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = EXPORT_FILE_NAME;
    link.click();
    URL.revokeObjectURL(url);
  }

  async function read(file: File): Promise<void> {
    // Checked before reading so a huge file is never loaded into the window.
    if (file.size > MAX_POLICY_JSON_CHARS) return onTooLarge();
    onImport(await file.text(), file.name);
  }

  return (
    <section className="panel" aria-labelledby={id} data-testid="governance-transfer">
      <h2 id={id}>{t('governance.transfer.title')}</h2>
      <p className="hint">{t('governance.transfer.hint')}</p>
      <div className="governance__transfer">
        <button type="button" className="button" onClick={() => void download()}>
          {t('governance.transfer.export')}
        </button>
        {canImport && (
          <>
            <label htmlFor={`${id}-file`} className="button">
              {t('governance.transfer.import')}
            </label>
            <input
              id={`${id}-file`}
              ref={fileInput}
              type="file"
              accept="application/json,.json"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (fileInput.current) fileInput.current.value = '';
                if (file) void read(file);
              }}
            />
          </>
        )}
      </div>
    </section>
  );
}
