import { organisationTree } from './organisation-tree';

const organisation = (id: string, parentId: string | null, depth: number) => ({
  id, parentId, depth, code: id.toUpperCase(), name: `${id} 工会`, kind: 'district_federation' as const, district: null, createdAt: '2026-11-22T15:08:05+08:00',
});

describe('organisationTree', () => {
  it('puts each organisation under its parent, in the order of the list', () => {
    const tree = organisationTree([organisation('bj', null, 0), organisation('sy', 'bj', 1), organisation('fw', 'sy', 2), organisation('cy', 'bj', 1)]);
    expect(tree.map((node) => node.organisation.id)).toEqual(['bj']);
    expect(tree[0].children.map((node) => node.organisation.id)).toEqual(['sy', 'cy']);
    expect(tree[0].children[0].children.map((node) => node.organisation.id)).toEqual(['fw']);
  });

  it('makes a root of the top of a scope below the city (its parent is not in the list)', () => {
    const tree = organisationTree([organisation('sy', 'bj', 1), organisation('fw', 'sy', 2)]);
    expect(tree.map((node) => node.organisation.id)).toEqual(['sy']);
    expect(tree[0].children).toHaveLength(1);
  });

  it('answers no tree for no organisations', () => {
    expect(organisationTree([])).toEqual([]);
  });
});
