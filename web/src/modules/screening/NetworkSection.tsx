import { lazy, Suspense, useCallback } from 'react';
import type { NetworkPath, Screening } from '../../api/screening';
import { useI18n } from '../../i18n/i18n';
import { Table, TBody, Td, THead, Th, Tr } from '../../ui/Table';
import { Heading, Paragraph } from '../../ui/Typography';
import { Loading } from '../../auth/guards';

// Cytoscape is large: it loads only when a screening has paths to draw.
const NetworkView = lazy(() => import('./NetworkView').then((m) => ({ default: m.NetworkView })));

function PathRows({ path, n }: { path: NetworkPath; n: number }) {
  const { m } = useI18n();
  const s = m.screening;
  const caption = (id: string) => path.nodes.find((node) => node.id === id)?.caption ?? id;
  const target = path.nodes[path.nodes.length - 1]?.caption ?? '';
  return (
    <>
      {path.edges.map((edge, i) => (
        <Tr key={`${n}-${i}`} testId="screening-path-step">
          <Td label={s.pathColumns.path}>{i === 0 ? s.pathLabel(n, path.length, target) : ''}</Td>
          <Td label={s.pathColumns.step}>{i + 1}</Td>
          <Td label={s.pathColumns.from}>{caption(path.nodes[i]?.id ?? edge.source)}</Td>
          <Td label={s.pathColumns.tie}>
            {caption(edge.source)} {s.edgeTypes[edge.type] ?? edge.type} {caption(edge.target)}
            {edge.role ? ` (${s.roles[edge.role] ?? edge.role})` : ''}
          </Td>
          <Td label={s.pathColumns.to}>{caption(path.nodes[i + 1]?.id ?? edge.target)}</Td>
          <Td label={s.pathColumns.dates}>{s.since(edge.startDate, edge.endDate)}</Td>
        </Tr>
      ))}
    </>
  );
}

/** The network view of the paths, the same paths as a table, and the hubs that were skipped. */
export function NetworkSection({ screening }: { screening: Screening }) {
  const { m } = useI18n();
  const s = m.screening;
  const { paths, skippedHubs, maxHops } = screening.result;
  const edgeLabel = useCallback((type: string) => s.edgeTypes[type] ?? type, [s]);
  return (
    <section aria-labelledby="screening-network-title" className="wb-section">
      <Heading level={2} id="screening-network-title">
        {s.networkTitle}
      </Heading>
      <Paragraph>{paths.length ? s.networkIntro(maxHops) : s.noPaths(maxHops)}</Paragraph>
      {paths.length ? (
        <>
          <Suspense fallback={<Loading />}>
            <NetworkView paths={paths} label={s.graphLabel} edgeLabel={edgeLabel} />
          </Suspense>
          <Heading level={3}>{s.pathsTable}</Heading>
          <Table caption={s.pathsTable} cards testId="screening-paths">
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
