import { message } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import { createContext, ReactNode, useContext } from 'react';

const ToastContext = createContext<MessageInstance | null>(null);

/**
 * Short confirmations ("已保存") in the theme and language on screen. antd's <App> would give the same
 * through App.useApp(), but brings its modal and notification code into every page (about 30 KiB gzip).
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [api, holder] = message.useMessage();
  return (
    <ToastContext.Provider value={api}>
      {holder}
      {children}
    </ToastContext.Provider>
  );
}

export function useToast(): MessageInstance {
  const toast = useContext(ToastContext);
  if (!toast) throw new Error('useToast outside ToastProvider');
  return toast;
}
