import { useState } from 'react';
import type { OutputOf } from '../../../src-shared/ipc/contract';
import { useClient } from '../../app/client-context';
import { toast } from '../../app/toasts';
import { fmt, formatMoneyDelta as delta } from '../../../src-shared/format';

type Result = OutputOf<'quotes:alternatives'>;

/**
 * The cheapest passing pole section × footing diameter pairs for this design. "Use" saves a
 * derived design revision with that section and diameter and regenerates the quote on it.
 */
export function Alternatives({
  projectId,
  designRevisionId,
  signId,
}: {
  projectId: string;
  designRevisionId: string;
  /** a job's sign: its pairs, each with the job's total (issue 15) */
  signId?: string;
}) {
  const client = useClient();
  const [res, setRes] = useState<Result | null>(null);
  const [busy, setBusy] = useState(false);
  const stale = res && res.designRevisionId !== designRevisionId;
  const load = async () => {
    setBusy(true);
    try {
      setRes(
        await client.call('quotes:alternatives', {
          projectId,
          limit: 5,
          ...(signId ? { signId } : {}),
        }),
      );
    } catch (e) {
      toast.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const use = async (designation: string, diameterFt: number) => {
    try {
      const d = await client.call('quotes:apply-alternative', {
        projectId,
        designation,
        diameterFt,
        ...(signId ? { signId } : {}),
      });
      const sign = signId ? d.signs.find((x) => x.signId === signId) : undefined;
      toast.info(
        sign
          ? `Saved design revision ${sign.designRevisionNumber} of ${sign.mark} with ${designation} on a ${diameterFt} ft pier and regenerated the quote.`
          : `Saved design revision ${d.priced.design.designRevisionNumber} with ${designation} on a ${diameterFt} ft pier and regenerated the quote.`,
      );
      setRes(null);
    } catch (e) {
      toast.error((e as Error).message);
    }
  };
  return (
    <section className="card" aria-labelledby="alt-title">
      <div className="toolbar" style={{ marginBottom: 6 }}>
        <h3 id="alt-title" style={{ margin: 0, flex: 1 }}>
          Alternatives by installed cost
        </h3>
        <button type="button" className="btn small" onClick={load} disabled={busy}>
          {res && !stale ? 'Refresh' : 'Rank alternatives'}
        </button>
      </div>
      {!res || stale ? (
        <p className="muted" style={{ margin: 0 }}>
          Ranks every passing pole section with every footing diameter of this design by the total
          price (settings and manual lines included, overrides not)
          {signId ? '; each total is the job’s with that pair for this sign' : ''}.
        </p>
      ) : (
        <>
          <table className="grid compact" aria-label="Alternatives">
            <thead>
              <tr>
                <th className="num">#</th>
                <th>Pole</th>
                <th className="num">Footing</th>
                <th className="num">Concrete</th>
                <th className="num">Total</th>
                <th className="num">vs this design</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {res.alternatives.map((a) => (
                <tr
                  key={`${a.designation}@${a.diameterFt}`}
                  className={a.current ? 'current' : undefined}
                >
                  <td className="num">{a.rank}</td>
                  <td>
                    {a.designation}{' '}
                    <span className="muted">
                      ({a.weightPlf} lb/ft, ratio {fmt.ratio(a.governingRatio)})
                    </span>
                  </td>
                  <td className="num">
                    Ø{fmt.ft(a.diameterFt)} × {fmt.ft(a.depthFt)} ft
                  </td>
                  <td className="num">{fmt.yd3(a.concreteYd3)} yd³</td>
                  <td className="num">{fmt.money(a.totalCents)}</td>
                  <td className="num">{a.current ? 'this design' : delta(a.deltaCents)}</td>
                  <td>
                    {!a.current && (
                      <button
                        type="button"
                        className="btn small"
                        onClick={() => use(a.designation, a.diameterFt)}
                        aria-label={`Use alternative ${a.rank}`}
                      >
                        Use
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted" style={{ fontSize: 11, margin: '4px 0 0' }}>
            {res.candidates} pairs considered, {res.evaluated} checked by the engine (the rest are
            provably dearer).
          </p>
        </>
      )}
    </section>
  );
}
