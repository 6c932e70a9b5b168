import type { Schemas } from '../../common/api/client';

type Organisation = Schemas['OrganisationView'];

/** An organisation with the ones directly below it: a node of the tree the pages draw. */
export interface OrganisationNode {
  organisation: Organisation;
  children: OrganisationNode[];
}

/**
 * The flat list of the API (tree order, my scope) as a tree. An organisation whose parent is not in
 * the list (the top of my scope: my own organisation, when it is not the city federation) is a root.
 */
export function organisationTree(organisations: readonly Organisation[]): OrganisationNode[] {
  const nodes = new Map(organisations.map((organisation) => [organisation.id, { organisation, children: [] as OrganisationNode[] }]));
  const roots: OrganisationNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.organisation.parentId ? nodes.get(node.organisation.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}
