import { elevationDrawing, fitToBox } from '../../../src-shared/drawing/elevation';
import type { SignDesignInput, SignDesignResult } from '../../../src-shared/engine';

const FILL = { cabinet: '#e6eefb', pole: '#8a96a8', footing: '#e9e9e9' } as const;

/** The elevation drawing as SVG; the same geometry the calc report prints. */
export function ElevationSvg({
  input,
  result,
  width = 420,
  height = 360,
}: {
  input: SignDesignInput;
  result: SignDesignResult | null;
  width?: number;
  height?: number;
}) {
  const d = elevationDrawing(input, result);
  const t = fitToBox(d.bounds, width, height, 14);
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      role="img"
      aria-label="Elevation drawing"
      style={{
        background: '#fff',
        border: '1px solid var(--line)',
        borderRadius: 6,
        maxHeight: height,
      }}
    >
      {d.shapes.map((s, i) => {
        if (s.kind === 'rect') {
          return (
            <rect
              key={i}
              x={t.x(s.x)}
              y={t.y(s.y + s.h)}
              width={s.w * t.scale}
              height={s.h * t.scale}
              fill={FILL[s.role]}
              stroke="#1d2430"
              strokeWidth={0.8}
              data-role={s.role}
            />
          );
        }
        if (s.kind === 'line') {
          return (
            <line
              key={i}
              x1={t.x(s.x1)}
              y1={t.y(s.y1)}
              x2={t.x(s.x2)}
              y2={t.y(s.y2)}
              stroke={s.role === 'grade' ? '#1d2430' : '#9aa3af'}
              strokeWidth={s.role === 'grade' ? 1.5 : 0.5}
            />
          );
        }
        if (s.kind === 'dim') {
          const off = 9;
          const dx = s.side === 'left' ? -off : s.side === 'right' ? off : 0;
          const dy = s.side === 'above' ? -off : s.side === 'below' ? off : 0;
          const x1 = t.x(s.x1) + dx;
          const y1 = t.y(s.y1) + dy;
          const x2 = t.x(s.x2) + dx;
          const y2 = t.y(s.y2) + dy;
          const mx = (x1 + x2) / 2;
          const my = (y1 + y2) / 2;
          const vertical = s.side === 'left' || s.side === 'right';
          return (
            <g key={i} stroke="#1f5fbf" fill="#1f5fbf" fontSize={10}>
              <line x1={x1} y1={y1} x2={x2} y2={y2} strokeWidth={0.7} />
              <text
                x={vertical ? mx + (s.side === 'left' ? -4 : 4) : mx}
                y={vertical ? my + 3 : my + (s.side === 'above' ? -4 : 11)}
                textAnchor={vertical ? (s.side === 'left' ? 'end' : 'start') : 'middle'}
                stroke="none"
              >
                {s.text}
              </text>
            </g>
          );
        }
        if (s.kind === 'arrow') {
          const x1 = t.x(s.x1);
          const y1 = t.y(s.y1);
          const x2 = t.x(s.x2);
          const y2 = t.y(s.y2);
          return (
            <g key={i} stroke="#b3261e" fill="#b3261e">
              <line x1={x1} y1={y1} x2={x2} y2={y2} strokeWidth={1.6} />
              <polygon
                points={`${x2},${y2} ${x2 - 7},${y2 - 4} ${x2 - 7},${y2 + 4}`}
                stroke="none"
              />
              <text x={x1} y={y1 - 5} fontSize={10} stroke="none">
                {s.text}
              </text>
            </g>
          );
        }
        return (
          <text key={i} x={t.x(s.x) + 2} y={t.y(s.y)} fontSize={10} textAnchor={s.anchor}>
            {s.text}
          </text>
        );
      })}
    </svg>
  );
}
