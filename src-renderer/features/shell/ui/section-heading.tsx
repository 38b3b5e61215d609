// The heading of the current section. It takes focus after the user navigates, so keyboard and
// screen-reader users land on the new content; on first load focus stays where the browser put it.
import { useEffect, useRef, type ReactNode } from 'react';
import { useRoost } from '../../../app-context.tsx';

export function SectionHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const navigations = useRoost((s) => s.navigations);
  useEffect(() => {
    if (navigations > 0) ref.current?.focus();
  }, [navigations]);
  return (
    <h1 id="section-heading" className="section-heading" tabIndex={-1} ref={ref}>
      {children}
    </h1>
  );
}
