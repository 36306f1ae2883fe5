import { useState } from 'react';
import type { PriceBookVersion, QuoteSettings, QuoteTotals } from '../../../src-shared/quotes';
import { SaveRevision } from './SaveRevision';
import { SettingsForm, type SettingsState } from './SettingsForm';
import { Totals } from './Totals';

/**
 * The quote's settings and adjustments beside its totals and "Save quote revision" (one design or
 * a whole job alike). A revision is saved only from settings that are applied, so the save button
 * follows the form's state.
 */
export function SettingsAndTotals({
  projectId,
  draftUpdatedAt,
  settings,
  book,
  totals,
  onApply,
}: {
  projectId: string;
  draftUpdatedAt: string;
  settings: QuoteSettings;
  book?: PriceBookVersion;
  totals: QuoteTotals;
  onApply(s: QuoteSettings): Promise<void>;
}) {
  const [settingsState, setSettingsState] = useState<SettingsState>('applied');
  return (
    <div className="quote-split">
      <section className="card" aria-labelledby="qs-title">
        <h3 id="qs-title" style={{ margin: '0 0 6px' }}>
          Settings and adjustments
        </h3>
        <SettingsForm
          settings={settings}
          book={book}
          totals={totals}
          onApply={onApply}
          onState={setSettingsState}
        />
      </section>
      <section aria-label="Totals" style={{ display: 'grid', gap: 8, minWidth: 0 }}>
        <Totals totals={totals} />
        <SaveRevision
          projectId={projectId}
          draftUpdatedAt={draftUpdatedAt}
          settingsState={settingsState}
        />
      </section>
    </div>
  );
}
