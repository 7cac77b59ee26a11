import { lazy, Suspense, useCallback, useMemo, type ReactElement } from 'react';
import type { NetworkPath, PathEdge, Screening } from '../../api/screening';
import { useI18n } from '../../i18n/i18n';
import { Table, TBody, Td, THead, Th, Tr } from '../../ui/Table';
import { Heading, Paragraph } from '../../ui/Typography';
import { Loading } from '../../auth/guards';
import { FLAGGED_COLOR, HUB_COLOR, marksOf, NODE_STYLE, STRAW_MAN_COLOR, type NodeKind } from './network-marks';

// Cytoscape is large: it loads only when a screening has paths to draw.
const NetworkView = lazy(() => import('./NetworkView').then((m) => ({ default: m.NetworkView })));

/** The tie in words: "bestuurder van", with the role only when it adds something ("eigenaar van (UBO)"). */
function useTieText() {
  const { m } = useI18n();
  const s = m.screening;
  return useCallback(
    (edge: PathEdge) => {
      const type = s.edgeTypes[edge.type] ?? edge.type;
      if (!edge.role) return type;
      const role = s.roles[edge.role.toLowerCase()] ?? edge.role;
      return type.toLowerCase().includes(role.toLowerCase()) ? type : `${type} (${role})`;
    },
    [s],
  );
}

function PathRows({ path, n }: { path: NetworkPath; n: number }) {
  const { m } = useI18n();
  const s = m.screening;
  const tie = useTieText();
  const caption = (id: string) => path.nodes.find((node) => node.id === id)?.caption ?? id;
  const target = path.nodes[path.nodes.length - 1]?.caption ?? '';
  return (
    <>
      {path.edges.map((edge, i) => (
        <Tr key={`${n}-${i}`} testId="screening-path-step">
          <Td label={s.pathColumns.path}>{i === 0 ? s.pathLabel(n, path.length, target) : s.pathShort(n)}</Td>
          <Td label={s.pathColumns.step}>{i + 1}</Td>
          <Td label={s.pathColumns.from}>{caption(path.nodes[i]?.id ?? edge.source)}</Td>
          <Td label={s.pathColumns.tie}>
            {caption(edge.source)} {tie(edge)} {caption(edge.target)}
          </Td>
          <Td label={s.pathColumns.to}>{caption(path.nodes[i + 1]?.id ?? edge.target)}</Td>
          <Td label={s.pathColumns.dates}>{s.since(edge.startDate, edge.endDate)}</Td>
        </Tr>
      ))}
    </>
  );
}

function Swatch({ kind, color, ring, dashed }: { kind: NodeKind; color: string; ring?: string; dashed?: boolean }) {
  const stroke = ring ? { stroke: ring, strokeWidth: 3, strokeDasharray: dashed ? '3 2' : undefined } : {};
  const shape = NODE_STYLE[kind].shape;
  return (
    <svg width="22" height="22" viewBox="0 0 22 22" aria-hidden="true" focusable="false">
      {shape === 'ellipse' ? <circle cx="11" cy="11" r="8" fill={color} {...stroke} /> : null}
      {shape === 'round-rectangle' ? <rect x="3" y="4" width="16" height="14" rx="3" fill={color} {...stroke} /> : null}
      {shape === 'triangle' ? <polygon points="11,3 20,19 2,19" fill={color} {...stroke} /> : null}
      {shape === 'hexagon' ? <polygon points="6,3 16,3 20,11 16,19 6,19 2,11" fill={color} {...stroke} /> : null}
    </svg>
  );
}

/** What the shapes, colours and rings of the drawing mean. */
function Legend() {
  const { m } = useI18n();
  const l = m.screening.legend;
  const items: { key: string; swatch: ReactElement; text: string }[] = [
    { key: 'person', swatch: <Swatch kind="person" color={NODE_STYLE.person.color} />, text: l.person },
    {
      key: 'organisation',
      swatch: <Swatch kind="organisation" color={NODE_STYLE.organisation.color} />,
      text: l.organisation,
    },
    { key: 'address', swatch: <Swatch kind="address" color={NODE_STYLE.address.color} />, text: l.address },
    { key: 'flagged', swatch: <Swatch kind="organisation" color={FLAGGED_COLOR} />, text: l.flagged },
    { key: 'start', swatch: <Swatch kind="person" color={NODE_STYLE.person.color} ring="#000" />, text: l.applicant },
    {
      key: 'strawman',
      swatch: <Swatch kind="person" color={NODE_STYLE.person.color} ring={STRAW_MAN_COLOR} />,
      text: l.strawMan,
    },
    {
      key: 'hub',
      swatch: <Swatch kind="address" color={NODE_STYLE.address.color} ring={HUB_COLOR} dashed />,
      text: l.hub,
    },
  ];
  return (
    <div className="wb-legend" data-testid="network-legend">
      <Heading level={3}>{l.title}</Heading>
      <ul className="wb-legend__list">
        {items.map((item) => (
          <li key={item.key} className="wb-legend__item">
            {item.swatch} {item.text}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The network view of the paths, its legend, the same paths as a table, and the hubs that were skipped. */
export function NetworkSection({ screening }: { screening: Screening }) {
  const { m } = useI18n();
  const s = m.screening;
  const { paths, skippedHubs, maxHops, redFlags } = screening.result;
  const edgeLabel = useTieText();
  const marks = useMemo(() => marksOf(redFlags, skippedHubs), [redFlags, skippedHubs]);
  const texts = useMemo(
    () => ({
      label: s.graphLabel,
      zoomIn: s.zoomIn,
      zoomOut: s.zoomOut,
      fit: s.zoomFit,
      controls: s.zoomControls,
      applicant: s.legend.applicantTag,
      strawMan: s.legend.strawManTag,
      hub: s.legend.hubTag,
      flagged: s.legend.flaggedTag,
    }),
    [s],
  );
  return (
    <section aria-labelledby="screening-network-title" className="wb-section">
      <Heading level={2} id="screening-network-title">
        {s.networkTitle}
      </Heading>
      <Paragraph>{paths.length ? s.networkIntro(maxHops) : s.noPaths(maxHops)}</Paragraph>
      {paths.length ? (
        <>
          <Paragraph data-testid="screening-path-count">{s.pathsShown(paths.length)}</Paragraph>
          <Legend />
          <Suspense fallback={<Loading />}>
            <NetworkView paths={paths} texts={texts} edgeLabel={edgeLabel} marks={marks} />
          </Suspense>
          <Heading level={3} id="screening-paths-title">
            {s.pathsTable}
          </Heading>
          <Table caption={s.pathsTableCaption} cards testId="screening-paths">
            <THead>
              <Th>{s.pathColumns.path}</Th>
              <Th>{s.pathColumns.step}</Th>
              <Th>{s.pathColumns.from}</Th>
              <Th>{s.pathColumns.tie}</Th>
              <Th>{s.pathColumns.to}</Th>
              <Th>{s.pathColumns.dates}</Th>
            </THead>
            <TBody>
              {paths.map((p, i) => (
                <PathRows key={`${p.candidateEntityId}-${i}`} path={p} n={i + 1} />
              ))}
            </TBody>
          </Table>
        </>
      ) : null}
      {skippedHubs.length ? (
        <>
          <Heading level={3}>{s.skippedHubs}</Heading>
          <ul className="utrecht-unordered-list">
            {skippedHubs.map((h) => (
              <li key={`${h.candidateEntityId}-${h.id}`}>{s.hub(h.caption, h.degree)}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
