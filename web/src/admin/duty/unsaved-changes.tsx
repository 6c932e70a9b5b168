import { Modal } from 'antd';
import { useEffect } from 'react';
import { useBlocker } from 'react-router';

/**
 * Warns before unsaved changes are lost: a link or a month change inside the app asks first (the
 * router's blocker), and closing or reloading the tab gets the browser's own question.
 */
export function UnsavedChangesGuard({ dirty, texts }: { dirty: boolean; texts: { title: string; body: string; leave: string; stay: string } }) {
  // a change of the query alone (?month=) is a navigation too: it would replace the grid
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname + currentLocation.search !== nextLocation.pathname + nextLocation.search);
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  return (
    <Modal
      open={blocker.state === 'blocked'}
      title={texts.title}
      okText={texts.leave}
      okButtonProps={{ danger: true }}
      cancelText={texts.stay}
      onOk={() => blocker.proceed?.()}
      onCancel={() => blocker.reset?.()}
    >
      {texts.body}
    </Modal>
  );
}
