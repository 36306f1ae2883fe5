import { useRef, type ReactNode } from 'react';

/**
 * The WAI-ARIA tabs pattern: one tab in the Tab order (roving tabindex), Left/Right arrows move
 * and select (automatic activation), Home/End jump to the first/last, the panel is labelled by
 * its tab.
 */
export function Tabs({
  tabs,
  current,
  onSelect,
  children,
}: {
  tabs: { key: string; label: string }[];
  current: string;
  onSelect(key: string): void;
  children: ReactNode;
}) {
  const list = useRef<HTMLDivElement>(null);
  const move = (i: number) => {
    const n = (i + tabs.length) % tabs.length;
    onSelect(tabs[n].key);
    list.current?.querySelectorAll<HTMLElement>('[role="tab"]')[n]?.focus();
  };
  const at = tabs.findIndex((t) => t.key === current);
  return (
    <>
      {/* the tabs are what takes focus; the tablist handles their arrow keys (WAI-ARIA APG tabs) */}
      {/* eslint-disable-next-line jsx-a11y/interactive-supports-focus */}
      <div
        ref={list}
        className="tabs"
        role="tablist"
        aria-label="Project sections"
        onKeyDown={(e) => {
          const keys: Record<string, number> = {
            ArrowRight: at + 1,
            ArrowLeft: at - 1,
            Home: 0,
            End: tabs.length - 1,
          };
          if (!(e.key in keys)) return;
          e.preventDefault();
          move(keys[e.key]);
        }}
      >
        {tabs.map((t) => (
          <button
            key={t.key}
            type="button"
            role="tab"
            id={`tab-${t.key}`}
            aria-selected={t.key === current}
            // only the selected tab's panel is on the page
            aria-controls={t.key === current ? `tabpanel-${t.key}` : undefined}
            tabIndex={t.key === current ? 0 : -1}
            onClick={() => onSelect(t.key)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`tabpanel-${current}`} aria-labelledby={`tab-${current}`}>
        {children}
      </div>
    </>
  );
}
