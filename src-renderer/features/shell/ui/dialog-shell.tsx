// The frame every modal question shares: a backdrop, a labelled modal panel with its heading, and Escape
// as the way out. What the dialog asks and which control takes focus first stay with each dialog.
import type { ReactNode } from 'react';

export function DialogShell({
  titleId,
  title,
  onEscape,
  role = 'dialog',
  children,
}: {
  titleId: string;
  title: ReactNode;
  onEscape: () => void;
  /** alertdialog when the person must answer before going on (a held reply). */
  role?: 'dialog' | 'alertdialog';
  children: ReactNode;
}) {
  return (
    <div className="dialog-backdrop">
      <div
        className="dialog panel"
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onEscape();
        }}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
    </div>
  );
}
