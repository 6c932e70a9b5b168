import type { ReactNode } from 'react';

/**
 * A section's page on a white panel, its title the page's heading. Not antd's Card: the same look
 * without its code (13 KiB gzip) in pages that must stay within their budget beside a Table.
 */
export function AdminPanel({ title, intro, extra, children }: { title: string; intro?: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby="admin-panel-title" style={{ background: '#fff', borderRadius: 8, padding: 'clamp(12px, 3vw, 24px)', border: '1px solid #f0f0f0' }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', justifyContent: 'space-between', marginBottom: 8 }}>
        <h1 id="admin-panel-title" style={{ fontSize: 20, fontWeight: 600, margin: 0 }}>
          {title}
        </h1>
        {extra}
      </div>
      {intro && <p style={{ color: 'rgba(0, 0, 0, 0.65)', marginTop: 0 }}>{intro}</p>}
      {children}
    </section>
  );
}
