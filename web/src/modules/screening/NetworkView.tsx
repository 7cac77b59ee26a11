import { useEffect, useRef } from 'react';
import cytoscape, { type ElementDefinition } from 'cytoscape';
import type { NetworkPath } from '../../api/screening';

/** Nodes and edges of all paths, each once. */
function elementsOf(paths: readonly NetworkPath[], edgeLabel: (type: string) => string): ElementDefinition[] {
  const nodes = new Map<string, ElementDefinition>();
  const edges = new Map<string, ElementDefinition>();
  for (const path of paths) {
    const row = paths.indexOf(path);
    path.nodes.forEach((n, i) => {
      const role = i === 0 ? 'start' : n.flagged ? 'flagged' : 'between';
      // Left to right by step, one row per path: labels never sit on the ties.
      if (!nodes.has(n.id))
        nodes.set(n.id, { data: { id: n.id, label: n.caption, role }, position: { x: i * 230, y: row * 130 } });
    });
    for (const e of path.edges) {
      const id = `${e.source}->${e.target}:${e.type}`;
      edges.set(id, { data: { id, source: e.source, target: e.target, label: e.role ?? edgeLabel(e.type) } });
    }
  }
  return [...nodes.values(), ...edges.values()];
}

const style: cytoscape.StylesheetStyle[] = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'background-color': '#5b6770',
      color: '#1a1a1a',
      'font-size': 12,
      'text-valign': 'bottom',
      'text-margin-y': 6,
      'text-wrap': 'wrap',
      'text-max-width': '160px',
      width: 26,
      height: 26,
    },
  },
  {
    selector: 'node[role = "start"]',
    style: { 'background-color': '#0b5ea8', shape: 'round-rectangle', width: 34, height: 34 },
  },
  {
    selector: 'node[role = "flagged"]',
    style: { 'background-color': '#b00020', shape: 'diamond', width: 34, height: 34 },
  },
  {
    selector: 'edge',
    style: {
      label: 'data(label)',
      width: 2,
      'line-color': '#8a949c',
      'target-arrow-color': '#8a949c',
      'target-arrow-shape': 'triangle',
      'curve-style': 'bezier',
      'font-size': 10,
      'text-background-color': '#ffffff',
      'text-background-opacity': 1,
      'text-background-padding': '2px',
    },
  },
];

/** The paths drawn with Cytoscape.js (start blue, flagged red); a picture only — the table beside it says the same. */
export function NetworkView({
  paths,
  label,
  edgeLabel,
}: {
  paths: NetworkPath[];
  label: string;
  edgeLabel: (type: string) => string;
}) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!container.current || paths.length === 0) return undefined;
    const cy = cytoscape({
      container: container.current,
      elements: elementsOf(paths, edgeLabel),
      style,
      layout: { name: 'preset', padding: 40 },
      userZoomingEnabled: true,
      boxSelectionEnabled: false,
      autoungrabify: false,
    });
    return () => cy.destroy();
  }, [paths, edgeLabel]);
  return <div ref={container} className="wb-network" role="img" aria-label={label} data-testid="screening-network" />;
}
