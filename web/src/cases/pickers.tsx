import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../common/api/client';
import { showApiErrors } from '../common/forms';
import { useMessages } from '../common/i18n/i18n';

/** A picker of the API's things; in a Form.Item, the form gives the value and takes the changes. */
interface PickerProps {
  value?: string;
  onChange?(value: string | undefined): void;
}

/** The organisations of my scope (a flat list, indented by depth is not needed: codes say where). */
export function OrganisationPicker({ value, onChange }: PickerProps) {
  const m = useMessages();
  const organisations = useQuery({ queryKey: ['organisations'], queryFn: () => unwrap(api.GET('/organisations')), staleTime: 5 * 60_000 });
  return (
    <Select
      aria-label={m.cases.organisation}
      placeholder={m.cases.organisation}
      value={value}
      onChange={onChange}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      style={{ minWidth: 160 }}
      options={(organisations.data ?? []).map((organisation) => ({ value: organisation.id, label: organisation.name }))}
    />
  );
}

/** An employer from the register, found by part of its name or its credit code as one types. */
export function EmployerPicker({ value, onChange }: PickerProps) {
  const m = useMessages();
  const [q, setQ] = useState('');
  const employers = useQuery({
    queryKey: ['employers', q],
    queryFn: () => unwrap(api.GET('/employers', { params: { query: { q: q || undefined, pageSize: 20 } } })),
    staleTime: 60_000,
  });
  const chosen = useQuery({
    queryKey: ['employer', value],
    queryFn: () => unwrap(api.GET('/employers/{id}', { params: { path: { id: value! } } })),
    enabled: !!value,
  });
  const options = (employers.isError ? [] : (employers.data?.items ?? [])).map((employer) => ({ value: employer.id, label: employer.name }));
  if (chosen.data && !options.some((option) => option.value === chosen.data.id)) options.unshift({ value: chosen.data.id, label: chosen.data.name });
  return (
    <Select
      aria-label={m.cases.employer}
      placeholder={m.cases.employer}
      value={value}
      onChange={onChange}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      // a name typed too short to search (too many employers hold it) says so, instead of "no data"
      notFoundContent={employers.isError ? showApiErrors(null, employers.error, m) : undefined}
      style={{ minWidth: 200 }}
      options={options}
    />
  );
}

/** The lawyers or the mediators of my scope. */
export function PeoplePicker({ role, label, value, onChange }: PickerProps & { role: 'lawyer' | 'mediator'; label: string }) {
  const people = useQuery({
    queryKey: ['users', role],
    queryFn: () => unwrap(api.GET('/users', { params: { query: { role, active: true, pageSize: 200 } } })),
    staleTime: 5 * 60_000,
  });
  return (
    <Select
      aria-label={label}
      placeholder={label}
      value={value}
      onChange={onChange}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      style={{ minWidth: 120 }}
      options={(people.data?.items ?? []).map((person) => ({ value: person.id, label: person.displayName }))}
    />
  );
}

/** A project from the register (工程项目), found by part of its name as one types. */
export function ProjectPicker({ value, onChange, label }: PickerProps & { label: string }) {
  const m = useMessages();
  const [q, setQ] = useState('');
  const projects = useQuery({
    queryKey: ['projects', q],
    queryFn: () => unwrap(api.GET('/projects', { params: { query: { q: q || undefined, pageSize: 20 } } })),
    staleTime: 60_000,
  });
  return (
    <Select
      aria-label={label}
      placeholder={label}
      value={value}
      onChange={onChange}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      notFoundContent={projects.isError ? showApiErrors(null, projects.error, m) : undefined}
      style={{ minWidth: 200 }}
      options={(projects.isError ? [] : (projects.data?.items ?? [])).map((project) => ({ value: project.id, label: project.name }))}
    />
  );
}
