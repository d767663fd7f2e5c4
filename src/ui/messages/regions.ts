import type { Entry } from './entry.js';

export const regions = {
  'regions.reresolved': {
    id: '{count} KIM yang desa/kecamatannya belum dikenali dicari lagi di referensi kabupaten/kota ini dan kini dikenali.',
    en: '{count, plural, one {# KIM whose village or district was not recognised was looked up again in this regency and is recognised now.} other {# KIMs whose village or district was not recognised were looked up again in this regency and are recognised now.}}',
  },
  'regions.merged': {
    id: '{removed} (id {removedId}) ternyata KIM yang sama dengan {kept} (id {keptId}): digabung ke id {keptId} ({moved} pengurus dipindah, {merged} pengurus yang sama digabung; riwayatnya tetap).',
    en: '{removed} (id {removedId}) turned out to be the same KIM as {kept} (id {keptId}): merged into id {keptId} ({moved, plural, one {# officer} other {# officers}} moved, {merged, plural, one {# officer who was} other {# officers who were}} the same person joined; history kept).',
  },
  'regions.regencyCodeUnknown': {
    id: 'Kode kabupaten/kota "{value}" tidak ada dalam data Kemendagri. Contoh kode yang benar: 35.74.',
    en: 'Regency code "{value}" is not in the Kemendagri reference. A valid code looks like 35.74.',
  },
  'regions.regencyUnknown': {
    id: 'Kabupaten/kota "{value}" tidak ditemukan. Periksa ejaannya, atau pakai kodenya (mis. 35.74).',
    en: 'No regency or city named "{value}". Check the spelling, or use its code (e.g. 35.74).',
  },
  'regions.regencyAmbiguous': {
    id: '"{value}" cocok dengan beberapa wilayah: {candidates}. Tulis "Kota …" atau "Kabupaten …", atau pakai kodenya.',
    en: '"{value}" matches several regions: {candidates}. Write "Kota …" or "Kabupaten …", or use the code.',
  },
  'regions.noRegency': {
    id: 'Kabupaten/kota kantor belum diatur. Jalankan `kim init --regency <kode|nama>` terlebih dahulu.',
    en: 'The office regency is not set. Run `kim init --regency <code|name>` first.',
  },
  'regions.provinceCodeUnknown': {
    id: 'Kode provinsi "{value}" tidak ada dalam data Kemendagri. Contoh kode yang benar: 16.',
    en: 'Province code "{value}" is not in the Kemendagri reference. A valid code looks like 16.',
  },
  'regions.provinceUnknown': {
    id: 'Provinsi "{value}" tidak ditemukan. Periksa ejaannya, atau pakai kodenya (mis. 16).',
    en: 'No province named "{value}". Check the spelling, or use its code (e.g. 16).',
  },
  'regions.provinceAmbiguous': {
    id: '"{value}" cocok dengan beberapa provinsi: {candidates}. Tulis lebih lengkap, atau pakai kodenya.',
    en: '"{value}" matches several provinces: {candidates}. Write more of the name, or use the code.',
  },
} satisfies Record<string, Entry>;
