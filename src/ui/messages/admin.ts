import type { Entry } from './entry.js';

export const admin = {
  'db.missing': {
    id: 'Basis data {path} belum ada. Jalankan `kim init --regency <kode|nama>` atau `kim import <berkas>` dulu, atau pilih yang lain dengan --db.',
    en: 'There is no database at {path}. Run `kim init --regency <code|name>` or `kim import <file>` first, or choose another with --db.',
  },
  'db.cantCreate': {
    id: 'Tidak dapat membuat basis data {path}: {reason}. Periksa folder dan izinnya.',
    en: 'Cannot create the database {path}: {reason}. Check the folder and its permissions.',
  },
  'db.cantOpen': {
    id: 'Tidak dapat membuka basis data {path}: {reason}. Periksa berkas dan izinnya.',
    en: 'Cannot open the database {path}: {reason}. Check the file and its permissions.',
  },
  'db.newer': {
    id: 'Basis data {path} ditulis oleh kim yang lebih baru (skema {version}, versi ini mengenal sampai {supported}). Perbarui kim; berkas tidak diubah.',
    en: 'The database {path} was written by a newer kim (schema {version}; this version knows up to {supported}). Update kim; the file was not changed.',
  },
  'db.notKim': {
    id: '{path} adalah basis data SQLite, tetapi bukan milik kim. Pilih berkas lain dengan --db.',
    en: '{path} is an SQLite database, but not a kim one. Choose another file with --db.',
  },
  'db.locked': {
    id: 'Basis data {path} sedang dipakai proses lain terlalu lama. Tunggu sampai selesai lalu coba lagi (atau naikkan KIM_BUSY_TIMEOUT, dalam milidetik). Tidak ada yang diubah.',
    en: 'The database {path} stayed locked by another process too long. Wait for it to finish and try again (or raise KIM_BUSY_TIMEOUT, in milliseconds). Nothing was changed.',
  },
  'db.corrupt': {
    id: 'Basis data {path} rusak atau bukan basis data. Pulihkan dari cadangan (lihat docs/operations.md); tidak ada yang diubah.',
    en: 'The database {path} is damaged or not a database. Restore it from a backup (see docs/operations.md); nothing was changed.',
  },
  'db.full': {
    id: 'Disk penuh saat menulis {path}. Kosongkan ruang lalu ulangi; perubahan ini tidak disimpan.',
    en: 'The disk is full while writing {path}. Free some space and repeat; this change was not saved.',
  },
  'db.readonly': {
    id: 'Basis data {path} hanya bisa dibaca. Periksa izin berkas dan foldernya.',
    en: 'The database {path} is read-only. Check the permissions of the file and its folder.',
  },
  'db.io': {
    id: 'Galat baca/tulis pada {path}: {reason}. Periksa disk; perubahan ini tidak disimpan.',
    en: 'Read/write error on {path}: {reason}. Check the disk; this change was not saved.',
  },
  'settings.office': { id: 'nama kantor untuk judul laporan', en: 'office name used in report titles' },
  'settings.regency': { id: 'kabupaten/kota kantor (kode Kemendagri)', en: 'the office regency (Kemendagri code)' },
  'init.ready': {
    id: 'Basis data siap: {path} (skema {version}).',
    en: 'Database ready: {path} (schema {version}).',
  },
  'init.regency': {
    id: 'Wilayah kantor: {code} {name} — {districts} kecamatan, {villages} desa/kelurahan.',
    en: 'Office regency: {code} {name} — {districts} districts, {villages} villages.',
  },
  'config.unknownKey': {
    id: 'Pengaturan "{key}" tidak dikenal. Lihat `kim config list` untuk daftarnya.',
    en: 'Unknown setting "{key}". See `kim config list` for the list.',
  },
} satisfies Record<string, Entry>;
