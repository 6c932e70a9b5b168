import { useRef, useState } from 'react';
import { idempotencyKey } from '../common/api/client';
import { useMessagesWith } from '../common/i18n/i18n';
import { PHOTO_LIMITS, preparePhoto } from './photos';
import { workerMessages } from './worker.messages';

/** A photo the worker picked, ready to send after his report. */
export interface PickedPhoto {
  id: string;
  name: string;
  blob: Blob;
  type: string;
  /** An object URL of what is sent, for the thumbnail; null when the browser cannot draw it (HEIC in Chrome). */
  preview: string | null;
}

export function revokePreviews(photos: readonly PickedPhoto[]): void {
  for (const photo of photos) if (photo.preview) URL.revokeObjectURL(photo.preview);
}

const MB = 1024 * 1024;

/** What the picker has to say about the last pick, kept as facts so it is said in the language on screen. */
type Note = { kind: 'tooBig'; name: string } | { kind: 'tooMany' };

/**
 * Up to six photos from the camera or the gallery, each made small at once, shown as thumbnails he can
 * remove. One still over the API's 5 MB after that is refused here, by its name, and never sent.
 */
export function PhotoPicker({ photos, onPhotos }: { photos: PickedPhoto[]; onPhotos(photos: PickedPhoto[]): void }) {
  const m = useMessagesWith({ worker: workerMessages });
  const t = m.worker.report.photos;
  const input = useRef<HTMLInputElement>(null);
  const [preparing, setPreparing] = useState(false);
  const [notes, setNotes] = useState<Note[]>([]);
  const room = PHOTO_LIMITS.count - photos.length;

  const pick = async (files: File[]) => {
    const said: Note[] = [];
    if (files.length > room) said.push({ kind: 'tooMany' });
    setPreparing(true);
    const added: PickedPhoto[] = [];
    for (const file of files.slice(0, Math.max(0, room))) {
      const prepared = await preparePhoto(file);
      if (prepared.blob.size > PHOTO_LIMITS.bytes) {
        said.push({ kind: 'tooBig', name: file.name });
        continue;
      }
      added.push({
        id: idempotencyKey(),
        name: file.name,
        blob: prepared.blob,
        type: prepared.type,
        preview: prepared.drawable ? URL.createObjectURL(prepared.blob) : null,
      });
    }
    setPreparing(false);
    setNotes(said);
    onPhotos([...photos, ...added]);
    // the same photo may be picked again after it was removed
    if (input.current) input.current.value = '';
  };

  const remove = (photo: PickedPhoto) => {
    revokePreviews([photo]);
    setNotes([]);
    onPhotos(photos.filter((other) => other !== photo));
  };

  return (
    <>
      <p className="w-text">{t.intro}</p>
      <input
        ref={input}
        id="w-photo-input"
        className="sr-only"
        type="file"
        accept="image/*"
        multiple
        disabled={room <= 0 || preparing}
        onChange={(event) => void pick(Array.from(event.target.files ?? []))}
        aria-describedby="w-photo-count"
      />
      <label htmlFor="w-photo-input" className={room <= 0 || preparing ? 'w-pick w-pick-off' : 'w-pick'}>
        <span aria-hidden="true" className="w-pick-icon">
          +
        </span>
        {t.pick}
      </label>
      <div id="w-photo-count" className="m-hint" role="status">
        {preparing ? t.preparing : room <= 0 ? t.full(PHOTO_LIMITS.count) : t.count(photos.length, PHOTO_LIMITS.count)}
      </div>
      {notes.length > 0 && (
        <div className="m-alert w-notes" role="alert">
          {notes.map((note, index) => (
            <div key={index}>{note.kind === 'tooBig' ? t.tooBig(note.name, PHOTO_LIMITS.bytes / MB) : t.tooMany(PHOTO_LIMITS.count)}</div>
          ))}
        </div>
      )}
      {photos.length > 0 && (
        <ul className="w-photos" aria-label={t.count(photos.length, PHOTO_LIMITS.count)}>
          {photos.map((photo, index) => (
            <li key={photo.id} className="w-photo">
              {photo.preview ? (
                <img src={photo.preview} alt={t.photo(index + 1)} />
              ) : (
                <span className="w-photo-name" role="img" aria-label={t.photo(index + 1)}>
                  {photo.name}
                </span>
              )}
              <button type="button" className="w-photo-remove" onClick={() => remove(photo)} aria-label={t.remove(index + 1)}>
                {t.removeShort}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
