import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { useMessages } from '../i18n/i18n';

const STATUS_COLOURS: Record<string, string> = {
  received: 'default', verifying: 'processing', mediating: 'blue', agreed: 'cyan', paying: 'gold', closed: 'green',
  arbitration: 'purple', litigation: 'purple', referred: 'magenta', withdrawn: 'default', rejected: 'default',
};

/**
 * antd writes a preset tag in the preset's seventh shade, which on its own pale ground is below WCAG AA
 * (4.5:1) for gold (about 2.8), cyan and green (about 3.5): these take the ninth shade.
 */
const DARKER_TEXT: Record<string, string> = { gold: '#874d00', cyan: '#00474f', green: '#135200', orange: '#873800' };

/** A preset-coloured tag whose text stays readable (DARKER_TEXT). */
export function ColourTag({ colour, children }: { colour: string; children: ReactNode }) {
  return (
    <Tag color={colour} style={DARKER_TEXT[colour] ? { color: DARKER_TEXT[colour] } : undefined}>
      {children}
    </Tag>
  );
}

export function StatusTag({ status }: { status: string }) {
  const m = useMessages();
  return <ColourTag colour={STATUS_COLOURS[status]}>{m.status[status] ?? status}</ColourTag>;
}

/** A table's "nothing here" line, readable (antd draws it in the disabled grey, below WCAG AA contrast). */
export function EmptyText({ children }: { children: string }) {
  return <span style={{ color: 'rgba(0, 0, 0, 0.65)' }}>{children}</span>;
}
