import { HEIC_HEADER, JPEG_1X1, PDF_ONE_PAGE, PNG_1X1, PROGRAM_AS_JPEG } from './factories/evidence-files';
import { residentId } from './factories/identities';
import { Desk, makeDesk, openCase } from './factories/scenario';
import { TestApp, startTestApp } from './support/test-app';

jest.setTimeout(120_000);

/** Evidence files: each accepted kind, refused ones said plainly, the scope, and every opening audited. */
describe('Evidence files of a case', () => {
  let t: TestApp;
  let desk: Desk;
  let outsider: Desk;
  let caseId: string;
  let claimId: string;

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2027-01-10T10:00:00+08:00') });
    desk = await makeDesk(t);
    outsider = await makeDesk(t);
    const opened = await openCase(desk, {
      intakeDate: '2027-01-05',
      claims: [{ worker: { name: '证据甲', idNumber: residentId(9401) }, amountClaimed: '12000.00' }],
    });
    caseId = opened.id;
    claimId = (await desk.lawyer.api.get(`/cases/${caseId}/claims`)).body.items[0].id;
  });
  afterAll(() => t.close());

  it('takes a photo (JPEG, PNG, HEIC) or a PDF, recognised by its content, to the case or to a worker', async () => {
    const upload = (query: string, bytes: Buffer, type: string) => desk.lawyer.api.upload(`/cases/${caseId}/files?${query}`, bytes, type);
    const iou = await upload(`kind=iou&name=${encodeURIComponent('欠条.jpg')}&claimId=${claimId}&description=${encodeURIComponent('包工头手写欠条')}`, JPEG_1X1, 'image/jpeg');
    expect(iou.status).toBe(201);
    expect(iou.body).toMatchObject({ kind: 'iou', fileName: '欠条.jpg', mediaType: 'image/jpeg', byteSize: JPEG_1X1.length, workerName: '证据甲', uploadedBy: { id: desk.lawyer.id } });
    // the type comes from the bytes: a PNG sent as octet-stream is a PNG
    const sheet = await upload(`kind=wage_sheet&name=${encodeURIComponent('工资表.png')}`, PNG_1X1, 'application/octet-stream');
    expect(sheet.body).toMatchObject({ mediaType: 'image/png', claimId: null });
    expect((await upload(`kind=chat_records&name=IMG_0042.HEIC`, HEIC_HEADER, 'image/heic')).body.mediaType).toBe('image/heic');
    expect((await upload(`kind=contract&name=${encodeURIComponent('劳务合同.pdf')}`, PDF_ONE_PAGE, 'application/pdf')).body.mediaType).toBe('application/pdf');

    const list = (await desk.mediator.api.get(`/cases/${caseId}/files`)).body;
    expect(list.map((file: any) => file.fileName)).toEqual(['劳务合同.pdf', 'IMG_0042.HEIC', '工资表.png', '欠条.jpg']);
    const events = (await desk.lawyer.api.get(`/cases/${caseId}/events?pageSize=100`)).body.items;
    expect(events.filter((e: any) => e.kind === 'file_attached')).toHaveLength(4);

    const opened = await desk.mediator.api.getRaw(`/cases/${caseId}/files/${iou.body.id}/content`);
    expect(opened.status).toBe(200);
    expect(opened.headers.get('content-type')).toBe('image/jpeg');
    expect(opened.headers.get('cache-control')).toBe('no-store');
    expect(opened.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('欠条.jpg')}`);
    expect(Buffer.from(await opened.arrayBuffer()).equals(JPEG_1X1)).toBe(true);
    const audit = (await t.admin.get(`/audit?action=download&entityId=${iou.body.id}`)).body.items;
    expect(audit).toEqual([expect.objectContaining({ actorId: desk.mediator.id, action: 'download', entityType: 'case_files' })]);
  });

  it('refuses a program renamed to .jpg, a file too large, an empty one and a worker of another case, saving nothing', async () => {
    const before = (await desk.lawyer.api.get(`/cases/${caseId}/files`)).body.length;
    const program = await desk.lawyer.api.upload(`/cases/${caseId}/files?kind=iou&name=${encodeURIComponent('欠条.jpg')}`, PROGRAM_AS_JPEG, 'image/jpeg');
    expect(program.status).toBe(415);
    expect(program.body).toMatchObject({ code: 'FILE_TYPE_NOT_ACCEPTED' });
    expect(program.body.message).toContain('Windows 程序');
    const declared = await desk.lawyer.api.upload(`/cases/${caseId}/files?kind=iou&name=setup.exe`, PROGRAM_AS_JPEG, 'application/x-msdownload');
    expect(declared.status).toBe(415);

    const large = Buffer.concat([JPEG_1X1.subarray(0, 4), Buffer.alloc(11 * 1024 * 1024, 1)]);
    const tooLarge = await desk.lawyer.api.upload(`/cases/${caseId}/files?kind=iou&name=big.jpg`, large, 'image/jpeg');
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.code).toBe('PAYLOAD_TOO_LARGE');

    const empty = await desk.lawyer.api.upload(`/cases/${caseId}/files?kind=iou&name=a.jpg`, Buffer.alloc(0), 'image/jpeg');
    expect(empty.status).toBe(400);
    expect(empty.body.code).toBe('FILE_REQUIRED');

    const other = await openCase(desk, { claims: [{ worker: { name: '证据乙', idNumber: residentId(9402) }, amountClaimed: '100.00' }] });
    const otherClaim = (await desk.lawyer.api.get(`/cases/${other.id}/claims`)).body.items[0].id;
    const wrongWorker = await desk.lawyer.api.upload(`/cases/${caseId}/files?kind=iou&name=a.jpg&claimId=${otherClaim}`, JPEG_1X1, 'image/jpeg');
    expect(wrongWorker.status).toBe(400);
    expect(wrongWorker.body.errors).toEqual([expect.objectContaining({ field: 'claimId', code: 'NOT_ON_CASE' })]);
    const noKind = await desk.lawyer.api.upload(`/cases/${caseId}/files?name=a.jpg`, JPEG_1X1, 'image/jpeg');
    expect(noKind.status).toBe(400);
    expect(noKind.body.errors).toEqual([expect.objectContaining({ field: 'kind' })]);

    expect((await desk.lawyer.api.get(`/cases/${caseId}/files`)).body).toHaveLength(before);
    expect((await desk.leader.api.upload(`/cases/${caseId}/files?kind=iou&name=a.jpg`, JPEG_1X1, 'image/jpeg')).status).toBe(403);
  });

  it('keeps a case’s files to its scope: another district’s user finds none, and cannot open or add one', async () => {
    const [file] = (await desk.lawyer.api.get(`/cases/${caseId}/files`)).body;
    for (const attempt of [
      outsider.lawyer.api.get(`/cases/${caseId}/files`),
      outsider.lawyer.api.get(`/cases/${caseId}/files/${file.id}/content`),
      outsider.lawyer.api.upload(`/cases/${caseId}/files?kind=iou&name=a.jpg`, JPEG_1X1, 'image/jpeg'),
    ]) {
      const response = await attempt;
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('CASE_NOT_FOUND');
    }
    const otherCase = await openCase(outsider, { claims: [{ worker: { name: '证据丙', idNumber: residentId(9403) }, amountClaimed: '100.00' }] });
    const wrongCase = await desk.lawyer.api.get(`/cases/${otherCase.id}/files/${file.id}/content`);
    expect(wrongCase.status).toBe(404);
    const missing = await desk.lawyer.api.get(`/cases/${caseId}/files/${otherCase.id}/content`);
    expect(missing.body.code).toBe('FILE_NOT_FOUND');
  });
});
