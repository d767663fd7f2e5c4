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
  'db.damaged': {
    id: 'Basis data {path} rusak ({problem}). Hentikan pemakaian, simpan berkas ini di samping, lalu pulihkan cadangan terakhir (lihat docs/operations.md); tidak ada yang diubah.',
    en: 'The database {path} is damaged ({problem}). Stop using it, set this file aside and restore the latest backup (see docs/operations.md); nothing was changed.',
  },
  'db.full': {
    id: 'Disk penuh saat menulis {path}. Kosongkan ruang lalu ulangi; perubahan ini tidak disimpan.',
    en: 'The disk is full while writing {path}. Free some space and repeat; this change was not saved.',
  },
  'db.readonly': {
    id: 'Akun ini tidak boleh menulis berkas basis data {path}. Itu soal izin, bukan kerusakan: minta izin tulis untuk berkas itu (lihat docs/operations.md). Tidak ada yang diubah.',
    en: 'This account may not write the database file {path}. That is a permission problem, not damage: ask for write permission on that file (see docs/operations.md). Nothing was changed.',
  },
  'db.noRead': {
    id: 'Akun ini tidak boleh membaca basis data {path}. Itu soal izin, bukan kerusakan: minta pemiliknya memberi izin baca-tulis (lihat docs/operations.md), atau pakai akun pemiliknya.',
    en: 'This account may not read the database {path}. That is a permission problem, not damage: ask its owner for read and write permission (see docs/operations.md), or use the owner’s account.',
  },
  'db.folderReadonly': {
    id: 'Akun ini tidak boleh menulis di folder {folder}, padahal kim membuat berkas kerja basis data {path} (-wal, -shm) di sana. Itu soal izin, bukan kerusakan: minta izin tulis untuk folder itu (lihat docs/operations.md), atau pindahkan basis datanya ke folder Anda sendiri. Tidak ada yang diubah.',
    en: 'This account may not write in the folder {folder}, where kim keeps the working files of the database {path} (-wal, -shm). That is a permission problem, not damage: ask for write permission on that folder (see docs/operations.md), or move the database to a folder of your own. Nothing was changed.',
  },
  'db.io': {
    id: 'Galat baca/tulis pada {path}: {reason}. Periksa disk; perubahan ini tidak disimpan.',
    en: 'Read/write error on {path}: {reason}. Check the disk; this change was not saved.',
  },
  'env.driverMissing': {
    id: 'Bagian terkompilasi dari penggerak SQLite kim (better-sqlite3) tidak ada, jadi tidak ada basis data yang bisa dibuka; basis datanya sendiri tidak apa-apa. Di folder {dir} jalankan `npm rebuild better-sqlite3`, lalu ulangi.',
    en: "The compiled part of kim's SQLite driver (better-sqlite3) is missing, so no database can be opened; the database itself is fine. In the folder {dir} run `npm rebuild better-sqlite3`, then try again.",
  },
  'env.driverMismatch': {
    id: 'Penggerak SQLite kim (better-sqlite3) dikompilasi untuk versi Node.js lain, bukan {node} yang berjalan sekarang; basis datanya sendiri tidak apa-apa. Di folder {dir} jalankan `npm rebuild better-sqlite3`, lalu ulangi.',
    en: "kim's SQLite driver (better-sqlite3) was built for another Node.js version, not the {node} running now; the database itself is fine. In the folder {dir} run `npm rebuild better-sqlite3`, then try again.",
  },
  'settings.office': { id: 'nama kantor untuk judul laporan', en: 'office name used in report titles' },
  'settings.regency': { id: 'kabupaten/kota kantor (kode Kemendagri)', en: 'the office regency (Kemendagri code)' },
  'init.ready': {
    id: 'Basis data siap: {path} (skema {version}).',
    en: 'Database ready: {path} (schema {version}).',
  },
  'init.regency': {
    id: 'Wilayah kantor: {code} {name} — {districts} kecamatan, {villages} desa/kelurahan.',
    en: 'Office regency: {code} {name} — {districts, plural, one {# district} other {# districts}}, {villages, plural, one {# village} other {# villages}}.',
  },
  'config.unknownKey': {
    id: 'Pengaturan "{key}" tidak dikenal. Lihat `kim config list` untuk daftarnya.',
    en: 'Unknown setting "{key}". See `kim config list` for the list.',
  },
  'backup.done': {
    id: 'Cadangan dibuat: {path} ({size}, skema {version}). Simpan salinannya juga di luar komputer ini.',
    en: 'Backup written: {path} ({size}, schema {version}). Keep a copy off this computer too.',
  },
  'backup.failed': {
    id: 'Cadangan ke {path} gagal: {reason}. Periksa ruang disk dan izin folder, lalu ulangi; berkas tujuan tidak diubah.',
    en: 'The backup to {path} failed: {reason}. Check the disk space and folder permissions, then repeat; the destination was not changed.',
  },
  'backup.copyDamaged': {
    id: 'Salinan untuk {path} tidak lolos pemeriksaan ({reason}); basis data aslinya mungkin rusak. Jalankan `kim check` dan lihat docs/operations.md.',
    en: 'The copy for {path} failed its check ({reason}); the database itself may be damaged. Run `kim check` and see docs/operations.md.',
  },
  'backup.notLogged': {
    id: 'Cadangan {path} sudah dibuat, tetapi belum tercatat di log audit karena basis data sedang dikunci proses lain.',
    en: 'The backup {path} was written, but not recorded in the audit log because another process held the database locked.',
  },
  'check.col.item': { id: 'Pemeriksaan', en: 'Check' },
  'check.col.result': { id: 'Hasil', en: 'Result' },
  'check.item.integrity': { id: 'Keutuhan berkas', en: 'File integrity' },
  'check.item.foreignKeys': { id: 'Rujukan antar-tabel', en: 'References between tables' },
  'check.item.schema': { id: 'Versi skema', en: 'Schema version' },
  'check.schemaValue': { id: '{version} (versi ini: {expected})', en: '{version} (this kim: {expected})' },
  'check.problems': { id: 'masalah: {count}', en: 'problems: {count}' },
  'check.sound': {
    id: 'Basis data {path} utuh.',
    en: 'The database {path} is sound.',
  },
  'check.older': {
    id: 'Skema {version} lebih lama dari {expected}; perintah kim berikutnya akan memperbaruinya. Buat `kim backup` dulu.',
    en: 'Schema {version} is older than {expected}; the next kim command will upgrade it. Take a `kim backup` first.',
  },
  'check.problemCounts': {
    id: '{problems} masalah keutuhan, {references} rujukan putus',
    en: '{problems, plural, one {# integrity problem} other {# integrity problems}}, {references, plural, one {# broken reference} other {# broken references}}',
  },
  'check.unreadable': {
    id: '{path} tidak dapat dibaca sebagai basis data ({reason}). Berkas rusak atau bukan basis data kim: pulihkan cadangan terakhir (lihat docs/operations.md).',
    en: '{path} cannot be read as a database ({reason}). It is damaged or not a kim database: restore the latest backup (see docs/operations.md).',
  },
  'log.col.time': { id: 'Waktu', en: 'Time' },
  'log.col.operator': { id: 'Petugas', en: 'Operator' },
  'log.col.action': { id: 'Tindakan', en: 'Action' },
  'log.col.what': { id: 'Objek', en: 'What' },
  'log.col.details': { id: 'Rincian', en: 'Details' },
  'log.entity.community': { id: 'KIM', en: 'KIM' },
  'log.entity.officer': { id: 'pengurus', en: 'officer' },
  'log.entity.batch': { id: 'impor', en: 'batch' },
  'log.entity.setting': { id: 'pengaturan', en: 'setting' },
  'log.entity.database': { id: 'basis data', en: 'database' },
  'log.entity.export': { id: 'ekspor', en: 'export' },
  'log.empty': { id: 'Log audit masih kosong.', en: 'The audit log is empty.' },
  'log.badLimit': {
    id: '--limit harus bilangan bulat positif, bukan "{value}".',
    en: '--limit must be a positive whole number, not "{value}".',
  },
} satisfies Record<string, Entry>;
