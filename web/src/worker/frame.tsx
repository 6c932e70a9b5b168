import { ConfigProvider } from 'antd-mobile';
import enUS from 'antd-mobile/es/locales/en-US';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { ReactNode, useEffect } from 'react';
import { Link } from 'react-router';
import { useI18n, useMessagesWith } from '../common/i18n/i18n';
import { PhoneLanguageSwitch } from '../mediation/language-switch';
import { workerMessages } from './worker.messages';
import '../mediation/phone.css';
import './worker.css';

/*
 * The workers' pages share the mediator's phone look (phone.css: antd-mobile darkened to pass contrast,
 * big inputs, the action under the thumb) but not its frame: nobody is logged in, so no inbox, no
 * desk, no login over the page. They use no Toast or Dialog, which on React 19 need the shim the
 * mediator's frame installs.
 */

/** One of the workers' pages: its title and the language, a link to the other page, the content, the action at the bottom. */
export function WorkerScreen({ title, elsewhere, footer, children }: { title: string; elsewhere: { to: string; label: string; state?: unknown }; footer?: ReactNode; children: ReactNode }) {
  const { locale } = useI18n();
  const m = useMessagesWith({ worker: workerMessages });
  useEffect(() => {
    document.title = `${title} · ${m.worker.appName}`;
  }, [title, m]);
  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN}>
      <div className="m-frame w-frame">
        <header className="m-bar">
          <div className="m-bar-row">
            <h1 className="m-title">{title}</h1>
            <PhoneLanguageSwitch />
          </div>
          <nav className="m-strip" aria-label={m.worker.appName}>
            <Link to={elsewhere.to} state={elsewhere.state}>
              {elsewhere.label}
            </Link>
          </nav>
        </header>
        <main className="m-main">{children}</main>
        {footer && <div className="m-footer">{footer}</div>}
      </div>
    </ConfigProvider>
  );
}
