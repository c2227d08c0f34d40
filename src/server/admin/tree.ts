// Trees of units and of bodies: a move may not put a node under itself or its own descendants.

/** True when making `parentId` the parent of `id` would close a loop. */
export function wouldMakeCycle(nodes: { id: string; parentId: string | null }[], id: string, parentId: string): boolean {
  const parentOf = new Map(nodes.map((n) => [n.id, n.parentId]));
  let at: string | null | undefined = parentId;
  for (let steps = 0; at && steps <= nodes.length; steps++) {
    if (at === id) return true;
    at = parentOf.get(at);
  }
  return false;
}

export interface TreeNode<T> {
  node: T;
  depth: number;
}

/** Nodes in tree order (parents before their children, siblings by name), with their depth. */
export function treeOrder<T extends { id: string; parentId: string | null; name: string }>(nodes: T[]): TreeNode<T>[] {
  const ids = new Set(nodes.map((n) => n.id));
  const children = new Map<string | null, T[]>();
  for (const n of nodes) {
    const key = n.parentId && ids.has(n.parentId) ? n.parentId : null;
    children.set(key, [...(children.get(key) ?? []), n]);
  }
  const out: TreeNode<T>[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const n of (children.get(parent) ?? []).sort((a, b) => a.name.localeCompare(b.name, "sv"))) {
      out.push({ node: n, depth });
      walk(n.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
