import { Alert, Form, Modal } from 'antd';
import type { FormInstance, FormProps } from 'antd';
import { ReactNode, useRef, useState } from 'react';
import { showApiErrors } from '../../common/forms';
import { useMessages } from '../../common/i18n/i18n';
import { useIdempotencyKey } from '../../desk/submit-once';

type FieldName<Values> = NonNullable<FormProps<Values>['fields']>[number]['name'];

// a dialog of no fields says every problem above its form (to showApiErrors an empty list means "all shown")
const NO_FIELD = ['\u0000'];

/**
 * A dialog with one form that sends one request. It sends once however often OK is pressed; on a
 * refusal the API's words are put at the fields it names (`fields`) and the rest said above the form,
 * and nothing typed is lost; on success it closes. `save` gets the Idempotency-Key of the body it
 * sends, for a create: the same body sent again carries the same key.
 */
export function FormDialog<Values extends object>({
  title,
  okText,
  form,
  fields,
  initialValues,
  save,
  onClose,
  notice,
  children,
  danger,
}: {
  title: string;
  okText: string;
  form: FormInstance<Values>;
  fields: readonly string[];
  initialValues?: Partial<Values>;
  save(values: Values, keyOf: (body: unknown) => string): Promise<void>;
  onClose(): void;
  /** what the user must know before saving (a move carries the cases along) */
  notice?: ReactNode;
  children: ReactNode;
  danger?: boolean;
}) {
  const m = useMessages();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const sending = useRef(false);
  const keyFor = useIdempotencyKey();

  const submit = async (values: Values) => {
    if (sending.current) return;
    sending.current = true;
    setBusy(true);
    setProblem(null);
    // the API's words of the last refusal go; this answer says what is still wrong
    form.setFields(form.getFieldsError().filter((field) => field.errors.length > 0).map((field) => ({ name: field.name as FieldName<Values>, errors: [] })));
    try {
      await save(values, keyFor);
      keyFor.done();
      onClose();
    } catch (error) {
      setProblem(showApiErrors(form, error, m, fields.length > 0 ? fields : NO_FIELD));
    } finally {
      sending.current = false;
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={title}
      okText={okText}
      cancelText={m.common.cancel}
      okButtonProps={{ danger }}
      onOk={() => form.submit()}
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      {notice}
      {problem && <Alert type="error" showIcon role="alert" title={m.casePage.refused} description={problem} style={{ marginBottom: 12 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={initialValues} requiredMark={false} disabled={busy}>
        {children}
      </Form>
    </Modal>
  );
}
