import { useEffect, useRef } from 'preact/hooks';
import cytoscape from 'cytoscape';
import { Obj } from '../api';

// Cytoscape injects a <style> element (".__________cytoscape_container { position: relative }") unless
// one with its id exists; the page's CSP refuses inline styles, so a placeholder takes the id and
// style.css carries the rule.
function claimCytoscapeStylesheet() {
  const id = '__________cytoscape_stylesheet';
  if (document.getElementById(id)) return;
  const placeholder = document.createElement('meta');
  placeholder.id = id;
  document.head.appendChild(placeholder);
}

/** A dependency network block: nodes (the asked CI is `root`, highlighted) and edges with their relation. */
export function NetworkBlock({ data }: { data: Obj }) {
  const el = useRef<HTMLDivElement>(null);
  const nodes: Obj[] = data.nodes ?? [];
  const edges: Obj[] = data.edges ?? [];
  useEffect(() => {
    if (!el.current) return;
    claimCytoscapeStylesheet();
    const ids = new Set(nodes.map((n) => String(n.id)));
    const cy = cytoscape({
      container: el.current,
      elements: [
        ...nodes.map((n) => ({
          data: { id: String(n.id), label: n.label?.includes(`(${n.id})`) ? n.label : `${n.label ?? n.id}\n${n.id}` },
          classes: [n.root ? 'root' : '', n.status && n.status !== 'running' ? 'bad' : ''].join(' '),
        })),
        ...edges
          .filter((e) => ids.has(String(e.source)) && ids.has(String(e.target)))
          .map((e, i) => ({ data: { id: `e${i}`, source: String(e.source), target: String(e.target), label: e.relation ?? '' } })),
      ],
      style: [
        { selector: 'node', style: { label: 'data(label)', 'font-size': 9, 'text-wrap': 'wrap', 'text-valign': 'bottom', 'background-color': '#64748b', width: 18, height: 18 } },
        { selector: 'node.root', style: { 'background-color': '#dc2626', width: 28, height: 28, 'font-weight': 'bold', 'border-width': 3, 'border-color': '#fca5a5' } },
        { selector: 'node.bad', style: { 'background-color': '#f59e0b' } },
        { selector: 'edge', style: { width: 1.5, 'line-color': '#94a3b8', 'target-arrow-shape': 'triangle', 'target-arrow-color': '#94a3b8', 'curve-style': 'bezier', label: 'data(label)', 'font-size': 7, color: '#64748b' } },
      ],
      layout: { name: 'preset' },
      wheelSensitivity: 0.3,
      maxZoom: 1.3,
    });
    // levels by distance from the asked CI (the root), laid out top-down
    const roots = nodes.filter((n) => n.root).map((n) => String(n.id));
    cy.layout({ name: 'breadthfirst', directed: true, roots: roots.length ? roots : undefined, spacingFactor: 1.2 }).run();
    if (edges.length > 6) cy.edges().style('label', '');
    return () => cy.destroy();
  }, [data]);
  const root = nodes.find((n) => n.root);
  return (
    <div class="block network-block" data-testid="network" data-nodes={nodes.length} data-edges={edges.length}>
      <div class="legend">
        {nodes.length} nodes, {edges.length} edges{root ? `; asked: ${root.label ?? root.id}` : ''}
      </div>
      <div class="cy" ref={el} />
    </div>
  );
}
