// A whole-number setting with its unit and explanation. Typing is free; the value is checked and saved
// when the field is left or Enter is pressed, so a half-typed "2" on the way to "2000" never applies.
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

export interface NumberSettingProps {
  readonly label: string;
  readonly unit: string;
  readonly hint: string;
  readonly min: number;
  readonly max: number;
  /** The value in effect; null while it is being read. */
  readonly value: number | null;
  readonly testId: string;
  onCommit(value: number): void;
}

export function NumberSetting({ label, unit, hint, min, max, value, testId, onCommit }: NumberSettingProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [text, setText] = useState(value === null ? '' : String(value));
  const [invalid, setInvalid] = useState(false);

  // A value saved elsewhere (or read late) replaces what is shown.
  useEffect(() => {
    if (value === null) return;
    setText(String(value));
    setInvalid(false);
  }, [value]);

  function commit(): void {
    if (value === null) return;
    const trimmed = text.trim();
    const parsed = /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
    if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    if (parsed !== value) onCommit(parsed);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'Enter') commit();
  }

  const format = new Intl.NumberFormat(i18n.language);
  const describedBy = `${id}-unit ${id}-hint${invalid ? ` ${id}-issue` : ''}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <span>
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          step={1}
          value={text}
          disabled={value === null}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          data-testid={testId}
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
          onKeyDown={onKeyDown}
        />{' '}
        <span id={`${id}-unit`}>{unit}</span>
      </span>
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
      {invalid && value !== null && (
        <p className="field__issue" id={`${id}-issue`} role="alert">
          {t('settings.numberInvalid', {
            min: format.format(min),
            max: format.format(max),
            kept: format.format(value),
          })}
        </p>
      )}
    </div>
  );
}
