import { Select } from 'antd';
import { useOrganisations } from './use-organisations';

/**
 * An organisation of my scope, found by part of its name or code, the list drawn as the tree it is
 * (each indented under its parent, in the API's tree order). A plain Select, not antd's TreeSelect: the
 * same choice without the tree's code in every administration page. In a Form.Item the form gives the
 * value and its label's id.
 */
export function OrganisationSelect({
  value,
  onChange,
  label,
  allowClear,
  style,
  ...passed
}: {
  value?: string;
  onChange?(value: string | undefined): void;
  label: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  id?: string;
}) {
  const organisations = useOrganisations();
  const list = organisations.data ?? [];
  const depthOfTop = Math.min(...list.map((organisation) => organisation.depth));
  return (
    <Select
      {...passed}
      aria-label={label}
      placeholder={label}
      value={value}
      onChange={(next?: string) => onChange?.(next ?? undefined)}
      allowClear={allowClear}
      loading={organisations.isPending}
      showSearch={{ optionFilterProp: 'search' }}
      // the chosen one by its name alone, without the list's indentation
      labelRender={({ value: id }) => list.find((organisation) => organisation.id === id)?.name ?? ''}
      options={list.map((organisation) => ({
        value: organisation.id,
        search: `${organisation.name} ${organisation.code}`,
        label: (
          <span style={{ paddingInlineStart: (organisation.depth - depthOfTop) * 16 }}>
            {organisation.name}（{organisation.code}）
          </span>
        ),
      }))}
      style={{ width: '100%', maxWidth: 360, ...style }}
    />
  );
}
