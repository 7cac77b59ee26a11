import { useEffect, useRef, useState } from 'react';
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import type { NetworkPath, PathEdge } from '../../api/screening';
import {
  FLAGGED_COLOR,
  HUB_COLOR,
  NODE_STYLE,
  STRAW_MAN_COLOR,
  nodeKind,
  type NetworkMarks,
  type NodeKind,
} from './network-marks';

export type NetworkTexts = {
  label: string;
  zoomIn: string;
  zoomOut: string;
  fit: string;
  controls: string;
  /** The words added under a marked node's name, so the marking is not told by colour alone. */
  applicant: string;
  strawMan: string;
  hub: string;
  flagged: string;
};

/** Below this width the paths run top to bottom, so names stay readable on a phone. */
const NARROW = 600;

function nodeLabel(caption: string, tags: string[]): string {
  return tags.length ? `${caption}\n[${tags.join(', ')}]` : caption;
}

/** Nodes and edges of all paths, each once; one row (or column, when narrow) per path. */
function elementsOf(
  paths: readonly NetworkPath[],
  edgeLabel: (edge: PathEdge) => string,
  marks: NetworkMarks,
  texts: NetworkTexts,
  narrow: boolean,
): ElementDefinition[] {
  const nodes = new Map<string, ElementDefinition>();
  const edges = new Map<string, ElementDefinition>();
  paths.forEach((path, row) => {
    path.nodes.forEach((n, i) => {
      if (nodes.has(n.id)) return;
      const start = i === 0;
      const strawMan = marks.strawMen.has(n.id);
      const hub = marks.hubs.has(n.id);
      const tags = [
        start ? texts.applicant : null,
        n.flagged ? texts.flagged : null,
        strawMan ? texts.strawMan : null,
        hub ? texts.hub : null,
      ].filter((t): t is string => t !== null);
      const kind: NodeKind = nodeKind(n.schema);
      const position = narrow ? { x: row * 190, y: i * 130 } : { x: i * 240, y: row * 130 };
      nodes.set(n.id, {
        data: { id: n.id, label: nodeLabel(n.caption, tags), kind },
        classes: [start && 'start', n.flagged && 'flagged', strawMan && 'strawman', hub && 'hub']
          .filter(Boolean)
          .join(' '),
        position,
      });
    });
    for (const e of path.edges) {
      const id = `${e.source}->${e.target}:${e.type}`;
      edges.set(id, { data: { id, source: e.source, target: e.target, label: edgeLabel(e) } });
    }
  });
  return [...nodes.values(), ...edges.values()];
}

const style: cytoscape.StylesheetStyle[] = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      color: '#1a1a1a',
      'font-size': 13,
      'text-valign': 'bottom',
      'text-margin-y': 6,
      'text-wrap': 'wrap',
      'text-max-width': '170px',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '1px',
      width: 28,
      height: 28,
    },
  },
  ...(Object.keys(NODE_STYLE) as NodeKind[]).map((kind): cytoscape.StylesheetStyle => ({
    selector: `node[kind = "${kind}"]`,
    style: { shape: NODE_STYLE[kind].shape, 'background-color': NODE_STYLE[kind].color },
  })),
  { selector: 'node.flagged', style: { 'background-color': FLAGGED_COLOR, width: 34, height: 34 } },
  {
    selector: 'node.strawman',
    style: { 'border-width': 5, 'border-color': STRAW_MAN_COLOR, 'border-style': 'double', width: 34, height: 34 },
  },
  { selector: 'node.hub', style: { 'border-width': 5, 'border-color': HUB_COLOR, 'border-style': 'dashed' } },
  { selector: 'node.start', style: { 'border-width': 4, 'border-color': '#000000', width: 36, height: 36 } },
  {
    selector: 'edge',
    style: {
      label: 'data(label)',
      width: 2,
      'line-color': '#8a949c',
      'target-arrow-color': '#8a949c',
      'target-arrow-shape': 'triangle',
      'curve-style': 'bezier',
      'font-size': 11,
      'text-background-color': '#ffffff',
      'text-background-opacity': 1,
      'text-background-padding': '2px',
    },
  },
];

/**
 * The paths drawn with Cytoscape.js: shape by kind of entity, red when flagged, a double orange
 * ring for a straw man, a dashed yellow ring for a hub, a black ring for the applicant. A
 * picture only — the table beside it says the same.
 */
export function NetworkView({
  paths,
  texts,
  edgeLabel,
  marks,
}: {
  paths: NetworkPath[];
  texts: NetworkTexts;
  edgeLabel: (edge: PathEdge) => string;
  marks: NetworkMarks;
}) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const [narrow, setNarrow] = useState(false);
  useEffect(() => {
    const el = container.current;
    if (!el) return undefined;
    const measure = () => setNarrow(el.clientWidth < NARROW);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    if (!container.current || paths.length === 0) return undefined;
    const cy = cytoscape({
      container: container.current,
      elements: elementsOf(paths, edgeLabel, marks, texts, narrow),
      style,
      layout: { name: 'preset', padding: 50 },
      userZoomingEnabled: true,
      boxSelectionEnabled: false,
      autoungrabify: false,
      minZoom: 0.2,
      maxZoom: 3,
    });
    cyRef.current = cy;
    return () => {
      cyRef.current = null;
      cy.destroy();
    };
  }, [paths, edgeLabel, marks, texts, narrow]);
  const zoom = (factor: number) => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  };
  return (
    <div className="wb-network-frame">
      <div className="wb-network__controls" role="group" aria-label={texts.controls}>
        <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => zoom(1.3)}>
          {texts.zoomIn}
        </button>
        <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => zoom(1 / 1.3)}>
          {texts.zoomOut}
        </button>
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          onClick={() => cyRef.current?.fit(undefined, 50)}
        >
          {texts.fit}
        </button>
      </div>
      <div
        ref={container}
        className={narrow ? 'wb-network wb-network--narrow' : 'wb-network'}
        role="img"
        aria-label={texts.label}
        data-testid="screening-network"
      />
    </div>
  );
}
