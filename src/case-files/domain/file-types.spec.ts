import { cleanFileName, sniffFileType } from './file-types';

const bytes = (...values: (number | string)[]) =>
  new Uint8Array(values.flatMap((value) => (typeof value === 'string' ? [...value].map((c) => c.charCodeAt(0)) : [value])));

describe('what a file is, by its first bytes', () => {
  it('accepts JPEG, PNG, PDF and the photos of iPhones (HEIC and HEIF)', () => {
    expect(sniffFileType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'JFIF'))).toEqual({ accepted: true, mediaType: 'image/jpeg' });
    expect(sniffFileType(bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0))).toEqual({ accepted: true, mediaType: 'image/png' });
    expect(sniffFileType(bytes('%PDF-1.7\n'))).toEqual({ accepted: true, mediaType: 'application/pdf' });
    expect(sniffFileType(bytes(0, 0, 0, 0x18, 'ftypheic', 0, 0, 0, 0))).toEqual({ accepted: true, mediaType: 'image/heic' });
    expect(sniffFileType(bytes(0, 0, 0, 0x1c, 'ftypmif1', 0, 0, 0, 0))).toEqual({ accepted: true, mediaType: 'image/heif' });
  });

  it('names what it refuses: a program renamed to .jpg is still a program', () => {
    expect(sniffFileType(bytes('MZ', 0x90, 0))).toEqual({ accepted: false, kind: 'windows_program' });
    expect(sniffFileType(bytes(0x7f, 'ELF', 2))).toEqual({ accepted: false, kind: 'linux_program' });
    expect(sniffFileType(bytes('PK', 3, 4, 20))).toEqual({ accepted: false, kind: 'zip_or_office' });
    expect(sniffFileType(bytes('GIF89a'))).toEqual({ accepted: false, kind: 'gif' });
    expect(sniffFileType(bytes(0, 0, 0, 0x18, 'ftypmp42'))).toEqual({ accepted: false, kind: 'unknown' });
    expect(sniffFileType(bytes())).toEqual({ accepted: false, kind: 'unknown' });
  });

  it('keeps a file’s name without its path or control characters', () => {
    expect(cleanFileName('C:\\Users\\张\\欠条.jpg')).toBe('欠条.jpg');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName(' 工资表\u0007.pdf ')).toBe('工资表.pdf');
  });
});
