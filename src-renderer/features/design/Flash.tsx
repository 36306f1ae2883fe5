import { useEffect, useRef, useState, type ReactNode } from 'react';

/** Shows a value and highlights it briefly when it changes (docs/UX.md: a changed value flashes). */
export function Flash({
  value,
  children,
  className,
}: {
  value: unknown;
  children?: ReactNode;
  className?: string;
}) {
  const prev = useRef(value);
  const [on, setOn] = useState(false);
  useEffect(() => {
    if (prev.current !== value) {
      prev.current = value;
      setOn(true);
      const t = setTimeout(() => setOn(false), 900);
      return () => clearTimeout(t);
    }
  }, [value]);
  return (
    <span className={`${className ?? ''} ${on ? 'flash' : ''}`} data-flash={on ? 'on' : undefined}>
      {children ?? String(value)}
    </span>
  );
}
